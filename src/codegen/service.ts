import { jsLiteral, listText } from './names';
import type { ServicePlan } from './plan';
import { consumerLines, header, readerConstants, startLines } from './scriptParts';

/**
 * A service node's script: a consumer group that, for each record of its input topics, works
 * (PROCESSING_MS), may fail (FAILURE_RATE), retries (MAX_ATTEMPTS, in place or through the retry
 * topic), dead-letters, skips duplicates (IDEMPOTENT), publishes its `emits` event to its output
 * topics with the same key, and commits after processing (at-least-once), as the simulator's
 * services do (src/engine/services.ts). A transactional service (lesson 16) instead writes each
 * record's outputs and its input offset in one Kafka transaction (kafkajs's producer.transaction(),
 * sendOffsets, commit / abort), as the engine's transactions.ts does per batch. Only the code paths
 * the node uses are generated.
 */
export function serviceFile(s: ServicePlan, scenarioName: string): string {
  const config = {
    node: s.nodeId,
    label: s.label,
    group: s.group,
    inputs: s.inputs,
    outputs: s.outputs,
    emits: s.emits,
    retryTopic: s.retryTopic,
    deadLetterTopic: s.deadLetterTopic,
    assignor: s.assignor,
    autoOffsetReset: s.autoOffsetReset,
    ...(s.rule ? { rule: s.rule } : {}),
    ...(s.reactsTo !== null ? { reactsTo: s.reactsTo } : {}),
    ...(s.failureEmits !== null ? { failureEmits: s.failureEmits } : {}),
  };
  const subscribes = s.retryTopic ? '[...CONFIG.inputs, CONFIG.retryTopic]' : 'CONFIG.inputs';
  const publishes = s.outputs.length > 0 ? `publishes ${s.emits} to ${listText(s.outputs)} with the same key` : 'has no output topic';
  const about = s.transactional
    ? `Reads ${listText(s.inputs)} in consumer group "${s.group}". For each record it does its work, ${publishes}, ` +
      "and commits the record's offset in the same Kafka transaction as what it wrote: exactly-once for read_committed readers, " +
      'as on the canvas (a crash aborts the open transaction, and the record is processed again).'
    : `Reads ${listText(s.inputs)} in consumer group "${s.group}". For each record it does its work, ${publishes}, ` +
      'and only then commits the record\'s offset: at-least-once, as services are on the canvas (a crash before the commit delivers the record again).';
  return `${header(s, 'Service', scenarioName, about)}
import { PartitionAssigners, type KafkaMessage${s.transactional ? ', type Producer' : ''} } from 'kafkajs';
import { counter, createKafka, headerText, nextOffset, onShutdown, sleep } from '../kafka.js';

/** What the canvas says about this service (JSON: tools and tests read it). */
const CONFIG = ${jsLiteral(config)};

// Settings the simulator models and real Kafka leaves to your code: change them and watch.
${readerConstants(s)}
/** The canvas fails this share of records (0..1): here the handler throws for that share. */
const FAILURE_RATE: number = ${s.failureRate};
/**
 * Attempts per record before giving up (1 = no retry). ${
    s.retryTopic
      ? `A failed record is re-published to the retry\n * topic ${s.retryTopic} with an "attempt" header, and comes back to this service through it.`
      : 'Without a retry topic a failed record is\n * retried in place: its partition waits until it succeeds or runs out of attempts.'
  }
 */
const MAX_ATTEMPTS: number = ${s.maxAttempts};
/**
 * Skip records this service has already handled (delivered again after a crash or a rebalance).
 * The canvas remembers them per service; here a Set in this process stands in for what a real
 * service keeps in its database (shared by all its instances).
 */
const IDEMPOTENT: boolean = ${s.idempotent && !s.transactional};${
    s.transactional
      ? '\n// Off in a transactional service, as on the canvas: an aborted transaction is processed again, so\n// remembering its records would lose them; read_committed readers see each output once anyway.'
      : ''
  }

const kafka = createKafka(CONFIG.node);
${consumerLines(s)}
${s.transactional ? transactionalProducerLines() : "// The service's own producer: acks=all and idempotent (Kafka's defaults since 3.0).\nconst producer = kafka.producer({ idempotent: true });"}
const count = counter(CONFIG.label);
const handled = new Set<string>();
${ruleFunction(s)}
/** The work for one record: throws to fail it. */
async function handle(message: KafkaMessage, origin: string): Promise<void> {
  await sleep(PROCESSING_MS);
  if (Math.random() < FAILURE_RATE) throw new Error('simulated failure (FAILURE_RATE)');
${s.rule ? "  if (!passesRule(message)) {\n    count('filtered');\n    return;\n  }\n" : ''}${reactsToLines(s)}${emitLines(s)}
}
${retryFunctions(s)}
/** One record, with the canvas's duplicate check, attempts, retries and dead-lettering. */
async function processRecord(topic: string, partition: number, message: KafkaMessage): Promise<void> {
  // The business event's identity: the record it first arrived as (kept across retries).
  const origin = headerText(message, 'origin') ?? \`\${topic}-\${partition}-\${message.offset}\`;
  if (IDEMPOTENT && handled.has(origin)) {
    count('duplicates skipped');
    return;
  }
  // Attempts already made: a record coming back from a retry topic carries them.
  let attempt = Number(headerText(message, 'attempt') ?? 0);
  for (;;) {
    attempt++;
    try {
      await handle(message, origin);
      if (IDEMPOTENT) handled.add(origin);
      count('processed');
      return;
    } catch {
      count('failed');
${failureLines(s)}
    }
  }
}

await Promise.all([consumer.connect(), producer.connect()]);
${startLines(s, subscribes)}
onShutdown(async () => {
  await consumer.disconnect();
  await producer.disconnect();
});
${s.transactional ? transactionalRunLines() : atLeastOnceRunLines()}
`;
}

