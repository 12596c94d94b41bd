/**
 * The constants of the saved/shared form of a canvas (schema.ts), apart from its zod schemas
 * (scenarioSchema.ts) so both can use them without importing each other.
 */
/** Bump it and add a migration in migrations.ts whenever the shape changes. */
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

/** Every node kind, in palette order: the one list the palette, lesson goals and lesson files use. */
export const NODE_KINDS = ['producer', 'topic', 'service', 'consumer', 'broker'] as const;
