import { describe, expect, it } from 'vitest';
import { createEngine, type EngineView, type GroupView } from '../../src/engine';
import { coordinatorOf, describeGroupOffsets, describeGroupState, describeTopic, groupOffsetRows, javaHashCode, padRight, stableUuid } from '../../src/cli';

/** A hand-made moment: 3 brokers, "orders" with 2 partitions, group "billing" with one member. */
function moment(group: Partial<GroupView> = {}): EngineView {
  return {
    now: 0,
    brokers: [0, 1, 2].map((id) => ({ id, up: true, fenced: false })),
    topics: [
      {
        name: 'orders',
        replicationFactor: 3,
        minInsyncReplicas: 2,
        retentionMs: 604_800_000,
        retentionBytes: null,
        cleanupPolicy: 'delete',
        partitions: [
          { id: 1, leader: 2, leaderEpoch: 0, replicas: [2, 0, 1], isr: [2, 0], startOffset: 0, endOffset: 9, highWatermark: 7, records: 9, bytes: 900 },
          { id: 0, leader: 1, leaderEpoch: 0, replicas: [1, 2, 0], isr: [1, 2, 0], startOffset: 0, endOffset: 5, highWatermark: 5, records: 5, bytes: 500 },
        ],
      },
    ],
    groups: [
      {
        id: 'billing',
        state: 'Stable',
        generation: 1,
        assignor: 'range',
        members: [{ id: 'billing-1', alive: true, service: null, topics: ['orders'], assigned: ['orders-1', 'orders-0'], positions: {}, backlog: 0 }],
        committed: { 'orders-0': 3 },
        lag: {},
        totalLag: 0,
        ...group,
      },
    ],
    producers: [],
    services: [],
    syncServices: [],
  };
}

describe('kafka-topics --describe', () => {
  it('prints the summary line and one tab-separated line per partition, in partition order, as TopicCommand does', () => {
    const id = stableUuid('orders');
    expect(describeTopic(moment(), 'orders')).toBe(
      `Topic: orders\tTopicId: ${id}\tPartitionCount: 2\tReplicationFactor: 3\tConfigs: min.insync.replicas=2\n` +
        '\tTopic: orders\tPartition: 0\tLeader: 1\tReplicas: 1,2,0\tIsr: 1,2,0\tElr: \tLastKnownElr: \n' +
        '\tTopic: orders\tPartition: 1\tLeader: 2\tReplicas: 2,0,1\tIsr: 2,0\tElr: \tLastKnownElr: \n',
    );
  });

  it('lists only configs that differ from Kafka defaults, by name; a leaderless partition shows "none"', () => {
    const view = moment();
    Object.assign(view.topics[0], { minInsyncReplicas: 1, retentionMs: null, cleanupPolicy: 'compact', retentionBytes: 1024 });
    view.topics[0].partitions[0].leader = -1;
    const text = describeTopic(view, 'orders');
    expect(text.split('\n')[0]).toMatch(/\tConfigs: cleanup\.policy=compact,retention\.bytes=1024,retention\.ms=-1$/);
    expect(text).toContain('\tPartition: 1\tLeader: none\t');
  });

  it('says a missing topic does not exist, as the tool does', () => {
    expect(describeTopic(moment(), 'nope')).toBe("Error while executing topic command : Topic 'nope' does not exist as expected\n");
  });
});

