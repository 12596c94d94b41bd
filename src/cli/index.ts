export { describeTopic, overriddenConfigs } from './describeTopic';
export { coordinatorOf, describeGroupOffsets, describeGroupState, groupOffsetRows, kafkaGroupState, memberIdentity, type KafkaGroupState, type OffsetRow } from './describeGroup';
export { javaHashCode, padRight, stableUuid } from './format';
