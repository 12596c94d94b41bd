import { create } from 'zustand';
import type { KafeStore } from '../../store';

/**
 * Consent before the canvas is replaced: the one mechanism every replacing action goes through
 * (a template, Import, Share → Open, a share link at start-up, opening a lesson,
 * "Show me", "Back to my canvas"). When replacing would lose unsaved work (the store's
 * hasUnsavedWork), the request waits here and ReplaceDialog asks the learner; otherwise it runs
 * at once.
 */
export type ReplaceAction = 'template' | 'import' | 'share' | 'lesson' | 'stash' | 'showMe';

export interface ReplaceRequest {
  action: ReplaceAction;
  /** What replaces the canvas (a template's or lesson's title, a file or scenario name). */
  name: string;
  run: () => void;
}

export const useReplaceRequest = create<{ pending: ReplaceRequest | null }>(() => ({ pending: null }));

/**
 * Runs `replace` now when nothing would be lost (or `keptElsewhere`: the caller keeps the current
 * canvas itself, e.g. the lesson stash), or asks first. A newer request replaces a waiting one.
 */
export function replaceWithConsent(store: KafeStore, action: ReplaceAction, name: string, replace: () => void, keptElsewhere = false): void {
  if (keptElsewhere || !store.getState().hasUnsavedWork()) {
    replace();
    return;
  }
  useReplaceRequest.setState({ pending: { action, name, run: replace } });
}

export function settleReplace(confirmed: boolean): void {
  const { pending } = useReplaceRequest.getState();
  useReplaceRequest.setState({ pending: null });
  if (confirmed) pending?.run();
}
