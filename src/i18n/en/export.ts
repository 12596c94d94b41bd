/**
 * English strings for the "Export as code" panel (see common.ts for the rules). They load with the
 * generator's chunk (src/ui/export/strings.ts); the button's own strings, needed at first paint,
 * are in exportButton.ts (a separate module, or these would be bundled with them).
 * `export.note.<code>` has one entry per note code of src/codegen/notes.ts (a unit test keeps them
 * in step); `{{label}}` is the node's label, the other placeholders are the note's details.
 */
export const exportCode = {
  'export.downloaded': 'Downloaded {{file}}: a small Node.js project that runs this flow on a real Kafka with kafkajs. Its README maps every file to a node of the canvas.',
  'export.steps': 'Run it',
  'export.steps.node': 'one per node, each in its own terminal',
  'export.notes.skipped': 'Not exported',
  'export.notes.adjusted': 'Adjusted for a real cluster',
  'export.notes.info': 'Good to know',
  'export.notes.none': 'Everything on the canvas was exported as it is.',
  'export.files': 'Files ({{count}})',
  'export.again': 'Download again',

  'export.note.producerNotConnected': '{{label}}: writes to no topic, so it has nothing to send.',
  'export.note.readerNotSubscribed': '{{label}}: reads no topic, so it would never receive a record.',
  'export.note.duplicateTopic': 'A second topic named {{topic}} was left out: topic names are unique in a cluster.',
  'export.note.nothingToRun': 'Nothing on the canvas produces or reads records, so there is no script to run.',
  'export.note.brokersMerged': 'The canvas has {{brokers}} brokers; the project runs one, enough to try the flow on a laptop.',
  'export.note.replicationCapped': 'With one broker each topic keeps a single copy: replication factor and min.insync.replicas are capped to 1 ({{topics}}).',
  'export.note.assignorMapped': '{{nodes}}: kafkajs has no {{assignors}} assignor, so they use round-robin.',
  'export.note.noKeys': '{{label}}: the “cycle” key pattern has no keys, so records are sent without a key.',
  'export.note.idempotentNeedsAcksAll': '{{label}}: idempotence needs acks=all and the canvas has acks={{acks}}, so it is off.',
  'export.note.retryTopicMissing': '{{label}}: its retry topic is gone from the canvas; failed records are retried in place.',
  'export.note.deadLetterTopicMissing': '{{label}}: its dead-letter topic is gone from the canvas; records that run out of attempts are dropped.',
  'export.note.badConnection': '{{label}}: an arrow the canvas does not allow ({{edge}}) was ignored.',
  'export.note.databaseNotExported': '{{label}}: saves each record in a database on the canvas ({{mode}}); the script has no database and publishes its events straight away. Bring your own database and outbox table (see lesson 18).',
  'export.note.schemaRefused': '{{label}}: the canvas’s schema registry refused its schema for {{subject}} ({{mode}}, against version {{latest}}): {{reason}}. It sends nothing to {{topic}}, as on the canvas.',
  'export.note.schemaCheckPending': '{{label}}: its schema was not checked yet (the schema checker was still loading), so it was left out. Export again.',
  'export.note.writerSchemaNotUsed': '{{label}}: writes with an Avro schema on the canvas; the script sends JSON and registers nothing. The schema is in {{file}}: register it under {{subject}} with a schema registry to use it.',
  'export.note.readerSchemaNotUsed': '{{label}}: reads with a reader schema on the canvas; the script reads any JSON. The reader schema is in {{file}}.',
  'export.note.registryNotExported': '{{label}}: the canvas’s schema registry holds {{count}} version(s) of {{subject}} (compatibility {{mode}}); the project runs no registry. The versions are in {{files}}.',
  'export.note.instances': '{{label}}: {{instances}} instances on the canvas. Run its script {{instances}} times, one process per instance.',
  'export.note.joinsLater': '{{label}}: joined the run at {{seconds}} s. Start its script a little after the others.',
  'export.note.timelineNotExported': '{{count}} action(s) you took while the simulation ran are not part of the project: try them on the real cluster yourself.',
} as const;
