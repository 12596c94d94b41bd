export { createKafeStore, snapshot, STEP_MS } from './kafeStore';
export { SPEEDS, type Speed } from './speeds';
export type { Frame, KafeState, KafeStore, Notice } from './kafeStore';
export { readFailureExtras, type ReadFailure } from './readFailure';
export { KafeProvider, useKafe, useKafeData, useKafeStoreApi } from './context';
export { keepIfEqual, sameData, type Kept } from './sameData';
export { createProgressStore, lessonProgressOf, ProgressProvider, useProgress, useProgressStoreApi, type ProgressState, type ProgressStore } from './progressStore';
export { startFrameLoop, type FrameScheduler } from './loop';
export { keepAside, restoreSaved, startAutosave, SAVE_KEY, CORRUPT_KEY, type Autosave, type Restored, type StorageLike } from './persistence';
export { loadedValidation, loadValidation, VALIDATION_MISSING, type Validation } from './lazyValidation';
export type { MetricsSeries } from './metrics';
export type { Problem } from './runner';
// The UI reads engine state through the store, ids included: one spelling of "topic-partition".
export { groupsReading, isPartitionOf, partitionNumberOf, topicOfPartition, topicPartition } from '../engine';
