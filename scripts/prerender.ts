/**
 * Writes the prerendered first screen to the file named by its one argument, as JSON
 * `{ head, markup }`: the head's script and style (src/prerender/firstVisit.ts) and the first
 * screen's HTML (src/prerender/firstScreen.tsx). Rendered in Node through Vite's SSR module
 * loader, so the app's own plugins (the lesson index, avsc's redirects) apply as in the build.
 * Run by the prerender plugin in vite.config.ts at build time:
 *
 *   node --import tsx scripts/prerender.ts first-screen.json
 */
import { writeFileSync } from 'node:fs';
import { createServer } from 'vite';

const out = process.argv[2];
if (!out) throw new Error('usage: scripts/prerender.ts <output file>');
const vite = await createServer({ server: { middlewareMode: true, hmr: false, watch: null }, appType: 'custom', logLevel: 'error' });
try {
  const { renderFirstScreen } = (await vite.ssrLoadModule('/src/prerender/firstScreen.tsx')) as typeof import('../src/prerender/firstScreen');
  const { firstScreenHead } = (await vite.ssrLoadModule('/src/prerender/firstVisit.ts')) as typeof import('../src/prerender/firstVisit');
  writeFileSync(out, JSON.stringify({ head: firstScreenHead(), markup: await renderFirstScreen() }));
} finally {
  await vite.close();
}
