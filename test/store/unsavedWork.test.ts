import { beforeAll, describe, expect, it } from 'vitest';
import { TEMPLATES } from '../../src/scenario';
import { createKafeStore, loadValidation } from '../../src/store';

// Reading saved or linked text needs the validation module, which the app loads lazily.
beforeAll(async () => {
  await loadValidation();
});

/** hasUnsavedWork decides when replacing the canvas must ask first (issue 10 item 5). */
describe('unsaved work on the canvas', () => {
  it('a template as loaded is not unsaved work; an edit is; positions and the clock are not', () => {
    const store = createKafeStore(TEMPLATES.orderFanOut.build());
    expect(store.getState().hasUnsavedWork()).toBe(false);
    const first = store.getState().scenario.nodes[0];
    store.getState().moveNode(first.id, { x: 999, y: 999 });
    store.getState().stepForward();
    expect(store.getState().hasUnsavedWork()).toBe(false);
    store.getState().addNode('topic');
    expect(store.getState().hasUnsavedWork()).toBe(true);
  });

  it('recorded actions count as work', () => {
    const store = createKafeStore(TEMPLATES.orderFanOut.build());
    const topic = store.getState().scenario.nodes.find((n) => n.kind === 'topic')!;
    expect(store.getState().run({ type: 'produce', topic: topic.kind === 'topic' ? topic.props.name : '', key: 'k' })).toBe(true);
    expect(store.getState().hasUnsavedWork()).toBe(true);
  });

  it('a canvas loaded from where only the autosave holds it is unsaved work until kept', () => {
    const store = createKafeStore(TEMPLATES.empty.build());
    store.getState().loadScenario(TEMPLATES.iotStream.build(), { kept: false });
    expect(store.getState().hasUnsavedWork()).toBe(true);
    store.getState().markKept();
    expect(store.getState().hasUnsavedWork()).toBe(false);
  });

  it('an empty canvas has nothing to lose', () => {
    const store = createKafeStore(TEMPLATES.empty.build());
    store.getState().loadScenario({ ...TEMPLATES.empty.build(), nodes: [], edges: [] }, { kept: false });
    expect(store.getState().hasUnsavedWork()).toBe(false);
  });

  it('a scenario that cannot be loaded leaves the current canvas as it was', () => {
    const store = createKafeStore(TEMPLATES.orderFanOut.build());
    const before = store.getState().scenario;
    expect(store.getState().importJson('[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]')).toBe(false);
    expect(store.getState().scenario).toBe(before);
    expect(store.getState().notice).toMatchObject({ kind: 'error', key: 'notice.importFailed', reason: 'tooDeep' });
  });
});
