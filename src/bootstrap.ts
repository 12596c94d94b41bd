import { PROGRESS_KEY } from './lessons/progress';
import { CORRUPT_KEY, createKafeStore, keepAside, loadedValidation, readFailureExtras, restoreSaved, SAVE_KEY, startAutosave, startFrameLoop, VALIDATION_MISSING, type KafeStore, type StorageLike } from './store';
import { replaceWithConsent } from './ui/common/replaceGuard';

/** A share link in the address: `#s=...`, possibly after other parameters. */
const SHARE_LINK = /^#(?:.*&)?s=/;

export interface BootstrapOptions {
  /** Where the autosave lives; an embed passes storage that lasts only as long as the page. */
  storage?: StorageLike;
  /** Leave a share link in the address bar (an embed reloads from it; it has no autosave). */
  keepAddress?: boolean;
}

/**
 * Creates the app's store and decides what the learner sees first: a share link in the URL
 * (#c=...&s=...) wins; otherwise the autosaved canvas; otherwise the OrderPlaced template.
 *
 * Contract: never throws because of what is saved or linked. A bad share link or unreadable save
 * is reported (naming what is wrong) and nothing is lost: an unreadable save is copied to its own
 * key before autosave may write again, and if it cannot be copied autosave stays off. A link that
 * would replace unsaved autosaved work asks first (replaceGuard.ts); the address keeps the link
 * until it has been opened, so declining loses nothing either.
 *
 * Reading a save or a link needs the validation module (store/lazyValidation.ts), which a first
 * visit does not load: load it first when needsValidation() says so. Without it, the save stays
 * where it is with autosave off, the link stays in the address, and a notice says why.
 */
export function bootstrap(win: Window = window, options: BootstrapOptions = {}): { store: KafeStore; stop: () => void } {
  const storage = options.storage ?? safeStorage(win);
  const store = createKafeStore(undefined, { inputPending: inputPendingOf(win) });
  let autosaveAllowed = true;
  if (storage) autosaveAllowed = restoreInto(store, storage);

  const hash = win.location.hash;
  if (SHARE_LINK.test(hash)) {
    const parsed = loadedValidation()?.decodeShareFragment(hash) ?? { ok: false as const, error: VALIDATION_MISSING, reason: 'unexpected' as const };
    if (!parsed.ok) store.getState().notify('error', 'notice.shareFailed', parsed.error, readFailureExtras(parsed));
    else
      replaceWithConsent(store, 'share', parsed.value.name.trim() || 'Kafé', () => {
        store.getState().loadScenario(parsed.value);
        if (options.keepAddress) return;
        store.getState().notify('success', 'notice.linkOpened');
        // The link has been read; keep the address bar clean so a reload restores the autosave.
        win.history.replaceState(null, '', win.location.pathname + win.location.search);
      });
  }

  const stopLoop = startFrameLoop(store, {
    request: (cb) => win.requestAnimationFrame(cb),
    cancel: (h) => win.cancelAnimationFrame(h),
  });
  const autosave = storage && autosaveAllowed ? startAutosave(store, storage) : null;
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

/**
 * Whether starting needs the validation module first: a share link in the address, or a saved
 * canvas or course progress in `storage` (default: localStorage) to read. A first visit has none,
 * and its first screen loads no zod.
 */
export function needsValidation(win: Window = window, storage: StorageLike | null = safeStorage(win)): boolean {
  if (SHARE_LINK.test(win.location.hash)) return true;
  if (!storage) return false;
  try {
    return storage.getItem(SAVE_KEY) !== null || storage.getItem(PROGRESS_KEY) !== null;
  } catch {
    // Storage refused: nothing can be restored from it either.
    return false;
  }
}

/** localStorage, or null where the browser refuses it (some private modes throw on access). */
function safeStorage(win: Window): Storage | null {
  try {
    return win.localStorage;
  } catch {
    return null;
  }
}

/**
 * Puts the autosaved canvas on the store. Returns false when autosave must not write (the save is
 * unreadable and could not be copied aside).
 */
function restoreInto(store: KafeStore, storage: StorageLike): boolean {
  const saved = restoreSaved(storage);
  if (saved.kind === 'ok') {
    try {
      // Only the autosave holds this canvas: replacing it later asks first.
      store.getState().loadScenario(saved.scenario, { kept: false });
      return true;
    } catch (e) {
      // Readable but not runnable (a bug, or a limit we did not foresee): treat it as unreadable.
      const detail = e instanceof Error ? e.message : String(e);
      const kept = keepAside(storage, CORRUPT_KEY, storage.getItem(SAVE_KEY) ?? '');
      store.getState().notify('error', kept ? 'notice.restoreFailed' : 'notice.restoreNotKept', detail, { reason: 'unexpected' });
      return kept;
    }
  }
  if (saved.kind === 'corrupt') store.getState().notify('error', saved.keptCopy ? 'notice.restoreFailed' : 'notice.restoreNotKept', saved.error, { reason: saved.reason });
  return saved.kind !== 'corrupt' || saved.keptCopy;
}

/**
 * Chromium's navigator.scheduling.isInputPending (discrete input only: key presses and clicks,
 * not pointer moves), or undefined where the browser has none. The store asks it between slices
 * of engine work so Pause is handled within a slice under any load.
 */
function inputPendingOf(win: Window): (() => boolean) | undefined {
  const scheduling = (win.navigator as { scheduling?: { isInputPending?: () => boolean } } | undefined)?.scheduling;
  if (typeof scheduling?.isInputPending !== 'function') return undefined;
  return () => scheduling.isInputPending!();
}
