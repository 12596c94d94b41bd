import { createElement, Suspense } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { expect, test } from 'vitest';
import { preloadableLazy } from '../../src/ui/common/preloadableLazy';

/**
 * preloadableLazy (App's course panel): a chunk fetched before the first render is drawn by that
 * render itself, not after a Suspense fallback; one that is not is waited for as with React.lazy.
 */
const Panel = ({ name }: { name: string }) => createElement('p', null, `panel ${name}`);
const inSuspense = (node: ReturnType<typeof createElement>) => renderToStaticMarkup(createElement(Suspense, { fallback: createElement('i', null, 'loading') }, node));

test('a preloaded panel renders at once, without its fallback', async () => {
  const lazyPanel = preloadableLazy(() => Promise.resolve(Panel));
  await lazyPanel.preload();
  expect(inSuspense(createElement(lazyPanel.Component, { name: 'course' }))).toBe('<p>panel course</p>');
});

test('a panel not preloaded shows its fallback first, as React.lazy does', () => {
  const lazyPanel = preloadableLazy(() => Promise.resolve(Panel));
  expect(inSuspense(createElement(lazyPanel.Component, { name: 'course' }))).toBe('<i>loading</i>');
});

test('a failed preload rejects, and the next one fetches again', async () => {
  let calls = 0;
  const lazyPanel = preloadableLazy(() => (++calls === 1 ? Promise.reject(new Error('offline')) : Promise.resolve(Panel)));
  await expect(lazyPanel.preload()).rejects.toThrow('offline');
  await lazyPanel.preload();
  expect(calls).toBe(2);
  expect(inSuspense(createElement(lazyPanel.Component, { name: 'course' }))).toBe('<p>panel course</p>');
});
