import type { z } from 'zod';
import type { NODE_KINDS } from './constants';
import type { scenarioEdge, scenarioNode, scenarioSchema, timelineEntry } from './scenarioSchema';

/**
 * The saved/shared form of a canvas. Everything that leaves the app (localStorage, exported JSON,
 * share URLs) is this shape, validated with zod on the way back in; bump SCENARIO_VERSION and
 * add a migration in migrations.ts whenever the shape changes. The zod schemas are in
 * scenarioSchema.ts, reached through the validation module (validate.ts), which the app loads only
 * when something must be read; this file holds the types and (constants.ts) the constants.
 *
 * Two kinds of state live here:
 * - the SETUP: nodes, their props and edges. It is turned into engine commands at t = 0
 *   (see toEngine.ts). Editing the setup restarts the simulation.
 * - the TIMELINE: what the learner did while it ran (produce a record, crash a consumer, fail a
 *   broker...), as engine commands with the moment they were applied. Replaying setup + timeline
 *   from the seed rebuilds any moment exactly.
 */
export { LIMITS, NODE_KINDS, SCENARIO_VERSION } from './constants';

export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioNode = z.infer<typeof scenarioNode>;
export type ScenarioEdge = z.infer<typeof scenarioEdge>;
export type NodeKind = ScenarioNode['kind'];
export type NodeOf<K extends NodeKind> = Extract<ScenarioNode, { kind: K }>;
export type TimelineEntry = z.infer<typeof timelineEntry>;

// A kind added to the node union but not to NODE_KINDS (or the other way round) fails to compile.
const kindsMatch: [NodeKind, (typeof NODE_KINDS)[number]] extends [(typeof NODE_KINDS)[number], NodeKind] ? true : never = true;
void kindsMatch;
