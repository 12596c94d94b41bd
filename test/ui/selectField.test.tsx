import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { expect, test } from 'vitest';
import { SelectField } from '../../src/ui/common/SelectField';

const options = [
  { value: 'BACKWARD', label: 'BACKWARD' },
  { value: 'NONE', label: 'NONE' },
];
const render = (props: Partial<Parameters<typeof SelectField>[0]> = {}) =>
  renderToStaticMarkup(createElement(SelectField, { label: 'Compatibility', value: 'NONE', options, onChange: () => {}, ...props }));
const attr = (html: string, tag: string, name: string) => new RegExp(`<${tag}[^>]*\\s${name}="([^"]*)"`).exec(html)?.[1];

test('the label names the select, and the hint describes it', () => {
  const html = render({ name: 'compatibility', hint: 'Checked on every registration' });
  const selectId = attr(html, 'select', 'id');
  expect(selectId).toBeTruthy();
  expect(attr(html, 'label', 'for')).toBe(selectId);
  expect(attr(html, 'select', 'aria-describedby')).toBe(attr(html, 'p', 'id'));
  expect(html).toContain('Checked on every registration');
  expect(attr(html, 'div', 'data-field')).toBe('compatibility');
  expect(attr(html, 'select', 'name')).toBe('compatibility');
});

test('every option is listed in order and the value is selected', () => {
  const html = render();
  expect([...html.matchAll(/<option value="([^"]*)"/g)].map((m) => m[1])).toEqual(['BACKWARD', 'NONE']);
  expect(html).toMatch(/<option value="NONE" selected="">/);
});

test('without a hint nothing points at a missing description', () => {
  const html = render();
  expect(html).not.toContain('aria-describedby');
  expect(html).not.toContain('field__hint');
});

test('children sit between the select and the hint', () => {
  const html = render({ hint: 'hint text', children: createElement('code', null, 'record Order') });
  expect(html.indexOf('</select>')).toBeLessThan(html.indexOf('record Order'));
  expect(html.indexOf('record Order')).toBeLessThan(html.indexOf('hint text'));
});
