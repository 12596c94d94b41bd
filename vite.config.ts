/// <reference types="vitest/config" />
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin, type Rollup } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

type OutputBundle = Rollup.OutputBundle;
type OutputChunk = Rollup.OutputChunk;

const LESSON_INDEX = 'virtual:kafe-lesson-index';

/**
 * `virtual:kafe-lesson-index` (typed in src/ui/lesson/lessonIndex.d.ts): the course list's index,
 * printed by scripts/lesson-index.ts with the app's own lesson parser when first imported. The
 * lesson files are watched, so the dev server rebuilds it when a lesson changes.
 */
function lessonIndex(root: string): Plugin {
  return {
    name: 'kafe-lesson-index',
    resolveId: (id) => (id === LESSON_INDEX ? `\0${LESSON_INDEX}` : null),
    load(id) {
      if (id !== `\0${LESSON_INDEX}`) return null;
      for (const file of readdirSync(path.join(root, 'lessons'), { recursive: true, encoding: 'utf8' })) this.addWatchFile(path.join(root, 'lessons', file));
      const json = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/lesson-index.ts'], { cwd: root, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
      return `export default ${json};\n`;
    },
  };
}

/**
 * avsc (the schema judge, src/schema/avro.ts) is written for Node: in the browser build its
 * `require('util')` gets the few functions it uses (src/schema/nodeUtilForAvsc.ts) and its
 * `require('buffer')` the npm `buffer` package. Only avsc's own imports are redirected.
 */
function avscInBrowser(root: string): Plugin {
  return {
    name: 'kafe-avsc-in-browser',
    enforce: 'pre',
    resolveId(id, importer) {
      if (!importer || !importer.replaceAll('\\', '/').includes('/node_modules/avsc/')) return null;
      if (id === 'util') return path.join(root, 'src/schema/nodeUtilForAvsc.ts');
      if (id === 'buffer') return this.resolve('buffer/', importer, { skipSelf: true });
      return null;
    },
  };
}

/**
 * The built index.html holds the first screen of a first visit (src/prerender/firstScreen.tsx,
 * rendered by scripts/prerender.ts), so the page paints it before any script has run and main.tsx
 * hydrates it. A script in the head (src/prerender/firstVisit.ts) first decides whether this visit
 * is such a visit; if not, a style hides the prerender until main.tsx clears it and draws the app
 * from scratch. Build only: the dev server serves the empty #root as before.
 */
function prerenderFirstScreen(root: string): Plugin {
  let base = '/';
  return {
    name: 'kafe-prerender-first-screen',
    apply: 'build',
    configResolved: (config) => void (base = config.base),
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        const dir = mkdtempSync(path.join(os.tmpdir(), 'kafe-prerender-'));
        let prerendered: { head: string; markup: string };
        try {
          const out = path.join(dir, 'first-screen.json');
          execFileSync(process.execPath, ['--import', 'tsx', 'scripts/prerender.ts', out], { cwd: root, stdio: 'inherit' });
          prerendered = JSON.parse(readFileSync(out, 'utf8')) as { head: string; markup: string };
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
        // The prerender shows panels whose code is a chunk of its own (React.lazy): their styles
        // must be there for the first paint, not when the chunk arrives (Vite then sees them linked).
        const styles = bundle ? FIRST_SCREEN_CHUNKS.flatMap((source) => stylesOfChunk(bundle, path.join(root, source))) : [];
        const links = [...new Set(styles)].filter((file) => !html.includes(file)).map((file) => `<link rel="stylesheet" crossorigin href="${base}${file}">`);
        const head = [...links, ...prerendered.head.split('\n')].map((line) => `    ${line}\n`).join('');
        if (!html.includes('<div id="root"></div>') || !html.includes('  </head>')) throw new Error('prerender: index.html has no empty <div id="root"></div> or no </head>');
        return html
          .replace('  </head>', `${head}  </head>`)
          .replace('<div id="root"></div>', `<div id="root">${prerendered.markup}</div>`);
      },
    },
  };
}

/** The lazily loaded modules the prerendered first screen draws: the ones App.tsx's
 * loadFirstScreenPanels loads for the prerender (a module missing here paints unstyled at first). */
const FIRST_SCREEN_CHUNKS = ['src/ui/lesson/LessonPanel.tsx', 'src/ui/metrics/MetricsPanel.tsx'];

