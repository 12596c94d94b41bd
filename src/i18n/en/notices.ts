/**
 * English strings for the notices area (see common.ts for the rules): messages the store and
 * bootstrap post by key (notice.*), and the canvas's refused connections (connection.<code>, one per
 * code in src/scenario/connections.ts; a unit test keeps them in step).
 */
export const notices = {
  'notice.dismiss': 'Dismiss',
  'notice.restartedAfterEdit': 'Settings changed: the simulation restarted from 0 s.',
  'notice.nodeIdTaken': 'A node with that id is already on the canvas.',
  'notice.commandRefused': 'That action was refused.',
  'notice.importFailed': 'Could not import that file. Your canvas is unchanged.',
  'notice.imported': 'Scenario imported.',
  'notice.shareFailed': 'Could not open that share link. Your canvas is unchanged.',
  'notice.restoreFailed': 'Your saved canvas could not be read, so Kafé started from a template. The old save is kept aside.',
  'notice.linkCopied': 'Share link copied to the clipboard.',
  'notice.linkCopyManual': 'Copy the link from the field below.',
  'notice.linkOpened': 'Shared scenario opened.',
  'notice.timelineDropped': '{{count}} recorded action(s) no longer apply and were skipped (the first: {{command}} at {{at}} ms).',

  // Why the simulation refused a learner's action: one per engine refusal code (src/i18n/refusals.ts).
  'refusal.unknownCommand': 'There is no action called “{{type}}”.',
  'refusal.invalidArgument': 'The value given for {{field}} is not allowed.',
  'refusal.unknownTopic': 'Topic “{{topic}}” does not exist.',
  'refusal.topicExists': 'A topic named “{{topic}}” already exists.',
  'refusal.unknownBroker': 'Broker {{broker}} does not exist.',
  'refusal.unknownProducer': 'Producer “{{id}}” is not running.',
  'refusal.unknownConsumer': 'Consumer “{{id}}” is no longer in the simulation.',
  'refusal.unknownGroup': 'Consumer group “{{group}}” does not exist yet.',
  'refusal.unknownService': 'Service “{{id}}” is not running.',
  'refusal.groupNotEmpty': 'The offsets of group “{{group}}” can only be reset while it has no members (it has {{members}}).',
  'refusal.duplicateId': 'Something named “{{id}}” already exists.',
  'refusal.negativeTime': 'The clock cannot go back to {{ms}} ms this way.',
  'refusal.invalidConfig': 'The simulation setting {{field}} is not allowed.',

  'connection.unknownNode': 'That node is no longer on the canvas.',
  'connection.selfLoop': 'A node cannot be connected to itself.',
  'connection.duplicate': 'These two nodes are already connected.',
  'connection.brokerNotConnectable': 'Brokers are the cluster itself, not a step in the flow: they are not connected by hand.',
  'connection.topicToTopic': 'Topics do not feed topics directly: put a service between them.',
  'connection.topicToProducer': 'A topic cannot feed a producer: producers are where events start.',
  'connection.intoProducer': 'Nothing feeds a producer: producers are where events start.',
  'connection.producerToReader': 'Producers write to topics, and services and consumers read from topics: connect the producer to a topic.',
  'connection.readerNeedsTopic': 'A consumer group only reads: connect a topic to it instead.',
  'connection.serviceToService': 'Services talk through topics: connect the service to a topic that the other service reads.',
  'connection.serviceToConsumer': 'Let the service write to a topic, and connect that topic to the consumer group.',
  'connection.cycle': 'That would make a loop: events would go round forever and multiply.',
} as const;
