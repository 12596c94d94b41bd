import { entryTitle, type CourseIndex, type LessonEntry } from '../../lessons/lessonIndex';
import { levelMap, type MapEntry, type MapLabel } from '../../lessons/levelMap';
import { useT, type Translate } from '../../i18n';
import { lessonProgressOf, useKafeStoreApi, useProgress, useProgressStoreApi, type KafeStore } from '../../store';
import { hasStash, requestLesson, requestStash } from './session';

/**
 * The course as a level map: its parts in order, each with its lessons and the challenge that
 * closes it, each lesson's difficulty and the learner's progress, and the next lesson to take
 * marked. Every lesson stays open to anyone: the map guides, it does not lock. Reads only the
 * course index, so listing the course parses no lesson.
 */
export function LessonList({ course }: { course: CourseIndex }) {
  const { t } = useT();
  const store = useKafeStoreApi();
  const progressStore = useProgressStoreApi();
  const progress = useProgress((s) => s.progress);
  const map = levelMap(course.lessons, (id) => lessonProgressOf(progress, id).completed);
  return (
    <div className="lesson-list">
      <h2 className="panel__title">{t('lessons.course')}</h2>
      <p className="lesson-list__intro">{t('lessons.courseIntro')}</p>
      {map.parts.map((part) => (
        <section key={part.id} className="level-part" data-part={part.id} aria-labelledby={`level-part-${part.id}`}>
          <header className="level-part__header">
            <span className="level-part__number">{t('lessons.partNumber', { n: part.number })}</span>
            <h3 className="level-part__title" id={`level-part-${part.id}`}>
              {t(`lessons.part.${part.id}.title`)}
            </h3>
            <p className="level-part__blurb">{t(`lessons.part.${part.id}.blurb`)}</p>
            <span className="level-part__progress">
              {t('lessons.partProgress', { done: part.completed, total: part.entries.length })}
              <progress className="lesson-list__bar" max={part.entries.length} value={part.completed} aria-hidden="true" />
            </span>
          </header>
          <ol className="lesson-list__items">
            {part.entries.map((entry) => (
              <LevelItem key={entry.lesson.id} entry={entry} next={entry.lesson.id === map.next} store={store} progressStore={progressStore} />
            ))}
          </ol>
        </section>
      ))}
      {hasStash() && (
        <p className="lesson-list__stash">
          {t('lessons.stash.note')}{' '}
          <button type="button" className="button button--quiet button--small" onClick={() => requestStash(store, progressStore)}>
            {t('lessons.stash.restore')}
          </button>
        </p>
      )}
    </div>
  );
}

/** "Lesson 4" or "Challenge 2", in the learner's language. */
export function labelText(label: MapLabel, t: Translate): string {
  return label.kind === 'lesson' ? t('lessons.lessonNumber', { n: label.n }) : t('lessons.challengeNumber', { n: label.part });
}

function LevelItem({ entry, next, store, progressStore }: { entry: MapEntry<LessonEntry>; next: boolean; store: KafeStore; progressStore: ReturnType<typeof useProgressStoreApi> }) {
  const { t, lang } = useT();
  const progress = useProgress((s) => s.progress);
  const { lesson } = entry;
  const p = lessonProgressOf(progress, lesson.id);
  const title = entryTitle(lesson, lang);
  const total = lesson.steps.length;
  const done = lesson.steps.filter((id) => p.done.includes(id)).length;
  const action = p.completed ? 'lessons.review' : done > 0 || p.step > 0 ? 'lessons.continue' : 'lessons.start';
  const notify = store.getState().notify;
  const open = () => requestLesson(store, progressStore, lesson, p.completed ? 0 : p.step, lang, (f) => notify('error', f.key, f.detail));
  const difficulty = t(`lessons.difficulty.${lesson.difficulty}`);
  return (
    <li className="lesson-list__item" data-lesson={lesson.id} data-completed={p.completed} data-challenge={lesson.challenge} data-next={next}>
      <div className="lesson-list__text">
        <span className="lesson-list__number">
          {labelText(entry.label, t)}
          {next && <span className="badge level-next">{t('lessons.nextUp')}</span>}
        </span>
        <span className="lesson-list__title">{title}</span>
        <span className="lesson-list__meta">
          <span className="level-difficulty" data-difficulty={lesson.difficulty} title={t('lessons.difficulty', { label: difficulty })}>
            <span aria-hidden="true">{'●'.repeat(lesson.difficulty) + '○'.repeat(3 - lesson.difficulty)}</span> {difficulty}
          </span>
          <span className="lesson-list__progress">
            {p.completed ? <span className="badge badge--alive">{t('lessons.completedBadge')}</span> : total === 1 ? t('lessons.notDone') : t('lessons.progress', { done, total })}
          </span>
        </span>
        <progress className="lesson-list__bar" max={total} value={done} aria-hidden="true" />
      </div>
      <button type="button" className="button button--quiet button--small" onClick={open} aria-label={`${t(action)}: ${title}`}>
        {t(action)}
      </button>
    </li>
  );
}
