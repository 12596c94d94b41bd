import { describe, expect, it } from 'vitest';
import { migrate, MIGRATIONS, SCENARIO_VERSION } from '../../src/scenario';

describe('migrate', () => {
  it('passes a current-version document through unchanged', () => {
    const doc = { version: SCENARIO_VERSION, name: 'x' };
    expect(migrate(doc)).toEqual({ ok: true, value: doc });
  });

  it.each([null, 42, 'text', [1, 2], true])('refuses %j as not a Kafé scenario', (raw) => {
    expect(migrate(raw)).toEqual({ ok: false, error: 'this is not a Kafé scenario', reason: 'notScenario' });
  });

  it('refuses a document without a version', () => {
    const r = migrate({ name: 'x' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/not a Kafé scenario.*no version/);
  });

  it.each(['1', 1.5, 0, -3, null])('refuses the version %j, which is not a version number', (version) => {
    const r = migrate({ version });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/not a Kafé scenario/);
  });

  it('refuses a version newer than this build, naming both versions', () => {
    expect(migrate({ version: SCENARIO_VERSION + 1 }, MIGRATIONS, 1)).toEqual({
      ok: false,
      error: 'made by a newer version of Kafé (v2); this version reads v1',
      reason: 'newerVersion',
    });
  });

  it('applies step migrations in order from an older version, stamping each new version', () => {
    const steps = {
      1: (d: Record<string, unknown>) => ({ ...d, renamed: d.old, old: undefined }),
      2: (d: Record<string, unknown>) => ({ ...d, added: `${String(d.renamed)}!`, seenVersion: d.version }),
    };
    const r = migrate({ version: 1, old: 'hi' }, steps, 3);
    expect(r).toEqual({ ok: true, value: { version: 3, renamed: 'hi', old: undefined, added: 'hi!', seenVersion: 2 } });
  });

  it('does not change the document it was given', () => {
    const doc = { version: 1, list: [1] };
    migrate(doc, { 1: (d) => ((d.list as number[]).push(2), d) }, 2);
    expect(doc).toEqual({ version: 1, list: [1] });
  });

  it('refuses an older version that has no step to the next one', () => {
    const r = migrate({ version: 1 }, {}, 2);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/old version of Kafé \(v1\)/);
  });

  it('reports a step that fails instead of throwing', () => {
    const r = migrate({ version: 1 }, { 1: () => { throw new Error('boom'); } }, 2);
    expect(r).toEqual({ ok: false, error: 'could not update this scenario from v1 to v2: boom', reason: 'olderVersion' });
  });
});
