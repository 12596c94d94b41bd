import { THREADS_PER_INSTANCE, type CompareConfig, type ServiceId, type Side } from '../../compare';
import type { Translate } from '../../i18n';
import { COMPARE_SERVICE_KEYS } from '../../i18n/codeKeys';

/** What a service's status light says. */
export type Status = 'up' | 'down' | 'slow' | 'errors' | 'busy';

export const serviceName = (t: Translate, id: ServiceId): string => t(COMPARE_SERVICE_KEYS[id]);

/**
 * The light of service `id` on one side: down beats everything, then the learner's own toggles
 * (errors, slow), then what the run shows: a sync service with every thread taken, or an EDA
 * group more than a couple of seconds of orders behind.
 */
export function statusOf(side: Side, config: CompareConfig, id: ServiceId, backlog: number): Status {
  const s = config.services[id];
  if (s.down && id !== 'order') return 'down';
  if (s.errorRate > 0) return 'errors';
  if (s.extraLatencyMs > 0) return 'slow';
  const busy = side === 'sync' ? backlog >= s.instances * THREADS_PER_INSTANCE : backlog > Math.max(50, config.ratePerSec * 2);
  return busy ? 'busy' : 'up';
}