function atLeastOnceRunLines(): string {
  return `await consumer.run({
  // Commit by hand, after processing: at-least-once.
  autoCommit: false,
  eachMessage: async ({ topic, partition, message }) => {
    await processRecord(topic, partition, message);
    await consumer.commitOffsets([{ topic, partition, offset: nextOffset(message.offset) }]);
  },
});`;
}

/**
 * kafkajs's transactional producer: a transactionalId (stable per instance, so a restarted
 * instance fences its predecessor and aborts what it left open), idempotent, one request in
 * flight (kafkajs requires both for transactions).
 */
function transactionalProducerLines(): string {
  return `/**
 * The service's transactional producer. Its transactional.id must stay the same across restarts of
 * one instance (then the new producer fences the old one and aborts its open transaction) and
 * differ between instances: the canvas names them "<service>-txn-<slot>"; here set INSTANCE=1, 2…
 * for the second, third… process. kafkajs needs idempotent: true and maxInFlightRequests: 1 for it.
 */
const producer = kafka.producer({
  transactionalId: \`\${CONFIG.node}-txn-\${process.env.INSTANCE ?? '0'}\`,
  idempotent: true,
  maxInFlightRequests: 1,
});
/**
 * Where the record being processed writes: its open transaction. consumer.run hands over one record
 * at a time (kafkajs's partitionsConsumedConcurrently defaults to 1), so one variable is enough.
 */
let sender: Pick<Producer, 'send' | 'sendBatch'> = producer;`;
}

/** Each record in a transaction: outputs, then its input offset (sendOffsets), then commit; abort on error. */
function transactionalRunLines(): string {
  return `await consumer.run({
  // Offsets are committed by the transaction (sendOffsets), never by the consumer itself.
  autoCommit: false,
  eachMessage: async ({ topic, partition, message }) => {
    const transaction = await producer.transaction();
    sender = transaction;
    try {
      await processRecord(topic, partition, message);
      // The input offset joins the same transaction (Java: sendOffsetsToTransaction): outputs and
      // progress are committed together, or neither is.
      await transaction.sendOffsets({
        consumerGroupId: CONFIG.group,
        topics: [{ topic, partitions: [{ partition, offset: nextOffset(message.offset) }] }],
      });
      await transaction.commit();
    } catch (error) {
      // Nothing of this record becomes visible to read_committed readers; kafkajs delivers it again.
      await transaction.abort();
      throw error;
    } finally {
      sender = producer;
    }
  },
});`;
}

/** What the handlers write through: the open transaction of a transactional service, else the producer. */
const writer = (s: ServicePlan) => (s.transactional ? 'sender' : 'producer');

function emitLines(s: ServicePlan): string {
  if (s.outputs.length === 0) return '  // No output topic on the canvas: the work is all this service does.';
  return `  // Publish CONFIG.emits with the same key (so per-key order carries on) and value.
  await ${writer(s)}.sendBatch({
    acks: -1,
    topicMessages: CONFIG.outputs.map((topic) => ({
      topic,
      messages: [{ key: message.key, value: message.value, headers: { type: CONFIG.emits, origin } }],
    })),
  });`;
}

