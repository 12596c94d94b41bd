import { expect, test } from 'vitest';
import { textWidth } from '../../src/ui/canvas/nodes/textWidth';

test('textWidth measures a text once per font, and tells fonts apart', () => {
  const measured: string[] = [];
  const ctx = { measureText: (text: string) => (measured.push(text), { width: text.length * 5 }) } as unknown as CanvasRenderingContext2D;
  expect(textWidth(ctx, '400 11px a', 'ISR 3/3')).toBe(35);
  expect(textWidth(ctx, '400 11px a', 'ISR 3/3')).toBe(35);
  expect(measured).toEqual(['ISR 3/3']);
  expect(textWidth(ctx, '700 11px a', 'ISR 3/3')).toBe(35);
  expect(measured).toEqual(['ISR 3/3', 'ISR 3/3']);
});
