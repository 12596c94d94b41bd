import type { MemberView } from '../../../engine';
import { partitionNumberOf as partitionOf, topicOfPartition as topicOf } from '../../../store';

/** What the list shows of a member. */
export interface MemberLine {
  id: string;
  alive: boolean;
  assigned: string[];
}

/** Members as one string, so a node can select them without re-rendering every frame. */
export function encodeMembers(members: readonly MemberView[]): string {
  return JSON.stringify(members.map((m) => [m.id, m.alive, m.assigned]));
}

export function decodeMembers(encoded: string): MemberLine[] {
  return (JSON.parse(encoded) as [string, boolean, string[]][]).map(([id, alive, assigned]) => ({ id, alive, assigned }));
}
import { useT } from '../../../i18n';

/**
 * Members of a consumer group and the partitions each owns right now: the picture of
 * "each partition has exactly one owner in the group".
 */
export function MembersList({ members, rebalancing }: { members: readonly MemberLine[]; rebalancing: boolean }) {
  const { t } = useT();
  if (members.length === 0) return null;
  const topics = new Set(members.flatMap((m) => m.assigned.map(topicOf)));
  const oneTopic = topics.size <= 1;
  return (
    <ul className="kafe-members">
      {members.map((m, i) => (
        <li key={m.id} className={`kafe-member${m.alive ? '' : ' kafe-member--crashed'}`} data-member={m.id} data-assigned={m.assigned.join(' ')}>
          <span className="kafe-member__name">{t('canvas.consumer.member', { n: i + 1 })}</span>
          {!m.alive ? (
            <span className="kafe-member__state">{t('canvas.consumer.crashed')}</span>
          ) : m.assigned.length === 0 ? (
            <span className="kafe-member__parts kafe-member__parts--none">{rebalancing ? t('canvas.consumer.rebalancing') : t('canvas.consumer.none')}</span>
          ) : (
            <span className="kafe-member__parts">
              {m.assigned.map((tp) => (
                <span key={tp} className="kafe-part">
                  {oneTopic ? t('canvas.topic.partition', { p: partitionOf(tp) }) : tp}
                </span>
              ))}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

