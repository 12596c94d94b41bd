/**
 * English strings for the notices area (see common.ts for the rules): messages the store and
 * bootstrap post by key (notice.*), and the canvas's refused connections (connection.<code>, one per
 * code in src/scenario/connections.ts; a unit test keeps them in step).
 */
export const notices = {
  'notice.dismiss': 'Dismiss',
  'notice.restartedAfterEdit': 'Settings changed: the simulation restarted from 0 s.',
  'notice.restoreCapped':
    'This canvas was saved {{saved}} minutes into its run. Opening replays at most {{limit}} minutes of simulated time, so it starts again at 0 s, with its setup and recorded actions kept: press play to run them again.',
  'notice.recordLimit':
    'To keep memory bounded, Kafé keeps at most {{limit}} records per partition; older records were deleted, as retention would. Topics:',
  'notice.nodeIdTaken': 'A node with that id is already on the canvas.',
  'notice.commandRefused': 'That action was refused.',
  'notice.importFailed': 'Could not import that file. Your canvas is unchanged.',
  'notice.imported': 'Scenario imported.',
  'notice.shareFailed': 'Could not open that share link. Your canvas is unchanged.',
  'notice.restoreFailed': 'Your saved canvas could not be read, so Kafé started from a template. The unreadable save is kept aside in this browser (kafe.scenario.unreadable).',
  'notice.restoreNotKept': 'Your saved canvas could not be read, and this browser would not let Kafé keep a copy of it, so Kafé will not save over it in this session.',
  'notice.stashFailed': 'Your own canvas, kept aside during the lessons, could not be read. The canvas stays as it is; the unreadable copy is kept aside in this browser (kafe.lessons.stash.unreadable).',
  'notice.replaced': 'The canvas was replaced.',
  'read.tooBig': 'It is bigger than any Kafé scenario can be (over 2 MB).',
  'read.tooDeep': 'Its lists and objects are nested far deeper than in any Kafé scenario (over 64 levels).',
  'read.notJson': 'It is not JSON text.',
  'read.damagedLink': 'The link is incomplete or damaged: was it cut off when copied?',
  'read.noScenario': 'The link has no scenario in it.',
  'read.notScenario': 'It is not a Kafé scenario.',
  'read.newerVersion': 'It was made by a newer version of Kafé.',
  'read.olderVersion': 'It was made by an old version of Kafé that this one can no longer update.',
  'read.invalid': 'Some of its values are outside what Kafé allows (details below).',
  'read.unexpected': 'Kafé could not read it.',
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
