import type { ComponentType } from 'react';
import type { NodeKind, NodeOf } from '../../../scenario';
import { BrokerLive } from './BrokerLive';
import { ConsumerLive } from './ConsumerLive';
import { ProducerLive } from './ProducerLive';
import { ServiceLive } from './ServiceLive';
import { TopicLive } from './TopicLive';

/** Each node kind's live panel, drawn for a node of exactly that kind. */
export type LivePanels = { readonly [K in NodeKind]: ComponentType<{ node: NodeOf<K> }> };

/**
 * The inspector's live panel for every node kind. A kind added to the scenario schema without a
 * panel here does not compile.
 */
export const LIVE_PANELS = {
  producer: ProducerLive,
  topic: TopicLive,
  service: ServiceLive,
  consumer: ConsumerLive,
  broker: BrokerLive,
} as const satisfies LivePanels;
