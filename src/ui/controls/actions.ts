import type { MessageKey } from '../../i18n';
import { SPEEDS, type KafeState, type KafeStore } from '../../store';

/**
 * Learner actions on the clock, defined once as data (STYLE #3). The same objects drive the time
 * control buttons, the keyboard shortcuts (useShortcuts) and the list in the help overlay, so a
 * shortcut can never do something different from the button it stands for.
 */
export interface LearnerAction {
  id: ActionId;
  /** Label (and accessible name) of the button. */
  labelKey: MessageKey;
  /** Label while `isActive` is true (e.g. "Pause" while playing). */
  activeLabelKey?: MessageKey;
  /** Longer text for the help overlay. */
  descriptionKey: MessageKey;
  /**
   * `key` is matched against KeyboardEvent.key; `aliases` are other keys that do the same (e.g.
   * "=" for "+" so it works without Shift); `display` is what the help overlay shows.
   */
  shortcut?: { key: string; aliases?: readonly string[]; display: string };
  run(store: KafeStore, ui: ActionUi): void;
  isActive?(state: KafeState): boolean;
}

export type ActionId = 'togglePlay' | 'stepBack' | 'stepForward' | 'slower' | 'faster' | 'restart' | 'help';

/** The next speed in SPEEDS in `direction` (-1 slower, +1 faster); stays at the ends. */
export function nextSpeed(current: number, direction: -1 | 1): number {
  const index = SPEEDS.findIndex((s) => s >= current);
  const at = index === -1 ? SPEEDS.length - 1 : index;
  // When `current` is between two speeds, "slower" goes to the one below it and "faster" to the one above.
  const exact = SPEEDS[at] === current;
  const next = direction === 1 ? (exact ? at + 1 : at) : at - 1;
  return SPEEDS[Math.min(SPEEDS.length - 1, Math.max(0, next))];
}

/** What actions may do outside the store: UI state such as the help overlay lives in React. */
export interface ActionUi {
  openHelp(): void;
}

export const ACTIONS: readonly LearnerAction[] = [
  {
    id: 'togglePlay',
    labelKey: 'controls.play',
    activeLabelKey: 'controls.pause',
    descriptionKey: 'help.togglePlay',
    shortcut: { key: ' ', display: 'Space' },
    run: (store) => store.getState().togglePlay(),
    isActive: (state) => state.playing,
  },
  {
    id: 'stepBack',
    labelKey: 'controls.stepBack',
    descriptionKey: 'help.stepBack',
    shortcut: { key: 'ArrowLeft', display: '←' },
    run: (store) => store.getState().stepBack(),
  },
  {
    id: 'stepForward',
    labelKey: 'controls.stepForward',
    descriptionKey: 'help.stepForward',
    shortcut: { key: 'ArrowRight', display: '→' },
    run: (store) => store.getState().stepForward(),
  },
  {
    id: 'slower',
    labelKey: 'controls.slower',
    descriptionKey: 'help.slower',
    shortcut: { key: '-', aliases: ['_'], display: '−' },
    run: (store) => store.getState().setSpeed(nextSpeed(store.getState().speed, -1)),
  },
  {
    id: 'faster',
    labelKey: 'controls.faster',
    descriptionKey: 'help.faster',
    shortcut: { key: '+', aliases: ['='], display: '+' },
    run: (store) => store.getState().setSpeed(nextSpeed(store.getState().speed, 1)),
  },
  {
    id: 'restart',
    labelKey: 'controls.restart',
    descriptionKey: 'help.restart',
    shortcut: { key: 'r', aliases: ['R'], display: 'R' },
    run: (store) => store.getState().restart(),
  },
  {
    id: 'help',
    labelKey: 'controls.help',
    descriptionKey: 'help.help',
    shortcut: { key: '?', display: '?' },
    run: (_store, ui) => ui.openHelp(),
  },
];

export function action(id: ActionId): LearnerAction {
  const found = ACTIONS.find((a) => a.id === id);
  if (!found) throw new Error(`unknown action ${id}`);
  return found;
}

/** The action whose shortcut is `key` (KeyboardEvent.key), if any. */
export function actionForKey(key: string): LearnerAction | undefined {
  return ACTIONS.find((a) => a.shortcut && (a.shortcut.key === key || a.shortcut.aliases?.includes(key)));
}
