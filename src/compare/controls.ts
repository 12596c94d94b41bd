import type { Command } from '../engine';
import {
  downSideCommands,
  downstreamOf,
  edaId,
  edaServiceCommand,
  edaTopicCommand,
  EDA_ORDER_PRODUCER,
  RESULT_EVENTS,
  SYNC_CLIENT,
  syncId,
  syncServiceCommand,
  THREADS_PER_INSTANCE,
  workMs,
  type CompareConfig,
  type DownstreamId,
  type FeatureId,
  type ServiceId,
  type ServiceSettings,
} from './model';

/**
 * The learner's shared toggles, as data. One control changes both worlds: `planControl` turns it
 * into the engine commands for each side (a pure plan), and the run applies them in one place.
 * The Order service is the front door on both sides, so it can be slowed or scaled but not
 * switched off or made to fail; the failures to try are the services behind it.
 */
export type Control =
  | { type: 'setRate'; ratePerSec: number }
  | { type: 'setDown'; service: DownstreamId; down: boolean }
  | { type: 'setExtraLatency'; service: ServiceId; ms: number }
  | { type: 'setErrorRate'; service: DownstreamId; rate: number }
  | { type: 'setInstances'; service: ServiceId; instances: number }
  | { type: 'addFeature'; service: FeatureId };

export interface Plan {
  /** The settings after the control. */
  config: CompareConfig;
  sync: Command[];
  eda: Command[];
}

export const MAX_RATE = 2000;
export const MAX_EXTRA_LATENCY_MS = 2000;

/** Every reason a control can be refused; the UI has one message per reason (compare.refused.<reason>). */
export const CONTROL_REFUSALS = ['rate', 'latency', 'errorRate', 'instances', 'featurePresent'] as const;
export type ControlRefusal = (typeof CONTROL_REFUSALS)[number];

/** Why a control cannot apply now, or null when it can. */
export function refusal(config: CompareConfig, c: Control): ControlRefusal | null {
  switch (c.type) {
    case 'setRate':
      return c.ratePerSec >= 0 && c.ratePerSec <= MAX_RATE ? null : 'rate';
    case 'setExtraLatency':
      return c.ms >= 0 && c.ms <= MAX_EXTRA_LATENCY_MS ? null : 'latency';
    case 'setErrorRate':
      return c.rate >= 0 && c.rate <= 1 ? null : 'errorRate';
    case 'setInstances':
      return Number.isInteger(c.instances) && c.instances >= 1 && c.instances <= config.partitions ? null : 'instances';
    case 'addFeature':
      return config.features.includes(c.service) ? 'featurePresent' : null;
    case 'setDown':
      return null;
  }
}

/** The commands each side needs for `c`; throws RangeError when `refusal` would refuse it. */
export function planControl(config: CompareConfig, c: Control): Plan {
  const why = refusal(config, c);
  if (why) throw new RangeError(`control ${c.type} refused: ${why}`);
  switch (c.type) {
    case 'setRate':
      return {
        config: { ...config, ratePerSec: c.ratePerSec },
        sync: [{ type: 'setSyncClientRate', id: SYNC_CLIENT, ratePerSec: c.ratePerSec }],
        eda: [{ type: 'setProducerRate', id: EDA_ORDER_PRODUCER, ratePerSec: c.ratePerSec }],
      };
    case 'setDown': {
      const next = withService(config, c.service, { down: c.down });
      if (!present(config, c.service)) return { config: next, sync: [], eda: [] };
      const [sync, eda] = downSideCommands(config, c.service, c.down);
      return { config: next, sync: [sync], eda: [eda] };
    }
    case 'setExtraLatency': {
      const next = withService(config, c.service, { extraLatencyMs: c.ms });
      return retune(config, next, c.service, { latencyMs: workMs(next.services[c.service]) });
    }
    case 'setErrorRate': {
      const next = withService(config, c.service, { errorRate: c.rate });
      return retune(config, next, c.service, { failureRate: c.rate });
    }
    case 'setInstances': {
      const next = withService(config, c.service, { instances: c.instances });
      if (!present(config, c.service)) return { config: next, sync: [], eda: [] };
      return {
        config: next,
        sync: [{ type: 'setSyncService', id: syncId(c.service), concurrency: c.instances * THREADS_PER_INSTANCE }],
        // The EDA Order service only publishes: its instance count changes nothing there.
        eda: c.service === 'order' ? [] : [{ type: 'scaleService', id: edaId(c.service, revision(config, c.service)), instances: c.instances }],
      };
    }
    case 'addFeature': {
      const next: CompareConfig = { ...config, features: [...config.features, c.service] };
      const s = next.services[c.service];
      const sync: Command[] = [syncServiceCommand(c.service, s)];
      if (s.down) sync.push({ type: 'setSyncService', id: syncId(c.service), down: true });
      // The change the sync side cannot avoid: the Order service's code must call the new service.
      sync.push({ type: 'setSyncService', id: syncId('order'), calls: downstreamOf(next.features).map(syncId) });
      const eda: Command[] = [edaTopicCommand(RESULT_EVENTS[c.service].topic, config.partitions), edaServiceCommand(c.service, s)];
      if (s.down) eda.push({ type: 'setServiceDown', id: edaId(c.service), down: true });
      return { config: next, sync, eda };
    }
  }
}

const revision = (config: CompareConfig, id: DownstreamId) => config.revisions[id] ?? 0;

const present = (config: CompareConfig, id: ServiceId) => id === 'order' || downstreamOf(config.features).includes(id as DownstreamId);

function withService(config: CompareConfig, id: ServiceId, patch: Partial<ServiceSettings>): CompareConfig {
  return { ...config, services: { ...config.services, [id]: { ...config.services[id], ...patch } } };
}

/**
 * A changed latency or error rate. Sync services take it live. The engine's event-driven
 * services have no live setting for processing time or failure rate, so the EDA side redeploys
 * the service: its instances leave the group, new ones (a new engine id, same group) with the new
 * settings join and resume from the group's committed offsets. That is a rebalance, as a real
 * redeploy causes, and records of a batch in flight may be handled again (at-least-once). The EDA
 * Order service only publishes; its own work is added to the user-facing latency by the metrics.
 */
function retune(before: CompareConfig, after: CompareConfig, id: ServiceId, syncPatch: { latencyMs?: number; failureRate?: number }): Plan {
  if (!present(before, id)) return { config: after, sync: [], eda: [] };
  const sync: Command[] = [{ type: 'setSyncService', id: syncId(id), ...syncPatch }];
  if (id === 'order') return { config: after, sync, eda: [] };
  const old = revision(before, id);
  const next: CompareConfig = { ...after, revisions: { ...after.revisions, [id]: old + 1 } };
  const s = next.services[id];
  const eda: Command[] = [{ type: 'removeService', id: edaId(id, old) }, edaServiceCommand(id, s, old + 1)];
  if (s.down) eda.push({ type: 'setServiceDown', id: edaId(id, old + 1), down: true });
  return { config: next, sync, eda };
}
