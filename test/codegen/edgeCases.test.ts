import { beforeAll, describe, expect, test } from 'vitest';
import { generateProject } from '../../src/codegen';
import { slug, uniqueSlugs } from '../../src/codegen/names';
import { TEMPLATES, type NodeOf, type Scenario, type ScenarioNode } from '../../src/scenario';
import { scenarioOf } from '../scenario/helpers';
import { configOf, fileAt, typecheckProject } from './support';
import * as avro from 'avsc/etc/browser/avsc-types.js';
import { loadSchemaJudge } from '../../src/schema/lazyJudge';
import { toAvro, type RecordSchema } from '../../src/schema/model';

/**
 * What the canvas can say that a kafkajs project cannot (or should not) copy as it is: unconnected
 * nodes, an empty canvas, hostile labels, every code path of a script. Each is either exported
 * correctly or reported as a note, never as broken code.
 */

type Kind = ScenarioNode['kind'];
function patch<K extends Kind>(s: Scenario, id: string, change: (n: NodeOf<K>) => void): void {
  const node = s.nodes.find((n) => n.id === id);
  if (!node) throw new Error(`no node ${id}`);
  change(node as NodeOf<K>);
}

const scriptPaths = (s: Scenario) => generateProject(s).files.filter((f) => /^src\/(producers|services|consumers)\//.test(f.path)).map((f) => f.path);

describe('nodes that cannot run are left out and reported', () => {
  test('a producer connected to no topic gets no script and a "not exported" note', () => {
    const s = scenarioOf(['producer', 'producer', 'topic'], [['producer-2', 'topic-1']]);
    patch<'producer'>(s, 'producer-1', (n) => (n.label = 'Lonely'));
    const project = generateProject(s);
    expect(scriptPaths(s)).toEqual(['src/producers/producer-2.ts']);
    expect(project.notes).toContainEqual({ kind: 'skipped', code: 'producerNotConnected', nodeId: 'producer-1', label: 'Lonely' });
    const readme = fileAt(project.files, 'README.md');
    expect(readme.slice(readme.indexOf('## Not exported'))).toContain('Lonely: this producer writes to no topic');
  });

  test('a service or consumer that reads no topic gets no script and a note', () => {
    const s = scenarioOf(['producer', 'topic', 'service', 'consumer'], [['producer-1', 'topic-1'], ['service-1', 'topic-1']]);
    const project = generateProject(s);
    expect(scriptPaths(s)).toEqual(['src/producers/producer-1.ts']);
    expect(project.notes.filter((n) => n.kind === 'skipped').map((n) => [n.code, n.nodeId])).toEqual([
      ['readerNotSubscribed', 'service-1'],
      ['readerNotSubscribed', 'consumer-1'],
    ]);
  });

  test('an empty canvas exports a project whose README says there is nothing to run', () => {
    const project = generateProject(TEMPLATES.empty.build());
    expect(project.files.map((f) => f.path)).toEqual(['.gitignore', 'README.md', 'docker-compose.yml', 'package.json', 'tsconfig.json']);
    expect(fileAt(project.files, 'README.md')).toContain('## Nothing to run');
    expect(project.notes.map((n) => n.code)).toEqual(['brokersMerged', 'nothingToRun']);
    expect(JSON.parse(fileAt(project.files, 'package.json')).scripts).toEqual({ typecheck: 'tsc --noEmit' });
  });

  test('topics without any reader or writer are still created', () => {
    const project = generateProject(scenarioOf(['topic']));
    expect(configOf(fileAt(project.files, 'src/create-topics.ts'))).toMatchObject({ topics: [{ name: 'topic-1' }] });
    expect(fileAt(project.files, 'README.md')).toContain('npm run create-topics');
  });

  test('actions taken while the simulation ran and nodes that joined late are reported', () => {
    const s = scenarioOf(['producer', 'topic', 'consumer'], [['producer-1', 'topic-1'], ['topic-1', 'consumer-1']]);
    s.timeline = [{ at: 100, afterEvents: 0, command: { type: 'produce', topic: 'topic-1', key: 'k' } as never }];
    patch<'consumer'>(s, 'consumer-1', (n) => (n.joinAtMs = 12_340));
    const project = generateProject(s);
    expect(project.notes).toContainEqual({ kind: 'info', code: 'timelineNotExported', detail: { count: 1 } });
    expect(project.notes).toContainEqual(expect.objectContaining({ code: 'joinsLater', nodeId: 'consumer-1', detail: { seconds: 12.3 } }));
    expect(fileAt(project.files, 'src/consumers/consumer-1.ts')).toContain('joined at 12.3 s');
  });

  test('a service that keeps a database on the canvas (dual write or outbox) is exported without it, with a note', () => {
    const s = scenarioOf(['producer', 'topic', 'service', 'topic'], [['producer-1', 'topic-1'], ['topic-1', 'service-1'], ['service-1', 'topic-2']]);
    patch<'service'>(s, 'service-1', (n) => {
      n.label = 'Order service';
      n.props.database = 'outbox';
    });
    const project = generateProject(s);
    expect(project.notes).toContainEqual({ kind: 'adjusted', code: 'databaseNotExported', nodeId: 'service-1', label: 'Order service', detail: { mode: 'outbox' } });
    expect(fileAt(project.files, 'README.md')).toContain('Order service: saves each record in a database on the canvas (outbox)');
    patch<'service'>(s, 'service-1', (n) => (n.props.database = 'none'));
    expect(generateProject(s).notes.map((n) => n.code)).not.toContain('databaseNotExported');
  });
});

describe('record schemas', () => {
  const v1: RecordSchema = { name: 'Order', fields: [{ name: 'id', type: 'string', withDefault: false }] };
  const v2: RecordSchema = { name: 'Order', fields: [...v1.fields, { name: 'coupon', type: 'string', withDefault: true }] };
  function withSchemas(): Scenario {
    const s = scenarioOf(['producer', 'topic', 'service', 'topic'], [['producer-1', 'topic-1'], ['topic-1', 'service-1'], ['service-1', 'topic-2']]);
    patch<'producer'>(s, 'producer-1', (n) => (n.props.schema = v2));
    patch<'topic'>(s, 'topic-1', (n) => Object.assign(n.props, { schemaVersions: [v1], compatibility: 'FULL' }));
    patch<'service'>(s, 'service-1', (n) => (n.props.readerSchema = v1));
    return s;
  }

  beforeAll(() => loadSchemaJudge());

  test('every schema on the canvas is written as a valid .avsc file, and a note says the scripts send JSON', () => {
    const project = generateProject(withSchemas());
    const avsc = project.files.filter((f) => f.path.startsWith('schemas/'));
    expect(avsc.map((f) => f.path)).toEqual(['schemas/producer-1.writer.avsc', 'schemas/service-1.reader.avsc', 'schemas/topic-1-value.v1.avsc']);
    for (const f of avsc) expect(() => avro.Type.forSchema(JSON.parse(f.contents))).not.toThrow();
    expect(JSON.parse(fileAt(project.files, 'schemas/producer-1.writer.avsc'))).toEqual(toAvro(v2));
    expect(JSON.parse(fileAt(project.files, 'schemas/topic-1-value.v1.avsc'))).toEqual(toAvro(v1));
    expect(project.notes).toContainEqual(expect.objectContaining({ code: 'writerSchemaNotUsed', nodeId: 'producer-1', detail: { file: 'schemas/producer-1.writer.avsc', subject: 'topic-1-value' } }));
    expect(project.notes).toContainEqual(expect.objectContaining({ code: 'readerSchemaNotUsed', nodeId: 'service-1', detail: { file: 'schemas/service-1.reader.avsc' } }));
    expect(project.notes).toContainEqual(
      expect.objectContaining({ code: 'registryNotExported', nodeId: 'topic-1', detail: { subject: 'topic-1-value', count: 1, mode: 'FULL', files: 'schemas/topic-1-value.v1.avsc' } }),
    );
    const readme = fileAt(project.files, 'README.md');
    expect(readme).toContain('register it under topic-1-value with a schema registry');
    expect(readme).toContain('| `schemas/topic-1-value.v1.avsc` | topic-1 (`topic-1`) | Avro schema, version 1 of subject topic-1-value |');
  });

  test('a canvas without schemas writes no schema files and no schema notes', () => {
    const s = withSchemas();
    patch<'producer'>(s, 'producer-1', (n) => delete n.props.schema);
    patch<'topic'>(s, 'topic-1', (n) => delete n.props.schemaVersions);
    patch<'service'>(s, 'service-1', (n) => delete n.props.readerSchema);
    const project = generateProject(s);
    expect(project.files.some((f) => f.path.startsWith('schemas/'))).toBe(false);
    expect(project.notes.map((n) => n.code).filter((c) => /Schema|registry/i.test(c))).toEqual([]);
  });

  test('a producer whose schema the registry refused is left out with a note giving the reason, as the canvas sends nothing', () => {
    const s = withSchemas();
    const noDefault: RecordSchema = { name: 'Order', fields: [...v1.fields, { name: 'coupon', type: 'string', withDefault: false }] };
    patch<'producer'>(s, 'producer-1', (n) => (n.props.schema = noDefault));
    patch<'topic'>(s, 'topic-1', (n) => (n.props.compatibility = 'BACKWARD'));
    const project = generateProject(s);
    expect(project.files.map((f) => f.path)).not.toContain('src/producers/producer-1.ts');
    const refused = project.notes.find((n) => n.code === 'schemaRefused');
    expect(refused).toMatchObject({ kind: 'skipped', nodeId: 'producer-1', detail: { subject: 'topic-1-value', mode: 'BACKWARD', topic: 'topic-1' } });
    expect(String(refused!.detail!.reason)).toMatch(/coupon/);
    expect(fileAt(project.files, 'README.md')).toContain('refused its schema for topic-1-value');
  });
});

describe('learner-typed text', () => {
  const hostile = ['Pay "now" `x` ${process.exit(1)}', '</script><script>alert(1)</script> */ /*', 'ชำระเงิน', 'back\\slash\nnew line', 'Pay "now" `x` ${process.exit(1)}'];

  function hostileScenario(): Scenario {
    const s = scenarioOf(
      ['producer', 'topic', 'service', 'topic', 'consumer', 'consumer', 'consumer'],
      [['producer-1', 'topic-1'], ['topic-1', 'service-1'], ['service-1', 'topic-2'], ['topic-2', 'consumer-1'], ['topic-2', 'consumer-2'], ['topic-1', 'consumer-3']],
    );
    s.name = '*/ "Shop" `${1}` ร้านกาแฟ </script>';
    const actors = s.nodes.filter((n) => n.kind !== 'topic');
    actors.forEach((n, i) => (n.label = hostile[i]));
    patch<'producer'>(s, 'producer-1', (n) => Object.assign(n.props, { keyPattern: 'cycle', keys: ['a"b', '`c`', '${d}', 'คีย์'] }));
    patch<'service'>(s, 'service-1', (n) => (n.props.group = 'g"roup `${x}` */'));
    return s;
  }

  test('still type-checks, and every label reaches CONFIG exactly as typed', { timeout: 60_000 }, () => {
    const s = hostileScenario();
    const project = generateProject(s);
    expect(typecheckProject(project.files).diagnostics).toEqual([]);
    const labels = project.files.filter((f) => f.contents.includes('const CONFIG') && f.path !== 'src/create-topics.ts').map((f) => configOf(f.contents).label);
    expect(labels.sort()).toEqual(hostile.slice().sort());
    expect(configOf(fileAt(project.files, 'src/producers/pay-now-x-process-exit-1.ts')).keys).toEqual({ pattern: 'cycle', keys: ['a"b', '`c`', '${d}', 'คีย์'] });
  });

  test('gives safe, unique file and npm script names', () => {
    const project = generateProject(hostileScenario());
    const paths = project.files.map((f) => f.path);
    for (const p of paths) expect(p).toMatch(/^(\.gitignore|[A-Za-z-]+\.(md|yml|json)|src\/([a-z]+\/)?[a-z0-9-]+\.ts)$/);
    expect(paths).toEqual(
      expect.arrayContaining([
        'src/producers/pay-now-x-process-exit-1.ts',
        'src/services/script-script-alert-1-script.ts',
        // A Thai label has no ASCII letters: the node id names the file.
        'src/consumers/consumer-1.ts',
        'src/consumers/back-slash-new-line.ts',
        'src/consumers/pay-now-x-process-exit-1-2.ts',
      ]),
    );
    expect(JSON.parse(fileAt(project.files, 'package.json')).name).toBe('kafe-shop-1-script');
  });

  test('never opens or closes a comment, and stays on one line in comments and the README', () => {
    const project = generateProject(hostileScenario());
    for (const f of project.files.filter((x) => x.path.endsWith('.ts'))) {
      for (const line of f.contents.split('\n').filter((l) => l.trimStart().startsWith('//'))) expect(line).not.toContain('*/');
      expect(f.contents).not.toContain('new line\n');
    }
    const readme = fileAt(project.files, 'README.md');
    expect(readme).not.toContain('<script>');
    expect(readme).toContain('\\<script\\>');
  });

  test('names: slugs are ASCII, reserved and hook-like names get their kind, collisions a number', () => {
    expect(slug('Order Service')).toBe('order-service');
    expect(slug('Crème brûlée')).toBe('creme-brulee');
    expect(slug('ชำระเงิน')).toBe('');
    const names = uniqueSlugs([
      { label: 'Payment', id: 'a', kind: 'service' },
      { label: 'payment', id: 'b', kind: 'service' },
      { label: 'Create topics', id: 'c', kind: 'producer' },
      { label: 'Prepayment', id: 'd', kind: 'consumer' },
      { label: 'ชำระเงิน', id: 'Svc_1', kind: 'service' },
      { label: '!!!', id: '___', kind: 'consumer' },
    ]);
    expect(names).toEqual(['payment', 'payment-2', 'producer-create-topics', 'consumer-prepayment', 'svc-1', 'consumer']);
  });
});

describe('every code path of the scripts type-checks', () => {
  test('retry and dead-letter topics, failures, idempotence, commit modes, latest, range, cycle keys, acks 0, two output topics', { timeout: 60_000 }, () => {
    const s = scenarioOf(
      ['producer', 'topic', 'service', 'topic', 'topic', 'topic', 'topic', 'consumer', 'consumer', 'consumer', 'producer'],
      [
        ['producer-1', 'topic-1'],
        ['producer-1', 'topic-5'],
        ['topic-1', 'service-1'],
        ['service-1', 'topic-2'],
        ['service-1', 'topic-5'],
        ['service-1', 'topic-3'],
        ['service-1', 'topic-4'],
        ['topic-3', 'service-1'],
        ['topic-2', 'consumer-1'],
        ['topic-2', 'consumer-2'],
        ['topic-4', 'consumer-3'],
        ['producer-2', 'topic-5'],
      ],
    );
    patch<'service'>(s, 'service-1', (n) =>
      Object.assign(n.props, { retryTopic: 'topic-3', deadLetterTopic: 'topic-4', failureRate: 0.2, maxAttempts: 4, idempotent: true, assignor: 'range', autoOffsetReset: 'latest', instances: 3 }),
    );
    patch<'producer'>(s, 'producer-1', (n) => Object.assign(n.props, { keyPattern: 'cycle', keys: ['a', 'b'], acks: 0, idempotent: true, ratePerSec: 0 }));
    patch<'producer'>(s, 'producer-2', (n) => Object.assign(n.props, { keyPattern: 'none' }));
    patch<'consumer'>(s, 'consumer-1', (n) => Object.assign(n.props, { commitMode: 'afterProcess', assignor: 'roundrobin' }));
    patch<'consumer'>(s, 'consumer-2', (n) => Object.assign(n.props, { commitMode: 'beforeProcess', assignor: 'sticky' }));
    const project = generateProject(s);
    expect(typecheckProject(project.files).diagnostics).toEqual([]);

    const service = fileAt(project.files, 'src/services/service-1.ts');
    expect(configOf(service)).toMatchObject({ inputs: ['topic-1'], outputs: ['topic-2', 'topic-5'], retryTopic: 'topic-3', deadLetterTopic: 'topic-4' });
    expect(service).toContain('topics: [...CONFIG.inputs, CONFIG.retryTopic], fromBeginning: false');
    expect(service).toContain('await sendToRetry(message, origin, attempt);');
    expect(service).toContain('await sendToDeadLetter(message, origin, attempt);');
    expect(service).toContain('const INSTANCES: number = 3;');
    expect(service).toMatch(/the canvas uses "range"/);

    const producer = fileAt(project.files, 'src/producers/producer-1.ts');
    expect(producer).toContain('const ACKS = 0;');
    expect(producer).toContain('producer({ idempotent: false })');
    expect(configOf(producer)).toMatchObject({ topics: ['topic-1', 'topic-5'], keys: { pattern: 'cycle', keys: ['a', 'b'] } });
    expect(project.notes).toContainEqual(expect.objectContaining({ code: 'idempotentNeedsAcksAll', nodeId: 'producer-1', detail: { acks: 0 } }));
    expect(project.notes).toContainEqual(expect.objectContaining({ code: 'instances', nodeId: 'service-1', detail: { instances: 3 } }));

    const after = fileAt(project.files, 'src/consumers/consumer-1.ts');
    expect(after.indexOf('await handle(topic, message)')).toBeLessThan(after.indexOf('await consumer.commitOffsets'));
    expect(after).toContain('round-robin, as on the canvas');
    const before = fileAt(project.files, 'src/consumers/consumer-2.ts');
    expect(before.indexOf('await consumer.commitOffsets')).toBeLessThan(before.indexOf('await handle(topic, message)'));
    expect(before).toContain('at-most-once');
    expect(fileAt(project.files, 'src/consumers/consumer-3.ts')).toContain('autoCommit: true');
  });
});
