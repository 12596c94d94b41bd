import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { expect, test } from 'vitest';
import { LessonMarkdown } from '../../src/ui/lesson/LessonMarkdown';

/** An author's HTML comment (a lesson citing its sources, as lesson 17 does) never reaches the
 * learner, and raw HTML is not rendered as markup either. */
test('HTML comments and raw HTML in a lesson are skipped, the prose around them kept', () => {
  const html = renderToStaticMarkup(
    createElement(LessonMarkdown, { text: '<!-- Source: https://example.org/saga -->\n\nA **saga** is a pattern.\n\n<b onclick="x()">raw</b> text' }),
  );
  expect(html).toContain('<strong>saga</strong>');
  expect(html).not.toContain('Source:');
  expect(html).not.toContain('&lt;!--');
  expect(html).not.toContain('onclick');
  expect(html).toContain('text');
});
