import { entryTitle, type CourseIndex } from '../../lessons/lessonIndex';
import { useT } from '../../i18n';
import { lessonProgressOf, useKafeStoreApi, useProgress, useProgressStoreApi } from '../../store';
import { hasStash, requestLesson, requestStash } from './session';

/** The course: every lesson with the learner's progress, and the way back to their own canvas. */
export function LessonList({ course }: { course: CourseIndex }) {
  const { t, lang } = useT();
  const store = useKafeStoreApi();
  const progressStore = useProgressStoreApi();
  const progress = useProgress((s) => s.progress);
  const notify = store.getState().notify;
  return (
    <div className="lesson-list">
      <h2 className="panel__title">{t('lessons.course')}</h2>
      <p className="lesson-list__intro">{t('lessons.courseIntro')}</p>
      <ol className="lesson-list__items">
        {course.lessons.map((lesson, i) => {
          const p = lessonProgressOf(progress, lesson.id);
          const title = entryTitle(lesson, lang);
          const total = lesson.steps.length;
          const done = lesson.steps.filter((id) => p.done.includes(id)).length;
          const action = p.completed ? 'lessons.review' : done > 0 || p.step > 0 ? 'lessons.continue' : 'lessons.start';
          const open = () => requestLesson(store, progressStore, lesson, p.completed ? 0 : p.step, lang, (f) => notify('error', f.key, f.detail));
          return (
            <li key={lesson.id} className="lesson-list__item" data-lesson={lesson.id} data-completed={p.completed}>
              <div className="lesson-list__text">
                <span className="lesson-list__number">{t('lessons.lessonNumber', { n: i + 1 })}</span>
                <span className="lesson-list__title">{title}</span>
                <span className="lesson-list__progress">
                  {p.completed ? <span className="badge badge--alive">{t('lessons.completedBadge')}</span> : t('lessons.progress', { done, total })}
                </span>
                <progress className="lesson-list__bar" max={total} value={done} aria-hidden="true" />
              </div>
              <button type="button" className="button button--quiet button--small" onClick={open} aria-label={`${t(action)}: ${title}`}>
                {t(action)}
              </button>
            </li>
          );
        })}
      </ol>
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


