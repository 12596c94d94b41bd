import { jsLiteral, listText } from './names';
import type { ConsumerPlan } from './plan';
import { consumerLines, header, readerConstants, startLines } from './scriptParts';

/**
 * A consumer node's script: a member of the node's consumer group that reads its topics, works
 * PROCESSING_MS per record, and commits as the canvas's commit mode says. Unlike a service it
 * publishes nothing: it is where a flow ends (a dashboard, an alerting tool...).
 */
export function consumerFile(c: ConsumerPlan, scenarioName: string): string {
  const config = {
    node: c.nodeId,
    label: c.label,
    group: c.group,
    inputs: c.inputs,
    commitMode: c.commitMode,
    assignor: c.assignor,
    autoOffsetReset: c.autoOffsetReset,
  };
  const about = `Reads ${listText(c.inputs)} in consumer group "${c.group}" and handles each record (here: waits PROCESSING_MS and counts it; put your own handling in handle()).`;
  return `${header(c, 'Consumer', scenarioName, about)}
import { PartitionAssigners, type KafkaMessage } from 'kafkajs';
import { counter, createKafka, ${c.commitMode === 'auto' ? '' : 'nextOffset, '}onShutdown, sleep } from '../kafka.js';

/** What the canvas says about this consumer (JSON: tools and tests read it). */
const CONFIG = ${jsLiteral(config)};

// Settings the simulator models and real Kafka leaves to your code: change them and watch.
${readerConstants(c)}

const kafka = createKafka(CONFIG.node);
${consumerLines(c)}
const count = counter(CONFIG.label);

/** The work for one record. */
async function handle(topic: string, message: KafkaMessage): Promise<void> {
  await sleep(PROCESSING_MS);
  count(\`read from \${topic}\${message.key ? '' : ' (no key)'}\`);
}

await consumer.connect();
${startLines(c, 'CONFIG.inputs')}
onShutdown(() => consumer.disconnect());
await consumer.run({
${runOptions(c)}
});
`;
}

function runOptions(c: ConsumerPlan): string {
  if (c.commitMode === 'auto')
    return `  // Commit mode "auto" (enable.auto.commit=true), as on the canvas: every 5 s kafkajs commits the
  // offsets of the records whose handler has finished. After a crash, what was handled since the
  // last commit is read again.
  autoCommit: true,
  autoCommitInterval: 5000,
  eachMessage: async ({ topic, message }) => {
    await handle(topic, message);
  },`;
  if (c.commitMode === 'afterProcess')
    return `  // Commit mode "after processing", as on the canvas: at-least-once. A crash between handle()
  // and the commit delivers the record again: it may be handled twice, but is never lost.
  autoCommit: false,
  eachMessage: async ({ topic, partition, message }) => {
    await handle(topic, message);
    await consumer.commitOffsets([{ topic, partition, offset: nextOffset(message.offset) }]);
  },`;
  return `  // Commit mode "before processing", as on the canvas: at-most-once. A crash between the commit
  // and handle() skips the record: it is never handled twice, but can be lost.
  autoCommit: false,
  eachMessage: async ({ topic, partition, message }) => {
    await consumer.commitOffsets([{ topic, partition, offset: nextOffset(message.offset) }]);
    await handle(topic, message);
  },`;
}
