import { SAVE_KEY, type StorageLike } from '../../src/store';

/** localStorage in memory, for the store's persistence and the readers that use browser storage. */
export class MemoryStorage implements StorageLike {
  readonly data = new Map<string, string>();
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.data.set(k, v);
  }
  removeItem(k: string) {
    this.data.delete(k);
  }
  clear() {
    this.data.clear();
  }
}

/** A fresh storage whose autosave (SAVE_KEY) holds `text`, as a returning visitor's browser would. */
export function storageWithSave(text: string): MemoryStorage {
  const storage = new MemoryStorage();
  storage.setItem(SAVE_KEY, text);
  return storage;
}

/**
 * A minimal window for bootstrap: storage, an address (`hash`), no-op animation frames and
 * listeners. `replaced` lists every URL that history.replaceState was given (the app drops a
 * share link from the address once it has read it).
 */
export function fakeWindow(storage: StorageLike, hash = ''): { win: Window; replaced: string[] } {
  const replaced: string[] = [];
  const win = {
    localStorage: storage,
    location: { hash, pathname: '/', search: '' },
    history: { replaceState: (_s: unknown, _t: string, url: string) => replaced.push(url) },
    requestAnimationFrame: () => 0,
    cancelAnimationFrame: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    document: { visibilityState: 'visible' },
  } as unknown as Window;
  return { win, replaced };
}
