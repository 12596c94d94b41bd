import fc from 'fast-check';
import { scenarioToJson, TEMPLATES } from '../../src/scenario';

/**
 * Hostile inputs for every reader of saved or shared scenarios, as text (what arrives from a file,
 * a link or localStorage). Each kind says which attack it is, so failures and counts name it.
 */
export type HostileKind = 'random JSON' | 'random text' | 'mutated scenario' | 'deep nesting' | 'huge number' | 'huge string' | 'wrong version' | 'prototype keys' | 'valid scenario';
export interface Hostile {
  kind: HostileKind;
  text: string;
}

const templates = Object.values(TEMPLATES).map((t) => JSON.parse(scenarioToJson(t.build())) as Record<string, unknown>);
const base = fc.constantFrom(...templates).map((t) => structuredClone(t));

/** Where in a scenario an attack is planted: paths that exist in every template. */
const SPOTS: readonly (readonly (string | number)[])[] = [
  [],
  ['name'],
  ['version'],
  ['seed'],
  ['time'],
  ['nodes'],
  ['nodes', 0],
  ['nodes', 0, 'label'],
  ['nodes', 0, 'props'],
  ['nodes', 0, 'position', 'x'],
  ['nodes', 1, 'props', 'partitions'],
  ['edges'],
  ['timeline'],
];
const spot = fc.constantFrom(...SPOTS);

const MARK = '"__HOSTILE__"';
/** The scenario's JSON with the value at `path` replaced by raw JSON text `raw` (which may be huge). */
function plant(doc: Record<string, unknown>, path: readonly (string | number)[], raw: string): string {
  if (path.length === 0) return raw;
  let target: any = doc;
  for (const key of path.slice(0, -1)) target = target?.[key] ?? (target[key] = {});
  target[path[path.length - 1]] = '__HOSTILE__';
  return JSON.stringify(doc).replace(MARK, () => raw);
}

const depth = fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 65, max: 3000 }) }, { weight: 1, arbitrary: fc.constantFrom(10_000, 100_000) });
const deepRaw = fc.tuple(depth, fc.constantFrom('array', 'object', 'mixed')).map(([d, shape]) =>
  shape === 'array' ? '['.repeat(d) + ']'.repeat(d) : shape === 'object' ? '{"a":'.repeat(d) + '1' + '}'.repeat(d) : '[{"a":'.repeat(d >> 1) + '[]' + '}]'.repeat(d >> 1),
);
const hugeNumber = fc.constantFrom('1e308', '-1e308', '1e400', '-1e400', '9007199254740993', '-0', '1e-400', '123456789012345678901234567890', '0.1e9999');
const stringLength = fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 41, max: 5000 }) }, { weight: 1, arbitrary: fc.constantFrom(300_000, 1_999_000, 2_000_100) });
const hugeString = stringLength.map((n) => JSON.stringify('x'.repeat(n)));
const wrongVersion = fc.constantFrom('0', '-1', '1.5', '2', '99', '1e400', '"1"', 'null', 'true', '[]', '{}', '"__proto__"', `"${'9'.repeat(500)}"`);
const POLLUTERS = [
  '{"__proto__":{"polluted":true},"version":1}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '{"__proto__":{"version":1,"polluted":true}}',
  '[{"__proto__":{"polluted":true}}]',
  '{"prototype":{"polluted":true},"toString":1,"hasOwnProperty":"x","valueOf":[]}',
];

export const hostile: fc.Arbitrary<Hostile> = fc.oneof(
  { weight: 3, arbitrary: fc.json({ depthSize: 'medium' }).map((text) => ({ kind: 'random JSON' as const, text })) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }).map((text) => ({ kind: 'random text' as const, text })) },
  {
    weight: 4,
    arbitrary: fc.tuple(base, spot, fc.jsonValue({ depthSize: 'small' })).map(([doc, at, value]) => ({ kind: 'mutated scenario' as const, text: plant(doc, at, JSON.stringify(value) ?? 'null') })),
  },
  { weight: 3, arbitrary: fc.tuple(base, spot, deepRaw).map(([doc, at, raw]) => ({ kind: 'deep nesting' as const, text: plant(doc, at, raw) })) },
  { weight: 2, arbitrary: fc.tuple(base, spot, hugeNumber).map(([doc, at, raw]) => ({ kind: 'huge number' as const, text: plant(doc, at, raw) })) },
  { weight: 2, arbitrary: fc.tuple(base, spot, hugeString).map(([doc, at, raw]) => ({ kind: 'huge string' as const, text: plant(doc, at, raw) })) },
  { weight: 2, arbitrary: fc.tuple(base, wrongVersion).map(([doc, raw]) => ({ kind: 'wrong version' as const, text: plant(doc, ['version'], raw) })) },
  {
    weight: 2,
    arbitrary: fc.tuple(base, spot, fc.constantFrom(...POLLUTERS)).map(([doc, at, raw]) => ({ kind: 'prototype keys' as const, text: plant(doc, at, raw) })),
  },
  { weight: 1, arbitrary: base.map((doc) => ({ kind: 'valid scenario' as const, text: JSON.stringify(doc) })) },
);

/** Per channel: how many hostile inputs were tried, and how many were handled cleanly. */
export class Tally {
  readonly rows = new Map<string, { tried: number; clean: number; slowestMs: number; byKind: Map<string, number> }>();

  /** Runs `check` on one input of `channel`; counts it clean only if it returns within `limitMs`. */
  attempt(channel: string, input: Hostile, limitMs: number, check: () => void): void {
    const row = this.rows.get(channel) ?? { tried: 0, clean: 0, slowestMs: 0, byKind: new Map<string, number>() };
    this.rows.set(channel, row);
    row.tried++;
    row.byKind.set(input.kind, (row.byKind.get(input.kind) ?? 0) + 1);
    const started = performance.now();
    check();
    const ms = performance.now() - started;
    row.slowestMs = Math.max(row.slowestMs, ms);
    if (ms > limitMs) throw new Error(`${channel}: a ${input.kind} input (${input.text.length} chars) took ${Math.round(ms)} ms`);
    row.clean++;
  }

  report(): string {
    return [...this.rows]
      .map(([channel, r]) => `${channel}: ${r.clean}/${r.tried} clean, slowest ${Math.round(r.slowestMs)} ms (${[...r.byKind].map(([k, n]) => `${k} ${n}`).join(', ')})`)
      .join('\n');
  }
}

/** Something was added to Object.prototype (a prototype-pollution attack worked). */
export function prototypePolluted(): boolean {
  return Object.getOwnPropertyNames(Object.prototype).some((k) => k === 'polluted' || k === 'version') || ({} as Record<string, unknown>).polluted !== undefined;
}
