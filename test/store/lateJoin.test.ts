import { describe, expect, it } from 'vitest';
import { TEMPLATES } from '../../src/scenario';
import { createKafeStore, type KafeStore } from '../../src/store';

const play = (store: KafeStore, ms: number) => {
  store.getState().play();
  for (let t = 0; t < ms; t += 100) store.getState().tick(100);
  store.getState().pause();
};
const group = (store: KafeStore, id: string) => store.getState().frame.view.groups.find((g) => g.id === id);
const firstDelivered = (store: KafeStore, g: string) =>
  store
    .getState()
    .trace()
    .filter((e) => e.type === 'delivered' && e.group === g)
    .map((e) => (e.type === 'delivered' ? e.fromOffset : -1));

/** The fan-out template, run for 10 s: the orders topic already holds about 50 records. */
function runningShop() {
  const store = createKafeStore(TEMPLATES.orderFanOut.build());
  play(store, 10_000);
  return store;
}

describe('nodes added while the simulation runs join at that moment', () => {
  it('keeps the clock and the history when a consumer is added and wired up mid-run', () => {
    const store = runningShop();
    const before = store.getState().frame.view.topics.find((t) => t.name === 'orders')!.partitions.map((p) => p.endOffset);
    const id = store.getState().addNode('consumer', undefined, { id: 'late', props: { group: 'late', autoOffsetReset: 'latest' } })!;
    expect(store.getState().connect('orders', id)).toBe(true);
    expect(store.getState().frame.now).toBe(10_000);
    expect(store.getState().notice).toBeNull();
    expect(store.getState().frame.view.topics.find((t) => t.name === 'orders')!.partitions.map((p) => p.endOffset)).toEqual(before);
    expect(store.getState().scenario.nodes.find((n) => n.id === 'late')).toMatchObject({ joinAtMs: 10_000 });
    play(store, 5000);
    // Starting from "latest", it never sees the ~50 orders placed before it joined.
    const starts = firstDelivered(store, 'late');
    expect(starts.length).toBeGreaterThan(0);
    expect(Math.min(...starts)).toBeGreaterThan(0);
  });

  it('lets a late consumer that starts from "earliest" read the whole history', () => {
    const store = runningShop();
    store.getState().addNode('consumer', undefined, { id: 'replayer', props: { group: 'replayer', autoOffsetReset: 'earliest' } });
    store.getState().connect('orders', 'replayer');
    // Auto-commit (auto.commit.interval.ms 5 s) commits at the consumer's first poll after the
    // interval, as the Java client does, so give it a poll past the 5 s mark.
    play(store, 5500);
    expect(firstDelivered(store, 'replayer')).toContain(0);
    expect(group(store, 'replayer')!.totalLag).toBeLessThan(10);
  });

  it('starts a late node when it is completed, not when it was dropped: wiring it later keeps the clock', () => {
    const store = runningShop();
    store.getState().addNode('consumer', undefined, { id: 'idle' });
    play(store, 2000);
    expect(store.getState().connect('orders', 'idle')).toBe(true);
    expect(store.getState().frame.now).toBe(12_000);
    expect(store.getState().scenario.nodes.find((n) => n.id === 'idle')).toMatchObject({ joinAtMs: 12_000 });
    expect(group(store, 'idle')!.members.length).toBe(1);
  });

  it('replays a late join exactly when stepping back before it and playing forward again', () => {
    const store = runningShop();
    store.getState().addNode('consumer', undefined, { id: 'late', props: { group: 'late' } });
    store.getState().connect('orders', 'late');
    play(store, 3000);
    const view = JSON.stringify(store.getState().frame.view);
    store.getState().seek(5000);
    expect(group(store, 'late')).toBeUndefined();
    store.getState().seek(13_000);
    expect(JSON.stringify(store.getState().frame.view)).toBe(view);
  });

  it('keeps the clock when a new topic and a new service writing into it are added mid-run', () => {
    const store = runningShop();
    store.getState().addNode('topic', undefined, { id: 'shipments' });
    store.getState().addNode('service', undefined, { id: 'shipping', props: { emits: 'OrderShipped' } });
    expect(store.getState().connect('payments', 'shipping')).toBe(true);
    expect(store.getState().connect('shipping', 'shipments')).toBe(true);
    expect(store.getState().frame.now).toBe(10_000);
    expect(store.getState().notice).toBeNull();
    play(store, 5000);
    const shipped = store.getState().frame.view.topics.find((t) => t.name === 'shipments')!;
    expect(shipped.partitions.reduce((n, p) => n + p.endOffset, 0)).toBeGreaterThan(20);
    store.getState().seek(5000);
    expect(store.getState().frame.view.topics.some((t) => t.name === 'shipments')).toBe(false);
  });

  it('still restarts from 0 when an edit changes what already happened (a topic gets more partitions)', () => {
    const store = runningShop();
    store.getState().updateNode('orders', { props: { partitions: 8 } });
    expect(store.getState().frame.now).toBe(0);
    expect(store.getState().notice).toMatchObject({ key: 'notice.restartedAfterEdit' });
  });

  it('refuses a node id that is already taken and leaves the canvas as it was', () => {
    const store = runningShop();
    const before = store.getState().scenario;
    expect(store.getState().addNode('consumer', undefined, { id: 'payment' })).toBeNull();
    expect(store.getState().scenario).toBe(before);
    expect(store.getState().notice).toMatchObject({ kind: 'error', key: 'notice.nodeIdTaken' });
  });
});
