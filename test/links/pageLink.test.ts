import { describe, expect, it } from 'vitest';
import { embedSnippet, fullAppLink, lessonLink, parsePageLink, resolveLessonLink, scenarioLink } from '../../src/links';

const STEPS = ['open', 'produce', 'read', 'commit', 'crash'];

describe('parsePageLink', () => {
  it('reads a lesson, a step number, a language, embed and a locked range', () => {
    const link = parsePageLink('#lesson=consumer-groups&step=2&lang=th&embed=1&steps=2-4');
    expect(link).toEqual({
      lesson: { id: 'consumer-groups', step: { kind: 'number', n: 2 } },
      lang: 'th',
      embed: true,
      steps: { from: 2, to: 4 },
      scenario: false,
      problems: [],
    });
  });

  it('accepts a step id, a bare fragment and a percent-encoded value', () => {
    expect(parsePageLink('lesson=a&step=commit').lesson).toEqual({ id: 'a', step: { kind: 'id', id: 'commit' } });
    expect(parsePageLink('#lesson=a%2Db&step=1').lesson?.id).toBe('a-b');
  });

  it('is not a lesson link without lesson=, and notices a share link', () => {
    const link = parsePageLink('#c=abc&s=N4Ig+x&embed=1');
    expect(link.lesson).toBeNull();
    expect(link.scenario).toBe(true);
    expect(link.embed).toBe(true);
    expect(link.problems).toEqual([]);
  });

  it('reports malformed parts instead of guessing', () => {
    expect(parsePageLink('#lesson=a&step=0').problems).toEqual([{ code: 'badStep', value: '0' }]);
    expect(parsePageLink('#lesson=a&step=<b>').problems).toEqual([{ code: 'badStep', value: '<b>' }]);
    expect(parsePageLink('#lesson=a&steps=4-2').problems).toEqual([{ code: 'badSteps', value: '4-2' }]);
    expect(parsePageLink('#lesson=a&lang=fr').problems).toEqual([{ code: 'badLang', value: 'fr' }]);
    expect(parsePageLink('#step=2').problems).toEqual([{ code: 'stepWithoutLesson' }]);
  });

  it('embed=0 and embed=false are not embeds; a missing value is', () => {
    expect(parsePageLink('#embed=0').embed).toBe(false);
    expect(parsePageLink('#embed=false').embed).toBe(false);
    expect(parsePageLink('#embed').embed).toBe(true);
    expect(parsePageLink('').embed).toBe(false);
  });
});

describe('resolveLessonLink', () => {
  it('turns a step number (from 1) or id into an index, the whole lesson when not locked', () => {
    expect(resolveLessonLink(STEPS, { kind: 'number', n: 3 }, null)).toEqual({ ok: true, value: { index: 2, first: 0, last: 4 } });
    expect(resolveLessonLink(STEPS, { kind: 'id', id: 'commit' }, null)).toEqual({ ok: true, value: { index: 3, first: 0, last: 4 } });
    expect(resolveLessonLink(STEPS, null, null)).toEqual({ ok: true, value: { index: 0, first: 0, last: 4 } });
  });

  it('starts a locked range at its first step and refuses steps outside it', () => {
    expect(resolveLessonLink(STEPS, null, { from: 2, to: 4 })).toEqual({ ok: true, value: { index: 1, first: 1, last: 3 } });
    expect(resolveLessonLink(STEPS, { kind: 'number', n: 5 }, { from: 2, to: 4 })).toEqual({ ok: false, problem: { code: 'stepsOutOfRange', value: '5' } });
    expect(resolveLessonLink(STEPS, null, { from: 4, to: 9 })).toEqual({ ok: false, problem: { code: 'stepsOutOfRange', value: '4-9' } });
  });

  it('names a step that does not exist', () => {
    expect(resolveLessonLink(STEPS, { kind: 'number', n: 6 }, null)).toEqual({ ok: false, problem: { code: 'unknownStep', value: '6' } });
    expect(resolveLessonLink(STEPS, { kind: 'id', id: 'nope' }, null)).toEqual({ ok: false, problem: { code: 'unknownStep', value: 'nope' } });
  });
});

describe('building links', () => {
  const app = 'https://kafe.example/app/';

  it('round-trips a lesson link through the parser', () => {
    const url = lessonLink(app, { lessonId: 'consumer-groups', step: 3, lang: 'th', embed: true, steps: { from: 2, to: 4 } });
    expect(url).toBe('https://kafe.example/app/#lesson=consumer-groups&step=3&lang=th&embed=1&steps=2-4');
    const parsed = parsePageLink(url.slice(url.indexOf('#')));
    expect(parsed.lesson).toEqual({ id: 'consumer-groups', step: { kind: 'number', n: 3 } });
    expect(parsed.steps).toEqual({ from: 2, to: 4 });
  });

  it('keeps a share fragment intact and adds the embed flag', () => {
    expect(scenarioLink(app, 'c=x1&s=N4+a', { embed: true })).toBe(`${app}#c=x1&s=N4+a&embed=1`);
  });

  it('the full-app link drops embed and the locked range, and keeps everything else', () => {
    expect(fullAppLink(`${app}#lesson=a&step=2&embed=1&steps=2-3&lang=th`)).toBe(`${app}#lesson=a&step=2&lang=th`);
    expect(fullAppLink(`${app}#embed=1`)).toBe(app);
    expect(fullAppLink(app)).toBe(app);
  });

  it('the snippet is one iframe with the address and title escaped', () => {
    const html = embedSnippet(`${app}#lesson=a&step=1&embed=1`, 'Kafé: "Groups" <1>');
    expect(html).toBe(
      '<iframe src="https://kafe.example/app/#lesson=a&amp;step=1&amp;embed=1" title="Kafé: &quot;Groups&quot; &lt;1>" width="100%" height="640" style="border:0;border-radius:8px" loading="lazy" allow="clipboard-write"></iframe>',
    );
  });
});
