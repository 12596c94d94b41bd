import { describe, expect, test } from 'vitest';
import { TEMPLATES } from '../../src/scenario';
import { createKafeStore, keepIfEqual, sameData, type KafeState, type KafeStore, type Kept } from '../../src/store';
import { BrokerLive } from '../../src/ui/inspector/live/BrokerLive';
import { ConsumerLive } from '../../src/ui/inspector/live/ConsumerLive';
import { LIVE_PANELS, type LivePanels } from '../../src/ui/inspector/live/panels';
import { ProducerLive } from '../../src/ui/inspector/live/ProducerLive';
import { ServiceLive } from '../../src/ui/inspector/live/ServiceLive';
import { TopicLive } from '../../src/ui/inspector/live/TopicLive';
import { groupsOnTopic, memberRowsOf, partitionRowsOf, producersOfNode, serviceOfNode } from '../../src/ui/inspector/live/selectors';

/**
 * How often a panel selecting through useKafeData would render, counted the way React decides it:
 * useSyncExternalStore re-renders a component when its selected value is not Object.is the last
 * one. Each store update runs the selector through keepIfEqual, exactly as useKafeData does.
 */
function watch<T>(store: KafeStore, selector: (s: KafeState) => T, keep = true) {
  const kept: Kept<T> = { current: null };
  const select = (s: KafeState) => (keep ? keepIfEqual(kept, selector(s)) : selector(s));
  let last = select(store.getState());
  let renders = 1;
  const stop = store.subscribe((s) => {
    const next = select(s);
    if (!Object.is(next, last)) renders++;
    last = next;
  });
  return { renders: () => renders, value: () => last, stop };
}

function play(store: KafeStore, ms: number): number {
  let frames = 0;
  const stop = store.subscribe((s, prev) => {
    if (s.frame !== prev.frame) frames++;
  });
  store.getState().play();
  for (let t = 0; t < ms; t += 100) store.getState().tick(100);
  store.getState().pause();
  stop();
  return frames;
}

const endOffsets = (store: KafeStore, topic: string) =>
  store.getState().frame.view.topics.find((t) => t.name === topic)!.partitions.reduce((n, p) => n + p.endOffset, 0);

/** The order fan-out canvas after its services joined and settled their partitions. */
function settled(): KafeStore {
  const store = createKafeStore(TEMPLATES.orderFanOut.build());
  play(store, 3000);
  return store;
}

describe('live panels re-render only when what they show changes', () => {
  test('the producer panel stays put while records flow and services process them, and updates when its rate changes', () => {
    const store = settled();
    const producer = watch(store, producersOfNode('order-service'));
    const before = endOffsets(store, 'orders');
    const frames = play(store, 3000);
    expect(frames).toBeGreaterThan(10);
    expect(endOffsets(store, 'orders')).toBeGreaterThan(before);
    expect(producer.renders()).toBe(1);

    expect(store.getState().run({ type: 'setProducerRate', id: producer.value()[0].id, ratePerSec: 12 })).toBe(true);
    expect(producer.renders()).toBe(2);
    expect(producer.value()[0].rate).toBe(12);
    producer.stop();
  });

  test('a service panel and its members stay put while it processes, and update when a member crashes', () => {
    const store = settled();
    const service = watch(store, serviceOfNode('payment'));
    const members = service.value()!.members;
    const rows = watch(store, memberRowsOf(service.value()!.group, members));
    expect(rows.value().every((r) => r.state === 'alive')).toBe(true);
    play(store, 3000);
    expect(service.renders()).toBe(1);
    expect(rows.renders()).toBe(1);

    store.getState().run({ type: 'crashConsumer', id: members[0] });
    play(store, 100);
    expect(rows.renders()).toBeGreaterThan(1);
    expect(rows.value().find((r) => r.id === members[0])?.state).toBe('dead');
    service.stop();
    rows.stop();
  });

  test('the topic panel’s group list stays put while records flow; its partition table follows the offsets', () => {
    const store = settled();
    const groups = watch(store, groupsOnTopic('orders'));
    const partitions = watch(store, partitionRowsOf('orders'));
    play(store, 3000);
    expect(groups.value().map((g) => g.id).sort()).toEqual(['analytics-service', 'email-service', 'inventory-service', 'payment-service']);
    expect(groups.renders()).toBe(1);
    // End offsets move as records arrive, so the table does re-render: the selectors are live.
    expect(partitions.renders()).toBeGreaterThan(1);
    groups.stop();
    partitions.stop();
  });

  test('without keeping equal rows, every store update would re-render the panel, each frame included (what the equality saves)', () => {
    const store = settled();
    const producer = watch(store, producersOfNode('order-service'), false);
    const frames = play(store, 3000);
    expect(producer.renders()).toBeGreaterThan(frames);
    producer.stop();
  });
});

describe('sameData', () => {
  test('compares plain data by content, arrays by order, objects by their own keys', () => {
    expect(sameData({ a: [1, { b: 'x' }], c: null }, { c: null, a: [1, { b: 'x' }] })).toBe(true);
    expect(sameData([1, 2], [2, 1])).toBe(false);
    expect(sameData({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameData({ a: undefined }, { b: undefined })).toBe(false);
    expect(sameData([], {})).toBe(false);
    expect(sameData(NaN, NaN)).toBe(true);
    expect(sameData({ a: [1, 2] }, { a: [1, 2, 3] })).toBe(false);
  });
});

describe('LIVE_PANELS', () => {
  test('has a panel for every node kind, each drawing that kind', () => {
    expect(LIVE_PANELS).toEqual({ producer: ProducerLive, topic: TopicLive, service: ServiceLive, consumer: ConsumerLive, broker: BrokerLive });
  });

  test('a kind without a panel, or a panel for another kind, does not compile', () => {
    // @ts-expect-error broker has no panel
    const missing = { producer: ProducerLive, topic: TopicLive, service: ServiceLive, consumer: ConsumerLive } satisfies LivePanels;
    // @ts-expect-error the producer slot holds the topic's panel
    const swapped = { producer: TopicLive, topic: TopicLive, service: ServiceLive, consumer: ConsumerLive, broker: BrokerLive } satisfies LivePanels;
    expect([missing, swapped]).toHaveLength(2);
  });
});
