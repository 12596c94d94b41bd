import { useEffect, useRef } from 'react';
import { useKafeStoreApi } from '../../store';
import { actionForKey, type ActionUi } from './actions';

/** Elements where keys belong to the element itself (typing, choosing, sliding). */
const EDITABLE = 'input, select, textarea, [contenteditable=""], [contenteditable="true"]';
/** Elements that Space/Enter activate natively: the shortcut must not fire a second action. */
const ACTIVATABLE = 'button, a[href], summary, [role="button"], [role="checkbox"], [role="switch"], [role="menuitem"]';
/** Canvas items use arrow keys to move the selection; leave those to the canvas. */
const CANVAS_ITEM = '.react-flow__node, .react-flow__edge';

/** True when a shortcut must not handle this key event (see the selectors above). */
export function shouldIgnore(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'isComposing'>, target: Element | null): boolean {
  // Shift is allowed: "?" and "+" need it on most keyboards. `defaultPrevented` is not a reason to
  // skip: React Flow prevents the default of Space on the whole document (its pan key).
  if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return true;
  if (!target || typeof target.closest !== 'function') return false;
  if (target.closest(EDITABLE)) return true;
  if ((event.key === ' ' || event.key === 'Enter') && target.closest(ACTIVATABLE)) return true;
  if (event.key.startsWith('Arrow') && target.closest(CANVAS_ITEM)) return true;
  // While a modal dialog is open, its own keys (Escape, Tab) are all that apply.
  if (target.closest('[aria-modal="true"]')) return true;
  return false;
}

/**
 * Listens for the learner actions' shortcuts on window (see actions.ts). Keys typed into fields,
 * keys with Ctrl/Alt/Meta, and Space/Enter on a focused button are left alone.
 */
export function useShortcuts(ui: ActionUi, enabled = true): void {
  const store = useKafeStoreApi();
  const uiRef = useRef(ui);
  uiRef.current = ui;

  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target instanceof Element ? event.target : null;
      if (shouldIgnore(event, target)) return;
      const found = actionForKey(event.key);
      if (!found) return;
      event.preventDefault();
      found.run(store, uiRef.current);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store, enabled]);
}
