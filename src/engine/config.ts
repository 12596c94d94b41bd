import { fail } from './errors';

/**
 * Cluster-wide settings. Defaults follow Kafka where a learner would notice the difference and
 * are shortened where Kafka's real value (minutes) would make a lesson wait for nothing; each
 * such choice says so.
 */
export interface EngineConfig {
  seed?: number;
  /** Number of brokers in the cluster. */
  brokers?: number;
  /** One-way network latency between any two parties, ms. */
  networkLatencyMs?: number;
  /** How long a follower takes to fetch new records from its leader, ms: each leader's followers
   * fetch every partition it leads in one round, this long after the first one got new records. */
  replicaFetchMs?: number;
  /** broker.session.timeout.ms (KRaft default 9000): how long until a dead broker is fenced. */
  brokerSessionTimeoutMs?: number;
  /** unclean.leader.election.enable (Kafka default false). */
  uncleanLeaderElection?: boolean;
  /** How long a group's join/sync round trip takes, ms. */
  rebalanceMs?: number;
  /** log.retention.check.interval.ms; Kafka's default is 5 minutes, 1 s keeps lessons moving. */
  retentionCheckIntervalMs?: number;
  /** How many trace events the engine keeps in memory (oldest dropped first). */
  traceLimit?: number;
  /**
   * A simulator limit, not a Kafka setting: the most records one partition keeps in memory. Past
   * it, the oldest closed segments are deleted as retention would delete them (trace reason
   * 'recordLimit'), so a long, busy run holds bounded memory; like retention, it never deletes the
   * active segment. Infinity (the default) keeps all.
   */
  maxRecordsPerPartition?: number;
}

export type ResolvedConfig = Required<EngineConfig>;

export const DEFAULT_CONFIG: ResolvedConfig = {
  seed: 1,
  brokers: 3,
  networkLatencyMs: 1,
  replicaFetchMs: 5,
  brokerSessionTimeoutMs: 9000,
  uncleanLeaderElection: false,
  rebalanceMs: 50,
  retentionCheckIntervalMs: 1000,
  traceLimit: 100_000,
  maxRecordsPerPartition: Infinity,
};

export function resolveConfig(config: EngineConfig = {}): ResolvedConfig {
  const c = { ...DEFAULT_CONFIG, ...stripUndefined(config) };
  if (!Number.isInteger(c.seed)) fail('INVALID_CONFIG', { field: 'seed' }, `seed must be an integer, got ${c.seed}`);
  if (!Number.isInteger(c.brokers) || c.brokers < 1 || c.brokers > 64)
    fail('INVALID_CONFIG', { field: 'brokers' }, `brokers must be an integer from 1 to 64, got ${c.brokers}`);
  for (const key of ['networkLatencyMs', 'replicaFetchMs', 'brokerSessionTimeoutMs', 'rebalanceMs'] as const) {
    if (!(c[key] >= 0) || !Number.isFinite(c[key])) fail('INVALID_CONFIG', { field: key }, `${key} must be a finite number >= 0, got ${c[key]}`);
  }
  if (!(c.retentionCheckIntervalMs >= 1)) fail('INVALID_CONFIG', { field: 'retentionCheckIntervalMs' }, 'retentionCheckIntervalMs must be >= 1');
  if (!Number.isInteger(c.traceLimit) || c.traceLimit < 0) fail('INVALID_CONFIG', { field: 'traceLimit' }, 'traceLimit must be an integer >= 0');
  if (!(c.maxRecordsPerPartition >= 1)) fail('INVALID_CONFIG', { field: 'maxRecordsPerPartition' }, `maxRecordsPerPartition must be >= 1, got ${c.maxRecordsPerPartition}`);
  return c;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
