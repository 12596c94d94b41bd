import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { encodeShareFragment, scenarioToJson, SCENARIO_VERSION, TEMPLATES, type Scenario } from '../../src/scenario';
import { decodeShareFragment, parseScenarioJson } from '../../src/scenario/validate';
import { compactForShare, expandShared } from '../../src/scenario/shareForm';

const templates = Object.values(TEMPLATES);

function errorOf(r: { ok: true } | { ok: false; error: string }): string {
  if (r.ok) throw new Error('expected the input to be refused');
  return r.error;
}

/** The order template as plain JSON data, edited by `change`, then serialised. */
function orderJsonWith(change: (raw: any) => void): string {
  const raw = JSON.parse(scenarioToJson(TEMPLATES.orderFanOut.build()));
  change(raw);
  return JSON.stringify(raw);
}

describe('JSON export and import', () => {
  it.each(templates)('round-trips the $id template through JSON unchanged', (t) => {
    const s = t.build();
    expect(parseScenarioJson(scenarioToJson(s))).toEqual({ ok: true, value: s });
  });

  it('writes pretty JSON with keys in the order the scenario was built', () => {
    const json = scenarioToJson(TEMPLATES.empty.build());
    expect(json).toContain(`\n  "version": ${SCENARIO_VERSION},\n  "name": `);
    expect(Object.keys(JSON.parse(json))).toEqual(['version', 'name', 'seed', 'nodes', 'edges', 'timeline', 'time']);
  });

  it('keeps a recorded timeline', () => {
    const s: Scenario = { ...TEMPLATES.orderFanOut.build(), time: 1500, timeline: [{ at: 1200, afterEvents: 40, command: { type: 'failBroker', broker: 1 } }] };
    expect(parseScenarioJson(scenarioToJson(s))).toEqual({ ok: true, value: s });
  });

  it('reports a JSON syntax error with what the parser says', () => {
    expect(errorOf(parseScenarioJson('{"version": 1,'))).toMatch(/^this is not valid JSON: .+/);
  });

  it('refuses JSON that is not an object', () => {
    expect(errorOf(parseScenarioJson('[1, 2, 3]'))).toBe('this is not a Kafé scenario');
  });

  it('refuses a wrong version', () => {
    expect(errorOf(parseScenarioJson(orderJsonWith((r) => (r.version = 'one'))))).toMatch(/not a Kafé scenario/);
  });

  it('refuses a scenario from a newer Kafé, naming both versions', () => {
    expect(errorOf(parseScenarioJson(orderJsonWith((r) => (r.version = SCENARIO_VERSION + 1))))).toBe(
      `made by a newer version of Kafé (v${SCENARIO_VERSION + 1}); this version reads v${SCENARIO_VERSION}`,
    );
  });

  it('names a missing field by its path', () => {
    expect(errorOf(parseScenarioJson(orderJsonWith((r) => delete r.nodes[1].props.partitions))))
      .toBe('nodes[1].props.partitions: is missing');
  });

  it('says a topic with 0 partitions must have at least 1', () => {
    expect(errorOf(parseScenarioJson(orderJsonWith((r) => (r.nodes[1].props.partitions = 0)))))
      .toBe('nodes[1].props.partitions: must be at least 1');
  });

  it('says a topic with 65 partitions must have at most 64', () => {
    expect(errorOf(parseScenarioJson(orderJsonWith((r) => (r.nodes[1].props.partitions = 65)))))
      .toBe('nodes[1].props.partitions: must be at most 64');
  });

  it('lists the allowed values of an enum and of a union of literals', () => {
    expect(errorOf(parseScenarioJson(orderJsonWith((r) => (r.nodes[0].props.acks = 2)))))
      .toBe('nodes[0].props.acks: must be one of 0, 1, "all"');
    expect(errorOf(parseScenarioJson(orderJsonWith((r) => (r.nodes[1].props.cleanupPolicy = 'shred')))))
      .toBe('nodes[1].props.cleanupPolicy: must be one of "delete", "compact"');
    expect(errorOf(parseScenarioJson(orderJsonWith((r) => (r.nodes[0].kind = 'robot')))))
      .toBe('nodes[0].kind: must be one of "producer", "topic", "service", "consumer", "broker"');
  });

  it('keeps the messages written in the schema', () => {
    expect(errorOf(parseScenarioJson(orderJsonWith((r) => (r.nodes[0].label = '   ')))))
      .toBe('nodes[0].label: a label cannot be empty');
    expect(errorOf(parseScenarioJson(orderJsonWith((r) => (r.nodes[0].id = 'has space')))))
      .toMatch(/^nodes\[0\]\.id: ids use 1-40 letters/);
  });

  it('refuses a duplicate node id', () => {
    const json = orderJsonWith((r) => r.nodes.push({ ...r.nodes[2], label: 'Payment again' }));
    expect(errorOf(parseScenarioJson(json))).toBe('nodes[12].id: duplicate node id "payment"');
  });

  it('refuses two topics with the same name', () => {
    expect(errorOf(parseScenarioJson(orderJsonWith((r) => (r.nodes[6].props.name = 'orders')))))
      .toBe('nodes[6].props.name: two topics are named "orders"');
  });

  it('refuses an edge to a node that does not exist', () => {
    expect(errorOf(parseScenarioJson(orderJsonWith((r) => (r.edges[0].target = 'nowhere')))))
      .toBe('edges[0].target: edge order-service-to-orders points to a node "nowhere" that does not exist');
  });

  it('refuses a timeline entry that is not an engine command', () => {
    const json = orderJsonWith((r) => (r.timeline = [{ at: 0, afterEvents: 0, command: { type: 'formatDisk' } }]));
    expect(errorOf(parseScenarioJson(json))).toBe('timeline[0].command: must be an engine command with a known "type"');
  });

  it('shows at most five problems and says how many more there are', () => {
    const json = orderJsonWith((r) => r.nodes.forEach((n: any) => (n.label = '')));
    const error = errorOf(parseScenarioJson(json));
    expect(error.split('; ')).toHaveLength(6);
    expect(error).toMatch(/; and 7 more$/);
  });

  it('refuses input over 2 MB without parsing it', () => {
    const huge = `{"name": "${'x'.repeat(2_100_000)}"}`;
    expect(errorOf(parseScenarioJson(huge))).toMatch(/too big.*2 MB/);
  });
});

