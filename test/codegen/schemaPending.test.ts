import { expect, test } from 'vitest';
import { generateProject } from '../../src/codegen';
import { loadedSchemaJudge } from '../../src/schema/lazyJudge';
import { scenarioOf } from '../scenario/helpers';

/** Run in its own file so the schema judge (avsc) is not loaded yet, as on a canvas just opened. */
test('before the schema checker has loaded, a schema producer is left out with a note, never silently', () => {
  expect(loadedSchemaJudge()).toBeNull();
  const s = scenarioOf(['producer', 'topic'], [['producer-1', 'topic-1']]);
  const producer = s.nodes.find((n) => n.id === 'producer-1')!;
  if (producer.kind === 'producer') producer.props.schema = { name: 'Order', fields: [{ name: 'id', type: 'string', withDefault: false }] };
  const project = generateProject(s);
  expect(project.files.map((f) => f.path)).not.toContain('src/producers/producer-1.ts');
  expect(project.notes).toContainEqual({ kind: 'skipped', code: 'schemaCheckPending', nodeId: 'producer-1', label: producer.label });
});
