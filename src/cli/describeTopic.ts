import type { EngineView, TopicView } from '../engine';
import { stableUuid } from './format';

/**
 * What `kafka-topics.sh --bootstrap-server localhost:9092 --describe --topic <name>` prints for
 * the simulated cluster. Layout follows Kafka 4.x
 * tools/src/main/java/org/apache/kafka/tools/TopicCommand.java:
 *
 * - TopicDescription.printDescription: "Topic: X" "\tTopicId: …" "\tPartitionCount: N"
 *   "\tReplicationFactor: R" "\tConfigs: " + the configs whose source is not a default, as
 *   name=value joined by ",";
 * - PartitionDescription.printDescription, one line per partition in partition order: "\tTopic: X"
 *   "\tPartition: P" "\tLeader: L" (or "none" with no leader) "\tReplicas: a,b,c" "\tIsr: a,b"
 *   then "\tElr: " and "\tLastKnownElr: " (eligible leader replicas: KRaft clusters report empty
 *   lists unless ELR is enabled, which the simulation does not model).
 *
 * Returns the tool's error line when the topic does not exist ("Topic 'X' does not exist as
 * expected", from TopicCommand.ensureTopicExists, printed after "Error while executing topic
 * command : ").
 */
export function describeTopic(view: EngineView, name: string): string {
  const topic = view.topics.find((t) => t.name === name);
  if (!topic) return `Error while executing topic command : Topic '${name}' does not exist as expected\n`;
  const head = [
    `Topic: ${topic.name}`,
    `\tTopicId: ${stableUuid(topic.name)}`,
    `\tPartitionCount: ${topic.partitions.length}`,
    `\tReplicationFactor: ${topic.replicationFactor}`,
    `\tConfigs: ${overriddenConfigs(topic).join(',')}`,
  ].join('');
  const lines = [...topic.partitions]
    .sort((a, b) => a.id - b.id)
    .map((p) =>
      [
        `\tTopic: ${topic.name}`,
        `\tPartition: ${p.id}`,
        `\tLeader: ${p.leader >= 0 ? p.leader : 'none'}`,
        `\tReplicas: ${p.replicas.join(',')}`,
        `\tIsr: ${p.isr.join(',')}`,
        '\tElr: ',
        '\tLastKnownElr: ',
      ].join(''),
    );
  return [head, ...lines].join('\n') + '\n';
}

/**
 * Topic configs that differ from Kafka's defaults (min.insync.replicas=1, retention.ms=604800000,
 * retention.bytes=-1, cleanup.policy=delete; see TopicConfig and ServerLogConfigs), sorted by
 * name. The simulation keeps records forever unless a retention is set, which Kafka writes as
 * retention.ms=-1.
 */
export function overriddenConfigs(topic: TopicView): string[] {
  const configs: Record<string, string> = {};
  if (topic.cleanupPolicy !== 'delete') configs['cleanup.policy'] = topic.cleanupPolicy;
  if (topic.minInsyncReplicas !== 1) configs['min.insync.replicas'] = String(topic.minInsyncReplicas);
  if (topic.retentionBytes !== null) configs['retention.bytes'] = String(topic.retentionBytes);
  const retentionMs = topic.retentionMs ?? -1;
  if (retentionMs !== 604_800_000) configs['retention.ms'] = String(retentionMs);
  return Object.keys(configs)
    .sort()
    .map((key) => `${key}=${configs[key]}`);
}
