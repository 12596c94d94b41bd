import { useEffect, useRef, useState } from 'react';
import { entryTitle, goalContext, goalHolds, goalParts, lessonIn, type Lesson, type LessonEntry, type MapLabel } from '../../lessons';
import { useT } from '../../i18n';
import { lessonProgressOf, useKafeStoreApi, useProgress, useProgressStoreApi } from '../../store';
import { allowedSteps, useLessonLock } from '../embed/lessonLock';
import { EMBEDDED } from '../embed/pageMode';
import { CopyStepLink } from './CopyStepLink';
import { LessonMarkdown, type AppLink } from './LessonMarkdown';
import { PredictBox } from './PredictBox';
import { openLessonAt, requestLesson } from './session';
import { replaceWithConsent } from '../common/replaceGuard';
import { showSolution } from './showMe';
import { describeGoal } from './goalText';
import { namesInStep, requestFocus } from '../canvas/focus';
import { useGoalWatch } from './useGoalWatch';
import { labelText } from './LessonList';

interface Props {
  lesson: Lesson;
  /** Its place on the level map: "Lesson n" or "Challenge n". */
  label: MapLabel;
  /** The lesson after this one in the course, if any. */
  next: LessonEntry | undefined;
  onAppLink: (link: AppLink) => void;
}

/**
 * One lesson, step by step. A step's goal is watched on the live simulation; once reached it is
 * remembered (progress), its explanation shown and Next highlighted. "Show me" plays the
 * reference solution on the canvas; "Reset step" puts the canvas back to the step's start.
 */
