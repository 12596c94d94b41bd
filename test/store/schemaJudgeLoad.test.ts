import { describe, expect, it } from 'vitest';
import { scenarioToJson, type NodeOf } from '../../src/scenario';
import { loadedSchemaJudge } from '../../src/schema/lazyJudge';
import type { RecordSchema } from '../../src/schema/model';
import { createKafeStore } from '../../src/store';
import { scenarioOf } from '../scenario/helpers';

/**
 * A canvas with schemas starts before avsc (a lazy chunk) has loaded: the store holds its schema
 * producers back, then builds the run again when the judge arrives; settled() waits for that.
 * This file must be the first in its worker to load the judge, which vitest's isolation gives it.
 */
const v1: RecordSchema = { name: 'Order', fields: [{ name: 'id', type: 'string', withDefault: false }] };
const v2: RecordSchema = { name: 'Order', fields: [...v1.fields, { name: 'coupon', type: 'string', withDefault: true }] };

function canvas() {
  const s = scenarioOf(['producer', 'topic', 'service'], [['producer-1', 'topic-1'], ['topic-1', 'service-1']]);
  const props = <K extends 'producer' | 'topic' | 'service'>(id: string) => s.nodes.find((n) => n.id === id)!.props as NodeOf<K>['props'];
  Object.assign(props<'producer'>('producer-1'), { schema: v2, ratePerSec: 5 });
  Object.assign(props<'topic'>('topic-1'), { schemaVersions: [v1] });
  Object.assign(props<'service'>('service-1'), { readerSchema: v1 });
  return s;
}

describe('loading the schema judge', () => {
  it('runs a canvas with schemas once avsc is there, at the moment the learner was looking at', async () => {
    expect(loadedSchemaJudge()).toBeNull();
    const store = createKafeStore(canvas());
    expect(store.getState().registry.pending).toBe(true);
    expect(store.getState().problems.map((p) => p.code)).toContain('schemaCheckPending');
    store.getState().stepForward();
    await store.getState().settled();
    const state = store.getState();
    expect(state.registry.pending).toBe(false);
    expect(state.problems).toEqual([]);
    expect(state.registry.subjects[0].versions.map((v) => v.registeredBy)).toEqual([null, 'producer-1']);
    expect(state.frame.now).toBe(100);
    store.getState().seek(3000);
    await store.getState().settled();
    const service = store.getState().frame.view.services.find((x) => x.id === 'service-1')!;
    expect(service.stats.processed).toBeGreaterThan(5);
    expect(service.undeserialisable).toBe(0);
    // Nothing of this reaches the saved form: the registry is derived from the setup.
    expect(scenarioToJson(store.getState().scenario)).not.toContain('registeredBy');
  });
});
