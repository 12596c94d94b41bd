/**
 * Kafé's simulated Kafka broker engine: pure TypeScript, deterministic from a seed.
 * Public API (names kept stable for outside checks): murmur2, partitionForKey, assignPartitions,
 * createEngine.
 */
export { murmur2, partitionForKey, toPositive } from './murmur2';
export { assignPartitions } from './assignors';
export { createEngine } from './engine';
export type { AdvanceOptions, Engine, LoggedCommand, ProduceTraceType, RequestTraceType, SubscribeOptions } from './engine';
export type { EngineConfig, ResolvedConfig } from './config';
export { DEFAULT_CONFIG } from './config';
export type * from './commands';
export type * from './trace';
export type * from './view';
export { groupsReading } from './view';
export type * from './types';
export { instanceId, parseInstanceId, serviceOfProducerId, serviceProducerId, topicProducerId } from './clientIds';
export { isPartitionOf, parseTopicPartition, partitionNumberOf, topicOfPartition, topicPartition, type TopicPartitionName } from './topicPartition';
export { EngineError } from './errors';
export { ENGINE_ERROR_CODES } from './errors';
export type { EngineErrorCode, EngineErrorParams, EngineErrorParamsByCode } from './errors';
export { DEFAULT_PRODUCER } from './producers';
export { COMMANDS } from './dispatch';
export { GLITCH_SHARE, LARGE_AMOUNT_SHARE, OVERHEAT_MS, VALUE_MODELS, numberField, overheating, type ValueModel } from './values';
export { KeyWindows, aboveThreshold, newKeyWindows, type ServiceRule } from './serviceRule';
export { parseRecordOrigin, recordOrigin } from './handled';
