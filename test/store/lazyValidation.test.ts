import { describe, expect, it } from 'vitest';
import { bootstrap, needsValidation } from '../../src/bootstrap';
import { PROGRESS_KEY } from '../../src/lessons/progress';
import { encodeShareFragment, scenarioToJson, TEMPLATES } from '../../src/scenario';
import { createProgressStore, loadedValidation, loadValidation, SAVE_KEY, VALIDATION_MISSING } from '../../src/store';
import { MemoryStorage, fakeWindow } from '../support/storage';

/**
 * The first screen does not load zod (store/lazyValidation.ts): whoever starts the app loads the
 * validation module first when there is something to read. These tests run in one file, in order:
 * first without the module (what a failed fetch leaves), then with it.
 */

const savedText = scenarioToJson(TEMPLATES.orderFanOut.build());
const progressText = JSON.stringify({ version: 1, current: null, open: false, lessons: {} });

describe('needsValidation', () => {
  it('is false on a first visit (nothing saved, no link), so zod is not fetched', () => {
    expect(needsValidation(fakeWindow(new MemoryStorage()).win, new MemoryStorage())).toBe(false);
  });

  it('is true with a saved canvas, a saved course progress or a share link', () => {
    const withSave = new MemoryStorage();
    withSave.setItem(SAVE_KEY, savedText);
    expect(needsValidation(fakeWindow(withSave).win, withSave)).toBe(true);
    const withProgress = new MemoryStorage();
    withProgress.setItem(PROGRESS_KEY, progressText);
    expect(needsValidation(fakeWindow(withProgress).win, withProgress)).toBe(true);
    const empty = new MemoryStorage();
    expect(needsValidation(fakeWindow(empty, '#lang=th&s=abc').win, empty)).toBe(true);
  });

  it('is false when the browser refuses storage (nothing can be read from it)', () => {
    const refusing = { getItem: () => { throw new Error('denied'); }, setItem: () => {}, removeItem: () => {} };
    expect(needsValidation(fakeWindow(new MemoryStorage()).win, refusing)).toBe(false);
  });
});

describe('without the validation module (its chunk could not be fetched)', () => {
  it('is not loaded until asked for', () => {
    expect(loadedValidation()).toBeNull();
  });

  it('bootstrap keeps the save where it is, turns autosave off and says why', () => {
    const storage = new MemoryStorage();
    storage.setItem(SAVE_KEY, savedText);
    const { win } = fakeWindow(storage);
    const { store, stop } = bootstrap(win, { storage });
    const notice = store.getState().notices.at(-1);
    expect(notice?.key).toBe('notice.restoreNotKept');
    expect(notice?.detail).toBe(VALIDATION_MISSING);
    // Autosave is off: a change does not write over the unchecked save.
    store.getState().loadTemplate('iotStream');
    stop();
    expect(storage.getItem(SAVE_KEY)).toBe(savedText);
  });

  it('bootstrap leaves a share link in the address and says why', () => {
    const storage = new MemoryStorage();
    const { win, replaced } = fakeWindow(storage, `#${encodeShareFragment(TEMPLATES.orderFanOut.build())}`);
    const { store, stop } = bootstrap(win, { storage });
    stop();
    expect(store.getState().notices.at(-1)?.key).toBe('notice.shareFailed');
    expect(replaced).toEqual([]);
  });

  it('the progress store reports the save and does not write over it', () => {
    const storage = new MemoryStorage();
    storage.setItem(PROGRESS_KEY, progressText);
    const progress = createProgressStore(storage);
    expect(progress.getState().problem?.error).toBe(VALIDATION_MISSING);
    progress.getState().setOpen(true);
    expect(storage.getItem(PROGRESS_KEY)).toBe(progressText);
  });

  it('importJson refuses with the same message and leaves the canvas', () => {
    const storage = new MemoryStorage();
    const { store, stop } = bootstrap(fakeWindow(storage).win, { storage });
    const before = store.getState().scenario;
    expect(store.getState().importJson(savedText)).toBe(false);
    stop();
    expect(store.getState().scenario).toBe(before);
    expect(store.getState().notices.at(-1)?.detail).toBe(VALIDATION_MISSING);
  });
});

describe('with the validation module loaded', () => {
  it('loads once and is then available synchronously', async () => {
    const first = await loadValidation();
    expect(await loadValidation()).toBe(first);
    expect(loadedValidation()).toBe(first);
  });

  it('bootstrap restores the save and opens a share link as before', () => {
    const storage = new MemoryStorage();
    storage.setItem(SAVE_KEY, savedText);
    const { store, stop } = bootstrap(fakeWindow(storage).win, { storage });
    stop();
    expect(store.getState().notices).toEqual([]);
    expect(store.getState().scenario.nodes.length).toBeGreaterThan(0);
  });

  it('the progress store reads the saved progress', () => {
    const storage = new MemoryStorage();
    storage.setItem(PROGRESS_KEY, progressText);
    const progress = createProgressStore(storage);
    expect(progress.getState().problem).toBeNull();
    expect(progress.getState().progress.open).toBe(false);
  });
});
