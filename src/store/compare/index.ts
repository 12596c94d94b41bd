/**
 * The comparison's store, kept out of src/store/index.ts: it carries the comparison's engine run,
 * which loads with the comparison view's lazy chunk and never weighs on the workbench's first paint.
 */
export { createCompareStore, type CompareState, type CompareStore } from './compareStore';
export { CompareProvider, useCompare, useCompareStoreApi } from './context';
export type { Activity } from './activity';
export { COMPARE_SPEEDS } from '../speeds';