describe('share links', () => {
  it.each(templates)('round-trips the $id template through a share fragment', (t) => {
    const s = t.build();
    const fragment = encodeShareFragment(s);
    expect(fragment).toMatch(/^c=[0-9a-z]+&s=[A-Za-z0-9+\-$]+$/);
    expect(decodeShareFragment(fragment)).toEqual({ ok: true, value: s });
    expect(decodeShareFragment(`#${fragment}`)).toEqual({ ok: true, value: s });
  });

  it('keeps the order template link under 2,000 characters', () => {
    expect(encodeShareFragment(TEMPLATES.orderFanOut.build()).length).toBeLessThan(2000);
  });

  it('finds the scenario among other parameters of the fragment', () => {
    const s = TEMPLATES.empty.build();
    expect(decodeShareFragment(`#lang=th&${encodeShareFragment(s)}`)).toEqual({ ok: true, value: s });
  });

  it('reads a link whose special characters were percent-encoded', () => {
    const s = TEMPLATES.iotStream.build();
    const fragment = encodeShareFragment(s);
    const [check, data] = fragment.split('&');
    const escaped = `${check}&s=${encodeURIComponent(data.slice(2)).replace(/\$/g, '%24')}`;
    expect(decodeShareFragment(escaped)).toEqual({ ok: true, value: s });
  });

  it('says when the link has no s= parameter', () => {
    expect(errorOf(decodeShareFragment('#lesson=3'))).toMatch(/no Kafé scenario.*s=/);
    expect(errorOf(decodeShareFragment(''))).toMatch(/no Kafé scenario/);
  });

  it('refuses a cut-off link as incomplete, or (when only padding was lost) reads exactly the original', () => {
    const s = TEMPLATES.orderFanOut.build();
    const fragment = encodeShareFragment(s);
    let refused = 0;
    for (let cut = 2; cut < fragment.length; cut += 7) {
      const r = decodeShareFragment(fragment.slice(0, cut));
      if (r.ok) expect(r.value).toEqual(s);
      else {
        expect(r.error).toBe('the link is incomplete or damaged — was it cut off when copied?');
        refused++;
      }
    }
    expect(refused).toBeGreaterThan(fragment.length / 7 - 3);
  });

  it('detects a single changed character through the checksum, even where the text still decodes', () => {
    const fragment = encodeShareFragment(TEMPLATES.orderFanOut.build());
    const at = fragment.length - 40;
    const flipped = fragment.slice(0, at) + (fragment[at] === 'A' ? 'B' : 'A') + fragment.slice(at + 1);
    expect(errorOf(decodeShareFragment(flipped))).toMatch(/incomplete or damaged/);
  });

  it('says the link is damaged when its data is not compressed JSON', () => {
    expect(errorOf(decodeShareFragment('#s=hello-world'))).toMatch(/incomplete or damaged/);
    expect(errorOf(decodeShareFragment('#s=%E0%A4%A'))).toMatch(/incomplete or damaged/);
  });

  it('leaves props equal to the link-format defaults out of the link and restores them', () => {
    const s = TEMPLATES.orderFanOut.build();
    const compact = compactForShare(s);
    const payment = compact.nodes.find((n) => n.id === 'payment')!;
    expect(payment.props).toEqual({ group: 'payment-service', processingMs: 50, emits: 'PaymentProcessed' });
    expect(expandShared(compact)).toEqual(s);
    expect(s.nodes.find((n) => n.id === 'payment')!.props).toHaveProperty('retryTopic', null);
  });

  it('reads a link that holds the full scenario JSON', () => {
    const s = TEMPLATES.iotStream.build();
    expect(decodeShareFragment(`s=${LZString.compressToEncodedURIComponent(JSON.stringify(s))}`)).toEqual({ ok: true, value: s });
  });

  it('validates a decoded link like a JSON file', () => {
    const bad = { ...TEMPLATES.orderFanOut.build(), version: 99 } as unknown as Scenario;
    expect(errorOf(decodeShareFragment(encodeShareFragment(bad)))).toMatch(/newer version of Kafé \(v99\)/);
  });

  it('refuses a link over 2 MB', () => {
    expect(errorOf(decodeShareFragment(`#s=${'A'.repeat(2_100_000)}`))).toMatch(/too big.*2 MB/);
  });
});
