import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { expect, test } from 'vitest';
import { createI18n, registerArea } from '../../src/i18n';
import { LESSON_STRINGS } from '../../src/ui/lesson/strings';
import { PredictBox } from '../../src/ui/lesson/PredictBox';

/** Predict questions and choices are written in the lessons' Markdown: `code` shows as code, not backticks. */
const predict = { question: 'Checkout uses `acks=all`. What happens to its **writes**?', choices: ['They fail', 'They pause, then `Broker 1` leads'] };
function i18n() {
  const instance = createI18n('en');
  registerArea(instance, LESSON_STRINGS);
  return instance;
}
const render = (chosen: number | undefined, revealed: boolean) =>
  renderToStaticMarkup(
    createElement(I18nextProvider, { i18n: i18n() }, createElement(PredictBox, { predict, answer: 1, chosen, revealed, onChoose: () => {} })),
  );

test('a question and its choices render their inline Markdown, never raw marks', () => {
  const html = render(undefined, false);
  expect(html).toContain('<code>acks=all</code>');
  expect(html).toContain('<strong>writes</strong>');
  expect(html).toContain('<code>Broker 1</code>');
  expect(html).not.toMatch(/`|\*\*/);
  expect(html).not.toContain('<p>Checkout');
});

test('the verdict quotes the right choice without Markdown marks', () => {
  const html = render(0, true);
  expect(html).toContain('Broker 1 leads');
  expect(html).not.toContain('`');
});
