import { expect, test } from 'vitest';
import { lazyImport } from '../../src/util/lazyImport';

test('fetches once: every call gets the same promise, and loaded() has the picked value after it', async () => {
  let fetches = 0;
  const lazy = lazyImport(
    async () => {
      fetches++;
      return { answer: 42 };
    },
    (m) => m.answer,
  );
  expect(lazy.loaded()).toBeNull();
  const first = lazy.load();
  expect(lazy.load()).toBe(first);
  expect(await first).toBe(42);
  expect(lazy.loaded()).toBe(42);
  expect(await lazy.load()).toBe(42);
  expect(fetches).toBe(1);
});

test('a failed fetch rejects, is forgotten, and the next call tries again', async () => {
  let fetches = 0;
  const lazy = lazyImport(
    async () => {
      fetches++;
      if (fetches === 1) throw new Error('offline');
      return 'module';
    },
    (m) => m,
  );
  await expect(lazy.load()).rejects.toThrow('offline');
  expect(lazy.loaded()).toBeNull();
  expect(await lazy.load()).toBe('module');
  expect(lazy.loaded()).toBe('module');
  expect(fetches).toBe(2);
});
