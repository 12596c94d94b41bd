import type { MouseEvent } from 'react';
import { useT } from '../../i18n';
import { appUrlOf, lessonLink, scenarioLink } from '../../links';
import { lessonProgressOf, useKafeStoreApi, useProgress } from '../../store';

/**
 * The embed's way out: opens the full app in a new tab at what the embed shows now (the lesson
 * at the current step, or the canvas as it is), in the same language. The full app then keeps
 * the visitor's own canvas safe as any link does.
 */
export function OpenInKafe() {
  const { t, lang } = useT();
  const store = useKafeStoreApi();
  const lessonId = useProgress((s) => s.progress.current);
  const step = useProgress((s) => (s.progress.current ? lessonProgressOf(s.progress, s.progress.current).step : 0));
  const app = appUrlOf(window.location);
  const href = lessonId ? lessonLink(app, { lessonId, step: step + 1, lang }) : app;
  // A canvas changes all the time: its link is made when the visitor follows it.
  const withScenario = (e: MouseEvent<HTMLAnchorElement>) => {
    if (!lessonId) e.currentTarget.href = scenarioLink(app, store.getState().shareFragment(), { lang });
  };
  return (
    <a className="open-in-kafe" href={href} target="_blank" rel="noopener" title={t('embed.openInKafe.about')} onClick={withScenario} onAuxClick={withScenario} data-testid="open-in-kafe">
      {t('embed.openInKafe')} <span aria-hidden="true">↗</span>
    </a>
  );
}
