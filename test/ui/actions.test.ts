import { describe, expect, test } from 'vitest';
import { SPEEDS } from '../../src/store';
import { actionForKey, nextSpeed } from '../../src/ui/controls/actions';

describe('the learner action registry', () => {
  test('faster and slower walk the speed list and stop at its ends', () => {
    expect(nextSpeed(1, 1)).toBe(2);
    expect(nextSpeed(1, -1)).toBe(0.5);
    expect(nextSpeed(SPEEDS[SPEEDS.length - 1], 1)).toBe(100);
    expect(nextSpeed(0.25, -1)).toBe(0.25);
  });

  test('a speed between two listed speeds moves to the neighbour in the asked direction', () => {
    expect(nextSpeed(3, 1)).toBe(5);
    expect(nextSpeed(3, -1)).toBe(2);
  });

  test('shortcut keys find their action, including aliases that need no Shift', () => {
    expect(actionForKey(' ')?.id).toBe('togglePlay');
    expect(actionForKey('=')?.id).toBe('faster');
    expect(actionForKey('R')?.id).toBe('restart');
    expect(actionForKey('?')?.id).toBe('help');
    expect(actionForKey('x')).toBeUndefined();
  });
});
