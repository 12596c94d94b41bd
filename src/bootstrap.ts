import { createKafeStore, restoreSaved, startAutosave, startFrameLoop, type KafeStore } from './store';

/**
 * Creates the app's store and decides what the learner sees first: a share link in the URL
 * (#c=...&s=...) wins; otherwise the autosaved canvas; otherwise the OrderPlaced template. A bad share
 * link or unreadable save is reported and nothing is lost: an unreadable save is copied to its
 * own key before autosave may write again.
 */
export function bootstrap(win: Window = window): { store: KafeStore; stop: () => void } {
  const store = createKafeStore();
  const saved = restoreSaved(win.localStorage);
  if (saved.kind === 'ok') store.getState().loadScenario(saved.scenario);
  if (saved.kind === 'corrupt') store.getState().notify('error', 'notice.restoreFailed', saved.error);

  const hash = win.location.hash;
  if (/^#(?:.*&)?s=/.test(hash)) {
    if (store.getState().openShareFragment(hash)) {
      // The link has been read; keep the address bar clean so a reload restores the autosave.
      win.history.replaceState(null, '', win.location.pathname + win.location.search);
    }
  }

  const stopLoop = startFrameLoop(store, {
    request: (cb) => win.requestAnimationFrame(cb),
    cancel: (h) => win.cancelAnimationFrame(h),
  });
  // If an unreadable save could not be copied aside, never write over it.
  const autosave = saved.kind === 'corrupt' && !saved.keptCopy ? null : startAutosave(store, win.localStorage);
  const flushWhenHidden = () => {
    if (win.document.visibilityState === 'hidden') autosave?.flush();
  };
  win.addEventListener('visibilitychange', flushWhenHidden);
  return {
    store,
    stop: () => {
      stopLoop();
      autosave?.stop();
      win.removeEventListener('visibilitychange', flushWhenHidden);
    },
  };
}
