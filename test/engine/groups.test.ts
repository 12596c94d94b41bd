import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine';
import { engineWithTopic, eventsOf } from './helpers';

const produceMany = (engine: ReturnType<typeof createEngine>, topic: string, n: number, prefix = 'k') => {
  for (let i = 0; i < n; i++) engine.apply({ type: 'produce', topic, key: `${prefix}${i}`, value: i });
};

describe('consumer groups', () => {
  it('gives each partition to exactly one member and splits work across members', () => {
    const engine = engineWithTopic({ partitions: 6 });
    engine.apply({ type: 'addConsumer', id: 'a', group: 'g', topics: ['orders'] });
    engine.apply({ type: 'addConsumer', id: 'b', group: 'g', topics: ['orders'] });
    engine.advance(500);
    const group = engine.view().groups[0];
    expect(group.state).toBe('Stable');
    const [a, b] = group.members;
    expect(a.assigned).toHaveLength(3);
    expect(b.assigned).toHaveLength(3);
    expect(new Set([...a.assigned, ...b.assigned]).size).toBe(6);
  });

  it('leaves extra members idle when there are more consumers than partitions', () => {
    const engine = engineWithTopic({ partitions: 2 });
    for (const id of ['a', 'b', 'c']) engine.apply({ type: 'addConsumer', id, group: 'g', topics: ['orders'] });
    engine.advance(500);
    const counts = engine.view().groups[0].members.map((m) => m.assigned.length).sort();
    expect(counts).toEqual([0, 1, 1]);
  });

  it('delivers every record to every group (fan-out) but only once within a group', () => {
    const engine = engineWithTopic({ partitions: 3 });
    for (const [id, group] of [['p1', 'payment'], ['i1', 'inventory'], ['i2', 'inventory']])
      engine.apply({ type: 'addConsumer', id, group, topics: ['orders'], autoOffsetReset: 'earliest' });
    engine.advance(200);
    produceMany(engine, 'orders', 30);
    engine.advance(2000);
    const delivered = eventsOf(engine.trace, 'delivered');
    const countFor = (group: string) => delivered.filter((d) => d.group === group).reduce((n, d) => n + d.toOffset - d.fromOffset, 0);
    expect(countFor('payment')).toBe(30);
    expect(countFor('inventory')).toBe(30);
  });

  it('reports no lag (null) before the first commit of a group that starts from latest', () => {
    const engine = engineWithTopic({ partitions: 1 });
    produceMany(engine, 'orders', 5);
    engine.apply({ type: 'addConsumer', id: 'c', group: 'g', topics: ['orders'], autoOffsetReset: 'latest' });
    engine.advance(200);
    expect(engine.view().groups[0].lag['orders-0']).toBeNull();
  });

  it('auto.offset.reset=latest hears only what is produced after joining; earliest hears the whole history', () => {
    const engine = engineWithTopic({ partitions: 1 });
    produceMany(engine, 'orders', 5, 'old');
    engine.advance(100);
    engine.apply({ type: 'addConsumer', id: 'late', group: 'latecomer', topics: ['orders'], autoOffsetReset: 'latest' });
    engine.apply({ type: 'addConsumer', id: 'reader', group: 'archivist', topics: ['orders'], autoOffsetReset: 'earliest' });
    engine.advance(200);
    produceMany(engine, 'orders', 3, 'new');
    engine.advance(1000);
    const heard = (group: string) => eventsOf(engine.trace, 'delivered').filter((d) => d.group === group).reduce((n, d) => n + d.toOffset - d.fromOffset, 0);
    expect(heard('latecomer')).toBe(3);
    expect(heard('archivist')).toBe(8);
  });

  it('commits offsets automatically every auto.commit.interval.ms and reports lag as log end minus committed', () => {
    const engine = engineWithTopic({ partitions: 1 });
    engine.apply({ type: 'addConsumer', id: 'c', group: 'g', topics: ['orders'], autoOffsetReset: 'earliest', autoCommitIntervalMs: 1000 });
    produceMany(engine, 'orders', 10);
    engine.advance(500);
    // Read but not yet committed: an earliest group's lag still counts from the log start.
    expect(engine.view().groups[0].lag['orders-0']).toBe(10);
    engine.advance(1000);
    expect(engine.view().groups[0].committed['orders-0']).toBe(10);
    expect(engine.view().groups[0].lag['orders-0']).toBe(0);
    engine.apply({ type: 'crashConsumer', id: 'c' });
    produceMany(engine, 'orders', 4);
    engine.advance(500);
    expect(engine.view().groups[0].totalLag).toBe(4);
  });

  it('rebalances when a member crashes, but only after the session timeout', () => {
    const engine = engineWithTopic({ partitions: 4 });
    engine.apply({ type: 'addConsumer', id: 'a', group: 'g', topics: ['orders'], sessionTimeoutMs: 3000 });
    engine.apply({ type: 'addConsumer', id: 'b', group: 'g', topics: ['orders'], sessionTimeoutMs: 3000 });
    engine.advance(500);
    const generation = engine.view().groups[0].generation;
    engine.apply({ type: 'crashConsumer', id: 'a' });
    engine.advance(2000);
    expect(engine.view().groups[0].generation).toBe(generation);
    engine.advance(2000);
    const group = engine.view().groups[0];
    expect(group.generation).toBeGreaterThan(generation);
    expect(group.members.map((m) => m.id)).toEqual(['b']);
    expect(group.members[0].assigned).toHaveLength(4);
    expect(eventsOf(engine.trace, 'consumerLeft')[0]).toMatchObject({ consumer: 'a', reason: 'sessionTimeout' });
  });

  it('rebalances at once when a member leaves gracefully, and its committed work is not redone', () => {
    const engine = engineWithTopic({ partitions: 2 });
    engine.apply({ type: 'addConsumer', id: 'a', group: 'g', topics: ['orders'], autoOffsetReset: 'earliest' });
    engine.apply({ type: 'addConsumer', id: 'b', group: 'g', topics: ['orders'], autoOffsetReset: 'earliest' });
    produceMany(engine, 'orders', 20);
    engine.advance(1000);
    engine.apply({ type: 'removeConsumer', id: 'a' });
    engine.advance(1000);
    const delivered = eventsOf(engine.trace, 'delivered').reduce((n, d) => n + d.toOffset - d.fromOffset, 0);
    expect(delivered).toBe(20);
    expect(engine.view().groups[0].members[0].assigned).toHaveLength(2);
  });

  it('an eager rebalance stops every member; a cooperative one lets unaffected members keep their partitions', () => {
    const revokedDuringRebalance = (assignor: 'range' | 'cooperative-sticky') => {
      const engine = engineWithTopic({ partitions: 4 });
      engine.apply({ type: 'addConsumer', id: 'a', group: 'g', topics: ['orders'], assignor });
      engine.advance(500);
      engine.apply({ type: 'addConsumer', id: 'b', group: 'g', topics: ['orders'], assignor });
      return engine.view().groups[0].members.find((m) => m.id === 'a')!.assigned.length;
    };
    expect(revokedDuringRebalance('range')).toBe(0);
    expect(revokedDuringRebalance('cooperative-sticky')).toBe(4);
  });

  it('the eager sticky assignor keeps existing owners when a member joins (only the minimum moves)', () => {
    const engine = engineWithTopic({ partitions: 6 });
    engine.apply({ type: 'addConsumer', id: 'a', group: 'g', topics: ['orders'], assignor: 'sticky' });
    engine.apply({ type: 'addConsumer', id: 'b', group: 'g', topics: ['orders'], assignor: 'sticky' });
    engine.advance(500);
    const before = Object.fromEntries(engine.view().groups[0].members.map((m) => [m.id, m.assigned]));
    engine.apply({ type: 'addConsumer', id: 'c', group: 'g', topics: ['orders'], assignor: 'sticky' });
    engine.advance(500);
    const after = Object.fromEntries(engine.view().groups[0].members.map((m) => [m.id, m.assigned]));
    expect(after.c).toHaveLength(2);
    for (const id of ['a', 'b']) {
      expect(after[id]).toHaveLength(2);
      for (const tp of after[id]) expect(before[id]).toContain(tp);
    }
  });

  it('cooperative-sticky converges in a follow-up rebalance with every partition owned once', () => {
    const engine = engineWithTopic({ partitions: 4 });
    engine.apply({ type: 'addConsumer', id: 'a', group: 'g', topics: ['orders'], assignor: 'cooperative-sticky' });
    engine.advance(500);
    engine.apply({ type: 'addConsumer', id: 'b', group: 'g', topics: ['orders'], assignor: 'cooperative-sticky' });
    engine.advance(1000);
    const [a, b] = engine.view().groups[0].members;
    expect(a.assigned).toHaveLength(2);
    expect(b.assigned).toHaveLength(2);
    expect(eventsOf(engine.trace, 'rebalanced').length).toBeGreaterThanOrEqual(3);
  });

  it('resets a group to earliest so it replays the whole log', () => {
    const engine = engineWithTopic({ partitions: 1 });
    engine.apply({ type: 'addConsumer', id: 'c', group: 'g', topics: ['orders'], autoOffsetReset: 'earliest', commitMode: 'afterProcess' });
    produceMany(engine, 'orders', 5);
    engine.advance(1000);
    engine.apply({ type: 'removeConsumer', id: 'c' });
    engine.apply({ type: 'resetOffsets', group: 'g', topic: 'orders', to: 'earliest' });
    engine.apply({ type: 'addConsumer', id: 'c2', group: 'g', topics: ['orders'], autoOffsetReset: 'latest', commitMode: 'afterProcess' });
    engine.advance(1000);
    const delivered = eventsOf(engine.trace, 'delivered').reduce((n, d) => n + d.toOffset - d.fromOffset, 0);
    expect(delivered).toBe(10);
  });

  it('refuses to reset offsets while the group has members, crashed ones included until their session times out', () => {
    const engine = engineWithTopic({ partitions: 1 });
    engine.apply({ type: 'addConsumer', id: 'c', group: 'g', topics: ['orders'], autoOffsetReset: 'earliest', sessionTimeoutMs: 1000 });
    produceMany(engine, 'orders', 3);
    engine.advance(500);
    const reset = { type: 'resetOffsets', group: 'g', topic: 'orders', to: 'earliest' } as const;
    const before = JSON.stringify(engine.view().groups);
    expect(() => engine.apply(reset)).toThrow(expect.objectContaining({ code: 'GROUP_NOT_EMPTY', message: expect.stringContaining('seek()') }));
    expect(JSON.stringify(engine.view().groups)).toBe(before);
    engine.apply({ type: 'crashConsumer', id: 'c' });
    expect(() => engine.apply(reset)).toThrow(expect.objectContaining({ code: 'GROUP_NOT_EMPTY' }));
    engine.advance(1500); // the crashed member's session expires: the group is empty
    engine.apply(reset);
    expect(engine.view().groups[0].committed).toEqual({ 'orders-0': 0 });
  });

  it('picks up new partitions after a topic grows, and keys then map by the new count', () => {
    const engine = engineWithTopic({ partitions: 2 });
    engine.apply({ type: 'addConsumer', id: 'c', group: 'g', topics: ['orders'] });
    engine.advance(500);
    engine.apply({ type: 'addPartitions', topic: 'orders', partitions: 4 });
    engine.advance(500);
    expect(engine.view().groups[0].members[0].assigned).toEqual(['orders-0', 'orders-1', 'orders-2', 'orders-3']);
  });

  it('at-most-once loses records on a crash mid-batch; at-least-once processes some twice', () => {
    const outcome = (commitMode: 'beforeProcess' | 'afterProcess') => {
      const engine = engineWithTopic({ partitions: 1 });
      engine.apply({ type: 'addConsumer', id: 'c1', group: 'g', topics: ['orders'], autoOffsetReset: 'earliest', commitMode, processingMs: 100, sessionTimeoutMs: 1000 });
      engine.advance(100);
      produceMany(engine, 'orders', 10);
      engine.advance(500); // a few records processed, the batch not finished
      engine.apply({ type: 'crashConsumer', id: 'c1' });
      engine.apply({ type: 'addConsumer', id: 'c2', group: 'g', topics: ['orders'], autoOffsetReset: 'earliest', commitMode, processingMs: 100 });
      engine.advance(10_000);
      const processed = eventsOf(engine.trace, 'processed').map((e) => e.offset);
      return { distinct: new Set(processed).size, total: processed.length };
    };
    const atMostOnce = outcome('beforeProcess');
    expect(atMostOnce.distinct).toBeLessThan(10);
    expect(atMostOnce.total).toBe(atMostOnce.distinct);
    const atLeastOnce = outcome('afterProcess');
    expect(atLeastOnce.distinct).toBe(10);
    expect(atLeastOnce.total).toBeGreaterThan(10);
  });
});
