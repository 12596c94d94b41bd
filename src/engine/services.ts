import { getTopic, positiveInt } from './cluster';
import type { AddService } from './commands';
import { addConsumer, crashConsumer, removeConsumer, restartConsumer, validateConsumerSettings } from './consumers';
import { fail } from './errors';
import { OriginSet } from './handled';
import { addProducer } from './producers';
import { newKeyWindows, validateRule } from './serviceRule';
import type { ServiceState, Sim } from './world';
import { instanceId, serviceProducerId } from './clientIds';
import { DEFAULT_TRANSACTION_TIMEOUT_MS, initTransactions, transactionalIdOf } from './transactions';
import { newDatabase, scheduleRelay, validateDatabase } from './database';

/**
 * A service is a consumer group whose members run a handler per record: "on event type X, after
 * processingMs (failing with failureRate), produce events Y". Each instance is one consumer; it
 * commits after processing (at-least-once), so a crash re-delivers and an idempotent service
 * skips what it has already handled.
 */
export function validateAddService(sim: Sim, c: AddService): void {
  if (!c.id || typeof c.id !== 'string') fail('INVALID_ARGUMENT', { field: 'id' }, 'a service needs an id');
  if (sim.world.services.has(c.id)) fail('DUPLICATE_ID', { id: c.id }, `service "${c.id}" already exists`);
  if (!Array.isArray(c.subscribes) || c.subscribes.length === 0) fail('INVALID_ARGUMENT', { field: 'subscribes' }, `service "${c.id}" must subscribe to at least one topic`);
  for (const t of c.subscribes) getTopic(sim, t);
  for (const h of c.handlers ?? []) for (const e of h.emit ?? []) getTopic(sim, e.topic);
  if (c.failureEmits !== undefined && !Array.isArray(c.failureEmits)) fail('INVALID_ARGUMENT', { field: 'failureEmits' }, 'failureEmits must be a list of events to publish');
  for (const e of c.failureEmits ?? []) {
    getTopic(sim, e.topic);
    if (!e.eventType || typeof e.eventType !== 'string') fail('INVALID_ARGUMENT', { field: 'failureEmits' }, 'a failure event needs an eventType, e.g. PaymentFailed');
  }
  if (c.retryTopic) getTopic(sim, c.retryTopic);
  if (c.deadLetterTopic) getTopic(sim, c.deadLetterTopic);
  positiveInt('instances', c.instances ?? 1, 1000);
  positiveInt('maxAttempts', c.maxAttempts ?? 1, 1000);
  if (c.failureRate !== undefined && !(c.failureRate >= 0 && c.failureRate <= 1))
    fail('INVALID_ARGUMENT', { field: 'failureRate' }, `failureRate must be between 0 and 1, got ${c.failureRate}`);
  if (c.rule !== undefined) validateRule(c.rule);
  validateConsumerSettings({ processingMs: c.processingMs, assignor: c.assignor, autoOffsetReset: c.autoOffsetReset, sessionTimeoutMs: c.sessionTimeoutMs, isolationLevel: c.isolationLevel });
  if (c.transactional !== undefined && typeof c.transactional !== 'boolean') fail('INVALID_ARGUMENT', { field: 'transactional' }, 'transactional must be true or false');
  if (c.readableSchemaIds !== undefined && !(Array.isArray(c.readableSchemaIds) && c.readableSchemaIds.every((n) => Number.isInteger(n) && n >= 1)))
    fail('INVALID_ARGUMENT', { field: 'readableSchemaIds' }, 'readableSchemaIds must be a list of schema ids (whole numbers from 1)');
  if (c.transactionTimeoutMs !== undefined && !(c.transactionTimeoutMs >= 1 && Number.isFinite(c.transactionTimeoutMs)))
    fail('INVALID_ARGUMENT', { field: 'transactionTimeoutMs' }, `transactionTimeoutMs must be a number >= 1, got ${c.transactionTimeoutMs}`);
  validateDatabase(c.database, c.crashChance);
}

