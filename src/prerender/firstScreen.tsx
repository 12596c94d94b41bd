import { prerender } from 'react-dom/static';
import { appRoot } from '../AppRoot';
import { loadFirstScreenPanels } from '../App';
import { createI18n } from '../i18n';
import { parsePageLink } from '../links';
import { createKafeStore, createProgressStore } from '../store';
import { memoryStorage } from '../ui/common/appStorage';

/**
 * The first screen of a first visit (see firstVisit.ts), as HTML: run at build time, in Node, by
 * the prerender plugin (vite.config.ts), which puts it into index.html's #root. The page paints it
 * before any script has run; main.tsx then hydrates it, which makes no DOM and finds the layout
 * done. The canvas is not in it: the canvas mounts React Flow only once it knows its pane's size
 * (KafeCanvas), which a server does not, so its first render is empty here as in the browser.
 *
 * Contract: the tree and the state are exactly what main.tsx draws on such a visit (appRoot, the
 * template store, default course progress, English, no link); any difference is a hydration
 * mismatch, which test/e2e/firstScreen.test.ts looks for.
 */
export async function renderFirstScreen(): Promise<string> {
  const storage = memoryStorage();
  const progress = createProgressStore(storage);
  await loadFirstScreenPanels();
  const element = appRoot({ lang: 'en', i18n: createI18n('en'), store: createKafeStore(), progress, link: parsePageLink('') });
  // Every boundary in place: React otherwise moves a large one to the end of the HTML, with a
  // script that puts it back (streaming), which a page read in one go has no use for.
  const { prelude } = await prerender(element, { progressiveChunkSize: Number.POSITIVE_INFINITY });
  const html = await new Response(prelude).text();
  // React puts resource hints (a preload for the logo) before the markup; they belong in a
  // document's head, and the page links its icons itself.
  return html.replace(/^(?:<link [^>]*\/>)+/, '');
}
