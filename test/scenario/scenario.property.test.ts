import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine';
import { canConnect, encodeShareFragment, newNode, scenarioToEngine, scenarioToJson, type NodeKind, type Scenario, SCENARIO_VERSION } from '../../src/scenario';
import { decodeShareFragment, parseScenarioJson } from '../../src/scenario/validate';

const KINDS: NodeKind[] = ['producer', 'topic', 'service', 'consumer', 'broker'];

type Step = { add: NodeKind; x: number; y: number } | { connect: [number, number] };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ add: fc.constantFrom(...KINDS), x: fc.integer({ min: -2000, max: 2000 }), y: fc.integer({ min: -2000, max: 2000 }) }),
  fc.record({ connect: fc.tuple(fc.nat(), fc.nat()) }),
);

/** Plays a sequence of palette drops and arrow drags the way the store does. */
function build(seed: number, steps: Step[]): Scenario {
  const s: Scenario = { version: SCENARIO_VERSION, name: 'random', seed, nodes: [], edges: [], timeline: [], time: 0 };
  for (const st of steps) {
    if ('add' in st) s.nodes.push(newNode(st.add, s, { x: st.x, y: st.y }));
    else if (s.nodes.length > 0) {
      const source = s.nodes[st.connect[0] % s.nodes.length].id;
      const target = s.nodes[st.connect[1] % s.nodes.length].id;
      if (canConnect(s, source, target).ok) s.edges.push({ id: `e${s.edges.length}`, source, target });
    }
  }
  return s;
}

describe('scenarios built from the palette and allowed arrows (fast-check)', () => {
  it('serialise, parse back equal, and run in a real engine', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.array(step, { maxLength: 60 }), (seed, steps) => {
        const s = build(seed, steps);
        expect(parseScenarioJson(scenarioToJson(s))).toEqual({ ok: true, value: s });
        expect(decodeShareFragment(encodeShareFragment(s))).toEqual({ ok: true, value: s });

        const { config, commands } = scenarioToEngine(s);
        const engine = createEngine(config);
        for (const command of commands) engine.apply(command);
        engine.advance(300);
        expect(engine.commandLog).toHaveLength(commands.length);
      }),
      { numRuns: 150 },
    );
  });
});
