/**
 * Clicks on the prerendered first screen before the app has hydrated it. The page is painted from
 * its HTML seconds before its script runs on a slow device, and a button pressed then would do
 * nothing (React is not listening yet): a learner who pressed a lesson's Start would be left
 * wondering. So the page's head notes those clicks, and main.tsx, once hydrating, presses the same
 * buttons again.
 *
 * Only buttons and tabs are noted: a link or a form field does what it does in the browser
 * before any script, and a second go would do it twice. A button pressed twice counts once (a
 * learner pressing again because nothing happened wants it done once).
 */

/** The property of `window` that holds the clicks noted so far. */
export const EARLY_CLICKS_PROPERTY = '__kafeEarlyClicks';

/** What the head's script leaves under `window[EARLY_CLICKS_PROPERTY]`: the buttons pressed, and the
 * listener itself (an EventListener object, so that it can be removed by reference). */
interface EarlyClicks extends EventListenerObject {
  pressed: Element[];
}

/**
 * Starts noting clicks on buttons and tabs in `win`'s document under `win[key]`. Runs in the
 * page's head as an inline script made from this function's source (firstVisit.ts): it must stay
 * self-contained (no imports, no outer names), and it declares no inner function of its own (a
 * bundler that keeps function names would wrap one in a helper the page does not have).
 */
export function noteEarlyClicks(win: Window, key: string): void {
  const noted: EarlyClicks = {
    pressed: [],
    handleEvent(event: Event) {
      const target = event.target as Element | null;
      const button = target && typeof target.closest === 'function' ? target.closest('button, [role="tab"], [role="button"]') : null;
      if (button && this.pressed.indexOf(button) < 0) this.pressed.push(button);
    },
  };
  win.document.addEventListener('click', noted, true);
  (win as unknown as Record<string, unknown>)[key] = noted;
}

/** Stops noting clicks and returns the buttons pressed so far, in order (none if nothing was
 * noting, as on a visit drawn from scratch). Call it just before React starts listening, so that
 * no click is both noted and handled. */
export function takeEarlyClicks(win: Window, key = EARLY_CLICKS_PROPERTY): Element[] {
  const noted = (win as unknown as Record<string, EarlyClicks | undefined>)[key];
  if (!noted) return [];
  win.document.removeEventListener('click', noted, true);
  delete (win as unknown as Record<string, unknown>)[key];
  return noted.pressed;
}

/**
 * Presses the buttons again, in order, once `ready` has settled: React then handles a click on a
 * part it has not hydrated yet by hydrating that part at once, provided the code it needs is
 * there (a lazily loaded panel's chunk is what `ready` waits for). A button the page no longer
 * shows (an earlier press closed its panel) is skipped.
 */
export async function replayEarlyClicks(pressed: readonly Element[], ready: Promise<unknown>): Promise<void> {
  if (pressed.length === 0) return;
  await ready.catch(() => undefined);
  for (const button of pressed) if (button.isConnected && button instanceof HTMLElement) button.click();
}
