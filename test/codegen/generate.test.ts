import { describe, expect, test } from 'vitest';
import { generateProject } from '../../src/codegen';
import { scenarioToEngine, TEMPLATES, type NodeOf, type Scenario } from '../../src/scenario';
import { configOf, exportableScenarios, fileAt, typecheckProject } from './support';

/**
 * "Export as code" on real canvases: every generated project type-checks with its own tsconfig
 * against the real kafkajs types, and what its files say (topics, partitions, groups, keys)
 * matches the canvas.
 */
const cases = await exportableScenarios();

describe.each(cases)('the project exported from $name', ({ scenario }) => {
  const project = generateProject(scenario);
  const paths = project.files.map((f) => f.path);

  test('type-checks with zero diagnostics under its own strict tsconfig', { timeout: 60_000 }, () => {
    const { checked, diagnostics } = typecheckProject(project.files);
    expect(diagnostics).toEqual([]);
    expect(checked).toEqual(paths.filter((p) => p.endsWith('.ts')));
  });

  test('is deterministic and lists its files sorted by path', () => {
    expect(generateProject(scenario)).toEqual(project);
    expect(paths).toEqual([...paths].sort());
    expect(paths).toEqual(expect.arrayContaining(['docker-compose.yml', 'package.json', 'tsconfig.json', 'README.md']));
  });

  test('creates every topic with the canvas partitions, one replica, and settings as Kafka names them', () => {
    const topics = scenario.nodes.filter((n): n is NodeOf<'topic'> => n.kind === 'topic');
    if (topics.length === 0) {
      expect(paths).not.toContain('src/create-topics.ts');
      return;
    }
    const config = configOf(fileAt(project.files, 'src/create-topics.ts')) as { topics: Record<string, unknown>[] };
    expect(config.topics).toEqual(
      topics.map((t) => ({
        name: t.props.name,
        partitions: t.props.partitions,
        replicationFactor: 1,
        minInsyncReplicas: 1,
        retentionMs: t.props.retentionMs,
        cleanupPolicy: t.props.cleanupPolicy,
        retentionBytes: t.props.retentionBytes,
        deleteRetentionMs: t.props.deleteRetentionMs,
        canvas: { replicationFactor: t.props.replicationFactor, minInsyncReplicas: t.props.minInsyncReplicas },
      })),
    );
  });

  test('has one script per producer, service and consumer, with the topics, groups and keys the simulator uses', () => {
    const setup = scenarioToEngine(scenario);
    const pkg = JSON.parse(fileAt(project.files, 'package.json')) as { scripts: Record<string, string>; dependencies: Record<string, string> };
    expect(pkg.dependencies).toHaveProperty('kafkajs');
    for (const command of setup.commands) {
      if (command.type === 'addProducer') {
        const node = scenario.nodes.find((n) => n.id === setup.ids.producerNode[command.id]) as NodeOf<'producer'>;
        const config = configOf(scriptOf(project.files, node.id));
        expect(config.topics).toContain(command.topic);
        expect(config).toMatchObject({ eventType: node.props.eventType, ratePerSec: node.props.ratePerSec, acks: node.props.acks });
        if (command.keys?.kind === 'random') expect(config.keys).toEqual({ pattern: 'random', prefix: command.keys.prefix, count: command.keys.count });
      } else if (command.type === 'addService') {
        const config = configOf(scriptOf(project.files, command.id));
        const emitted = (command.handlers ?? []).flatMap((h) => (h.emit ?? []).map((e) => e.topic));
        expect(config).toMatchObject({ group: command.group, inputs: command.subscribes, outputs: emitted });
      } else if (command.type === 'addConsumer') {
        const config = configOf(scriptOf(project.files, setup.ids.consumerNode[command.id]));
        expect(config).toMatchObject({ group: command.group, inputs: command.topics, commitMode: command.commitMode });
      }
    }
    const scripts = project.files.filter((f) => /^src\/(producers|services|consumers)\//.test(f.path));
    for (const f of scripts) expect(Object.values(pkg.scripts)).toContain(`tsx ${f.path}`);
  });
});

/** The script whose CONFIG names canvas node `nodeId`. */
function scriptOf(files: ReturnType<typeof generateProject>['files'], nodeId: string): string {
  const found = files.filter((f) => f.path.startsWith('src/') && f.contents.includes('const CONFIG') && configOf(f.contents).node === nodeId);
  expect(found, `one script for node ${nodeId}`).toHaveLength(1);
  return found[0].contents;
}

describe('the order fan-out export', () => {
  const scenario: Scenario = TEMPLATES.orderFanOut.build();
  const project = generateProject(scenario);

  test('names scripts after the nodes and runs each with an npm script', () => {
    const pkg = JSON.parse(fileAt(project.files, 'package.json')) as { scripts: Record<string, string> };
    expect(pkg.scripts).toMatchObject({
      'create-topics': 'tsx src/create-topics.ts',
      'order-service': 'tsx src/producers/order-service.ts',
      payment: 'tsx src/services/payment.ts',
      inventory: 'tsx src/services/inventory.ts',
      email: 'tsx src/services/email.ts',
      analytics: 'tsx src/services/analytics.ts',
    });
  });

  test('runs one KRaft Kafka node with the official image', () => {
    const compose = fileAt(project.files, 'docker-compose.yml');
    expect(compose).toMatch(/image: "apache\/kafka:\d/);
    for (const line of ['KAFKA_PROCESS_ROLES: broker,controller', 'KAFKA_CONTROLLER_QUORUM_VOTERS: 1@localhost:9093', 'KAFKA_ADVERTISED_LISTENERS: PLAINTEXT://localhost:9092', 'KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: 1'])
      expect(compose).toContain(line);
  });

  test('says which canvas setting each real-Kafka difference replaces', () => {
    const payment = scriptOf(project.files, 'payment');
    expect(payment).toContain('const PROCESSING_MS: number = 50;');
    expect(payment).toContain('const FAILURE_RATE: number = 0;');
    expect(payment).toContain('const MAX_ATTEMPTS: number = 3;');
    expect(payment).toMatch(/the canvas uses "cooperative-sticky"/);
    expect(payment).toContain('fromBeginning: true');
    expect(payment).toContain('autoCommit: false');
    const topics = fileAt(project.files, 'src/create-topics.ts');
    expect(topics).toContain('//   orders: replication factor 3 -> 1, min.insync.replicas 2 -> 1');
    expect(project.notes.map((n) => n.code)).toEqual(['brokersMerged', 'replicationCapped', 'assignorMapped']);
  });

  test('maps every generated file back to its canvas node in the README', () => {
    const readme = fileAt(project.files, 'README.md');
    for (const [file, node] of [
      ['src/producers/order-service.ts', 'Order Service (`order-service`)'],
      ['src/services/payment.ts', 'Payment (`payment`)'],
    ])
      expect(readme).toMatch(new RegExp(`\\| \`${file}\` \\| ${node.replace(/[()]/g, '\\$&')} \\|`));
    expect(readme).toContain('docker compose up -d');
    expect(readme).toContain('npm run create-topics');
    expect(readme).toContain('kafka-consumer-groups.sh --bootstrap-server localhost:9092 --describe');
    expect(readme).toContain('## Adjusted for a real cluster');
  });
});

describe('isolation.level and transactions in the exported scripts', () => {
  test('a read_committed reader reads committed records only; a transactional service writes and commits in kafkajs transactions', { timeout: 60_000 }, () => {
    const base = TEMPLATES.orderFanOut.build();
    const scenario: Scenario = {
      ...base,
      nodes: base.nodes.map((n) => (n.kind === 'service' && n.id === 'payment' ? { ...n, props: { ...n.props, transactional: true, isolationLevel: 'read_committed' as const } } : n)),
    };
    const files = generateProject(scenario).files;
    const payment = files.find((f) => f.path.startsWith('src/services/') && f.contents.includes('"payment-service"'))!;
    expect(payment.contents).toContain('readUncommitted: false');
    // kafkajs's transactional form: transactionalId, idempotent, one request in flight; per record
    // a transaction whose outputs and input offset (sendOffsets) commit together, or abort.
    expect(payment.contents).toMatch(/kafka\.producer\(\{\s*transactionalId: `\$\{CONFIG\.node\}-txn-\$\{process\.env\.INSTANCE \?\? '0'\}`,\s*idempotent: true,\s*maxInFlightRequests: 1,\s*\}\)/);
    expect(payment.contents).toContain('const transaction = await producer.transaction();');
    expect(payment.contents).toMatch(/transaction\.sendOffsets\(\{\s*consumerGroupId: CONFIG\.group,/);
    expect(payment.contents).toContain('await transaction.commit();');
    expect(payment.contents).toContain('await transaction.abort();');
    expect(payment.contents).not.toContain('consumer.commitOffsets');
    expect(payment.contents).not.toContain('at-least-once, as services are on the canvas');
    // Its outputs go through the open transaction, never straight through the producer.
    expect(payment.contents).not.toMatch(/producer\.send(Batch)?\(/);
    expect(payment.contents).toContain('const IDEMPOTENT: boolean = false;');
    expect(typecheckProject(files).diagnostics).toEqual([]);
    const others = files.filter((f) => f.path.startsWith('src/services/') && f !== payment);
    expect(others.length).toBeGreaterThan(0);
    for (const f of others) {
      expect(f.contents).toContain('readUncommitted: true');
      expect(f.contents).not.toContain('transaction');
      expect(f.contents).toContain('consumer.commitOffsets');
    }
  });
});
