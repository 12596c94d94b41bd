import { jsLiteral, listText } from './names';
import type { KeysPlan, ProducerPlan } from './plan';
import { header } from './scriptParts';

/**
 * A producer node's script: sends the node's event type to its topics at the canvas's rate, with
 * the same key pattern, acks and idempotence. The canvas runs one record stream per topic; here
 * each batch goes to every topic the node writes to.
 */
export function producerFile(p: ProducerPlan, scenarioName: string): string {
  const config = {
    node: p.nodeId,
    label: p.label,
    topics: p.topics,
    eventType: p.eventType,
    ratePerSec: p.ratePerSec,
    keys: p.keys,
    acks: p.acks,
    idempotent: p.idempotent,
    values: p.values,
  };
  const acks = p.acks === 'all' ? -1 : p.acks;
  const about =
    `Sends ${p.eventType} records to ${listText(p.topics)} at ${p.ratePerSec} per second` +
    `${p.ratePerSec === 0 ? ' (0 on the canvas: it sends one record, as the Produce button would)' : ''}, ${keysText(p.keys)}.` +
    (p.topics.length > 1 ? ' The canvas runs one stream per topic; here each batch goes to every topic.' : '');
  return `${header(p, 'Producer', scenarioName, about)}
import type { Message } from 'kafkajs';
import { counter, createKafka, onShutdown, sleep } from '../kafka.js';

/** What the canvas says about this producer (JSON: tools and tests read it). */
const CONFIG = ${jsLiteral(config)};

/** How often a batch is sent, ms: each batch holds the records due since the last one. */
const TICK_MS = 100;
/** kafkajs writes acks as a number: -1 = all in-sync replicas (acks=all), 1 = the leader only, 0 = no wait. */
const ACKS = ${acks};

${idempotenceComment(p)}
const producer = createKafka(CONFIG.node).producer({ idempotent: ${p.idempotent} });
const count = counter(CONFIG.label);

${keyFunction(p.keys)}
${valueFunction(p)}
let sent = 0;
/** The next record: its value is JSON; its "type" header names the event, as on the canvas. */
function nextRecord(): Message {
  const n = sent++;
  return {
    key: nextKey(),
    value: JSON.stringify({ type: CONFIG.eventType, n, at: new Date().toISOString()${p.values === 'amount' ? ', amount: nextAmount()' : p.values === 'temperature' ? ', temperature: nextTemperature()' : ''} }),
    headers: { type: CONFIG.eventType },
  };
}

let running = true;
async function run(): Promise<void> {
  const started = Date.now();
  while (running) {
    // Records due so far at CONFIG.ratePerSec (with a rate of 0: just one).
    const due = CONFIG.ratePerSec > 0 ? Math.floor(((Date.now() - started) / 1000) * CONFIG.ratePerSec) : 1;
    const messages: Message[] = [];
    while (sent < due) messages.push(nextRecord());
    if (messages.length > 0) {
      await producer.sendBatch({ acks: ACKS, topicMessages: CONFIG.topics.map((topic) => ({ topic, messages })) });
      count('sent', messages.length);
    }
    await sleep(TICK_MS);
  }
}

await producer.connect();
console.log(\`\${CONFIG.label}: sending \${CONFIG.eventType} to \${CONFIG.topics.join(', ')}. Ctrl+C stops.\`);
const loop = run();
onShutdown(async () => {
  running = false;
  await loop;
  await producer.disconnect();
});
await loop;
`;
}

function keysText(keys: KeysPlan): string {
  if (keys.pattern === 'none') return 'without keys (the partitioner spreads them)';
  if (keys.pattern === 'cycle') return `cycling through ${keys.keys.length} key(s)`;
  return `with random keys ${keys.prefix}0..${keys.prefix}${keys.count - 1}`;
}

/** nextKey(): the canvas's key pattern. Same key → same partition, so per-key order is kept. */
function keyFunction(keys: KeysPlan): string {
  if (keys.pattern === 'none')
    return `/** No key: kafkajs spreads keyless records over the partitions (no per-key order). */
function nextKey(): string | null {
  return null;
}`;
  if (keys.pattern === 'cycle')
    return `/** The canvas's keys, in turn. */
let nextKeyIndex = 0;
function nextKey(): string | null {
  const list: string[] = CONFIG.keys.keys;
  return list[nextKeyIndex++ % list.length];
}`;
  return `/** A random key \`\${prefix}\${0..count-1}\`, as the canvas's "random" key pattern. */
function nextKey(): string | null {
  return \`\${CONFIG.keys.prefix}\${Math.floor(Math.random() * CONFIG.keys.count)}\`;
}`;
}

function idempotenceComment(p: ProducerPlan): string {
  if (p.idempotent) return '// Idempotent (with acks=all, as on the canvas): a retried send is never written twice.';
  if (p.acks !== 'all') return `// Not idempotent: idempotence needs acks=all, and the canvas has acks=${p.acks}. A retried send may be written twice.`;
  return '// Not idempotent, as on the canvas: a retried send may be written twice.';
}

/** The value model's field, drawn as the canvas draws it (src/engine/values.ts), with Math.random. */
function valueFunction(p: ProducerPlan): string {
  if (p.values === 'amount')
    return `
/** An amount: one in twenty is large (1 000-4 999), the rest 5-399, as on the canvas. */
function nextAmount(): number {
  return Math.random() < 0.05 ? 1000 + Math.floor(Math.random() * 4000) : 5 + Math.floor(Math.random() * 395);
}
`;
  if (p.values === 'temperature')
    return `
/**
 * A reading in °C: normally 35-59, and one in a hundred a lone glitch (90-119). The canvas also
 * makes a sensor overheat now and then (every reading 85-99 for 3 s); here that is left to you.
 */
function nextTemperature(): number {
  return Math.random() < 0.01 ? 90 + Math.floor(Math.random() * 30) : 35 + Math.floor(Math.random() * 25);
}
`;
  return '';
}
