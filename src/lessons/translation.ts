import { murmur2 } from '../engine';
import type { LessonText, StepText } from './parse';

/**
 * Translations are checked section by section. Each translated file records, per section, a
 * short hash of the English text it was translated from (`translated:` in its frontmatter). When
 * the English changes, the hash no longer matches and the section is reported as stale.
 *
 * Sections: `title`, `intro`, every step id, `summary`.
 */
export type Sections = Record<string, string>;

/** 8 hex digits of Kafka's murmur2 over the UTF-8 text: short, stable, good enough to spot edits. */
export function sectionHash(text: string): string {
  return (murmur2(new TextEncoder().encode(text)) >>> 0).toString(16).padStart(8, '0');
}

const stepSource = (s: StepText) =>
  [s.body, s.hint ?? '', s.predict ? [s.predict.question, ...s.predict.choices].join('\n') : '', s.explanation ?? ''].join('\n\u0000\n');

/** The English text of every section, as hashed. */
export function sectionsOf(title: string, text: LessonText): Sections {
  const out: Sections = { title, intro: text.intro };
  for (const [id, step] of Object.entries(text.steps)) out[id] = stepSource(step);
  out.summary = text.summary;
  return out;
}

/** Expected `translated:` block for a translation of this English text (what a translator pastes). */
export function expectedHashes(title: string, text: LessonText): Record<string, string> {
  return Object.fromEntries(Object.entries(sectionsOf(title, text)).map(([k, v]) => [k, sectionHash(v)]));
}

export interface TranslationGap {
  lesson: string;
  section: string;
  kind: 'missing' | 'stale' | 'extra' | 'choices';
}

/**
 * What a translation lacks compared with the English lesson: sections missing, stale (English
 * changed since), extra (no longer in the English), or a prediction with a different number of
 * choices (the right answer is an index, so the lists must line up).
 */
export function translationGaps(
  lesson: string,
  english: { title: string; text: LessonText },
  translation: { title: string; text: LessonText; translated: Record<string, string> } | undefined,
): TranslationGap[] {
  if (!translation) return [{ lesson, section: '*', kind: 'missing' }];
  const gaps: TranslationGap[] = [];
  const theirs = sectionsOf(translation.title, translation.text);
  // A section empty in English (e.g. no intro) needs nothing; the title is always present.
  for (const [section, text] of Object.entries(sectionsOf(english.title, english.text))) {
    if (text.trim() === '') continue;
    if (section !== 'title' && !theirs[section]?.trim()) gaps.push({ lesson, section, kind: 'missing' });
    else if (translation.translated[section] !== sectionHash(text)) gaps.push({ lesson, section, kind: 'stale' });
  }
  for (const section of Object.keys(translation.text.steps)) if (!english.text.steps[section]) gaps.push({ lesson, section, kind: 'extra' });
  for (const [id, step] of Object.entries(english.text.steps)) {
    const theirs = translation.text.steps[id]?.predict;
    if (step.predict && theirs && theirs.choices.length !== step.predict.choices.length) gaps.push({ lesson, section: id, kind: 'choices' });
  }
  return gaps;
}

/** The text to show: each section from the translation when it has one, else the English. */
export function mergeText(english: LessonText, translation: LessonText | undefined): LessonText {
  if (!translation) return english;
  const steps: Record<string, StepText> = {};
  for (const [id, step] of Object.entries(english.steps)) {
    const t = translation.steps[id];
    steps[id] = t ? { ...t, predict: t.predict && step.predict && t.predict.choices.length === step.predict.choices.length ? t.predict : step.predict } : step;
  }
  return { intro: translation.intro || english.intro, steps, summary: translation.summary || english.summary };
}
