import { useCallback, useId, useMemo, useState, type FormEvent } from 'react';
import { useT } from '../../i18n';
import { SPEEDS, STEP_MS, useKafe, useKafeStoreApi } from '../../store';
import { action, type ActionId, type ActionUi } from './actions';
import { formatSeconds, formatSpeed } from './format';
import { HelpOverlay } from './HelpOverlay';
import { RunStatus } from './RunStatus';
import { Icon } from './icons';
import { useShortcuts } from './useShortcuts';

const MAX_SEED = 2 ** 31 - 1;

/**
 * The clock: play/pause, step back/forward, speed, a timeline scrubber over everything seen so
 * far, the current virtual time, restart, the seed, and help. Buttons and shortcuts come from the
 * same action registry (actions.ts).
 */
export function TimeControls() {
  const { t } = useT();
  const [helpOpen, setHelpOpen] = useState(false);
  const ui = useMemo<ActionUi>(() => ({ openHelp: () => setHelpOpen(true) }), []);
  useShortcuts(ui, !helpOpen);

  return (
    <div className="time-controls" role="group" aria-label={t('controls.group')}>
      <div className="time-controls__buttons">
        <ActionButton id="stepBack" ui={ui} />
        <ActionButton id="togglePlay" ui={ui} primary />
        <ActionButton id="stepForward" ui={ui} />
        <ActionButton id="restart" ui={ui} />
      </div>
      <SpeedControl ui={ui} />
      <Timeline />
      <SeedField />
      <ActionButton id="help" ui={ui} />
      <RunStatus />
      {helpOpen && <HelpOverlay onClose={() => setHelpOpen(false)} />}
    </div>
  );
}

/** An icon button for one registered action; its accessible name is the action's label. */
function ActionButton({ id, ui, primary = false }: { id: ActionId; ui: ActionUi; primary?: boolean }) {
  const { t } = useT();
  const store = useKafeStoreApi();
  const a = action(id);
  const active = useKafe((s) => a.isActive?.(s) ?? false);
  const label = t(active && a.activeLabelKey ? a.activeLabelKey : a.labelKey);
  const shortcut = a.shortcut ? ` (${a.shortcut.display})` : '';
  return (
    <button
      type="button"
      className={`icon-button${primary ? ' icon-button--primary' : ''}`}
      data-action={id}
      aria-label={label}
      title={label + shortcut}
      onClick={() => a.run(store, ui)}
    >
      <Icon name={id === 'togglePlay' && active ? 'pause' : id} />
    </button>
  );
}

function SpeedControl({ ui }: { ui: ActionUi }) {
  const { t } = useT();
  const id = useId();
  const speed = useKafe((s) => s.speed);
  const setSpeed = useKafe((s) => s.setSpeed);
  return (
    <div className="time-controls__speed">
      <label htmlFor={id}>{t('controls.speed')}</label>
      <ActionButton id="slower" ui={ui} />
      <select id={id} className="select" value={String(speed)} onChange={(e) => setSpeed(Number(e.target.value))}>
        {SPEEDS.map((s) => (
          <option key={s} value={String(s)}>
            {formatSpeed(s)}
          </option>
        ))}
      </select>
      <ActionButton id="faster" ui={ui} />
    </div>
  );
}

/**
 * The current virtual time and a scrubber from 0 to the furthest moment reached since this setup
 * started (a new setup, e.g. after an edit or an import, starts a new range).
 */
function Timeline() {
  const { t } = useT();
  const id = useId();
  const now = useKafe((s) => s.frame.now);
  const ids = useKafe((s) => s.ids);
  const store = useKafeStoreApi();
  const [reach, setReach] = useState({ ids, furthest: now });
  const furthest = reach.ids === ids ? Math.max(reach.furthest, now) : now;
  if (reach.ids !== ids || reach.furthest !== furthest) setReach({ ids, furthest });

  const onScrub = useCallback(
    (value: number) => {
      const s = store.getState();
      if (s.playing) s.pause();
      s.scrub(value);
    },
    [store],
  );

  const time = t('controls.seconds', { value: formatSeconds(now) });
  return (
    <div className="time-controls__timeline">
      <output className="time-controls__now" aria-live="off" data-testid="sim-time" data-ms={now}>
        {time}
      </output>
      <label htmlFor={id} className="visually-hidden">
        {t('controls.timeline')}
      </label>
      <input
        id={id}
        className="scrubber"
        type="range"
        min={0}
        max={Math.max(furthest, STEP_MS)}
        step={STEP_MS}
        value={now}
        aria-valuetext={time}
        disabled={furthest === 0}
        onChange={(e) => onScrub(Number(e.target.value))}
      />
      <span className="time-controls__end" aria-hidden="true">
        {formatSeconds(furthest)}
      </span>
    </div>
  );
}

/** The PRNG seed: same seed and same actions give the same run. Applying a new one restarts. */
function SeedField() {
  const { t } = useT();
  const id = useId();
  const errorId = useId();
  const seed = useKafe((s) => s.scenario.seed);
  const setSeed = useKafe((s) => s.setSeed);
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState(false);
  const value = draft ?? String(seed);

  const apply = (e: FormEvent) => {
    e.preventDefault();
    const n = Number(value.trim());
    if (value.trim() === '' || !Number.isInteger(n) || n < 0 || n > MAX_SEED) {
      setError(true);
      return;
    }
    setError(false);
    setDraft(null);
    if (n !== seed) setSeed(n);
  };

  return (
    <form className="time-controls__seed" onSubmit={apply}>
      <label htmlFor={id}>{t('controls.seed')}</label>
      <input
        id={id}
        className="input input--seed"
        inputMode="numeric"
        value={value}
        aria-invalid={error || undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => {
          setDraft(e.target.value);
          setError(false);
        }}
      />
      <button type="submit" className="button button--small">
        {t('controls.applySeed')}
      </button>
      {error && (
        <span id={errorId} className="field-error field-error--floating" role="alert">
          {t('controls.seedInvalid', { max: MAX_SEED })}
        </span>
      )}
    </form>
  );
}
