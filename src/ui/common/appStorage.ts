import { EMBEDDED } from '../embed/pageMode';

/** The part of the Web Storage API the app uses. */
export type AppStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Storage that lives as long as the page: what an embed uses instead of the visitor's. */
export function memoryStorage(): AppStorage {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, String(value)),
    removeItem: (key) => void items.delete(key),
  };
}

/** localStorage, looked up on each call: merely touching it throws where storage is blocked, and
 * every caller already treats a throw as "storage unavailable". */
const browserStorage: AppStorage = {
  getItem: (key) => window.localStorage.getItem(key),
  setItem: (key, value) => window.localStorage.setItem(key, value),
  removeItem: (key) => window.localStorage.removeItem(key),
};

/**
 * Where the app keeps the learner's things (autosave, progress, language, the stashed canvas).
 * An embedded Kafé never reads or writes the visitor's localStorage: a blog's iframe must not
 * change, or be changed by, the canvas they keep in the full app on the same origin.
 */
export const appStorage: AppStorage = EMBEDDED ? memoryStorage() : browserStorage;
