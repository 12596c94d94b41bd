import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { FIRST_SCREEN_RULES, isPrerenderedVisit } from '../../src/prerender/firstVisit';
import { renderFirstScreen } from '../../src/prerender/firstScreen';

/** A window as isPrerenderedVisit reads it: the address's hash and localStorage. */
function fakeWindow({ hash = '', stored = {} as Record<string, string>, storageBlocked = false } = {}): Window {
  const keys = Object.keys(stored);
  return {
    location: { hash },
    get localStorage() {
      if (storageBlocked) throw new DOMException('blocked', 'SecurityError');
      return { length: keys.length, key: (i: number) => keys[i] ?? null };
    },
  } as unknown as Window;
}

describe('which visits see the prerendered first screen', () => {
  test('a first visit does, a bare "#" or another site\'s storage keys notwithstanding', () => {
    expect(isPrerenderedVisit(fakeWindow(), FIRST_SCREEN_RULES)).toBe(true);
    expect(isPrerenderedVisit(fakeWindow({ hash: '#' }), FIRST_SCREEN_RULES)).toBe(true);
    expect(isPrerenderedVisit(fakeWindow({ stored: { theme: 'dark' } }), FIRST_SCREEN_RULES)).toBe(true);
  });

  test('a link, anything of Kafé in storage or blocked storage does not', () => {
    expect(isPrerenderedVisit(fakeWindow({ hash: '#lesson=kafka-post-office' }), FIRST_SCREEN_RULES)).toBe(false);
    expect(isPrerenderedVisit(fakeWindow({ hash: '#s=abc' }), FIRST_SCREEN_RULES)).toBe(false);
    expect(isPrerenderedVisit(fakeWindow({ stored: { 'kafe.lang': 'en' } }), FIRST_SCREEN_RULES)).toBe(false);
    expect(isPrerenderedVisit(fakeWindow({ stored: { other: '1', 'kafe.scenario': '{}' } }), FIRST_SCREEN_RULES)).toBe(false);
    expect(isPrerenderedVisit(fakeWindow({ storageBlocked: true }), FIRST_SCREEN_RULES)).toBe(false);
  });

  test('its source runs on its own, as the inline script the build makes from it', () => {
    // The page's head runs `(source)(window, rules)`: no import or outer name may be used inside.
    const run = new Function('win', 'rules', `return (${isPrerenderedVisit.toString()})(win, rules);`) as typeof isPrerenderedVisit;
    expect(run(fakeWindow(), FIRST_SCREEN_RULES)).toBe(true);
    expect(run(fakeWindow({ stored: { 'kafe.lessons.progress': '{}' } }), FIRST_SCREEN_RULES)).toBe(false);
  });

  test("every key the app keeps in storage starts with the prefix the rule looks for", () => {
    const root = path.resolve(__dirname, '../../src');
    const keys: string[] = [];
    for (const file of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
      if (!/\.tsx?$/.test(file)) continue;
      for (const m of readFileSync(path.join(root, file), 'utf8').matchAll(/const \w+_KEY = '([^']+)'/g)) keys.push(m[1]);
    }
    expect(keys).toContain('kafe.scenario');
    expect(keys).toContain('kafe.lang');
    for (const key of keys) expect(key.startsWith(FIRST_SCREEN_RULES.storagePrefix), key).toBe(true);
  });
});

describe('the prerendered first screen', () => {
  test('holds the panels themselves, in place, and a canvas still to be drawn', async () => {
    const html = await renderFirstScreen();
    expect(html.startsWith('<div class="app">')).toBe(true);
    // The course, the palette, the inspector and the time controls, drawn rather than waited for.
    expect(html).toContain('data-testid="lesson-panel"');
    expect(html).toContain('Kafka is a digital post office');
    expect(html).toContain('Add to the canvas');
    expect(html).toContain('class="time-controls"');
    expect(html).not.toContain('lesson-loading');
    // No streaming leftovers: boundaries out of order, with scripts to put them back.
    expect(html).not.toMatch(/<template|<script|\$RC/);
    // The canvas mounts React Flow once it knows its pane's size, in the browser; until then it
    // says what it is about to show.
    expect(html).toMatch(/data-testid="kafe-canvas"><p class="kafe-canvas__drawing">Drawing the event flow…<\/p><\/div>/);
    expect(html).not.toContain('react-flow');
  });
});