export function addService(sim: Sim, c: AddService): void {
  const service: ServiceState = {
    id: c.id,
    group: c.group ?? c.id,
    subscribes: [...c.subscribes],
    handlers: c.handlers ?? [],
    instances: c.instances ?? 1,
    processingMs: c.processingMs ?? 10,
    failureRate: c.failureRate ?? 0,
    maxAttempts: c.maxAttempts ?? 1,
    retryTopic: c.retryTopic ?? null,
    deadLetterTopic: c.deadLetterTopic ?? null,
    failureEmits: (c.failureEmits ?? []).map((e) => ({ ...e })),
    failureEvents: 0,
    idempotent: c.idempotent ?? false,
    producerId: serviceProducerId(c.id),
    assignor: c.assignor ?? 'cooperative-sticky',
    autoOffsetReset: c.autoOffsetReset ?? 'earliest',
    sessionTimeoutMs: c.sessionTimeoutMs ?? 10_000,
    down: false,
    processedIds: new OriginSet(),
    members: [],
    nextInstance: 0,
    rule: c.rule ? { ...c.rule } : null,
    windows: c.rule ? newKeyWindows(c.rule) : null,
    stats: { processed: 0, failed: 0, duplicatesSkipped: 0, deadLettered: 0, dropped: 0, emitted: 0, filtered: 0 },
    transactional: c.transactional ?? false,
    transactionTimeoutMs: c.transactionTimeoutMs ?? DEFAULT_TRANSACTION_TIMEOUT_MS,
    isolationLevel: c.isolationLevel ?? 'read_uncommitted',
    txnStats: { committed: 0, aborted: 0 },
    readableSchemaIds: c.readableSchemaIds ? new Set(c.readableSchemaIds.map(String)) : null,
    undeserialisable: 0,
    db: c.database ? newDatabase(sim, c.database, c.crashChance ?? 0) : null,
  };
  sim.world.services.set(c.id, service);
  addProducer(sim, { type: 'addProducer', id: service.producerId, topic: c.subscribes[0] });
  for (let i = 0; i < service.instances; i++) startInstance(sim, service);
}

function startInstance(sim: Sim, s: ServiceState): void {
  const id = instanceId(s.id, s.nextInstance++);
  const topics = s.retryTopic ? [...s.subscribes, s.retryTopic] : s.subscribes;
  // Instance slot n keeps transactional.id `${service}-txn-${n}` across restarts, as a deployment
  // configures it: a new process with the id fences the one before it.
  const slot = s.members.length;
  const consumer = addConsumer(
    sim,
    {
      type: 'addConsumer',
      id,
      group: s.group,
      topics,
      assignor: s.assignor,
      autoOffsetReset: s.autoOffsetReset,
      commitMode: 'afterProcess',
      processingMs: s.processingMs,
      sessionTimeoutMs: s.sessionTimeoutMs,
      maxPollRecords: 50,
      isolationLevel: s.isolationLevel,
    },
    s.id,
  );
  if (s.transactional) initTransactions(sim, s, consumer, transactionalIdOf(s.id, slot));
  s.members.push(id);
}

export function getService(sim: Sim, id: string): ServiceState {
  const s = sim.world.services.get(id);
  if (!s) fail('UNKNOWN_SERVICE', { id }, `service "${id}" does not exist`);
  return s;
}

/** Down = every instance process dies (the group notices after the session timeout); up = the
 * service starts its instances again as new group members, which resume from committed offsets. */
export function setServiceDown(sim: Sim, id: string, down: boolean): void {
  const s = getService(sim, id);
  if (s.down === down) return;
  s.down = down;
  if (down) {
    for (const m of s.members) if (sim.world.consumers.get(m)?.alive) crashConsumer(sim, m);
    s.members = [];
    sim.emit({ type: 'serviceDown', service: id });
  } else {
    for (let i = 0; i < s.instances; i++) startInstance(sim, s);
    sim.emit({ type: 'serviceUp', service: id });
    // The outbox relay runs with the service: what piled up while it was down goes out now.
    scheduleRelay(sim, s);
  }
}

/**
 * The platform restarts an instance that died at its risky moment (database.ts), as Kubernetes
 * restarts a crashed container: it rejoins its group under the same id and resumes from the
 * committed offsets, so the record it was handling is delivered again. Nothing to do if the
 * instance was restarted, removed or its service stopped meanwhile.
 */
export function onInstanceRestart(sim: Sim, id: string): void {
  const consumer = sim.world.consumers.get(id);
  if (!consumer || consumer.alive || consumer.service === null) return;
  const s = sim.world.services.get(consumer.service);
  if (!s || s.down || !s.members.includes(id)) return;
  restartConsumer(sim, id);
}

export function scaleService(sim: Sim, id: string, instances: number): void {
  const s = getService(sim, id);
  positiveInt('instances', instances, 1000);
  s.instances = instances;
  if (s.down) return;
  while (s.members.length < instances) startInstance(sim, s);
  while (s.members.length > instances) {
    const last = s.members.pop()!;
    if (sim.world.consumers.has(last)) removeConsumer(sim, last);
  }
}

export function removeService(sim: Sim, id: string): void {
  const s = getService(sim, id);
  for (const m of s.members) if (sim.world.consumers.has(m)) removeConsumer(sim, m);
  sim.world.services.delete(id);
  const producer = sim.world.producers.get(s.producerId);
  if (producer) producer.removed = true;
}
