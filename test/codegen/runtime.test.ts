import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { generateProject, type GeneratedFile } from '../../src/codegen';
import { TEMPLATES, type NodeOf, type Scenario } from '../../src/scenario';
import { scenarioOf } from '../scenario/helpers';
import { withProjectOnDisk } from './support';

/**
 * Runs generated scripts for real (Node + tsx, ES modules, top-level await) against a stand-in for
 * kafkajs that records every call and feeds consumers a few records, so the scripts' behaviour is
 * checked without a Kafka cluster: keys and headers sent, retries, dead-lettering and commits.
 */
const run = promisify(execFile);
const TSX = path.resolve(import.meta.dirname, '../../node_modules/.bin/tsx');

/** The stand-in: a CommonJS package named kafkajs. Producers stop the script after STUB_STOP_AFTER records. */
const STUB = String.raw`
const fs = require('node:fs');
const log = (entry) => fs.appendFileSync(process.env.STUB_LOG, JSON.stringify(entry) + '\n');
const text = (v) => (v == null ? null : v.toString());
const headers = (h) => Object.fromEntries(Object.entries(h ?? {}).map(([k, v]) => [k, text(v)]));
let records = 0;
class Kafka {
  constructor(config) { log({ call: 'kafka', clientId: config.clientId }); }
  producer(config) {
    log({ call: 'producer', config });
    const record = (topic, messages, acks) => {
      for (const m of messages) log({ call: 'send', topic, acks, key: text(m.key), value: text(m.value), headers: headers(m.headers) });
      records += messages.length;
      if (records >= Number(process.env.STUB_STOP_AFTER ?? Infinity)) process.kill(process.pid, 'SIGINT');
    };
    return {
      connect: async () => {},
      disconnect: async () => log({ call: 'producer.disconnect' }),
      send: async ({ topic, messages, acks }) => record(topic, messages, acks),
      sendBatch: async ({ topicMessages, acks }) => { for (const t of topicMessages) record(t.topic, t.messages, acks); },
    };
  }
  consumer(config) {
    log({ call: 'consumer', groupId: config.groupId, assigners: config.partitionAssigners.length });
    return {
      connect: async () => {},
      disconnect: async () => log({ call: 'consumer.disconnect' }),
      subscribe: async (s) => log({ call: 'subscribe', ...s }),
      commitOffsets: async (offsets) => log({ call: 'commit', offsets }),
      run: async ({ eachMessage, autoCommit }) => {
        log({ call: 'run', autoCommit });
        for (const m of JSON.parse(process.env.STUB_MESSAGES ?? '[]')) {
          const message = { key: m.key == null ? null : Buffer.from(m.key), value: Buffer.from(m.value), offset: m.offset, timestamp: '0', attributes: 0,
            headers: Object.fromEntries(Object.entries(m.headers ?? {}).map(([k, v]) => [k, Buffer.from(v)])) };
          log({ call: 'handle', offset: m.offset });
          await eachMessage({ topic: m.topic, partition: m.partition, message, heartbeat: async () => {}, pause: () => () => {} });
        }
      },
    };
  }
  admin() { throw new Error('not in this stub'); }
}
// Shorthand properties only, as kafkajs does: Node finds named exports of CommonJS this way.
const PartitionAssigners = { roundRobin: () => ({}) };
const logLevel = { WARN: 2 };
module.exports = { Kafka, PartitionAssigners, logLevel };
`;

interface Entry {
  call: string;
  [key: string]: unknown;
}

/** Writes the project with the stand-in kafkajs, runs `script`, and returns what it did. */
async function runScript(files: readonly GeneratedFile[], script: string, env: Record<string, string>): Promise<Entry[]> {
  return withProjectOnDisk(files, async (dir) => {
    // Replace the link to Kafé's node_modules with one holding only the stand-in.
    rmSync(path.join(dir, 'node_modules'));
    mkdirSync(path.join(dir, 'node_modules/kafkajs'), { recursive: true });
    writeFileSync(path.join(dir, 'node_modules/kafkajs/package.json'), '{"name":"kafkajs","main":"index.js"}');
    writeFileSync(path.join(dir, 'node_modules/kafkajs/index.js'), STUB);
    symlinkSync(path.resolve(import.meta.dirname, '../../node_modules/tsx'), path.join(dir, 'node_modules/tsx'), 'dir');
    const logFile = path.join(dir, 'stub.log');
    writeFileSync(logFile, '');
    try {
      await run(TSX, [script], { cwd: dir, env: { ...process.env, ...env, STUB_LOG: logFile }, timeout: 30_000 });
    } catch (error) {
      // A plain message: the child's stack traces point at files that are gone by now.
      throw new Error(`${script} failed: ${(error as { stderr?: string }).stderr ?? String(error)}`);
    }
    return readFileSync(logFile, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Entry);
  });
}

const sends = (log: Entry[]) => log.filter((e) => e.call === 'send');

