import { useT } from '../../../i18n';

/** What a live panel shows while its node has nothing running in the engine (not wired up yet). */
export function NotRunning() {
  const { t } = useT();
  return <p className="panel__empty">{t('inspector.notRunning')}</p>;
}
