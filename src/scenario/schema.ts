import type { z } from 'zod';
import type { scenarioEdge, scenarioNode, scenarioSchema, timelineEntry } from './scenarioSchema';

/**
 * The saved/shared form of a canvas. Everything that leaves the app (localStorage, exported JSON,
 * share URLs) is this shape, validated with zod on the way back in (the
 * schemas are in scenarioSchema.ts, reached through the validation module, validate.ts, which the
 * app loads only when something must be read); bump SCENARIO_VERSION and add
 * a migration in migrations.ts whenever the shape changes.
 *
 * Two kinds of state live here:
 * - the SETUP: nodes, their props and edges. It is turned into engine commands at t = 0
 *   (see toEngine.ts). Editing the setup restarts the simulation.
 * - the TIMELINE: what the learner did while it ran (produce a record, crash a consumer, fail a
 *   broker...), as engine commands with the moment they were applied. Replaying setup + timeline
 *   from the seed rebuilds any moment exactly.
 */
export const SCENARIO_VERSION = 5;

/** Bounds a learner may set, shared by the schema, the inspector's fields and its live actions. */
export const LIMITS = {
  /** Partitions of one topic (the canvas draws each as a lane). */
  partitions: 64,
  /** Instances of one service or consumer group. */
  instances: 32,
  /** Copies of a partition: a topic's replication factor and min.insync.replicas. */
  replicas: 5,
} as const;

export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioNode = z.infer<typeof scenarioNode>;
export type ScenarioEdge = z.infer<typeof scenarioEdge>;
export type NodeKind = ScenarioNode['kind'];
export type NodeOf<K extends NodeKind> = Extract<ScenarioNode, { kind: K }>;
export type TimelineEntry = z.infer<typeof timelineEntry>;

/** Every node kind, in palette order: the one list the palette, lesson goals and lesson files use. */
export const NODE_KINDS = ['producer', 'topic', 'service', 'consumer', 'broker'] as const;
// A kind added to the node union but not to NODE_KINDS (or the other way round) fails to compile.
const kindsMatch: [NodeKind, (typeof NODE_KINDS)[number]] extends [(typeof NODE_KINDS)[number], NodeKind] ? true : never = true;
void kindsMatch;