describe('generated scripts, run against a stand-in for kafkajs', () => {
  test('the order producer sends OrderPlaced to orders with random order keys, acks=all, idempotent, and stops cleanly', { timeout: 60_000 }, async () => {
    const files = generateProject(TEMPLATES.orderFanOut.build()).files;
    const log = await runScript(files, 'src/producers/order-service.ts', { STUB_STOP_AFTER: '3' });
    expect(log.find((e) => e.call === 'producer')).toMatchObject({ config: { idempotent: true } });
    const sent = sends(log);
    expect(sent.length).toBeGreaterThanOrEqual(3);
    for (const s of sent) {
      expect(s).toMatchObject({ topic: 'orders', acks: -1, headers: { type: 'OrderPlaced' } });
      expect(s.key).toMatch(/^order-\d{1,3}$/);
      expect(JSON.parse(s.value as string)).toMatchObject({ type: 'OrderPlaced' });
    }
    expect(log.at(-1)).toEqual({ call: 'producer.disconnect' });
  });

  test('a service publishes its event with the same key to its output, then commits the next offset', { timeout: 60_000 }, async () => {
    const files = generateProject(TEMPLATES.orderFanOut.build()).files;
    const log = await runScript(files, 'src/services/payment.ts', {
      STUB_MESSAGES: JSON.stringify([{ topic: 'orders', partition: 2, offset: '41', key: 'order-7', value: '{"n":1}', headers: { type: 'OrderPlaced' } }]),
    });
    expect(log.find((e) => e.call === 'subscribe')).toMatchObject({ topics: ['orders'], fromBeginning: true });
    expect(log.find((e) => e.call === 'run')).toEqual({ call: 'run', autoCommit: false });
    expect(sends(log)).toEqual([
      { call: 'send', topic: 'payments', acks: -1, key: 'order-7', value: '{"n":1}', headers: { type: 'PaymentProcessed', origin: 'orders-2-41' } },
    ]);
    const calls = log.map((e) => e.call);
    expect(calls.indexOf('send')).toBeLessThan(calls.indexOf('commit'));
    expect(log.find((e) => e.call === 'commit')).toEqual({ call: 'commit', offsets: [{ topic: 'orders', partition: 2, offset: '42' }] });
  });

  test('a failing service sends a record to its retry topic, then to the dead-letter topic when its attempts are used up', { timeout: 60_000 }, async () => {
    const s: Scenario = scenarioOf(
      ['topic', 'service', 'topic', 'topic', 'topic'],
      [['topic-1', 'service-1'], ['service-1', 'topic-2'], ['service-1', 'topic-3'], ['topic-3', 'service-1'], ['service-1', 'topic-4']],
    );
    const service = s.nodes.find((n) => n.id === 'service-1') as NodeOf<'service'>;
    Object.assign(service.props, { failureRate: 1, maxAttempts: 2, retryTopic: 'topic-3', deadLetterTopic: 'topic-4', processingMs: 0 });
    const log = await runScript(generateProject(s).files, 'src/services/service-1.ts', {
      STUB_MESSAGES: JSON.stringify([
        { topic: 'topic-1', partition: 0, offset: '5', key: 'k', value: 'v', headers: { type: 'EventHappened' } },
        { topic: 'topic-3', partition: 1, offset: '0', key: 'k', value: 'v', headers: { type: 'EventHappened', origin: 'topic-1-0-5', attempt: '1' } },
      ]),
    });
    expect(log.find((e) => e.call === 'subscribe')).toMatchObject({ topics: ['topic-1', 'topic-3'] });
    expect(sends(log).map((e) => [e.topic, e.headers])).toEqual([
      ['topic-3', { type: 'EventHappened', origin: 'topic-1-0-5', attempt: '1' }],
      ['topic-4', { type: 'EventHappened', origin: 'topic-1-0-5', attempt: '2', error: 'processing failed' }],
    ]);
    expect(log.filter((e) => e.call === 'commit').map((e) => e.offsets)).toEqual([[{ topic: 'topic-1', partition: 0, offset: '6' }], [{ topic: 'topic-3', partition: 1, offset: '1' }]]);
  });

  test('a consumer that commits before processing commits each record before handling the next', { timeout: 60_000 }, async () => {
    const s = scenarioOf(['topic', 'consumer'], [['topic-1', 'consumer-1']]);
    Object.assign((s.nodes[1] as NodeOf<'consumer'>).props, { commitMode: 'beforeProcess', autoOffsetReset: 'latest' });
    const log = await runScript(generateProject(s).files, 'src/consumers/consumer-1.ts', {
      STUB_MESSAGES: JSON.stringify([0, 1].map((i) => ({ topic: 'topic-1', partition: 0, offset: String(i), key: null, value: 'v' }))),
    });
    expect(log.find((e) => e.call === 'subscribe')).toMatchObject({ topics: ['topic-1'], fromBeginning: false });
    expect(log.filter((e) => e.call === 'handle' || e.call === 'commit').map((e) => (e.call === 'commit' ? `commit ${(e.offsets as { offset: string }[])[0].offset}` : `handle ${e.offset}`))).toEqual([
      'handle 0',
      'commit 1',
      'handle 1',
      'commit 2',
    ]);
  });
});
