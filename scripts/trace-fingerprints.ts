/**
 * Prints one SHA-256 per deterministic run: every template, every lesson played through all its
 * reference solutions on the real store, the comparison run and a busy engine scenario. Each hash
 * covers the run's whole trace and final view, so a refactor that claims "behaviour unchanged"
 * is checked by running this before and after and diffing the output:
 *
 *   npx tsx scripts/trace-fingerprints.ts > before.txt   # on the old commit
 *   npx tsx scripts/trace-fingerprints.ts | diff before.txt -
 *
 * A change that is meant to alter behaviour changes some of these lines; that is expected.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CompareRun, defaultConfig } from '../src/compare';
import { createEngine, type Engine } from '../src/engine';
import { applyAction, loadCourse } from '../src/lessons';
import { scenarioToEngine, TEMPLATES, TEMPLATE_IDS } from '../src/scenario';
import { createKafeStore } from '../src/store';
import { readLessonFiles } from './lessonFiles';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUN_MS = 20_000;

const sha = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);
const fingerprint = (engine: Engine) => sha({ trace: engine.trace, view: engine.view(), now: engine.now });

function busyScenario(seed: number): Engine {
  const engine = createEngine({ seed, brokers: 3, brokerSessionTimeoutMs: 500, traceLimit: 1_000_000 });
  engine.apply({ type: 'createTopic', name: 'orders', partitions: 6, replicationFactor: 3, minInsyncReplicas: 2 });
  engine.apply({ type: 'createTopic', name: 'emails', partitions: 3, replicationFactor: 2 });
  engine.apply({ type: 'createTopic', name: 'a-1', partitions: 2 });
  engine.apply({ type: 'addProducer', id: 'shop', topic: 'orders', ratePerSec: 300, keys: { kind: 'random', prefix: 'c', count: 50 }, eventType: 'OrderPlaced' });
  engine.apply({ type: 'addProducer', id: 'dash', topic: 'a-1', ratePerSec: 40 });
  engine.apply({ type: 'addService', id: 'email', subscribes: ['orders'], failureRate: 0.1, maxAttempts: 2, idempotent: true, handlers: [{ on: 'OrderPlaced', emit: [{ topic: 'emails', eventType: 'EmailSent' }] }] });
  engine.apply({ type: 'addConsumer', id: 'a1', group: 'analytics', topics: ['orders', 'a-1'], assignor: 'sticky' });
  engine.apply({ type: 'addConsumer', id: 'c1', group: 'coop', topics: ['orders'], assignor: 'cooperative-sticky', commitMode: 'afterProcess', processingMs: 2 });
  engine.advance(1000);
  engine.apply({ type: 'addConsumer', id: 'a2', group: 'analytics', topics: ['orders', 'a-1'], assignor: 'sticky' });
  engine.apply({ type: 'addConsumer', id: 'c2', group: 'coop', topics: ['orders'], assignor: 'cooperative-sticky', commitMode: 'beforeProcess' });
  engine.advance(700);
  engine.apply({ type: 'failBroker', broker: 1 });
  engine.apply({ type: 'addPartitions', topic: 'orders', partitions: 8 });
  engine.advance(1300);
  engine.apply({ type: 'crashConsumer', id: 'a1' });
  engine.apply({ type: 'recoverBroker', broker: 1 });
  engine.apply({ type: 'scaleService', id: 'email', instances: 3 });
  engine.advance(2000);
  engine.apply({ type: 'restartConsumer', id: 'a1' });
  engine.apply({ type: 'setServiceDown', id: 'email', down: true });
  engine.advance(12_000);
  engine.apply({ type: 'setServiceDown', id: 'email', down: false });
  engine.apply({ type: 'removeConsumer', id: 'c2' });
  engine.advance(5000);
  return engine;
}

const lines: string[] = [];
for (const seed of [1, 42]) lines.push(`engine busy seed ${seed}  ${fingerprint(busyScenario(seed))}`);

for (const id of TEMPLATE_IDS) {
  const { config, commands } = scenarioToEngine(TEMPLATES[id].build());
  const engine = createEngine({ ...config, traceLimit: 1_000_000 });
  for (const command of commands) engine.apply(command);
  engine.advance(RUN_MS);
  lines.push(`template ${id}  ${fingerprint(engine)}`);
}

const { lessons } = loadCourse(readLessonFiles(ROOT));
for (const lesson of lessons) {
  const store = createKafeStore(lesson.start);
  const refused: string[] = [];
  for (const step of lesson.meta.steps)
    for (const action of step.solution) {
      const error = await applyAction(store, action);
      if (error) refused.push(error);
    }
  const { frame } = store.getState();
  lines.push(`lesson ${lesson.id}  ${sha({ trace: store.getState().trace(), view: frame.view, now: frame.now, refused })}`);
}

const run = new CompareRun(defaultConfig());
run.advance(RUN_MS);
lines.push(`compare default  ${sha({ trace: run.engine.trace, view: run.engine.view(), metrics: run.metrics })}`);

console.log(lines.join('\n'));
