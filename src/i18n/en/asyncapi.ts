/**
 * English strings of the AsyncAPI import panel (see common.ts for the rules). They load with the
 * parser's chunk (src/ui/asyncapi/strings.ts). `asyncapi.note.<code>` has one entry per note code
 * of src/asyncapi/notes.ts (a unit test keeps them in step): `{{subject}}` is what the note is
 * about (a topic, an operation, a server...), `{{detail}}` the names or values involved.
 */
export const asyncapiPanel = {
  'asyncapi.panel.title': 'Import AsyncAPI: {{file}}',
  'asyncapi.panel.invalid': 'This is not a valid AsyncAPI document, so nothing was imported. Your canvas is unchanged. The parser says:',
  'asyncapi.panel.line': 'line {{line}}',
  'asyncapi.panel.summary': '{{title}}: {{topics}} topic(s), {{applications}} producer(s), service(s) and consumer group(s), {{brokers}} broker(s).',
  'asyncapi.panel.replaceHint': 'Importing replaces everything on the canvas. Export it first if you want to keep it.',
  'asyncapi.panel.replace': 'Replace the canvas',
  'asyncapi.panel.load': 'Build the canvas',
  'asyncapi.panel.cancel': 'Cancel',
  'asyncapi.panel.close': 'Close',
  'asyncapi.panel.done': 'Imported. The canvas now shows this document.',
  'asyncapi.notes.none': 'Everything in the document was carried over.',
  'asyncapi.notes.skipped': 'Not carried over (Kafé does not simulate it)',
  'asyncapi.notes.adjusted': 'Changed to fit',
  'asyncapi.notes.info': 'Read this way',

  'asyncapi.note.server': 'Server “{{subject}}” ({{detail}}): Kafé simulates its own brokers instead.',
  'asyncapi.note.security': 'Security “{{subject}}”: the simulation has no authentication.',
  'asyncapi.note.channelParameters': 'Channel “{{subject}}” has address parameters: it became one topic.',
  'asyncapi.note.otherBindings': '{{subject}}: {{detail}} bindings (only Kafka is simulated).',
  'asyncapi.note.topicConfigs': 'Topic {{subject}}: configs {{detail}} are not simulated.',
  'asyncapi.note.bindingFields': '{{subject}}: Kafka binding fields {{detail}} are not simulated.',
  'asyncapi.note.extensions': '{{subject}}: extensions {{detail}}.',
  'asyncapi.note.messageSchemas': 'Message schemas of {{subject}}: simulated records carry only a key and an event type.',
  'asyncapi.note.reply': 'Operation “{{subject}}” has a reply: request/reply is not simulated.',
  'asyncapi.note.noChannel': 'Operation “{{subject}}” has no channel to draw it on.',
  'asyncapi.note.connection': 'Operation “{{subject}}”: the canvas refuses that arrow ({{detail}}).',
  'asyncapi.note.extraMessages': '{{subject}} sends several messages ({{detail}}): it writes the first.',
  'asyncapi.note.clamped': '{{subject}}: {{detail}} (what Kafé can simulate).',
  'asyncapi.note.renamed': '“{{subject}}” is named “{{detail}}” on the canvas.',
  'asyncapi.note.kafkaDefaults': 'Topic {{subject}}: not in the document, Kafka’s defaults used: {{detail}}.',
  'asyncapi.note.compactDelete': 'Topic {{subject}}: cleanup.policy compact,delete is simulated as compact.',
  'asyncapi.note.badKafeExtension': 'The x-kafe extension could not be read: simulator settings are defaults.',
  'asyncapi.note.brokersAssumed': 'No broker list: the cluster has {{detail}} broker(s), enough for the largest replication factor.',
  'asyncapi.note.subscribeAsConsumer': 'Operation “{{subject}}” (AsyncAPI 2 subscribe with a consumer groupId) is read as a consumer group.',
  // Why a document could not be imported, one per AsyncApiReadReason (src/asyncapi/read.ts).
  'asyncapi.reason.empty': 'The file is empty, so nothing was imported. Your canvas is unchanged.',
  'asyncapi.reason.tooBig': 'The file, or the canvas it describes, is bigger than Kafé can hold, so nothing was imported. Your canvas is unchanged.',
  'asyncapi.reason.parserFailed': 'The AsyncAPI parser stopped while reading this file, so nothing was imported. Your canvas is unchanged.',
  'asyncapi.reason.notAsyncApi': 'This is not an AsyncAPI document, so nothing was imported. Your canvas is unchanged.',
  'asyncapi.reason.notMappable': 'Kafé could not turn this document into a canvas, so nothing was imported. Your canvas is unchanged.',
  'asyncapi.reason.invalidCanvas': 'This document describes a canvas Kafé cannot run, so nothing was imported. Your canvas is unchanged.',
  'asyncapi.panel.technical': 'Technical detail, as the reader gave it:',
} as const;
