import { describe, expect, test } from 'vitest';
import { defaultConfig, downstreamOf, edaScenario, RESULT_EVENTS } from '../../src/compare';
import { scenarioToEngine } from '../../src/scenario';
import { validateScenario } from '../../src/scenario/validate';

describe("the comparison's event-driven side as a canvas (for Export as code)", () => {
  test('is a valid scenario that sets up without problems', () => {
    const s = edaScenario(defaultConfig({ features: ['fraud'] }));
    expect(validateScenario(JSON.parse(JSON.stringify(s)))).toMatchObject({ ok: true });
    expect(scenarioToEngine(s).problems).toEqual([]);
  });

  test("carries the learner's settings: rate, partitions, and each service's instances, work and error rate", () => {
    const config = defaultConfig({ ratePerSec: 40, partitions: 6, services: { email: { instances: 3, errorRate: 0.25, extraLatencyMs: 100 } } });
    const s = edaScenario(config);
    expect(s.nodes.find((n) => n.id === 'order')).toMatchObject({ kind: 'producer', props: { ratePerSec: 40, eventType: 'OrderPlaced' } });
    expect(s.nodes.filter((n) => n.kind === 'topic').every((n) => n.kind === 'topic' && n.props.partitions === 6)).toBe(true);
    expect(s.nodes.find((n) => n.id === 'email')).toMatchObject({ props: { group: 'email', instances: 3, failureRate: 0.25, processingMs: 120, emits: 'EmailSent' } });
    const services = s.nodes.filter((n) => n.kind === 'service').map((n) => n.id);
    expect(services).toEqual(downstreamOf(config.features));
    for (const id of services) expect(s.edges).toContainEqual(expect.objectContaining({ source: id, target: RESULT_EVENTS[id as keyof typeof RESULT_EVENTS].topic }));
  });
});