function retryFunctions(s: ServicePlan): string {
  let out = '';
  if (s.retryTopic)
    out += `
/** Re-publishes a failed record to the retry topic, counting the attempts made so far. */
async function sendToRetry(message: KafkaMessage, origin: string, attempt: number): Promise<void> {
  const headers = { ...message.headers, origin, attempt: String(attempt) };
  await ${writer(s)}.send({ topic: CONFIG.retryTopic, acks: -1, messages: [{ key: message.key, value: message.value, headers }] });
}
`;
  if (s.failureEmits !== null)
    out += `
/**
 * A saga's failure event: the business outcome (e.g. PaymentFailed) published with the same key
 * to the output topics, so other services can compensate (microservices.io/patterns/data/saga.html).
 */
async function sendFailureEvent(message: KafkaMessage, origin: string): Promise<void> {
  await ${writer(s)}.sendBatch({
    acks: -1,
    topicMessages: CONFIG.outputs.map((topic) => ({
      topic,
      messages: [{ key: message.key, value: message.value, headers: { type: CONFIG.failureEmits, origin, error: 'processing failed' } }],
    })),
  });
}
`;
  if (s.deadLetterTopic)
    out += `
/** Parks a record that used up its attempts on the dead-letter topic, for a person to look at. */
async function sendToDeadLetter(message: KafkaMessage, origin: string, attempt: number): Promise<void> {
  const headers = { ...message.headers, origin, attempt: String(attempt), error: 'processing failed' };
  await ${writer(s)}.send({ topic: CONFIG.deadLetterTopic, acks: -1, messages: [{ key: message.key, value: message.value, headers }] });
}
`;
  return out;
}

/** Sagas: the failure event, sent when a record fails for good (besides any dead-letter copy). */
function failureEventLines(s: ServicePlan): string {
  return s.failureEmits === null ? '' : "      await sendFailureEvent(message, origin);\n      count('failure events');\n";
}

/** Sagas: only records whose "type" header is CONFIG.reactsTo make it emit. */
function reactsToLines(s: ServicePlan): string {
  if (s.reactsTo === null) return '';
  return "  // It reacts only to CONFIG.reactsTo events (e.g. a compensation on PaymentFailed).\n  if (headerText(message, 'type') !== CONFIG.reactsTo) return;\n";
}

function failureLines(s: ServicePlan): string {
  const retry = s.retryTopic
    ? `      if (attempt < MAX_ATTEMPTS) {
        await sendToRetry(message, origin, attempt);
        count('sent to retry');
        return;
      }`
    : `      // Retry in place: the next records of this partition wait.
      if (attempt < MAX_ATTEMPTS) continue;`;
  let giveUp: string;
  if (s.deadLetterTopic)
    giveUp = `${failureEventLines(s)}      await sendToDeadLetter(message, origin, attempt);
      count('dead-lettered');
      return;`;
  else if (s.failureEmits !== null)
    giveUp = `      // No dead-letter topic: the failure event is what is left of the record.
${failureEventLines(s)}      return;`;
  else
    giveUp = `      // No dead-letter topic on the canvas: the record is dropped (and counted).
      console.warn(\`\${CONFIG.label}: gave up on \${origin} after \${attempt} attempt(s)\`);
      count('dropped');
      return;`;
  return `${retry}\n${giveUp}`;
}

/** The canvas's rule as code: only values whose field is above a number, counted per key in a window. */
function ruleFunction(s: ServicePlan): string {
  if (!s.rule) return '';
  const windowed = s.rule.count > 1;
  return `
/**
 * The canvas's rule: react only to records whose JSON value has CONFIG.rule.field above
 * CONFIG.rule.above${windowed ? ', and only once the key has CONFIG.rule.count of them within\n * CONFIG.rule.windowMs (by record timestamp). The windows live in this process; a real service\n * would keep them in a state store (Kafka Streams) so a restart does not forget them' : ''}.
 */
${windowed ? 'const windows = new Map<string, number[]>();\n' : ''}function passesRule(message: KafkaMessage): boolean {
  let value: unknown;
  try {
    value = JSON.parse(message.value?.toString() ?? 'null');
  } catch {
    return false;
  }
  const field = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[CONFIG.rule.field] : undefined;
  if (typeof field !== 'number' || !(field > CONFIG.rule.above)) return false;
${
  windowed
    ? `  const key = message.key?.toString() ?? '';
  const at = Number(message.timestamp);
  const recent = (windows.get(key) ?? []).filter((t) => at - t < CONFIG.rule.windowMs);
  recent.push(at);
  windows.set(key, recent.slice(-CONFIG.rule.count));
  return recent.length >= CONFIG.rule.count;`
    : '  return true;'
}
}
`;
}
