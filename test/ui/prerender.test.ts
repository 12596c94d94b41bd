import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { takeEarlyClicks } from '../../src/prerender/earlyClicks';
import { FIRST_SCREEN_ATTR, FIRST_SCREEN_RULES, firstScreenHead, isPrerenderedVisit } from '../../src/prerender/firstVisit';
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

/** A page as the head's script sees it: an address, storage, <html>'s attributes and click events. */
function fakePage(options: Parameters<typeof fakeWindow>[0] = {}) {
  const attributes = new Map<string, string>();
  const document = Object.assign(new EventTarget(), { documentElement: { setAttribute: (name: string, value: string) => attributes.set(name, value) } });
  const win = Object.assign(fakeWindow(options), { document });
  /** A click on an element whose nearest button (closest) is `button` (null: none). */
  const click = (button: object | null) => {
    const event = new Event('click');
    Object.defineProperty(event, 'target', { value: { closest: () => button } });
    document.dispatchEvent(event);
  };
  // The script as the page's head runs it: no module, no outer name.
  const script = /<script>([\s\S]*)<\/script>/.exec(firstScreenHead())![1];
  new Function('window', 'document', script)(win, document);
  return { win, attributes, click };
}

describe("the page head's script", () => {
  test('on a first visit, marks the page prerendered and notes each button pressed, once, until the app takes them', () => {
    const { win, attributes, click } = fakePage();
    expect(attributes.get(FIRST_SCREEN_ATTR)).toBe('prerendered');
    const start = { name: 'Start' };
    const lessons = { name: 'Lessons' };
    click(start);
    click(null); // not on a button: nothing to press again
    click(start); // pressed again because nothing happened: once is meant
    click(lessons);
    expect(takeEarlyClicks(win)).toEqual([start, lessons]);
    // Taken: the app listens from now on, and nothing more is noted.
    click(start);
    expect(takeEarlyClicks(win)).toEqual([]);
  });

  test('on any other visit, marks it fresh and notes nothing', () => {
    const { win, attributes, click } = fakePage({ stored: { 'kafe.lang': 'th' } });
    expect(attributes.get(FIRST_SCREEN_ATTR)).toBe('fresh');
    click({ name: 'Start' });
    expect(takeEarlyClicks(win)).toEqual([]);
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
