import { createKafeStore, restoreSaved, startAutosave, startFrameLoop, type KafeStore, type StorageLike } from './store';

export interface BootstrapOptions {
  /** Where the autosave lives; an embed passes storage that lasts only as long as the page. */
  storage?: StorageLike;
  /** Leave a share link in the address bar (an embed reloads from it; it has no autosave). */
  keepAddress?: boolean;
}

/**
 * Creates the app's store and decides what the learner sees first: a share link in the URL
 * (#c=...&s=...) wins; otherwise the autosaved canvas; otherwise the OrderPlaced template. A bad share
 * link or unreadable save is reported and nothing is lost: an unreadable save is copied to its
 * own key before autosave may write again.
 */
export function bootstrap(win: Window = window, options: BootstrapOptions = {}): { store: KafeStore; stop: () => void } {
  const storage = options.storage ?? win.localStorage;
  const store = createKafeStore();
  const saved = restoreSaved(storage);
  if (saved.kind === 'ok') store.getState().loadScenario(saved.scenario);
  if (saved.kind === 'corrupt') store.getState().notify('error', 'notice.restoreFailed', saved.error);

  const hash = win.location.hash;
  if (/^#(?:.*&)?s=/.test(hash)) {
    if (store.getState().openShareFragment(hash) && !options.keepAddress) {
      // The link has been read; keep the address bar clean so a reload restores the autosave.
      win.history.replaceState(null, '', win.location.pathname + win.location.search);
    }
  }

  const stopLoop = startFrameLoop(store, {
    request: (cb) => win.requestAnimationFrame(cb),
    cancel: (h) => win.cancelAnimationFrame(h),
  });
  // If an unreadable save could not be copied aside, never write over it.
  const autosave = saved.kind === 'corrupt' && !saved.keptCopy ? null : startAutosave(store, storage);
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
