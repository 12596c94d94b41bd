import { useEffect } from 'react';
import { formatProblem } from '../../lessons';
import { useStringArea, useT } from '../../i18n';
import { LESSON_STRINGS } from './strings';
import type { PageLink } from '../../links';
import { useKafe, useKafeStoreApi, useProgress, useProgressStoreApi } from '../../store';
import type { AppLink } from './LessonMarkdown';
import { LessonList } from './LessonList';
import { LessonPlayer } from './LessonPlayer';
import { bundledCourse } from './course';
import { useLinkedLesson } from './deepLink';
import './lesson.css';

interface Props {
  onAppLink: (link: AppLink) => void;
  /** The address's #lesson=…&step=… link, opened once when the panel first mounts. */
  link?: PageLink;
}

/**
 * The guided lessons beside the canvas: the course list, or the lesson being followed. Loaded
 * lazily (it brings the lesson files, YAML and Markdown parsing with it).
 */
export function LessonPanel({ onAppLink, link }: Props) {
  useStringArea(LESSON_STRINGS);
  const { t } = useT();
  const course = bundledCourse();
  useLinkedLesson(useKafeStoreApi(), useProgressStoreApi(), course, link);
  const current = useProgress((s) => s.progress.current);
  const problem = useProgress((s) => s.problem);
  const notify = useKafe((s) => s.notify);
  useEffect(() => {
    if (problem) notify('error', 'lessons.progressUnreadable', problem.error, { reason: problem.reason });
  }, [problem, notify]);

  const lesson = course.lessons.find((l) => l.id === current);
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
      {lesson ? <LessonPlayer key={lesson.id} lesson={lesson} course={course} onAppLink={onAppLink} /> : <LessonList course={course} />}
    </section>
  );
}
