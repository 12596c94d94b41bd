import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { TEMPLATES, scenarioToJson } from '../../src/scenario';
import { CORRUPT_KEY, SAVE_KEY, createKafeStore, loadValidation, restoreSaved, startAutosave, startFrameLoop } from '../../src/store';
import { MemoryStorage, storageWithSave } from '../support/storage';

// Reading saved or linked text needs the validation module, which the app loads lazily.
beforeAll(async () => {
  await loadValidation();
});

describe('saving and restoring', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('restores a saved scenario', () => {
    const storage = storageWithSave(scenarioToJson(TEMPLATES.iotStream.build()));
    const restored = restoreSaved(storage);
    expect(restored.kind).toBe('ok');
  });

  it('keeps an unreadable save under its own key and reports why, instead of deleting it', () => {
    const storage = storageWithSave('{"version":1,"nodes":[{"kind":"teapot"}]}');
    const restored = restoreSaved(storage);
    expect(restored).toMatchObject({ kind: 'corrupt', keptCopy: true });
    expect(storage.getItem(CORRUPT_KEY)).toBe('{"version":1,"nodes":[{"kind":"teapot"}]}');
    expect(storage.getItem(SAVE_KEY)).not.toBeNull();
  });

  it('autosaves after a change (debounced) and flushes on stop', () => {
    const storage = new MemoryStorage();
    const store = createKafeStore(TEMPLATES.empty.build());
    const autosave = startAutosave(store, storage, { debounceMs: 300 });
    store.getState().addNode('topic');
    expect(storage.getItem(SAVE_KEY)).toBeNull();
    vi.advanceTimersByTime(350);
    const saved = JSON.parse(storage.getItem(SAVE_KEY)!);
    expect(saved.nodes.some((n: { kind: string }) => n.kind === 'topic')).toBe(true);
    store.getState().addNode('producer');
    autosave.stop();
    expect(JSON.parse(storage.getItem(SAVE_KEY)!).nodes.length).toBe(saved.nodes.length + 1);
  });

  it('drives the simulation from animation frames only while playing', () => {
    const store = createKafeStore(TEMPLATES.orderFanOut.build());
    const callbacks: ((t: number) => void)[] = [];
    const stop = startFrameLoop(store, { request: (cb) => callbacks.push(cb), cancel: () => {} });
    const frame = (t: number) => callbacks.shift()!(t);
    frame(0);
    expect(store.getState().frame.now).toBe(0);
    store.getState().play();
    frame(32);
    frame(48);
    frame(64);
    expect(store.getState().frame.now).toBe(32);
    stop();
    expect(callbacks.length).toBeLessThanOrEqual(1);
  });

  it('sleeps while paused (no frame requested) and wakes for Play and for a long replay', () => {
    const store = createKafeStore(TEMPLATES.orderFanOut.build());
    const callbacks: ((t: number) => void)[] = [];
    const stop = startFrameLoop(store, { request: (cb) => callbacks.push(cb), cancel: () => {} });
    callbacks.shift()!(0);
    expect(callbacks).toHaveLength(0);
    store.getState().play();
    expect(callbacks).toHaveLength(1);
    callbacks.shift()!(1000); // the first frame after waking simulates none of the time asleep
    expect(store.getState().frame.now).toBe(0);
    callbacks.shift()!(1016);
    expect(store.getState().frame.now).toBe(16);
    store.getState().pause();
    callbacks.shift()!(1032);
    expect(callbacks).toHaveLength(0);
    expect(store.getState().frame.now).toBe(16);
    // A long replay (scrubbing far ahead) runs over frames, paused or not.
    store.getState().scrub(600_000);
    expect(store.getState().replay).not.toBeNull();
    expect(callbacks).toHaveLength(1);
    for (let t = 2000; callbacks.length; t += 16) callbacks.shift()!(t);
    expect(store.getState().replay).toBeNull();
    expect(callbacks).toHaveLength(0);
    stop();
  });
});
