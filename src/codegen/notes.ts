/**
 * What the export could not carry over as it is on the canvas. Notes are data (a code and its
 * details) so the UI can translate them (key `export.note.<code>`); `noteText` is the English
 * wording used in the generated README.
 *
 * kind: 'skipped' = left out of the project; 'adjusted' = exported differently from the canvas;
 * 'info' = something to know to run it like the canvas did.
 */
export const NOTE_CODES = {
  /** A producer writes to no topic. */
  producerNotConnected: 'skipped',
  /** A service or consumer reads no topic. */
  readerNotSubscribed: 'skipped',
  /** A second topic with a name already taken. detail: topic */
  duplicateTopic: 'skipped',
  /** Nothing on the canvas produces, processes or consumes records. */
  nothingToRun: 'info',
  /** The canvas had N brokers; the project runs one. detail: brokers */
  brokersMerged: 'adjusted',
  /** Topics asked for more than one replica. detail: topics (comma-separated), count */
  replicationCapped: 'adjusted',
  /** Assignors kafkajs does not have. detail: nodes (labels), assignors */
  assignorMapped: 'adjusted',
  /** Key pattern "cycle" without keys: sent without keys. */
  noKeys: 'adjusted',
  /** Idempotence needs acks=all: sent without idempotence. detail: acks */
  idempotentNeedsAcksAll: 'adjusted',
  /** The retry / dead-letter topic is not on the canvas: left out. detail: topic (node id) */
  retryTopicMissing: 'adjusted',
  deadLetterTopicMissing: 'adjusted',
  /** An arrow the canvas would not allow: ignored. detail: edge */
  badConnection: 'adjusted',
  /** Several instances: run the script that many times. detail: instances */
  instances: 'info',
  /** Joined while the simulation ran: start it later. detail: seconds */
  joinsLater: 'info',
  /** A service keeps a database on the canvas (dual write or outbox, lesson 18); the script has
   * none and publishes straight away. detail: mode */
  databaseNotExported: 'adjusted',
  /** The canvas's registry refused a producer's schema, so it sends nothing to that topic, as on
   * the canvas. detail: topic, subject, mode, latest, reason */
  schemaRefused: 'skipped',
  /** The schema judge had not loaded: schema producers were not checked and are left out. */
  schemaCheckPending: 'skipped',
  /** A producer writes with an Avro schema on the canvas; the script sends JSON. detail: file, subject */
  writerSchemaNotUsed: 'adjusted',
  /** A service reads with a reader schema on the canvas; the script reads any JSON. detail: file */
  readerSchemaNotUsed: 'adjusted',
  /** A topic's subject holds schema versions on the canvas; the project runs no registry.
   * detail: subject, count, mode, files */
  registryNotExported: 'adjusted',
  /** Actions taken while the simulation ran are not part of the project. detail: count */
  timelineNotExported: 'info',
} as const;

export type ExportNoteCode = keyof typeof NOTE_CODES;
export type ExportNoteKind = (typeof NOTE_CODES)[ExportNoteCode];

export interface ExportNote {
  kind: ExportNoteKind;
  code: ExportNoteCode;
  /** The canvas node concerned, if any; its label is learner text (show it as text). */
  nodeId?: string;
  label?: string;
  detail?: Record<string, string | number>;
}

export function note(code: ExportNoteCode, node?: { id: string; label: string } | null, detail?: ExportNote['detail']): ExportNote {
  return {
    kind: NOTE_CODES[code],
    code,
    ...(node ? { nodeId: node.id, label: node.label } : {}),
    ...(detail ? { detail } : {}),
  };
}

const KIND_ORDER: Record<ExportNoteKind, number> = { skipped: 0, adjusted: 1, info: 2 };

/** Skipped first, then adjusted, then info; otherwise in the order they were found (stable). */
export function sortNotes(notes: readonly ExportNote[]): ExportNote[] {
  return [...notes].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
}

/** English text of a note, for the README. `label` is raw: the README escapes the result. */
export function noteText(n: ExportNote): string {
  const d = n.detail ?? {};
  const who = n.label ?? '';
  switch (n.code) {
    case 'producerNotConnected':
      return `${who}: this producer writes to no topic, so there is nothing for it to send. Draw an arrow to a topic and export again.`;
    case 'readerNotSubscribed':
      return `${who}: reads no topic, so it would never receive a record. Draw an arrow from a topic and export again.`;
    case 'duplicateTopic':
      return `A second topic named ${d.topic} was left out: topic names are unique in a cluster.`;
    case 'nothingToRun':
      return 'The canvas has no producer, service or consumer connected to a topic: there is no script to run.';
    case 'brokersMerged':
      return `The canvas had ${d.brokers} broker(s); the project runs one broker, enough to try the flow on a laptop.`;
    case 'replicationCapped':
      return `${d.count} topic(s) (${d.topics}) asked for more than one replica; with one broker each keeps a single copy (see src/create-topics.ts).`;
    case 'assignorMapped':
      return `${d.nodes} use the ${d.assignors} assignor on the canvas; kafkajs only ships round-robin, so the scripts use that.`;
    case 'noKeys':
      return `${who}: the key pattern "cycle" has no keys, so records are sent without a key, as on the canvas.`;
    case 'idempotentNeedsAcksAll':
      return `${who}: idempotence needs acks=all but the canvas has acks=${d.acks}, so the producer is not idempotent, as on the canvas.`;
    case 'retryTopicMissing':
      return `${who}: the retry topic is not on the canvas any more; failed records are retried in place.`;
    case 'deadLetterTopicMissing':
      return `${who}: the dead-letter topic is not on the canvas any more; records that use up their attempts are dropped.`;
    case 'badConnection':
      return `${who}: the arrow ${d.edge} connects nodes the canvas does not allow to be connected; it was ignored.`;
    case 'instances':
      return `${who}: ${d.instances} instances on the canvas: run its script ${d.instances} times, one process per instance.`;
    case 'joinsLater':
      return `${who}: joined the simulation at ${d.seconds} s: start its script a little after the others to see the same catch-up.`;
    case 'databaseNotExported':
      return `${who}: saves each record in a database on the canvas (${d.mode}); the script has no database and publishes its events straight away. Bring your own database and outbox table (see lesson 18).`;
    case 'schemaRefused':
      return `${who}: the canvas's schema registry refused its schema for ${d.subject} (${d.mode}, against version ${d.latest}): ${d.reason}. It sends nothing to ${d.topic}, as on the canvas.`;
    case 'schemaCheckPending':
      return `${who}: its schema was not checked yet (the schema checker was still loading), so it was left out. Export again.`;
    case 'writerSchemaNotUsed':
      return `${who}: writes with an Avro schema on the canvas; the script sends JSON and registers nothing. The schema is in ${d.file}: register it under ${d.subject} with a schema registry to use it.`;
    case 'readerSchemaNotUsed':
      return `${who}: reads with a reader schema on the canvas; the script reads any JSON. The reader schema is in ${d.file}.`;
    case 'registryNotExported':
      return `${who}: the canvas’s schema registry holds ${d.count} version(s) of ${d.subject} (compatibility ${d.mode}); the project runs no registry. The versions are in ${d.files}.`;
    case 'timelineNotExported':
      return `${d.count} action(s) taken while the simulation ran (records produced by hand, crashes, failures...) are not part of the project: do them yourself against the real cluster.`;
  }
}
