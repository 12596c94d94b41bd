import type { SchemaJudge } from './model';

/**
 * The avsc-backed schema judge without putting avsc in the app's first load: fetched the first
 * time a canvas with schemas is opened, then kept (the same pattern as scenario/lazyLayout.ts).
 *
 * Contract: loadSchemaJudge() resolves with the judge, the same promise on every call once it
 * succeeded; a failed fetch rejects and is forgotten, so the next call tries again.
 * loadedSchemaJudge() is the judge once it has loaded, else null.
 */
let loaded: SchemaJudge | null = null;
let loading: Promise<SchemaJudge> | null = null;

export function loadSchemaJudge(): Promise<SchemaJudge> {
  loading ??= import('./avro').then(
    (m) => (loaded = m.avroJudge),
    (e: unknown) => {
      loading = null;
      throw e;
    },
  );
  return loading;
}

export const loadedSchemaJudge = (): SchemaJudge | null => loaded;
