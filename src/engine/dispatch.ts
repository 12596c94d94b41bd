import * as cluster from './cluster';
import type { Command } from './commands';
import * as consumers from './consumers';
import { fail } from './errors';
import { onPartitionsAdded, onRebalance } from './groups';
import { commitOffsets } from './offsets';
import * as producers from './producers';
import { takeDueTimeout } from './produceTimeouts';
import { onRetentionCheck, scheduleRetention } from './retention';
import * as services from './services';
import * as sync from './sync';
import { onTransactionTimeout } from './transactions';
import { onOutboxRelay, onRelayRestart } from './database';
import type { Sim, SimEvent } from './world';

/**
 * The one table of commands: each entry validates (throwing EngineError, touching nothing) and
 * then applies. Keeping both halves side by side is what guarantees "a refused command leaves
 * the state unchanged": `apply` only ever runs after `validate` passed.
 */
type Handlers = { [K in Command['type']]: { validate(sim: Sim, c: Extract<Command, { type: K }>): void; apply(sim: Sim, c: Extract<Command, { type: K }>): void } };

const noop = () => {};

export const COMMANDS: Handlers = {
  createTopic: {
    validate: cluster.validateCreateTopic,
    apply: (sim, c) => {
      cluster.createTopic(sim, c);
      scheduleRetention(sim);
    },
  },
  addPartitions: {
    validate: cluster.validateAddPartitions,
    apply: (sim, c) => {
      cluster.addPartitions(sim, c);
      onPartitionsAdded(sim, c.topic);
    },
  },
  produce: { validate: producers.validateProduce, apply: producers.produceOne },
  addProducer: { validate: producers.validateAddProducer, apply: (sim, c) => void producers.addProducer(sim, c) },
  setProducerRate: { validate: (sim, c) => void producers.getProducer(sim, c.id), apply: (sim, c) => producers.setProducerRate(sim, c.id, c.ratePerSec) },
  removeProducer: { validate: (sim, c) => void producers.getProducer(sim, c.id), apply: (sim, c) => producers.removeProducer(sim, c.id) },
  addConsumer: { validate: consumers.validateAddConsumer, apply: (sim, c) => void consumers.addConsumer(sim, c) },
  removeConsumer: { validate: (sim, c) => void consumers.getConsumer(sim, c.id), apply: (sim, c) => consumers.removeConsumer(sim, c.id) },
  crashConsumer: { validate: (sim, c) => void consumers.getConsumer(sim, c.id), apply: (sim, c) => consumers.crashConsumer(sim, c.id) },
  restartConsumer: { validate: (sim, c) => void consumers.getConsumer(sim, c.id), apply: (sim, c) => consumers.restartConsumer(sim, c.id) },
  commitOffsets: {
    validate: (sim, c) => void consumers.getConsumer(sim, c.consumer),
    apply: (sim, c) => {
      const consumer = consumers.getConsumer(sim, c.consumer);
      if (consumer.alive) commitOffsets(sim, consumer, consumer.positions);
    },
  },
  resetOffsets: { validate: consumers.validateResetOffsets, apply: consumers.resetOffsets },
  failBroker: {
    validate: (sim, c) => cluster.validateBroker(sim, c.broker),
    apply: (sim, c) => {
      if (sim.world.brokers[c.broker].up) cluster.failBroker(sim, c.broker);
    },
  },
  recoverBroker: {
    validate: (sim, c) => cluster.validateBroker(sim, c.broker),
    apply: (sim, c) => {
      if (!sim.world.brokers[c.broker].up) cluster.recoverBroker(sim, c.broker);
    },
  },
  addService: { validate: services.validateAddService, apply: services.addService },
  setServiceDown: { validate: (sim, c) => void services.getService(sim, c.id), apply: (sim, c) => services.setServiceDown(sim, c.id, c.down) },
  scaleService: {
    validate: (sim, c) => {
      services.getService(sim, c.id);
      cluster.positiveInt('instances', c.instances, 1000);
    },
    apply: (sim, c) => services.scaleService(sim, c.id, c.instances),
  },
  removeService: { validate: (sim, c) => void services.getService(sim, c.id), apply: (sim, c) => services.removeService(sim, c.id) },
  addSyncService: { validate: sync.validateAddSyncService, apply: sync.addSyncService },
  setSyncService: { validate: sync.validateSetSyncService, apply: sync.setSyncService },
  sendRequest: { validate: sync.validateSendRequest, apply: sync.sendRequest },
  addSyncClient: { validate: sync.validateAddSyncClient, apply: sync.addSyncClient },
  setSyncClientRate: { validate: (sim, c) => sync.validateSetSyncClientRate(sim, c.id, c.ratePerSec), apply: (sim, c) => sync.setSyncClientRate(sim, c.id, c.ratePerSec) },
};

export function applyCommand(sim: Sim, command: Command): void {
  if (command === null || typeof command !== 'object') fail('UNKNOWN_COMMAND', { type: '' }, 'a command must be an object with a "type"');
  const entry = (COMMANDS as Record<string, { validate(sim: Sim, c: Command): void; apply(sim: Sim, c: Command): void } | undefined>)[
    (command as { type: unknown }).type as string
  ];
  if (!entry || !Object.hasOwn(COMMANDS, command.type)) fail('UNKNOWN_COMMAND', { type: String((command as { type: unknown }).type) }, `unknown command type "${String((command as { type: unknown }).type)}"`);
  entry.validate(sim, command);
  entry.apply(sim, command);
}

/** Routes an agenda event to the module that owns it. */
export function runEvent(sim: Sim, e: SimEvent): void {
  switch (e.kind) {
    // The busiest kinds first: a switch on strings tests its cases in order.
    case 'syncArrive':
      return sync.onSyncArrive(sim, e);
    case 'syncWorkDone':
      return sync.onSyncWorkDone(sim, e);
    case 'syncReply':
      return sync.onSyncReply(sim, e);
    case 'replicaFetch':
      return cluster.onReplicaFetch(sim, e);
    case 'produceArrive':
      return producers.onProduceArrive(sim, e.request, e.sendNo);
    case 'produceResponse':
      return producers.onProduceResponse(sim, e.request, e.sendNo, e.error, e.baseOffset);
    case 'poll':
      return consumers.onPoll(sim, e.consumer, e.incarnation);
    case 'processDone':
      return consumers.onProcessDone(sim, e.consumer, e.incarnation, e.batch);
    case 'producerFlush':
      return producers.onProducerFlush(sim, e.producer);
    case 'producerTick':
      return producers.onProducerTick(sim, e.producer);
    case 'syncTimeout':
      return sync.onSyncTimeout(sim, e.service);
    case 'syncClientTick':
      return sync.onSyncClientTick(sim, e.client);
    case 'produceTimeout':
      return takeDueTimeout(sim, e, producers.onProduceTimeout);
    case 'produceRetry':
      return producers.onProduceRetry(sim, e.request);
    case 'brokerFence':
      return cluster.onBrokerFence(sim, e.broker, e.incarnation);
    case 'sessionExpire':
      return consumers.onSessionExpire(sim, e.consumer, e.incarnation);
    case 'rebalance':
      return onRebalance(sim, e.group, e.token);
    case 'retentionCheck':
      return onRetentionCheck(sim);
    case 'transactionTimeout':
      return onTransactionTimeout(sim, e.transactionalId, e.number);
    case 'instanceRestart':
      return services.onInstanceRestart(sim, e.consumer);
    case 'outboxRelay':
      return onOutboxRelay(sim, e.service, e.incarnation);
    case 'relayRestart':
      return onRelayRestart(sim, e.service, e.incarnation);
  }
}

export { noop };
