import { lazyImport } from '../util/lazyImport';

/**
 * The validation module (validation.ts: zod and every reader of saved or linked text) without
 * putting it in the app's first load. Building the schemas took ~0.13 s of a first load throttled
 * 4× (bench i), and zod is ~50 kB of gzipped JavaScript, though a first visit has nothing to check.
 *
 * Contract: lazyImport's (loadValidation() is tried again after a failed fetch; loadedValidation()
 * is the module once it has loaded, else null). Code that must read something
 * synchronously (bootstrap's restore, the progress store, the store's importJson) takes it from
 * loadedValidation(); whoever starts them loads it first when there is something to read
 * (main.tsx: a saved canvas or progress, or a share link). Without it they keep what they could
 * not check where it is and say so; they never treat it as valid, nor write over it.
 */
export type Validation = typeof import('./validation');

const validation = lazyImport(
  () => import('./validation'),
  (m): Validation => m,
);

export const loadValidation = validation.load;
export const loadedValidation = validation.loaded;

/** The message a reader gives when the validation module is not here (its chunk failed to load). */
export const VALIDATION_MISSING = 'the part of Kafé that checks saved work could not be loaded (are you offline?); reload the page to try again';
