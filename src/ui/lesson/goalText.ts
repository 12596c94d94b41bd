import type { GoalName, GoalSpec, GoalStat } from '../../lessons';
import type { Translate } from '../../i18n';
import { GOAL_STAT_KEYS } from '../../i18n/codeKeys';

type Params = Record<string, unknown>;
type Vars = Record<string, string | number>;

const text = (v: unknown): string | number => (typeof v === 'number' ? v : String(v));
/** Every param as a placeholder value; a left-out group reads "a group", since any group may pass. */
function vars(p: Params, t: Translate): Vars {
  const out: Vars = {};
  for (const [k, v] of Object.entries(p)) out[k] = text(v);
  if (!('group' in p) || p.group === undefined) out.group = t('lessons.goalPart.anyGroup');
  return out;
}
/** The counter a goal names, as a word; validation admits only GoalStat, anything else reads as itself. */
function statWord(stat: unknown, t: Translate): string {
  const key = Object.hasOwn(GOAL_STAT_KEYS, String(stat)) ? GOAL_STAT_KEYS[stat as GoalStat] : undefined;
  return key ? t(key) : String(stat);
}

/**
 * One sentence per goal kind, in the learner's language, so a goal made of several conditions can
 * be shown as a checklist. Typed over every goal name: adding a goal without a sentence does not
 * compile.
 */
