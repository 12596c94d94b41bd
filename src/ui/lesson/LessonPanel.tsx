import { useEffect, useState } from 'react';
import { formatProblem } from '../../lessons/problem';
import type { Lesson, LessonEntry, MapLabel } from '../../lessons';
import { mapLabels } from '../../lessons/levelMap';
import { entryTitle } from '../../lessons/lessonIndex';
import { useStringArea, useT } from '../../i18n';
import { LESSON_STRINGS } from './strings';
import type { PageLink } from '../../links';
import { useKafe, useKafeStoreApi, useProgress, useProgressStoreApi } from '../../store';
import type { AppLink } from './LessonMarkdown';
import type { LessonPlayer } from './LessonPlayer';
import { labelText, LessonList } from './LessonList';
import { bundledIndex, loadLesson } from './course';
import { useLinkedLesson } from './deepLink';
import { EMBEDDED } from '../embed/pageMode';
import { errorText } from './session';
import './lesson.css';

interface Props {
  onAppLink: (link: AppLink) => void;
  /** The address's #lesson=…&step=… link, opened once when the panel first mounts. */
  link?: PageLink;
}

/**
 * The guided lessons beside the canvas: the course list, or the lesson being followed. Loaded
 * lazily with the course's index only (titles, step ids); the lesson being followed, its parser
 * (YAML, Markdown) and the player arrive when a lesson is open (OpenLesson).
 */
export function LessonPanel({ onAppLink, link }: Props) {
  useStringArea(LESSON_STRINGS);
  const { t } = useT();
  const course = bundledIndex();
  useLinkedLesson(useKafeStoreApi(), useProgressStoreApi(), course, link);
  const current = useProgress((s) => s.progress.current);
  const problem = useProgress((s) => s.problem);
  const notify = useKafe((s) => s.notify);
  useEffect(() => {
    if (problem) notify('error', 'lessons.progressUnreadable', problem.error, { reason: problem.reason });
  }, [problem, notify]);

  const position = course.lessons.findIndex((l) => l.id === current);
  const entry = course.lessons[position];
  return (
    <section className="panel lesson-panel" aria-label={t('lessons.panel')} data-testid="lesson-panel">
      {course.problems.length > 0 && (
        <div className="lesson-panel__problems" role="alert">
          <p>{t('lessons.problems')}</p>
          <ul>
            {course.problems.map((p) => (
              <li key={formatProblem(p)}>
                <code>{formatProblem(p)}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
      {entry ? <OpenLesson key={entry.id} entry={entry} label={mapLabels(course.lessons).get(entry.id)!} next={course.lessons[position + 1]} onAppLink={onAppLink} /> : <LessonList course={course} />}
    </section>
  );
}

type Player = typeof LessonPlayer;
type Opening = { state: 'loading' } | { state: 'ready'; lesson: Lesson; Player: Player } | { state: 'failed'; error: string };

/**
 * The lesson being followed: fetches its text and the player, then shows the player. While they
 * load, the lesson's title stands where the player's will be (no jump); if they cannot be loaded
 * (offline before the first full visit, a server that lost the chunk) it says so, with a way to
 * try again or go back to the course. Nothing on the canvas changes meanwhile.
 */
function OpenLesson({ entry, label, next, onAppLink }: { entry: LessonEntry; label: MapLabel; next: LessonEntry | undefined; onAppLink: (link: AppLink) => void }) {
  const { t, lang } = useT();
  const openList = useProgress((s) => s.open);
  const [attempt, setAttempt] = useState(0);
  const [opening, setOpening] = useState<Opening>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    setOpening({ state: 'loading' });
    Promise.all([loadLesson(entry.id), import('./LessonPlayer').then((m) => m.LessonPlayer)]).then(
      ([lesson, Player]) => live && setOpening({ state: 'ready', lesson, Player }),
      (e: unknown) => live && setOpening({ state: 'failed', error: errorText(e) }),
    );
    return () => {
      live = false;
    };
  }, [entry.id, attempt]);

  if (opening.state === 'ready') return <opening.Player lesson={opening.lesson} label={label} next={next} onAppLink={onAppLink} />;
  return (
    <div className="lesson" aria-busy={opening.state === 'loading'} data-testid="lesson-opening">
      {!EMBEDDED && (
        <div className="lesson__top">
          <button type="button" className="lesson__back" onClick={() => openList(null)}>
            ← {t('lessons.backToList')}
          </button>
        </div>
      )}
      <p className="lesson__kicker">{labelText(label, t)}</p>
      <h2 className="lesson__title">{entryTitle(entry, lang)}</h2>
      {opening.state === 'loading' ? (
        <p className="lesson__loading">{t('lessons.loading')}</p>
      ) : (
        <div className="lesson__load-failed" role="alert">
          <p>{t('lessons.loadFailed')}</p>
          <p>
            <code>{opening.error}</code>
          </p>
          <button type="button" className="button" onClick={() => setAttempt((n) => n + 1)}>
            {t('lessons.retry')}
          </button>
        </div>
      )}
    </div>
  );
}
