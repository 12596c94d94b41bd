import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { findCycles, resolveImport, type ModuleGraph } from './support/cycles';
import { importsOf } from './support/imports';
import { checkLayering } from './support/layering';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE_FILE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;

function sourceFilesUnder(folder: string): string[] {
  const dir = path.join(ROOT, folder);
  let entries;
  try {
    entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => entry.isFile() && SOURCE_FILE.test(entry.name))
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

function violationsIn(file: string): string[] {
  return checkLayering(file, readFileSync(path.join(ROOT, file), 'utf8')).map(
    (v) => `${v.file}:${v.line} ${v.message}`,
  );
}

const engineFiles = sourceFilesUnder('src/engine');

describe('src/engine is pure TypeScript', () => {
  test('the engine folder has source files to check, so this suite cannot pass vacuously', () => {
    expect(engineFiles.length).toBeGreaterThan(0);
  });

  test.each(engineFiles)('%s imports nothing from React, the DOM or other src/ folders', (file) => {
    expect(violationsIn(file)).toEqual([]);
  });
});

describe('dependencies point ui -> store -> (lessons, scenario) -> engine and never back up', () => {
  const layered = ['src/util', 'src/schema', 'src/scenario', 'src/lessons', 'src/store', 'src/codegen', 'src/asyncapi', 'src/ui'].flatMap(sourceFilesUnder);

  if (layered.length === 0) {
    test.skip('each file in src/scenario, src/lessons and src/store imports nothing from a layer above it (none yet)', () => {});
  } else {
    test.each(layered)('%s imports nothing from a layer above it', (file) => {
      expect(violationsIn(file)).toEqual([]);
    });
  }
});

describe('the layering checker', () => {
  const engine = (source: string) => checkLayering('src/engine/sim.ts', source).map((v) => v.message);

  test('accepts pure code that imports only from inside the engine', () => {
    const source = `
      import { murmur2 } from './murmur2';
      import type { Offset } from './types';
      export * from './log/partition';
      import { z } from 'zod';
      // A comment may mention window, document and react freely.
      const note = "react to window.document changes";
      const state = { window: 5, document: 'x' };
      const w = state.window + state.document.length;
      interface Options { localStorage: boolean; requestAnimationFrame(): void }
      const { window: size } = { window: 3 };
      export class Sim { document = 1; window() { return size; } }
    `;
    expect(engine(source)).toEqual([]);
  });

  test('flags imports of react and react-dom, including subpaths and type-only imports', () => {
    expect(engine(`import { useState } from 'react';`)).toHaveLength(1);
    expect(engine(`import { createRoot } from 'react-dom/client';`)).toHaveLength(1);
    expect(engine(`import type { ReactNode } from 'react';`)).toHaveLength(1);
    expect(engine(`import { jsx } from 'react/jsx-runtime';`)).toHaveLength(1);
    expect(engine(`import { useStore } from '@xyflow/react';`)).toHaveLength(1);
  });

  test('flags imports from other src/ folders however they are written', () => {
    expect(engine(`import { useSim } from '../store';`)[0]).toMatch(/src\/store/);
    expect(engine(`import { Canvas } from '../ui/canvas/Canvas';`)[0]).toMatch(/src\/ui/);
    expect(engine(`export { en } from '../i18n/en';`)[0]).toMatch(/src\/i18n/);
    expect(engine(`const ui = await import('../ui/panel');`)).toHaveLength(1);
    expect(engine(`const store = require('../store');`)).toHaveLength(1);
    expect(engine(`type S = typeof import('../scenario/schema');`)).toHaveLength(1);
    expect(engine(`import { x } from '@/store/sim';`)).toHaveLength(1);
    expect(engine(`import { App } from '../App';`)).toHaveLength(1);
    expect(engine(`import { helper } from '../../test/helper';`)).toHaveLength(1);
  });

  test('flags Node built-ins, which do not exist in the browser', () => {
    expect(engine(`import { readFileSync } from 'node:fs';`)).toHaveLength(1);
  });

  test('flags uses of DOM globals', () => {
    expect(engine(`const w = window.innerWidth;`)).toHaveLength(1);
    expect(engine(`document.title = 'x';`)).toHaveLength(1);
    expect(engine(`localStorage.setItem('k', 'v');`)).toHaveLength(1);
    expect(engine(`requestAnimationFrame(() => {});`)).toHaveLength(1);
    expect(engine(`let el: HTMLElement | null = null;`)).toHaveLength(1);
    expect(engine(`function draw(c: HTMLCanvasElement) {}`)).toHaveLength(1);
    expect(engine(`const d = globalThis.document;`)).toHaveLength(1);
    expect(engine(`const o = { window };`)).toHaveLength(1);
  });

  test('flags JSX in the engine', () => {
    expect(checkLayering('src/engine/view.tsx', `export const V = () => <div />;`)).toHaveLength(1);
  });

  test('reports the line of each violation', () => {
    const [violation] = checkLayering('src/engine/sim.ts', `const a = 1;\n\nimport React from 'react';\n`);
    expect(violation).toMatchObject({ file: 'src/engine/sim.ts', line: 3 });
  });

  test('lets the code generator import scenarios and nothing else of src/', () => {
    expect(checkLayering('src/codegen/plan.ts', `import { scenarioToEngine } from '../scenario';`)).toEqual([]);
    expect(checkLayering('src/codegen/plan.ts', `import type { Command } from '../engine';`)).toHaveLength(1);
    expect(checkLayering('src/codegen/plan.ts', `import { useKafe } from '../store';`)).toHaveLength(1);
  });

  test('lets the store import the engine but not the UI', () => {
    expect(checkLayering('src/store/sim.ts', `import { createEngine } from '../engine';`)).toEqual([]);
    expect(checkLayering('src/store/sim.ts', `import { Canvas } from '../ui/Canvas';`)).toHaveLength(1);
  });

  test('lets the UI import types from the engine, never an engine or a run to advance', () => {
    const ui = (source: string) => checkLayering('src/ui/compare/Panel.tsx', source).map((v) => v.message);
    expect(ui(`import type { TraceEvent } from '../../engine';`)).toEqual([]);
    expect(ui(`import { type EngineView, type Command } from '../../engine';`)).toEqual([]);
    expect(ui(`export type { EngineView } from '../../engine';`)).toEqual([]);
    expect(ui(`type V = typeof import('../../engine');`)).toEqual([]);
    expect(ui(`import { createEngine } from '../../engine';`)[0]).toMatch(/"createEngine" from src\/engine/);
    expect(ui(`import { type EngineView, createEngine } from '../../engine';`)).toHaveLength(1);
    expect(ui(`import * as engine from '../../engine';`)).toHaveLength(1);
    expect(ui(`export { createEngine } from '../../engine';`)).toHaveLength(1);
    expect(ui(`const e = await import('../../engine');`)).toHaveLength(1);
    expect(ui(`import { CompareRun, advanceScenario } from '../../compare';`)[0]).toMatch(/"CompareRun", "advanceScenario" from src\/compare/);
    expect(ui(`import { SERVICE_IDS, type CompareRun } from '../../compare';`)).toEqual([]);
    // The store is where engines advance: the same imports are fine there.
    expect(checkLayering('src/store/compare/compareStore.ts', `import { CompareRun } from '../../compare';`)).toEqual([]);
  });

  test('lets scenarios and lessons import the engine but not the store or the UI', () => {
    expect(checkLayering('src/lessons/goals.ts', `import type { Engine } from '../engine';`)).toEqual([]);
    expect(checkLayering('src/lessons/goals.ts', `import { useSim } from '../store';`)).toHaveLength(1);
    expect(checkLayering('src/scenario/codec.ts', `import { t } from '../ui/x';`)).toHaveLength(1);
  });
});

describe('the modules of src/ form a one-way graph (no import cycles)', () => {
  const files = sourceFilesUnder('src');
  const known = new Set(files);
  const graph: ModuleGraph = new Map(
    files.map((file) => [
      file,
      importsOf(file, readFileSync(path.join(ROOT, file), 'utf8'))
        .map((specifier) => resolveImport(file, specifier, known))
        .filter((target): target is string => target !== undefined),
    ]),
  );

  test('the graph has the engine in it, so this check cannot pass vacuously', () => {
    expect(graph.get('src/engine/dispatch.ts')).toContain('src/engine/consumers.ts');
  });

  test('no module reaches itself through its imports, type-only imports included', () => {
    expect(findCycles(graph).map((cycle) => cycle.join(' -> '))).toEqual([]);
  });
});

describe('the cycle finder', () => {
  const graph = (edges: Record<string, string[]>): ModuleGraph => new Map(Object.entries(edges));

  test('finds nothing in a graph that only points one way', () => {
    expect(findCycles(graph({ a: ['b', 'c'], b: ['c', 'pkg'], c: [], d: ['a', 'c'] }))).toEqual([]);
  });

  test('finds a two-module cycle as a closed loop', () => {
    expect(findCycles(graph({ consumers: ['groups', 'cluster'], groups: ['consumers'], cluster: [] }))).toEqual([['consumers', 'groups', 'consumers']]);
  });

  test('finds a module that imports itself', () => {
    expect(findCycles(graph({ a: ['a'], b: [] }))).toEqual([['a', 'a']]);
  });

  test('reports each separate cycle once, as the shortest loop through its first module', () => {
    const cycles = findCycles(
      graph({
        a: ['b'],
        b: ['c', 'x'],
        c: ['a', 'b'],
        x: ['y'],
        y: ['z'],
        z: ['x', 'a'],
        free: ['a', 'x'],
      }),
    );
    // {a, b, c, x, y, z} is one strongly connected component: z -> a closes x..z into a..c.
    expect(cycles).toEqual([['a', 'b', 'c', 'a']]);
    expect(findCycles(graph({ a: ['b'], b: ['a'], x: ['y'], y: ['x'], top: ['a', 'x'] }))).toEqual([
      ['a', 'b', 'a'],
      ['x', 'y', 'x'],
    ]);
  });

  test('finds a long cycle and ignores edges to modules outside the graph', () => {
    const ring = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`m${i}`, [`m${(i + 1) % 5000}`, 'react']]));
    const [cycle] = findCycles(graph(ring));
    expect(cycle).toHaveLength(5001);
    expect(cycle[0]).toBe(cycle[cycle.length - 1]);
  });

  test('resolves relative specifiers to files the way the bundler does', () => {
    const files = new Set(['src/engine/groups.ts', 'src/engine/assignors/index.ts', 'src/ui/App.tsx', 'src/ui/theme.css']);
    expect(resolveImport('src/engine/consumers.ts', './groups', files)).toBe('src/engine/groups.ts');
    expect(resolveImport('src/engine/groups.ts', './assignors', files)).toBe('src/engine/assignors/index.ts');
    expect(resolveImport('src/engine/assignors/range.ts', '../groups.js', files)).toBe('src/engine/groups.ts');
    expect(resolveImport('src/main.tsx', './ui/App', files)).toBe('src/ui/App.tsx');
    expect(resolveImport('src/ui/App.tsx', './theme.css', files)).toBe('src/ui/theme.css');
    expect(resolveImport('src/ui/App.tsx', 'react', files)).toBeUndefined();
    expect(resolveImport('src/ui/App.tsx', './missing', files)).toBeUndefined();
  });

  test('reads every import form, type-only and dynamic ones included', () => {
    const source = `
      import { a } from './a';
      import type { B } from './b';
      export * from './c';
      export { d } from './d';
      const e = await import('./e');
      type F = typeof import('./f');
      const g = require('./g');
      // import { h } from './h';
      const text = "import { i } from './i'";
    `;
    expect(importsOf('src/x.ts', source)).toEqual(['./a', './b', './c', './d', './e', './f', './g']);
  });
});

describe('the repository stands alone: tests and scripts read nothing outside it', () => {
  // CI and a learner's fresh clone have no ../shared (or any other sibling folder), so a path that
  // climbs out of the repository would pass here and fail there.
  // This file is left out: its layering-checker cases quote relative paths as sample source text.
  const files = ['src', 'test', 'scripts', 'bench']
    .flatMap(sourceFilesUnder)
    .filter((file) => file !== 'test/architecture.test.ts')
    .concat(['vite.config.ts']);

  test.each(files)('%s names no path outside the repository', (file) => {
    const source = readFileSync(path.join(ROOT, file), 'utf8');
    const depth = file.split('/').length - 1;
    const escapes = [...source.matchAll(/['"`]((?:\.\.\/)+)[^'"`]*['"`]/g)]
      .filter((match) => match[1].length / 3 > depth)
      .map((match) => match[0]);
    expect(escapes).toEqual([]);
    expect(source.includes('shared/conformance')).toBe(false);
  });
});
