import { useEffect } from 'react';
import type { CourseIndex } from '../../lessons/lessonIndex';
import { resolveLessonLink, type PageLink } from '../../links';
import { reportLinkProblem } from '../embed/linkProblems';
import type { KafeStore, ProgressStore } from '../../store';
import { useLessonLock } from '../embed/lessonLock';
import { openLessonById } from './session';

/**
 * Opens the lesson and step a link names (#lesson=…&step=…), locking the player to `&steps=` in an
 * embed. The visitor's own canvas is kept: openLessonAt stashes it before the lesson takes the
 * canvas over (and an embed never touches their storage at all). A lesson or step that does not
 * exist is reported and nothing on the canvas changes.
 * Returns whether the lesson is being opened.
 */
export function openLinkedLesson(store: KafeStore, progress: ProgressStore, course: CourseIndex, link: PageLink): boolean {
  const notify = store.getState().notify;
  // An unreadable step (reported with the link's other problems) opens nothing rather than a guess.
  if (!link.lesson || link.problems.some((p) => p.code === 'badStep')) return false;
  const lesson = course.lessons.find((l) => l.id === link.lesson!.id);
  if (!lesson) {
    reportLinkProblem(notify, { code: 'unknownLesson', id: link.lesson.id });
    return false;
  }
  const resolved = resolveLessonLink(
    lesson.steps,
    link.lesson.step,
    link.embed ? link.steps : null,
  );
  if (!resolved.ok) {
    reportLinkProblem(notify, resolved.problem);
    return false;
  }
  const { index, first, last } = resolved.value;
  useLessonLock.getState().setLock(link.embed && link.steps ? { lessonId: lesson.id, first, last } : null);
  // A finished lesson opens at the linked step, not on its summary.
  progress.getState().update(lesson.id, (p) => ({ ...p, completed: false }));
  // The lesson's text is fetched and the step's start may replay over a few frames; a failure is
  // reported when it is known.
  void openLessonById(store, progress, lesson.id, index).then((failure) => {
    if (failure) notify('error', failure.key, failure.detail);
  });
  return true;
}

let handled = false;

/**
 * Runs `openLinkedLesson` once per page load, when the lesson panel first mounts (the course's
 * index arrives with the panel's lazy chunk), then tidies the address bar so a reload restores the
 * autosave instead of replaying the link. An embed keeps its address: it reloads from it.
 */
export function useLinkedLesson(store: KafeStore, progress: ProgressStore, course: CourseIndex, link: PageLink | undefined): void {
  useEffect(() => {
    if (handled || !link?.lesson) return;
    handled = true;
    openLinkedLesson(store, progress, course, link);
    if (!link.embed && window.location.hash) window.history.replaceState(null, '', window.location.pathname + window.location.search);
  }, [store, progress, course, link]);
}
