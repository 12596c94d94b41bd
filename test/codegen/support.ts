/**
 * Helpers for testing "Export as code": write a generated project to disk, type-check it with the
 * TypeScript compiler API exactly as its own tsconfig.json says, and read back the CONFIG literal
 * each generated script embeds.
 *
 * To check more canvases (e.g. lesson scenarios), add them to `exportableScenarios()` or call
 * `typecheckProject(generateProject(scenario).files)` from another test.
 */
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import type { GeneratedFile } from '../../src/codegen';
import { defaultConfig, edaScenario } from '../../src/compare';
import { goToStepStart } from '../../src/lessons';
import { TEMPLATES, TEMPLATE_IDS, type Scenario } from '../../src/scenario';
import { createKafeStore } from '../../src/store';
import { course } from '../lessons/course';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Canvases every test of the export runs on: the starter templates, the comparison's
 * event-driven side with every feature, and every lesson's canvas as it stands once all its steps
 * are solved (its starting canvas plus everything the learner added).
 */
export async function exportableScenarios(): Promise<{ name: string; scenario: Scenario }[]> {
  const solved = [];
  for (const lesson of course().lessons) solved.push({ name: `lesson ${lesson.id}, solved`, scenario: await solvedCanvas(lesson) });
  return [
    ...TEMPLATE_IDS.map((id) => ({ name: `template ${id}`, scenario: TEMPLATES[id].build() })),
    { name: 'the comparison\'s event-driven side', scenario: edaScenario(defaultConfig({ features: ['analytics', 'fraud'] })) },
    ...solved,
  ];
}

async function solvedCanvas(lesson: ReturnType<typeof course>['lessons'][number]): Promise<Scenario> {
  const store = createKafeStore(lesson.start);
  const error = await goToStepStart(store, lesson, lesson.meta.steps.length);
  if (error) throw new Error(error);
  return store.getState().scenario;
}

/**
 * Writes `files` into a fresh temporary folder whose node_modules is a link to Kafé's (which has
 * kafkajs, @types/node and typescript), runs `use(dir)`, and removes the folder once `use` is done
 * (after its promise settles, if it returns one).
 */
export function withProjectOnDisk<T>(files: readonly GeneratedFile[], use: (dir: string) => T): T {
  const dir = mkdtempSync(path.join(tmpdir(), 'kafe-export-'));
  const cleanUp = () => rmSync(dir, { recursive: true, force: true });
  let result: T;
  try {
    for (const f of files) {
      const target = path.join(dir, ...f.path.split('/'));
      if (!target.startsWith(dir + path.sep)) throw new Error(`generated path escapes the project: ${f.path}`);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, f.contents);
    }
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    result = use(dir);
  } catch (error) {
    cleanUp();
    throw error;
  }
  if (result instanceof Promise) return result.finally(cleanUp) as T;
  cleanUp();
  return result;
}

/**
 * Type-checks a generated project with the options of its own tsconfig.json and returns every
 * diagnostic as "file:line:col message" (none = it compiles). Also fails if no .ts file was
 * checked, so an empty result cannot be vacuous for a project that has scripts.
 */
export function typecheckProject(files: readonly GeneratedFile[]): { checked: string[]; diagnostics: string[] } {
  return withProjectOnDisk(files, (dir) => {
    const configText = files.find((f) => f.path === 'tsconfig.json')?.contents;
    if (!configText) throw new Error('the project has no tsconfig.json');
    const parsed = ts.parseJsonConfigFileContent(JSON.parse(configText), ts.sys, dir);
    if (parsed.errors.length > 0 && parsed.fileNames.length > 0) return { checked: [], diagnostics: parsed.errors.map(format) };
    const program = ts.createProgram(parsed.fileNames, parsed.options);
    const diagnostics = ts.getPreEmitDiagnostics(program).map(format);
    return { checked: parsed.fileNames.map((f) => path.relative(dir, f).split(path.sep).join('/')).sort(), diagnostics };
  });
}

function format(d: ts.Diagnostic): string {
  const message = ts.flattenDiagnosticMessageText(d.messageText, '\n');
  if (!d.file || d.start === undefined) return message;
  const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
  return `${path.basename(d.file.fileName)}:${line + 1}:${character + 1} ${message}`;
}

/** The JSON object of a script's `const CONFIG = {...};` (it is plain JSON by contract). */
export function configOf(contents: string): Record<string, unknown> {
  const m = /^const CONFIG = (\{[\s\S]*?\n\});$/m.exec(contents);
  if (!m) throw new Error('no CONFIG literal');
  return JSON.parse(m[1]) as Record<string, unknown>;
}

export const fileAt = (files: readonly GeneratedFile[], p: string): string => {
  const f = files.find((x) => x.path === p);
  if (!f) throw new Error(`no file ${p} among ${files.map((x) => x.path).join(', ')}`);
  return f.contents;
};
