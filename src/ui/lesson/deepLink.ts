import { useEffect } from 'react';
import type { Course } from '../../lessons';
import { resolveLessonLink, type PageLink } from '../../links';
import { linkProblemNotice } from '../embed/linkProblems';
import type { KafeStore } from '../../store';
import { useLessonLock } from '../embed/lessonLock';
import { useProgress } from './progressStore';
import { openLessonAt } from './session';

/**
 * Opens the lesson and step a link names (#lesson=…&step=…), locking the player to `&steps=` in an
 * embed. The visitor's own canvas is kept: openLessonAt stashes it before the lesson takes the
 * canvas over (and an embed never touches their storage at all). A lesson or step that does not
 * exist is reported and nothing on the canvas changes.
 * Returns whether the lesson is being opened.
 */
export function openLinkedLesson(store: KafeStore, course: Course, link: PageLink): boolean {
  const notify = store.getState().notify;
  // An unreadable step (reported with the link's other problems) opens nothing rather than a guess.
  if (!link.lesson || link.problems.some((p) => p.code === 'badStep')) return false;
  const lesson = course.lessons.find((l) => l.id === link.lesson!.id);
  if (!lesson) {
    const n = linkProblemNotice({ code: 'unknownLesson', id: link.lesson.id });
    notify('error', n.key, n.detail);
    return false;
  }
  const resolved = resolveLessonLink(
    lesson.meta.steps.map((s) => s.id),
    link.lesson.step,
    link.embed ? link.steps : null,
  );
  if (!resolved.ok) {
    const n = linkProblemNotice(resolved.problem);
    notify('error', n.key, n.detail);
    return false;
  }
  const { index, first, last } = resolved.value;
  useLessonLock.getState().setLock(link.embed && link.steps ? { lessonId: lesson.id, first, last } : null);
  // A finished lesson opens at the linked step, not on its summary.
  useProgress.getState().update(lesson.id, (p) => ({ ...p, completed: false }));
  // The step's start may replay over a few frames; a failure is reported when it is known.
  void openLessonAt(store, lesson, index).then((error) => {
    if (error) notify('error', 'lessons.failedAction', error);
  });
  return true;
}

let handled = false;

/**
 * Runs `openLinkedLesson` once per page load, when the lesson panel first mounts (the course
 * arrives with the panel's lazy chunk), then tidies the address bar so a reload restores the
 * autosave instead of replaying the link. An embed keeps its address: it reloads from it.
 */
export function useLinkedLesson(store: KafeStore, course: Course, link: PageLink | undefined): void {
  useEffect(() => {
    if (handled || !link?.lesson) return;
    handled = true;
    openLinkedLesson(store, course, link);
    if (!link.embed && window.location.hash) window.history.replaceState(null, '', window.location.pathname + window.location.search);
  }, [store, course, link]);
}
