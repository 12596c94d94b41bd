import { parse, stringify } from 'yaml';
import { describe, expect, test } from 'vitest';
import { readAsyncApi, scenarioToAsyncApiYaml, type Imported } from '../../src/asyncapi';
import { goToStepStart } from '../../src/lessons';
import type { Scenario, ScenarioNode } from '../../src/scenario';
import { TEMPLATE_IDS, TEMPLATES } from '../../src/scenario';
import { createKafeStore } from '../../src/store';
import { course } from '../lessons/course';
import { realParser } from './parser';

/**
 * Every template and every lesson's solved canvas (its start canvas with the reference solution of
 * every step applied, timeline included) is exported as AsyncAPI 3.0, read back by the real
 * @asyncapi/parser — readAsyncApi refuses any document with a single parser error — and imported.
 *
 * What is compared:
 * 1. with the x-kafe extensions, the imported scenario deep-equals the original (toStrictEqual:
 *    name, seed, time, timeline, every node's id, kind, label, position, join time and props, every
 *    edge's id, source and target, in the same order), and the import has nothing to report;
 * 2. with every x-kafe extension removed (a tool that knows only AsyncAPI), the architecture still
 *    comes back from the standard fields: each topic's name, partitions, replicas,
 *    min.insync.replicas, retention.ms and cleanup.policy; each application that has an arrow, with
 *    its consumer group and the event type it writes; and every arrow (source → target). A
 *    service that writes nowhere comes back as a consumer group (AsyncAPI cannot tell them apart),
 *    and labels, simulator settings, positions and brokers are not compared there.
 */
const { lessons } = course();

async function solvedCanvas(lessonId: string): Promise<Scenario> {
  const lesson = lessons.find((l) => l.id === lessonId)!;
  const store = createKafeStore(lesson.start);
  const problem = await goToStepStart(store, lesson, lesson.meta.steps.length);
  if (problem) throw new Error(problem);
  // What the learner would export at that moment: the canvas, its timeline and the current time.
  return JSON.parse(store.getState().exportJson()) as Scenario;
}

const canvases: [string, () => Scenario | Promise<Scenario>][] = [
  ...TEMPLATE_IDS.map((id) => [`template ${id}`, () => TEMPLATES[id].build()] as [string, () => Scenario]),
  ...lessons.map((l) => [`lesson ${l.id} solved`, () => solvedCanvas(l.id)] as [string, () => Promise<Scenario>]),
];

async function importText(text: string): Promise<Imported> {
  const read = await readAsyncApi(text, realParser());
  if (!read.ok) throw new Error(`the parser or the mapping refused the document:\n${read.problems.map((p) => `${p.line}: ${p.message}`).join('\n')}`);
  return read.value;
}

function withoutKafeExtensions(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutKafeExtensions);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'x-kafe').map(([k, v]) => [k, withoutKafeExtensions(v)]));
  return value;
}

/** The architecture as the standard AsyncAPI fields carry it (see 2. above). */
function architecture(s: Scenario) {
  const byId = new Map(s.nodes.map((n) => [n.id, n]));
  const connected = new Set(s.edges.flatMap((e) => [e.source, e.target]));
  const writes = (n: ScenarioNode) => s.edges.some((e) => e.source === n.id);
  // The simulator's segment size has no Kafka topic config (Kafka rolls by bytes and time), and the
  // simulated schema registry's subject is no part of Kafka or its AsyncAPI binding: only x-kafe carries them.
  const topics = s.nodes.flatMap((n) => (n.kind === 'topic' ? [{ id: n.id, ...n.props, segmentRecords: undefined, compatibility: undefined, schemaVersions: undefined }] : []));
  type Application = { id: string; kind: string; group?: string; writes?: string };
  const applications = s.nodes.flatMap((n): Application[] => {
    if (n.kind === 'producer') return connected.has(n.id) ? [{ id: n.id, kind: n.kind, writes: n.props.eventType }] : [];
    if (n.kind === 'service' && writes(n)) return [{ id: n.id, kind: n.kind, group: n.props.group, writes: n.props.emits }];
    if ((n.kind === 'service' || n.kind === 'consumer') && connected.has(n.id)) return [{ id: n.id, kind: 'consumer', group: n.props.group }];
    return [];
  });
  const arrows = s.edges.filter((e) => byId.has(e.source) && byId.has(e.target)).map((e) => `${e.source} -> ${e.target}`);
  return { topics, applications: applications.sort((a, b) => a.id.localeCompare(b.id)), arrows: arrows.sort() };
}

describe.each(canvases)('%s', (_name, build) => {
  test('exports, passes @asyncapi/parser, and imports back to the same scenario', async () => {
    const original = await build();
    const imported = await importText(scenarioToAsyncApiYaml(original));
    expect(imported.notes).toEqual([]);
    expect(imported.scenario).toStrictEqual(original);
  }, 120_000);

  test('without x-kafe, the standard AsyncAPI fields alone bring the architecture back', async () => {
    const original = await build();
    const plain = stringify(withoutKafeExtensions(parse(scenarioToAsyncApiYaml(original))));
    expect(plain).not.toMatch(/^\s*x-kafe:/m);
    const imported = await importText(plain);
    expect(architecture(imported.scenario)).toEqual(architecture(original));
  }, 120_000);
});

test('the course has solved canvases to compare, with timelines', async () => {
  expect(lessons.length).toBeGreaterThanOrEqual(14);
  const solved = await Promise.all(lessons.map((l) => solvedCanvas(l.id)));
  expect(solved.some((s) => s.timeline.length > 0)).toBe(true);
});
