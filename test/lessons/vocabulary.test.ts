import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { en } from '../../src/i18n/en';
import { th } from '../../src/i18n/th';
import { lessonFiles, ROOT } from './course';

/**
 * One vocabulary across the course (lessons/glossary.yaml): lessons name the interface with the
 * words that interface shows in their language, and Thai lessons use one word per idea.
 */
interface Glossary {
  ui: string[];
  terms: { en: string; th: string; notTh?: string[]; requiredIn?: string[] }[];
}
const glossary = parse(readFileSync(path.join(ROOT, 'lessons/glossary.yaml'), 'utf8')) as Glossary;
const strings = { en: en as Record<string, string>, th: th as Record<string, string> };
const files = lessonFiles();
const english = Object.entries(files).filter(([p]) => !p.startsWith('lessons/th/'));
const thaiOf = (p: string) => files[p.replace('lessons/', 'lessons/th/')];
/** Text outside fenced and inline code, where labels are named. */
const prose = (text: string) => text.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
const names = (text: string, label: string) => prose(text).includes(`**${label}**`) || prose(text).includes(`"${label}"`);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A phrase names a label when it is the label, the label before its ": {{n}}" or " (hint)"
 * part, or the label with its placeholders filled in. */
function isLabel(phrase: string, lang: 'en' | 'th'): boolean {
  return Object.values(strings[lang]).some((label) => {
    if (label === phrase || label.startsWith(`${phrase}:`) || label.startsWith(`${phrase} (`)) return true;
    if (!label.includes('{{')) return false;
    if (label.replace(/\{\{\w+\}\}/g, '').trim().length < 2) return false; // "{{name}}" alone names nothing
    const pattern = label.split(/\{\{\w+\}\}/).map(escape).join('.+');
    return new RegExp(`^${pattern}$`).test(phrase);
  });
}

describe('the course vocabulary', () => {
  it('lists only interface labels that exist in both languages', () => {
    for (const key of glossary.ui) {
      expect(strings.en[key], `${key} in English`).toBeTypeOf('string');
      expect(strings.th[key], `${key} in Thai`).toBeTypeOf('string');
    }
  });

  it('names each interface label in the Thai lesson with the Thai interface word, never the English one', () => {
    const problems: string[] = [];
    for (const [file, text] of english) {
      const thai = thaiOf(file);
      if (!thai) continue;
      for (const key of glossary.ui) {
        const [enLabel, thLabel] = [strings.en[key], strings.th[key]];
        if (!names(text, enLabel)) continue;
        if (!prose(thai).includes(thLabel)) problems.push(`${file} names "${enLabel}"; its Thai translation never says "${thLabel}"`);
        if (thLabel !== enLabel && names(thai, enLabel)) problems.push(`th/${path.basename(file)} names the English "${enLabel}"; the Thai interface says "${thLabel}"`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('quotes in hints are labels the interface shows in that language', () => {
    const problems: string[] = [];
    for (const [file, text] of Object.entries(files)) {
      const lang = file.startsWith('lessons/th/') ? 'th' : 'en';
      for (const section of text.split(/^### Hint\n/m).slice(1)) {
        const hint = prose(section.split(/^##/m)[0]);
        for (const m of hint.matchAll(/"([^"\n]+)"/g)) if (!isLabel(m[1], lang)) problems.push(`${file}: "${m[1]}" is not a label of the ${lang} interface`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('uses one Thai word per idea', () => {
    const problems: string[] = [];
    for (const [file, text] of Object.entries(files).filter(([p]) => p.startsWith('lessons/th/'))) {
      const body = prose(text);
      for (const term of glossary.terms) {
        for (const word of term.notTh ?? []) if (body.includes(word)) problems.push(`${file} says "${word.trim()}" for ${term.en}; the course says "${term.th}"`);
        if (term.requiredIn?.some((id) => text.includes(`id: ${id}\n`)) && !body.includes(term.th)) problems.push(`${file} should say "${term.th}" for ${term.en}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('would catch an English button in a Thai lesson', () => {
    const thLabel = strings.th['inspector.service.takeDown'];
    expect(thLabel).not.toBe('Take down');
    expect(names('กด **Take down** แล้วรอ', 'Take down')).toBe(true);
    expect(isLabel('Take down', 'th')).toBe(false);
    expect(isLabel(thLabel, 'th')).toBe(true);
    expect(isLabel('Owns orders …', 'en')).toBe(true);
  });
});
