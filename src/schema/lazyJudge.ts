import { lazyImport } from '../util/lazyImport';
import type { SchemaJudge } from './model';

/**
 * The avsc-backed schema judge without putting avsc in the app's first load: fetched the first
 * time a canvas with schemas is opened, then kept. loadSchemaJudge() and loadedSchemaJudge() keep
 * lazyImport's contract (a failed fetch is tried again on the next call).
 */
const judge = lazyImport(
  () => import('./avro'),
  (m): SchemaJudge => m.avroJudge,
);

export const loadSchemaJudge = judge.load;
export const loadedSchemaJudge = judge.loaded;
