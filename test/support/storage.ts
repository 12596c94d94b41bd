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
