import { useT } from '../../i18n';
import { useKafe } from '../../store';
import { formatSeconds } from './format';

/**
 * What the clock is doing when it is not simply following the chosen speed: a long replay (opening
 * a saved run, scrubbing back) with its progress and a way to stop it, or the speed really reached
 * when the engine cannot keep up, with why. Nothing otherwise.
 */
export function RunStatus() {
  const { t } = useT();
  const replay = useKafe((s) => s.replay);
  const slowedTo = useKafe((s) => s.slowedTo);
  const stopReplay = useKafe((s) => s.stopReplay);

  if (replay) {
    const span = replay.target - replay.from;
    const percent = span > 0 ? Math.floor(((replay.reached - replay.from) / span) * 100) : 100;
    return (
      <div className="run-status run-status--replay" role="status" data-testid="replay-status">
        <label className="run-status__label">
          {t('controls.replaying', { target: formatSeconds(replay.target), percent })}
          <progress className="run-status__bar" max={100} value={percent} />
        </label>
        <button type="button" className="button button--small" onClick={stopReplay}>
          {t('controls.stopReplay')}
        </button>
      </div>
    );
  }
  if (slowedTo !== null) {
    const why = t('controls.slowedWhy');
    return (
      <p className="run-status run-status--slow" role="status" data-testid="slowed-status" title={why}>
        <strong>{t('controls.slowedTo', { speed: slowedTo })}</strong>
        <span className="run-status__why">{why}</span>
      </p>
    );
  }
  return null;
}
