/**
 * Ids the engine and the scenario give to clients, made and read in one place:
 *
 * - an instance of a service (or of a consumer node) is the consumer `${owner}-${n}`;
 *   n counts up (a restarted service gets new numbers), so the owner is whatever precedes the
 *   LAST dash followed only by digits: "order-api-12" is instance 12 of "order-api";
 * - a service publishes through its own producer `${service}.producer`;
 * - a producer node writing to several topics runs one producer per topic, `${node}.${topic}`.
 */

export const instanceId = (owner: string, n: number): string => `${owner}-${n}`;

/** The owner and number of an instance id; null when `id` does not end in "-<digits>". */
export function parseInstanceId(id: string): { owner: string; n: number } | null {
  const m = /^(.+)-(\d+)$/.exec(id);
  return m ? { owner: m[1], n: Number(m[2]) } : null;
}

const SERVICE_PRODUCER = '.producer';

export const serviceProducerId = (service: string): string => `${service}${SERVICE_PRODUCER}`;

/** The service a producer id belongs to, or null if it is not a service's producer id. */
export const serviceOfProducerId = (id: string): string | null =>
  id.endsWith(SERVICE_PRODUCER) && id.length > SERVICE_PRODUCER.length ? id.slice(0, -SERVICE_PRODUCER.length) : null;

export const topicProducerId = (node: string, topic: string): string => `${node}.${topic}`;
