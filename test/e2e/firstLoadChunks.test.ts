import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, test } from 'vitest';
import { ensureBuilt, pageErrors, useApp } from './harness';

/**
 * What the first screen downloads, read from the production build's manifest (no timing: `npm
 * run bench` measures the load itself). The code a learner may never need at start stays in lazy
 * chunks: dagre (Arrange), the lesson parser (YAML) and texts, the lesson player, Thai strings,
 * avsc (the schema judge, loaded when a canvas with schemas opens), zod and the readers of saved or
 * linked text (loaded before start only when there is something to read).
 * The budget is bench/firstLoad.ts's target, counted the same way (entry + its static imports).
 */
interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  name?: string;
  imports?: string[];
  dynamicImports?: string[];
}

const BUDGET_BYTES = 250 * 1024;

let outDir = '';
let manifest: Record<string, ManifestChunk> = {};
/** Manifest keys of the chunks index.html loads eagerly: the entry and everything it imports statically. */
let initial = new Set<string>();
/** The text of every JavaScript file in the build, by file name. */
let files = new Map<string, string>();

beforeAll(async () => {
  outDir = await ensureBuilt();
  manifest = JSON.parse(await readFile(path.join(outDir, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const visit = (key: string) => {
    if (initial.has(key)) return;
    initial.add(key);
    for (const next of manifest[key].imports ?? []) visit(next);
  };
  visit('index.html');
  files = new Map();
  for (const name of await readdir(path.join(outDir, 'assets'))) if (name.endsWith('.js')) files.set(`assets/${name}`, await readFile(path.join(outDir, 'assets', name), 'utf8'));
});

const initialFiles = () => [...initial].map((key) => manifest[key].file);

/** Build files holding `text` (a string literal the minifier keeps). */
const filesWith = (text: string) => [...files].filter(([, code]) => code.includes(text)).map(([name]) => name);

describe('the first load', () => {
  test('has the entry and its static imports within the 250 kB gzip budget', async () => {
    expect(manifest['index.html']?.isEntry).toBe(true);
    let total = 0;
    for (const file of initialFiles()) total += gzipSync(await readFile(path.join(outDir, file))).length;
    expect(total).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  // A module imported lazily from more than one place may share a chunk named after it (`name`)
  // rather than be a dynamic entry of its own (`src`); either way it must not be in the first load.
  test.each([
    ['the layout module (dagre)', 'src/scenario/layout.ts'],
    ['the lesson parser', 'src/lessons/catalog.ts'],
    ['the lesson player', 'src/ui/lesson/LessonPlayer.tsx'],
    ['the Thai strings', 'src/i18n/th/core.ts'],
    ['the lesson panel', 'src/ui/lesson/LessonPanel.tsx'],
    ['a lesson text', 'lessons/01-cafe-gossip.md?raw'],
    ['a Thai lesson text', 'lessons/th/01-cafe-gossip.md?raw'],
    ["the inspector's node details", 'src/ui/inspector/NodeDetails.tsx'],
    ['the schema judge (avsc)', 'src/schema/avro.ts'],
    ['the readers of saved and linked text (zod schemas)', 'src/store/validation.ts'],
  ])('leaves %s to a lazy chunk', (_what, src) => {
    const name = path.basename(src).replace(/\.[^.]+(\?raw)?$/, '');
    const key = Object.keys(manifest).find((k) => k === src || manifest[k].src === src) ?? Object.keys(manifest).find((k) => manifest[k].name === name);
    expect(key, `${src} has no chunk in the manifest`).toBeDefined();
    expect(initial.has(key!)).toBe(false);
  });

  // vite.config.ts (compileHintsForStartChunks): Chrome compiles these as they stream in.
  test("has V8's compile hint on the first line of each of its chunks, and of no lazy chunk", () => {
    const hinted = [...files].filter(([, code]) => code.startsWith('//# allFunctionsCalledOnLoad\n')).map(([name]) => name);
    expect(hinted.sort()).toEqual(initialFiles().sort());
  });

  test.each([
    ['dagre', 'Not possible to find intersection inside of the rectangle'],
    ['yaml', 'Implicit keys need to be on a single line'],
    ['avsc', 'no matching field for default-less'],
    ['zod', 'ZodError'],
  ])('does not download %s', (_what, literal) => {
    const holders = filesWith(literal);
    expect(holders.length, `no build file holds "${literal}": pick another string of this package`).toBeGreaterThan(0);
    expect(holders.filter((f) => initialFiles().includes(f))).toEqual([]);
  });
});

const app = useApp();

describe('a first visit, in the browser', () => {
  // Nothing saved and no link: nothing to validate, so zod is not fetched at all, not even by the
  // course list (its "back to my canvas" loads the readers when pressed).
  test('fetches no zod while the first screen, its course list and its idle prefetches load', async () => {
    const page = await app.openPage('/', { viewport: { width: 1366, height: 768 } });
    await page.locator('.react-flow__node').first().waitFor();
    await page.locator('.lesson-list, [data-lesson-id]').first().waitFor();
    await page.waitForTimeout(1500);
    const scripts = (await page.evaluate("performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.endsWith('.js'))")) as string[];
    const names = scripts.map((url) => `assets/${url.split('/').pop()}`);
    expect(names.length).toBeGreaterThan(3);
    const withZod = filesWith('ZodError');
    expect(names.filter((n) => withZod.includes(n))).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
  });
});

