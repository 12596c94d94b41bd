import { scenarioToJson, type ReadReason, type Scenario } from '../scenario';
import { snapshot, type KafeStore } from './kafeStore';
import { loadedValidation, VALIDATION_MISSING } from './lazyValidation';

export const SAVE_KEY = 'kafe.scenario';
/** Where an unreadable save is moved, so a bad restore never destroys the learner's data. */
export const CORRUPT_KEY = 'kafe.scenario.unreadable';

export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export type Restored =
  | { kind: 'none' }
  | { kind: 'ok'; scenario: Scenario }
  /** `keptCopy`: the unreadable text was copied to CORRUPT_KEY, so saving over it loses nothing. */
  | { kind: 'corrupt'; error: string; reason: ReadReason; keptCopy: boolean };

/**
 * Reads the autosaved scenario. An unreadable one is copied to CORRUPT_KEY (kept, not deleted)
 * and reported, so the app can start from a template and say what happened. Needs the validation
 * module loaded when there is a save (lazyValidation.ts); without it the save is left where it is
 * and reported as not kept, so nothing writes over it.
 */
export function restoreSaved(storage: StorageLike): Restored {
  let text: string | null;
  try {
    text = storage.getItem(SAVE_KEY);
  } catch {
    return { kind: 'none' };
  }
  if (text === null) return { kind: 'none' };
  const validation = loadedValidation();
  if (!validation) return { kind: 'corrupt', error: VALIDATION_MISSING, reason: 'unexpected', keptCopy: false };
  // parseScenarioJson never throws: size and nesting are bounded before anything recursive.
  const parsed = validation.parseScenarioJson(text);
  if (parsed.ok) return { kind: 'ok', scenario: parsed.value };
  return { kind: 'corrupt', error: parsed.error, reason: parsed.reason, keptCopy: keepAside(storage, CORRUPT_KEY, text) };
}

/** Copies an unreadable save to `key`; false if storage refused (then nothing may write over it). */
export function keepAside(storage: StorageLike, key: string, text: string): boolean {
  try {
    storage.setItem(key, text);
    return true;
  } catch {
    return false;
  }
}

export interface Autosave {
  /** Writes now if anything changed since the last write (e.g. when the page is hidden). */
  flush(): void;
  /** Stops watching, after a final flush. */
  stop(): void;
}

/** Saves the scenario (with the moment being viewed) whenever it changes, debounced. */
export function startAutosave(store: KafeStore, storage: StorageLike, opts: { debounceMs?: number; onError?: (e: unknown) => void } = {}): Autosave {
  const debounceMs = opts.debounceMs ?? 400;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastSaved = '';
  const save = () => {
    timer = null;
    const text = scenarioToJson(snapshot(store.getState()));
    if (text === lastSaved) return;
    try {
      storage.setItem(SAVE_KEY, text);
      lastSaved = text;
    } catch (e) {
      opts.onError?.(e);
    }
  };
  const unsubscribe = store.subscribe((state, prev) => {
    if (state.scenario === prev.scenario) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(save, debounceMs);
  });
  const flush = () => {
    if (timer) clearTimeout(timer);
    save();
  };
  return {
    flush,
    stop: () => {
      unsubscribe();
      flush();
    },
  };
}
