import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { TEMPLATES } from '../../src/scenario';
import { createKafeStore, loadValidation, type KafeStore } from '../../src/store';

// Reading saved or linked text needs the validation module, which the app loads lazily.
beforeAll(async () => {
  await loadValidation();
});

const play = (store: KafeStore, ms: number) => {
  store.getState().play();
  for (let t = 0; t < ms; t += 100) store.getState().tick(100);
  store.getState().pause();
};
const endOffsets = (store: KafeStore, topic: string) =>
  store.getState().frame.view.topics.find((t) => t.name === topic)!.partitions.reduce((n, p) => n + p.endOffset, 0);

function emptyStore() {
  return createKafeStore(TEMPLATES.empty.build());
}

describe('the Kafé store', () => {
  it('builds a flow from palette nodes and runs it: records reach the topic and the service consumes them', () => {
    const store = emptyStore();
    const s = store.getState();
    const producer = s.addNode('producer')!;
    const topic = s.addNode('topic')!;
    const service = s.addNode('service')!;
    expect(store.getState().connect(producer, topic)).toBe(true);
    expect(store.getState().connect(topic, service)).toBe(true);
    const topicName = (store.getState().scenario.nodes.find((n) => n.id === topic)!.props as { name: string }).name;
    play(store, 5000);
    expect(endOffsets(store, topicName)).toBeGreaterThan(0);
    const group = store.getState().frame.view.groups[0];
    expect(Object.values(group.committed).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });

  it('refuses an invalid connection with a notice and leaves the canvas unchanged', () => {
    const store = emptyStore();
    const a = store.getState().addNode('topic')!;
    const b = store.getState().addNode('topic')!;
    const before = store.getState().scenario;
    expect(store.getState().connect(a, b)).toBe(false);
    expect(store.getState().scenario).toBe(before);
    expect(store.getState().notice).toMatchObject({ kind: 'error', key: 'connection.topicToTopic' });
  });

  it('does not advance time while paused, and advances by speed × wall time while playing', () => {
    const store = emptyStore();
    store.getState().tick(100);
    expect(store.getState().frame.now).toBe(0);
    store.getState().setSpeed(10);
    store.getState().play();
    store.getState().tick(100);
    expect(store.getState().frame.now).toBe(1000);
  });

  it('records learner actions and replays them when playing forward again after stepping back', () => {
    const store = createKafeStore(TEMPLATES.orderFanOut.build());
    play(store, 2000);
    const producerId = Object.keys(store.getState().ids.producerNode)[0];
    expect(store.getState().run({ type: 'setProducerRate', id: producerId, ratePerSec: 50 })).toBe(true);
    play(store, 2000);
    const atFour = endOffsets(store, 'orders');
    store.getState().seek(1000);
    expect(store.getState().frame.now).toBe(1000);
    expect(endOffsets(store, 'orders')).toBeLessThan(atFour);
    play(store, 3000);
    expect(store.getState().frame.now).toBe(4000);
    expect(endOffsets(store, 'orders')).toBe(atFour);
  });

  it('starts a new branch when the learner acts in the past: later recorded actions are dropped', () => {
    const store = createKafeStore(TEMPLATES.orderFanOut.build());
    const producerId = () => Object.keys(store.getState().ids.producerNode)[0];
    play(store, 1000);
    store.getState().run({ type: 'setProducerRate', id: producerId(), ratePerSec: 100 });
    play(store, 1000);
    store.getState().seek(500);
    store.getState().run({ type: 'setProducerRate', id: producerId(), ratePerSec: 0 });
    expect(store.getState().scenario.timeline).toHaveLength(1);
    expect(store.getState().scenario.timeline[0].at).toBe(500);
  });

  it('step back moves 100 ms into the past and pauses', () => {
    const store = createKafeStore(TEMPLATES.orderFanOut.build());
    play(store, 1000);
    store.getState().play();
    store.getState().stepBack();
    expect(store.getState().frame.now).toBe(900);
    expect(store.getState().playing).toBe(false);
  });

  it('the same edit made by the app (asScriptedEdits, a lesson replay) restarts time without the notice; the learner’s next edit gets it again', async () => {
    const store = createKafeStore(TEMPLATES.orderFanOut.build());
    play(store, 1000);
    const topic = store.getState().scenario.nodes.find((n) => n.kind === 'topic')!;
    const result = await store.getState().asScriptedEdits(async () => {
      await Promise.resolve();
      store.getState().updateNode(topic.id, { props: { partitions: 8 } });
      return 'done';
    });
    expect(result).toBe('done');
    expect(store.getState().frame.now).toBe(0);
    expect(store.getState().notices.map((n) => n.key)).not.toContain('notice.restartedAfterEdit');
    // A scope that fails still ends: the learner's edits say so again.
    await expect(store.getState().asScriptedEdits(() => Promise.reject(new Error('replay failed')))).rejects.toThrow('replay failed');
    play(store, 1000);
    store.getState().updateNode(topic.id, { props: { partitions: 10 } });
    expect(store.getState().notice?.key).toBe('notice.restartedAfterEdit');
  });

  it('restarts from zero with a notice when the setup is edited mid-run', () => {
    const store = createKafeStore(TEMPLATES.orderFanOut.build());
    play(store, 1000);
    const topic = store.getState().scenario.nodes.find((n) => n.kind === 'topic')!;
    store.getState().updateNode(topic.id, { props: { partitions: 8 } });
    expect(store.getState().frame.now).toBe(0);
    expect(store.getState().notice?.key).toBe('notice.restartedAfterEdit');
    expect(store.getState().frame.view.topics.find((t) => t.name === 'orders')!.partitions).toHaveLength(8);
  });

  it("renames a topic's label with its name until the learner gives it a label of its own", () => {
    const store = createKafeStore(TEMPLATES.empty.build());
    const id = store.getState().addNode('topic')!;
    const node = () => store.getState().scenario.nodes.find((n) => n.id === id)!;
    expect(node().label).toBe(id);
    store.getState().updateNode(id, { props: { name: 'points' } });
    expect(node().label).toBe('points');
    store.getState().updateNode(id, { label: 'Loyalty points' });
    store.getState().updateNode(id, { props: { name: 'points-v2' } });
    expect(node().label).toBe('Loyalty points');
    expect((node().props as { name: string }).name).toBe('points-v2');
  });

  it('keeps the current canvas when an import is malformed, and says what is wrong', () => {
    const store = createKafeStore(TEMPLATES.orderFanOut.build());
    const before = store.getState().scenario;
    expect(store.getState().importJson('{"version": 1, "nodes": "oops"')).toBe(false);
    expect(store.getState().scenario).toBe(before);
    expect(store.getState().notice).toMatchObject({ kind: 'error', key: 'notice.importFailed' });
    expect(store.getState().notice?.detail).toMatch(/JSON/i);
  });

  it('round-trips through export/import and share links, including the timeline and the moment viewed', () => {
    const store = createKafeStore(TEMPLATES.orderFanOut.build());
    play(store, 1500);
    const producerId = Object.keys(store.getState().ids.producerNode)[0];
    store.getState().run({ type: 'produce', topic: 'orders', key: 'vip', eventType: 'OrderPlaced', producer: producerId });
    play(store, 500);
    const other = emptyStore();
    expect(other.getState().importJson(store.getState().exportJson())).toBe(true);
    expect(other.getState().frame.now).toBe(2000);
    expect(JSON.stringify(other.getState().frame.view)).toBe(JSON.stringify(store.getState().frame.view));
    const third = emptyStore();
    expect(third.getState().openShareFragment('#' + store.getState().shareFragment())).toBe(true);
    expect(third.getState().scenario).toEqual({ ...store.getState().scenario, time: 2000 });
  });

  it('refuses a damaged share link and keeps the canvas', () => {
    const store = createKafeStore(TEMPLATES.orderFanOut.build());
    const before = store.getState().scenario;
    const fragment = store.getState().shareFragment();
    expect(store.getState().openShareFragment('#' + fragment.slice(0, fragment.length / 2))).toBe(false);
    expect(store.getState().scenario).toBe(before);
    expect(store.getState().notice?.key).toBe('notice.shareFailed');
  });

  it('reports an engine refusal of a learner action as a notice, without recording it', () => {
    const store = createKafeStore(TEMPLATES.orderFanOut.build());
    expect(store.getState().run({ type: 'crashConsumer', id: 'nobody' })).toBe(false);
    expect(store.getState().notice).toMatchObject({ kind: 'error', key: 'notice.commandRefused' });
    expect(store.getState().scenario.timeline).toHaveLength(0);
  });
});

describe('arranging the canvas', () => {
  const stackedOf = (s: ReturnType<typeof TEMPLATES.orderFanOut.build>) => ({ ...s, nodes: s.nodes.map((n) => ({ ...n, position: { x: 0, y: 0 } })) });
  const spots = (store: KafeStore) => new Set(store.getState().scenario.nodes.map((n) => `${n.position.x},${n.position.y}`)).size;

  // The layout code (dagre) loads on first use (src/scenario/lazyLayout.ts). These first tests
  // take fresh modules, so the layout is not loaded yet when they start.
  afterEach(() => {
    vi.doUnmock('../../src/scenario/layout');
    vi.resetModules();
  });

  it('applies a layout that arrives after its canvas was replaced to nothing', async () => {
    vi.resetModules();
    const { createKafeStore: fresh, loadValidation: freshValidation } = await import('../../src/store');
    const { TEMPLATES: templates } = await import('../../src/scenario');
    await freshValidation();
    const store = fresh(templates.empty.build());
    expect(store.getState().importJson(JSON.stringify(stackedOf(templates.orderFanOut.build())))).toBe(true);
    expect(spots(store)).toBe(1); // still waiting for the layout code
    // Placed where autoLayout would not put it: a late layout applied here would move it.
    const placed = templates.iotStream.build();
    placed.nodes = placed.nodes.map((n) => (n.id === 'alerts' ? { ...n, position: { x: 5000, y: 5000 } } : n));
    store.getState().loadScenario(placed);
    await store.getState().settled();
    expect(store.getState().scenario.nodes).toEqual(placed.nodes);
  });

  it('reports a layout that could not be loaded, leaves the canvas as it is, and tries again next time', async () => {
    vi.resetModules();
    vi.doMock('../../src/scenario/layout', () => {
      throw new Error('failed to fetch the layout chunk');
    });
    const { createKafeStore: fresh } = await import('../../src/store');
    const { TEMPLATES: templates } = await import('../../src/scenario');
    const store = fresh(templates.orderFanOut.build());
    store.getState().moveNode('orders', { x: 5000, y: 5000 });
    store.getState().autoArrange();
    await store.getState().settled();
    expect(store.getState().notice).toMatchObject({ kind: 'error', key: 'notice.arrangeFailed' });
    expect(store.getState().scenario.nodes.find((n) => n.id === 'orders')!.position).toEqual({ x: 5000, y: 5000 });
    vi.doUnmock('../../src/scenario/layout');
    store.getState().autoArrange();
    await store.getState().settled();
    expect(store.getState().scenario.nodes.find((n) => n.id === 'orders')!.position.x).toBeLessThan(5000);
  });

  it('lays out an imported scenario whose nodes are stacked at one spot, and keeps given positions otherwise', async () => {
    const flat = stackedOf(TEMPLATES.orderFanOut.build());
    const store = createKafeStore(TEMPLATES.empty.build());
    expect(store.getState().importJson(JSON.stringify(flat))).toBe(true);
    await store.getState().settled();
    expect(spots(store)).toBe(flat.nodes.length);
    const placed = TEMPLATES.iotStream.build();
    expect(store.getState().importJson(JSON.stringify(placed))).toBe(true);
    expect(store.getState().scenario.nodes.map((n) => n.position)).toEqual(placed.nodes.map((n) => n.position));
  });

  it('re-arranges on request without restarting the simulation', async () => {
    const store = createKafeStore(TEMPLATES.orderFanOut.build());
    play(store, 1000);
    store.getState().moveNode('orders', { x: 5000, y: 5000 });
    store.getState().autoArrange();
    await store.getState().settled();
    expect(store.getState().frame.now).toBe(1000);
    expect(store.getState().scenario.nodes.find((n) => n.id === 'orders')!.position.x).toBeLessThan(5000);
  });
});