describe('kafka-consumer-groups --describe --group', () => {
  it('prints the real columns at the real widths: committed offset, high watermark, lag, member ids', () => {
    const text = describeGroupOffsets(moment(), 'billing');
    const lines = text.split('\n');
    expect(lines[0]).toBe('');
    expect(lines[1]).toBe(
      `${padRight('GROUP', 15)} ${padRight('TOPIC', 15)} ${padRight('PARTITION', 10)} ${padRight('CURRENT-OFFSET', 15)} ${padRight('LOG-END-OFFSET', 15)} ${padRight('LAG', 15)} ${padRight('CONSUMER-ID', lines[2].split(/\s+/)[6].length)} ${padRight('HOST', 15)} CLIENT-ID`,
    );
    const cells = lines.slice(2, 4).map((l) => l.split(/\s+/));
    // Partition 0: committed 3, high watermark 5 → lag 2. Partition 1: nothing committed → "-".
    expect(cells[0].slice(0, 6)).toEqual(['billing', 'orders', '0', '3', '5', '2']);
    expect(cells[1].slice(0, 6)).toEqual(['billing', 'orders', '1', '-', '7', '-']);
    expect(cells[0][6]).toMatch(/^billing-1-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(cells[0].slice(7)).toEqual(['/127.0.0.1', 'billing-1']);
    expect(lines.at(-1)).toBe('');
  });

  it('widens the group and topic columns to the longest value', () => {
    const view = moment();
    view.topics[0].name = 'payments-authorised-v2';
    view.groups[0].members[0].assigned = ['payments-authorised-v2-0'];
    view.groups[0].committed = { 'payments-authorised-v2-0': 1 };
    const header = describeGroupOffsets(view, 'billing').split('\n')[1];
    expect(header.indexOf('PARTITION')).toBe(16 + 'payments-authorised-v2'.length + 1);
  });

  it('shows committed partitions nobody holds with "-" members, after the members\' rows', () => {
    const view = moment({ members: [], state: 'Empty', committed: { 'orders-1': 7, 'orders-0': 5 } });
    const text = describeGroupOffsets(view, 'billing');
    expect(text.startsWith("\nConsumer group 'billing' has no active members.\n\nGROUP")).toBe(true);
    const rows = groupOffsetRows(view, view.groups[0]);
    expect(rows.map((r) => [r.partition, r.currentOffset, r.lag, r.consumerId, r.host, r.clientId])).toEqual([
      [0, 5, 0, '-', '-', '-'],
      [1, 7, 0, '-', '-', '-'],
    ]);
  });

  it('while rebalancing warns and reports no assignments (a classic group reports them only when Stable)', () => {
    const text = describeGroupOffsets(moment({ state: 'PreparingRebalance' }), 'billing');
    expect(text.startsWith("\nWarning: Consumer group 'billing' is rebalancing.\n")).toBe(true);
    expect(text).not.toContain('billing-1');
    expect(text).toMatch(/billing\s+orders\s+0\s+3\s+5\s+2\s+-\s+-\s+-/);
  });

  it('an unknown group is Dead: "does not exist"', () => {
    expect(describeGroupOffsets(moment(), 'ghost')).toBe("\nError: Consumer group 'ghost' does not exist.\n");
    expect(describeGroupState(moment(), 'ghost')).toBe("\nError: Consumer group 'ghost' does not exist.\n");
  });

  it('with every broker down the coordinator is not available', () => {
    const view = moment();
    for (const b of view.brokers) b.up = false;
    expect(describeGroupOffsets(view, 'billing')).toContain('CoordinatorNotAvailableException');
  });
});

describe('kafka-consumer-groups --describe --group --state', () => {
  it('prints coordinator, strategy, Kafka state name and member count', () => {
    const view = moment();
    const id = coordinatorOf(view, 'billing')!;
    const coordinator = `localhost:${9092 + id}  (${id})`;
    expect(describeGroupState(view, 'billing')).toBe(
      `\n${padRight('GROUP', 15)} ${padRight('COORDINATOR (ID)', 25)} ${padRight('ASSIGNMENT-STRATEGY', 20)} ${padRight('STATE', 20)} #MEMBERS` +
        `\n${padRight('billing', 15)} ${padRight(coordinator, 25)} ${padRight('range', 20)} ${padRight('Stable', 20)} 1\n`,
    );
    const empty = describeGroupState(moment({ state: 'Empty', members: [] }), 'billing');
    expect(empty).toMatch(/has no active members/);
    expect(empty).toMatch(/billing\s+localhost:\d+ {2}\(\d\)\s+-\s+Empty\s+0\n$/);
  });

  it('follows a live group through the states the engine reaches: Empty, PreparingRebalance, Stable', () => {
    const engine = createEngine({ brokers: 3, seed: 7 });
    engine.apply({ type: 'createTopic', name: 'orders', partitions: 3, replicationFactor: 3, minInsyncReplicas: 2 });
    engine.apply({ type: 'addConsumer', id: 'c1', group: 'g', topics: ['orders'], commitMode: 'afterProcess' });
    const states = new Set<string>();
    states.add(describeGroupState(engine.view(), 'g').match(/(Stable|PreparingRebalance|CompletingRebalance|Empty)/)![1]);
    for (let i = 0; i < 10; i++) engine.apply({ type: 'produce', topic: 'orders', key: `k${i}`, value: i });
    engine.advance(10_000);
    states.add(describeGroupState(engine.view(), 'g').match(/(Stable|PreparingRebalance|CompletingRebalance|Empty)/)![1]);
    expect(states).toContain('Stable');
    // Once caught up, every partition is held by c1 and its lag is 0.
    const rows = groupOffsetRows(engine.view(), engine.view().groups[0]);
    expect(rows.map((r) => `${r.topic}-${r.partition}`)).toEqual(['orders-0', 'orders-1', 'orders-2']);
    expect(rows.every((r) => r.clientId === 'c1' && r.lag === 0)).toBe(true);
    expect(rows.reduce((n, r) => n + (r.logEndOffset ?? 0), 0)).toBe(10);
  });
});

describe('helpers', () => {
  it("javaHashCode matches Java's String.hashCode", () => {
    expect(javaHashCode('')).toBe(0);
    expect(javaHashCode('hello')).toBe(99162322);
    expect(javaHashCode('polygenelubricants')).toBe(-2147483648);
  });

  it('stableUuid looks like a Kafka Uuid (22 URL-safe base64 characters) and is stable per name', () => {
    expect(stableUuid('orders')).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(stableUuid('orders')).toBe(stableUuid('orders'));
    expect(stableUuid('orders')).not.toBe(stableUuid('payments'));
  });
});