export function LessonPlayer({ lesson, label, next, onAppLink }: Props) {
  const { t, lang } = useT();
  const store = useKafeStoreApi();
  const progressStore = useProgressStoreApi();
  const progress = useProgress((s) => lessonProgressOf(s.progress, lesson.id));
  const update = useProgress((s) => s.update);
  const openList = useProgress((s) => s.open);
  const { title, text } = lessonIn(lesson, lang);
  const steps = lesson.meta.steps;
  // An embed may lock the player to a range of steps (&steps=2-4).
  const { first, last } = allowedSteps(useLessonLock((s) => s.lock), lesson.id, steps.length);
  const index = Math.min(Math.max(progress.step, first), last);
  const step = steps[index];
  const stepText = text.steps[step.id];
  const goal = useGoalWatch(progress.completed ? null : step.goal);
  const reached = goal.reached;
  const done = progress.done.includes(step.id);
  const [hint, setHint] = useState(false);
  const [checked, setChecked] = useState<'no' | null>(null);
  const [showing, setShowing] = useState<AbortController | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  // Latch: once the goal holds, the step stays done even if the simulation moves on.
  useEffect(() => {
    if (reached && !done) update(lesson.id, (p) => ({ ...p, done: [...p.done, step.id] }));
  }, [reached, done, lesson.id, step.id, update]);

  // Opening a lesson shows it from the top (title, intro); moving between steps puts keyboard
  // focus (and the view) on the new step's heading.
  const rootRef = useRef<HTMLDivElement>(null);
  const opened = useRef(false);
  useEffect(() => {
    setHint(false);
    setChecked(null);
    if (opened.current) headingRef.current?.focus();
    else rootRef.current?.scrollIntoView({ block: 'start' });
    opened.current = true;
    // The canvas shows the nodes the step names (panning, at a readable zoom).
    requestFocus(namesInStep([step.goal, step.solution], stepText.body));
  }, [index, progress.completed]);

  useEffect(() => () => showing?.abort(), [showing]);

  const go = (next: number) => {
    showing?.abort();
    update(lesson.id, (p) => ({ ...p, step: next }));
  };
  const fail = (error: string | null) => error && store.getState().notify('error', 'lessons.failedAction', error);
  // "Show me" and opening a lesson replace the canvas: each asks first if that would lose unsaved
  // work (replaceGuard.ts). "Reset step" does not: putting the step back is what it says it does.
  const resetStep = () => {
    showing?.abort();
    void openLessonAt(store, progressStore, lesson, index).then(fail);
  };
  const showMe = () => {
    if (showing) {
      showing.abort();
      return;
    }
    replaceWithConsent(store, 'showMe', title, () => {
      const controller = new AbortController();
      setShowing(controller);
      void showSolution(store, lesson, index, controller.signal).then((error) => {
        setShowing((c) => (c === controller ? null : c));
        fail(error);
      });
    });
  };
  // Checked where the canvas is going: a replay under way (an edit, a jump) finishes first.
  const check = () => void store.getState().settled().then(() => setChecked(goalHolds(step.goal, goalContext(store)) ? null : 'no'));
  const finish = () => {
    update(lesson.id, (p) => ({ ...p, completed: true }));
    // A finished lesson's canvas has served its purpose (progress keeps what was learned), so
    // moving on to the next lesson does not ask about it.
    store.getState().markKept();
  };

  if (progress.completed) {
    return (
      <div className="lesson" data-testid="lesson-complete" ref={rootRef}>
        <button type="button" className="lesson__back" onClick={() => openList(null)}>
          ← {t('lessons.backToList')}
        </button>
        <h2 className="lesson__title" tabIndex={-1} ref={headingRef}>
          {t('lessons.complete.title')}: {title}
        </h2>
        <h3 className="lesson__subtitle">{t('lessons.complete.learned')}</h3>
        <LessonMarkdown text={text.summary} onAppLink={onAppLink} />
        <div className="lesson__actions">
          {next ? (
            <button type="button" className="button" onClick={() => requestLesson(store, progressStore, next, lessonProgressOf(progressStore.getState().progress, next.id).step, lang, (f) => store.getState().notify('error', f.key, f.detail))}>
              {t('lessons.complete.next', { title: entryTitle(next, lang) })}
            </button>
          ) : (
            <p>{t('lessons.complete.last')}</p>
          )}
          <button
            type="button"
            className="button button--quiet"
            onClick={() =>
              replaceWithConsent(store, 'lesson', title, () => {
                update(lesson.id, (p) => ({ ...p, step: 0, completed: false }));
                void openLessonAt(store, progressStore, lesson, 0).then(fail);
              })
            }
          >
            {t('lessons.complete.again')}
          </button>
        </div>
      </div>
    );
  }

  return (
    <div className="lesson" data-testid="lesson" data-lesson={lesson.id} data-step={step.id} data-reached={done} ref={rootRef}>
      {!EMBEDDED && (
        <div className="lesson__top">
          <button type="button" className="lesson__back" onClick={() => openList(null)}>
            ← {t('lessons.backToList')}
          </button>
          <CopyStepLink lessonId={lesson.id} step={index + 1} />
        </div>
      )}
      <p className="lesson__kicker">{labelText(label, t)}</p>
      <h2 className="lesson__title">{title}</h2>
      <ol className="lesson__dots" aria-label={t('lessons.stepOf', { n: index + 1, total: steps.length })}>
        {steps.map((s, i) => (
          <li key={s.id} className="lesson__dot" data-current={i === index} data-done={progress.done.includes(s.id)}>
            <button type="button" onClick={() => go(i)} disabled={i < first || i > last} aria-label={t('lessons.stepOf', { n: i + 1, total: steps.length })} aria-current={i === index ? 'step' : undefined} />
          </li>
        ))}
      </ol>
      {lesson.meta.challenge && <p className="lesson__challenge-note">{t('lessons.challengeNote')}</p>}
      {index === 0 && text.intro && <LessonMarkdown text={text.intro} onAppLink={onAppLink} />}
      <h3 className="lesson__step-heading" tabIndex={-1} ref={headingRef}>
        {t('lessons.stepOf', { n: index + 1, total: steps.length })}
      </h3>
      <LessonMarkdown text={stepText.body} onAppLink={onAppLink} />

      {stepText.predict && step.predict !== undefined && (
        <PredictBox
          key={step.id}
          predict={stepText.predict}
          answer={step.predict}
          chosen={progress.predictions[step.id]}
          revealed={done}
          onChoose={(choice) => update(lesson.id, (p) => ({ ...p, predictions: { ...p.predictions, [step.id]: choice } }))}
        />
      )}

      <p className={`lesson__goal lesson__goal--${done ? 'reached' : 'pending'}`} role="status" data-testid="lesson-goal">
        {done ? `✓ ${t('lessons.goal.reached')}` : checked === 'no' ? t('lessons.goal.notYet') : t('lessons.goal.pending')}
      </p>
      {!done && goal.parts.length > 1 && (
        <ul className="lesson__checklist" aria-label={t('lessons.goal.checklist')} data-testid="lesson-checklist">
          {goalParts(step.goal).map((part, i) => (
            <li key={i} className="lesson__check" data-met={goal.parts[i] ?? false}>
              <span className="lesson__check-mark" aria-hidden="true">
                {goal.parts[i] ? '✓' : '○'}
              </span>
              <span className="visually-hidden">{t(goal.parts[i] ? 'lessons.goal.partMet' : 'lessons.goal.partNotMet')}</span>
              {describeGoal(part, t)}
            </li>
          ))}
        </ul>
      )}

      {done && stepText.explanation && (
        <div className="lesson__explanation">
          <h4>{t('lessons.explanation')}</h4>
          <LessonMarkdown text={stepText.explanation} onAppLink={onAppLink} />
        </div>
      )}

      {stepText.hint && (
        <div className="lesson__hint">
          <button type="button" className="button button--quiet button--small" aria-expanded={hint} onClick={() => setHint(!hint)}>
            {t(hint ? 'lessons.hint.hide' : 'lessons.hint.show')}
          </button>
          {hint && <LessonMarkdown text={stepText.hint} onAppLink={onAppLink} />}
        </div>
      )}

      <div className="lesson__actions">
        <button type="button" className="button button--quiet button--small" onClick={check} disabled={done}>
          {t('lessons.check')}
        </button>
        <button type="button" className="button button--quiet button--small" onClick={showMe} data-testid="lesson-show-me">
          {showing ? t('lessons.showMe.stop') : t('lessons.showMe')}
        </button>
        <button type="button" className="button button--quiet button--small" onClick={resetStep}>
          {t('lessons.resetStep')}
        </button>
      </div>
      <div className="lesson__nav">
        <button type="button" className="button button--quiet" onClick={() => go(index - 1)} disabled={index === first}>
          {t('lessons.previous')}
        </button>
        {index < last ? (
          <button type="button" className={`button${done ? '' : ' button--quiet'}`} onClick={() => go(index + 1)}>
            {t('lessons.next')}
          </button>
        ) : last < steps.length - 1 ? (
          <p className="lesson__locked" data-testid="lesson-locked-end">
            {t('embed.lockedEnd')}
          </p>
        ) : (
          <button type="button" className="button" onClick={finish} disabled={!steps.every((s) => progress.done.includes(s.id))}>
            {t('lessons.finish')}
          </button>
        )}
      </div>
      {showing && (
        <p className="lesson__showing" role="status">
          {t('lessons.showMe.running')}
        </p>
      )}
    </div>
  );
}