const DESCRIBE: Record<GoalName, (p: Params, t: Translate) => string> = {
  timePassed: (p, t) => t('lessons.goalPart.timePassed', { s: Number(p.ms) / 1000 }),
  nodeCount: (p, t) => t('lessons.goalPart.nodeCount', vars(p, t)),
  connected: (p, t) => t('lessons.goalPart.connected', vars(p, t)),
  nodeSetting: (p, t) => t('lessons.goalPart.nodeSetting', vars(p, t)),
  topicRecords: (p, t) => t('lessons.goalPart.topicRecords', vars(p, t)),
  partitions: (p, t) => t('lessons.goalPart.partitions', vars(p, t)),
  groupReceived: (p, t) => t('lessons.goalPart.groupReceived', vars(p, t)),
  groupCaughtUp: (p, t) => t('lessons.goalPart.groupCaughtUp', vars(p, t)),
  groupLagging: (p, t) => t('lessons.goalPart.groupLagging', vars(p, t)),
  groupReadFromStart: (p, t) => t('lessons.goalPart.groupReadFromStart', vars(p, t)),
  groupMissedHistory: (p, t) => t('lessons.goalPart.groupMissedHistory', vars(p, t)),
  groupsReading: (p, t) => t('lessons.goalPart.groupsReading', vars(p, t)),
  membersSharing: (p, t) => t('lessons.goalPart.membersSharing', vars(p, t)),
  idleMembers: (p, t) => t('lessons.goalPart.idleMembers', vars(p, t)),
  rebalances: (p, t) => t('lessons.goalPart.rebalances', vars(p, t)),
  memberCrashed: (p, t) => t('lessons.goalPart.memberCrashed', vars(p, t)),
  redelivered: (p, t) => t('lessons.goalPart.redelivered', vars(p, t)),
  recordsSkipped: (p, t) => t('lessons.goalPart.recordsSkipped', vars(p, t)),
  keyInOnePartition: (p, t) => t('lessons.goalPart.keyInOnePartition', vars(p, t)),
  keysSpread: (p, t) => t('lessons.goalPart.keysSpread', vars(p, t)),
  serviceStat: (p, t) => t('lessons.goalPart.serviceStat', { ...vars(p, t), stat: statWord(p.stat, t) }),
  serviceDown: (p, t) => t(p.down === false ? 'lessons.goalPart.serviceUp' : 'lessons.goalPart.serviceDown', vars(p, t)),
  producerStat: (p, t) => t('lessons.goalPart.producerStat', { ...vars(p, t), stat: statWord(p.stat, t) }),
  schemaVersions: (p, t) => t('lessons.goalPart.schemaVersions', vars(p, t)),
  schemaRefused: (p, t) => t(p.refused === false ? 'lessons.goalPart.schemaAccepted' : 'lessons.goalPart.schemaRefused', vars(p, t)),
  undeserialisable: (p, t) => t('lessons.goalPart.undeserialisable', vars(p, t)),
  undeserialisableAtMost: (p, t) => t('lessons.goalPart.undeserialisableAtMost', vars(p, t)),
  producerStatAtMost: (p, t) => t('lessons.goalPart.producerStatAtMost', { ...vars(p, t), stat: statWord(p.stat, t) }),
  serviceTransactions: (p, t) => t(p.result === 'aborted' ? 'lessons.goalPart.transactionsAborted' : 'lessons.goalPart.transactionsCommitted', vars(p, t)),
  lastStableHeld: (p, t) => t('lessons.goalPart.lastStableHeld', vars(p, t)),
  abortedRecords: (p, t) => t(p.seen === 'skipped' ? 'lessons.goalPart.abortedSkipped' : 'lessons.goalPart.abortedRead', vars(p, t)),
  brokerDown: (p, t) =>
    p.broker === undefined
      ? t(p.down === false ? 'lessons.goalPart.anyBrokerUp' : 'lessons.goalPart.anyBrokerDown')
      : t(p.down === false ? 'lessons.goalPart.brokerUp' : 'lessons.goalPart.brokerDown', { n: Number(p.broker) + 1 }),
  leaderElected: (p, t) => t('lessons.goalPart.leaderElected', vars(p, t)),
  recordsTruncated: (p, t) => t('lessons.goalPart.recordsTruncated', vars(p, t)),
  noAcknowledgedLoss: (p, t) => t('lessons.goalPart.noAcknowledgedLoss', vars(p, t)),
  recordsDeleted: (p, t) =>
    t(p.reason === 'compaction' ? 'lessons.goalPart.recordsDeletedCompaction' : 'lessons.goalPart.recordsDeletedRetention', vars(p, t)),
  offsetsReset: (p, t) => t('lessons.goalPart.offsetsReset', vars(p, t)),
  inSyncReplicas: (p, t) => t('lessons.goalPart.inSyncReplicas', vars(p, t)),
  produceErrors: (p, t) => t('lessons.goalPart.produceErrors', vars(p, t)),
  groupLagAtMost: (p, t) => t('lessons.goalPart.groupLagAtMost', vars(p, t)),
  producerSpread: (p, t) => t('lessons.goalPart.producerSpread', vars(p, t)),
  keyMoved: (p, t) => t('lessons.goalPart.keyMoved', vars(p, t)),
  partitionsTakenOver: (p, t) => t('lessons.goalPart.partitionsTakenOver', vars(p, t)),
  lateGroupReadFromStart: (p, t) => t('lessons.goalPart.lateGroupReadFromStart', vars(p, t)),
  keyEventProduced: (p, t) => t('lessons.goalPart.keyEventProduced', vars(p, t)),
  eventRecords: (p, t) => t('lessons.goalPart.eventRecords', vars(p, t)),
  compensated: (p, t) => t('lessons.goalPart.compensated', vars(p, t)),
  databaseStat: (p, t) => t('lessons.goalPart.serviceStat', { ...vars(p, t), stat: statWord(p.stat, t) }),
  noEventLost: (p, t) => t('lessons.goalPart.noEventLost', vars(p, t)),
  keyCompactedAway: (p, t) => t('lessons.goalPart.keyCompactedAway', vars(p, t)),
  offsetOutOfRange: (p, t) => t('lessons.goalPart.offsetOutOfRange', vars(p, t)),
  flaggedOnly: (p, t) =>
    Number(p.matches ?? 1) > 1
      ? t('lessons.goalPart.flaggedOnlyWindow', { ...vars(p, t), count: Number(p.matches), s: Number(p.windowMs ?? 1000) / 1000 })
      : t('lessons.goalPart.flaggedOnly', vars(p, t)),
};

/** A sentence for one (non-`all`) goal; an unknown name (cannot pass validation) reads as its name. */
export function describeGoal(spec: GoalSpec, t: Translate): string {
  const [name, params] = Object.entries(spec)[0] ?? ['', {}];
  const describe = DESCRIBE[name as GoalName] as ((p: Params, t: Translate) => string) | undefined;
  return describe ? describe((params ?? {}) as Params, t) : name;
}