/** The CSS files of the chunk made from `source` and of the chunks it imports statically. */
function stylesOfChunk(bundle: OutputBundle, source: string): string[] {
  const entry = Object.values(bundle).find((c): c is OutputChunk => c.type === 'chunk' && c.facadeModuleId === source);
  if (!entry) throw new Error(`prerender: no chunk is made from ${source}; is it still loaded lazily?`);
  const css = new Set<string>();
  for (const chunk of withStaticImports(bundle, [entry])) for (const file of chunk.viteMetadata?.importedCss ?? []) css.add(file);
  return [...css];
}

/** The chunks `from`, and every chunk they import statically (directly or not): what a browser
 * loads with them. */
function withStaticImports(bundle: OutputBundle, from: readonly OutputChunk[]): Set<OutputChunk> {
  const found = new Set<OutputChunk>();
  const visit = (chunk: OutputChunk) => {
    if (found.has(chunk)) return;
    found.add(chunk);
    for (const name of chunk.imports) {
      const next = bundle[name];
      if (next?.type === 'chunk') visit(next);
    }
  };
  for (const chunk of from) visit(chunk);
  return found;
}

/**
 * V8's explicit compile hint: a file whose first line is `//# allFunctionsCalledOnLoad` has all its
 * functions compiled as it streams in, on a background thread, rather than each one on the main
 * thread when it is first called (Chrome 126+; other browsers read a comment). Given to the chunks
 * the page loads at start (the entry and what it imports statically), nearly all of whose code the
 * first screen runs: hydrating it, building the engine, drawing the canvas. First-load A/B on the
 * bench (1366×768, CPU throttled 4×, alternating loads): TTI median 2 557 -> 2 137 ms (6 loads
 * each) and 2 475 -> 2 190 ms (8 loads each). Lazily loaded chunks keep lazy compilation.
 */
const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

function compileHintsForStartChunks(): Plugin {
  return {
    name: 'kafe-compile-hints',
    apply: 'build',
    enforce: 'post',
    generateBundle: {
      // After Vite has put its own first lines (the preload map) at the top of a chunk.
      order: 'post',
      handler(_options, bundle) {
        const entries = Object.values(bundle).filter((c): c is OutputChunk => c.type === 'chunk' && c.isEntry);
        for (const chunk of withStaticImports(bundle, entries)) {
          chunk.code = `${COMPILE_HINT}\n${chunk.code}`;
          // One line more at the top: every mapping of its source map moves down one line.
          const map = bundle[`${chunk.fileName}.map`];
          if (map?.type === 'asset') {
            const json = JSON.parse(String(map.source)) as { mappings: string };
            map.source = JSON.stringify({ ...json, mappings: `;${json.mappings}` });
          }
        }
      },
    },
  };
}

// Unit/property/conformance tests run in Node; browser journeys (test/e2e) drive a real
// headless Chromium against a production build and are slower, so they form their own project.
export default defineConfig({
  plugins: [
    react(),
    // The course list's index, made from the lesson files at build time (no lesson parsing on start).
    lessonIndex(fileURLToPath(new URL('.', import.meta.url))),
    avscInBrowser(fileURLToPath(new URL('.', import.meta.url))),
    prerenderFirstScreen(fileURLToPath(new URL('.', import.meta.url))),
    compileHintsForStartChunks(),
    // Installable, and offline after one visit (workshops with bad Wi-Fi): Workbox precaches every
    // file of the build (the app, each lazy chunk, each lesson's own chunk, mermaid's
    // diagram chunks, icons) and answers every navigation with index.html. The service worker
    // takes over at once and replaces an older one on the next visit.
    VitePWA({
      registerType: 'autoUpdate',
      // Registered by the app once its first screen is idle (src/ui/common/offlineCache.ts).
      injectRegister: false,
      includeAssets: ['favicon.svg'],
      manifest: {
        name: 'Kafé: learn Kafka and event-driven architecture by playing',
        short_name: 'Kafé',
        description: 'An in-browser simulator that teaches Apache Kafka and event-driven architecture.',
        lang: 'en',
        start_url: '.',
        scope: '.',
        display: 'standalone',
        background_color: '#faf6f0',
        theme_color: '#3b2a20',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest,woff2}'],
        // Mermaid's largest chunk is above Workbox's 2 MiB default; offline needs it too.
        maximumFileSizeToCacheInBytes: 6 * 1024 * 1024,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
      },
    }),
  ],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
          exclude: ['test/e2e/**'],
          environment: 'node',
          // Property tests, lesson replays and AsyncAPI parses take seconds each on a 2-core machine
          // that is busy; vitest's 5 s default turned slowness into failures. Time is not what these
          // tests assert (npm run bench measures speed).
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
