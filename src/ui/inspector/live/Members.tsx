import type { Command } from '../../../engine';
import { useT } from '../../../i18n';
import { partitionNumberOf, topicOfPartition, useKafe } from '../../../store';
import type { MemberRow } from './selectors';

/** "orders-0, orders-3, payments-1" -> "orders 0, 3 · payments 1". */
function formatAssigned(assigned: readonly string[]): string {
  const byTopic = new Map<string, number[]>();
  for (const tp of assigned) {
    const topic = topicOfPartition(tp);
    byTopic.set(topic, [...(byTopic.get(topic) ?? []), partitionNumberOf(tp)]);
  }
  return [...byTopic].map(([topic, ps]) => `${topic} ${ps.join(', ')}`).join(' · ');
}

interface MembersProps {
  rows: MemberRow[];
  /** What Restart does for an instance that has left the group (null: not possible). */
  revive: ((id: string) => Command) | null;
}

/** A group's instances (consumers or a service's), each with Kill or Restart. */
export function Members({ rows, revive }: MembersProps) {
  const { t } = useT();
  const run = useKafe((s) => s.run);
  if (rows.length === 0) return <p className="panel__empty">{t('inspector.members.none')}</p>;
  return (
    <ul className="members" data-testid="members">
      {rows.map((m) => (
        <li key={m.id} className="member" data-instance={m.id} data-state={m.state} data-assigned={m.assigned.join(' ')}>
          <span className="member__name">
            <code>{m.id}</code> <span className={`badge badge--${m.state === 'alive' ? 'alive' : 'dead'}`}>{t(`inspector.member.${m.state}`)}</span>
          </span>
          <span className="member__parts">
            {m.assigned.length ? t('inspector.member.owns', { partitions: formatAssigned(m.assigned) }) : t('inspector.member.noPartitions')}
          </span>
          {m.state === 'alive' ? (
            <button
              type="button"
              className="button button--small button--danger"
              data-live="kill"
              aria-label={t('inspector.member.killLabel', { id: m.id })}
              onClick={() => run({ type: 'crashConsumer', id: m.id })}
            >
              {t('inspector.member.kill')}
            </button>
          ) : (
            <button
              type="button"
              className="button button--small"
              data-live="restart"
              aria-label={t('inspector.member.restartLabel', { id: m.id })}
              disabled={m.state === 'gone' && revive === null}
              title={m.state === 'gone' && revive === null ? t('inspector.member.goneHint') : undefined}
              onClick={() => run(m.state === 'dead' ? { type: 'restartConsumer', id: m.id } : revive!(m.id))}
            >
              {t('inspector.member.restart')}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
