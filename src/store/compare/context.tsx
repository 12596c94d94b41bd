import { storeContext } from '../storeContext';
import type { CompareState, CompareStore } from './compareStore';

const compareContext = storeContext<CompareState>('useCompare');
export const CompareProvider = compareContext.Provider;
export const useCompareStoreApi: () => CompareStore = compareContext.useStoreApi;
/** Select a piece of the comparison's state (its panels and charts). */
export const useCompare: <T>(selector: (state: CompareState) => T) => T = compareContext.useSelect;
