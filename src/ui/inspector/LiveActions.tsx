import { useId, useState, type FormEvent } from 'react';
import type { Command } from '../../engine';
import { useT } from '../../i18n';
import { LIMITS, type NodeOf, type ScenarioNode } from '../../scenario';
import { groupsReading, partitionNumberOf, topicOfPartition, useKafe } from '../../store';
import { ServiceCounters } from './ServiceCounters';
import { useKafeJson } from './useKafeJson';

/**
 * Actions on the running simulation for the selected node. They go through `run(command)`, so the
 * store records them on the timeline (and refuses what the engine refuses, with a notice). Engine
 * ids come from the store's EngineIdMap; see src/scenario/toEngine.ts for how they are made.
 */
export function LiveActions({ node }: { node: ScenarioNode }) {
  const { t } = useT();
  let body;
  switch (node.kind) {
    case 'producer':
      body = <ProducerLive node={node} />;
      break;
    case 'topic':
      body = <TopicLive node={node} />;
      break;
    case 'service':
      body = <ServiceLive node={node} />;
      break;
    case 'consumer':
      body = <ConsumerLive node={node} />;
      break;
    case 'broker':
      body = <BrokerLive node={node} />;
      break;
  }
  return (
    <section className="live" aria-labelledby={`live-${node.id}`} data-testid="live-actions">
      <h3 id={`live-${node.id}`} className="panel__subtitle">
        {t('inspector.live')}
      </h3>
      <p className="panel__note">{t('inspector.liveNote')}</p>
      {'joinAtMs' in node && node.joinAtMs ? (
        <p className="panel__note" data-testid="joined-late">
          {t('inspector.joinedAt', { s: (node.joinAtMs / 1000).toFixed(1) })}
        </p>
      ) : null}
      {body}
    </section>
  );
}

function NotRunning() {
  const { t } = useT();
  return <p className="panel__empty">{t('inspector.notRunning')}</p>;
}

// ---------------------------------------------------------------------------------------------
// Producer: produce one event now; change the rate live.

/** The value of an event sent with "Produce one event" (a tombstone's is null). */
const HAND_SENT_VALUE = Object.freeze({ sentByHand: true });

function ProducerLive({ node }: { node: NodeOf<'producer'> }) {
  const { t } = useT();
  const run = useKafe((s) => s.run);
  const producers = useKafeJson((s) =>
    s.frame.view.producers.filter((p) => s.ids.producerNode[p.id] === node.id).map((p) => ({ id: p.id, topic: p.topic, rate: p.ratePerSec })),
  );
  const keyId = useId();
  const topicId = useId();
  const rateId = useId();
  const [key, setKey] = useState('');
  const [tombstone, setTombstone] = useState(false);
  const tombstoneId = useId();
  const [topicChoice, setTopicChoice] = useState<string | null>(null);
  const [rateDraft, setRateDraft] = useState<number | null>(null);
  if (producers.length === 0) return <NotRunning />;

  const target = producers.find((p) => p.topic === topicChoice) ?? producers[0];
  const keyTooLong = key.length > 100;
  const produce = (e: FormEvent) => {
    e.preventDefault();
    if (keyTooLong) return;
    // A tombstone is a record whose value is null: in a compacted topic it deletes its key.
    const value = tombstone ? null : HAND_SENT_VALUE;
    run({ type: 'produce', topic: target.topic, key: key.trim() === '' ? null : key.trim(), value, eventType: node.props.eventType, producer: target.id });
  };

  const liveRate = producers[0].rate;
  const rate = rateDraft ?? liveRate;
  const maxRate = Math.max(100, Math.ceil(liveRate / 50) * 50, node.props.ratePerSec);
  const commitRate = () => {
    if (rateDraft === null) return;
    setRateDraft(null);
    if (rateDraft === liveRate) return;
    for (const p of producers) run({ type: 'setProducerRate', id: p.id, ratePerSec: rateDraft });
  };

  return (
    <>
      <form className="live__block" onSubmit={produce}>
        <div className="live__row">
          <div className="field">
            <label htmlFor={keyId} className="field__label">
              {t('inspector.produce.key')}
            </label>
            <input
              id={keyId}
              className="input"
              value={key}
              placeholder={t('inspector.produce.keyPlaceholder')}
              aria-invalid={keyTooLong || undefined}
              aria-describedby={keyTooLong ? `${keyId}-error` : undefined}
              onChange={(e) => setKey(e.target.value)}
            />
          </div>
          {producers.length > 1 && (
            <div className="field">
              <label htmlFor={topicId} className="field__label">
                {t('inspector.produce.topic')}
              </label>
              <select id={topicId} className="select" value={target.topic} onChange={(e) => setTopicChoice(e.target.value)}>
                {producers.map((p) => (
                  <option key={p.id} value={p.topic}>
                    {p.topic}
                  </option>
                ))}
              </select>
            </div>
          )}
          <button type="submit" className="button" data-live="produce">
            {t('inspector.produce.button')}
          </button>
        </div>
        {keyTooLong && (
          <p id={`${keyId}-error`} className="field-error">
            {t('inspector.error.tooLong', { max: 100 })}
          </p>
        )}
        <div className="field field--check">
          <input id={tombstoneId} type="checkbox" name="tombstone" checked={tombstone} aria-describedby={`${tombstoneId}-hint`} onChange={(e) => setTombstone(e.target.checked)} />
          <label htmlFor={tombstoneId}>{t('inspector.produce.tombstone')}</label>
          <p id={`${tombstoneId}-hint`} className="field__hint">
            {t('inspector.produce.tombstoneHint')}
          </p>
        </div>
        <p className="field__hint">{t('inspector.produce.hint', { type: node.props.eventType })}</p>
      </form>
      <div className="live__block field">
        <label htmlFor={rateId} className="field__label">
          {t('inspector.rate.label', { rate })}
        </label>
        <input
          id={rateId}
          type="range"
          className="scrubber"
          min={0}
          max={maxRate}
          step={1}
          value={rate}
          aria-valuetext={t('inspector.rate.value', { rate })}
          onChange={(e) => setRateDraft(Number(e.target.value))}
          onPointerUp={commitRate}
          onKeyUp={commitRate}
          onBlur={commitRate}
        />
        <p className="field__hint">{t('inspector.rate.hint')}</p>
      </div>
    </>
  );
}

// ---------------------------------------------------------------------------------------------
// Topic: partitions as they are now; add partitions; reset a group's offsets.

function TopicLive({ node }: { node: NodeOf<'topic'> }) {
  const { t } = useT();
  const run = useKafe((s) => s.run);
  const name = node.props.name;
  const running = useKafe((s) => s.ids.topicNode[name] === node.id);
  const partitions = useKafeJson((s) =>
    (s.frame.view.topics.find((x) => x.name === name)?.partitions ?? []).map((p) => ({
      id: p.id,
      leader: p.leader,
      end: p.endOffset,
      hw: p.highWatermark,
      isr: p.isr.length,
      rf: p.replicas.length,
    })),
  );
  const groups = useKafeJson((s) =>
    groupsReading(s.frame.view, name).map((g) => ({ id: g.id, members: g.members.length })),
  );
  const countId = useId();
  const groupId = useId();
  const [countDraft, setCountDraft] = useState('');
  const [countError, setCountError] = useState(false);
  const [groupChoice, setGroupChoice] = useState<string | null>(null);
  if (!running) return <NotRunning />;

  const current = partitions.length;
  const total = partitions.reduce((n, p) => n + p.end, 0);
  const addPartitions = (e: FormEvent) => {
    e.preventDefault();
    const n = Number(countDraft.trim() || String(current + 1));
    if (!Number.isInteger(n) || n <= current || n > LIMITS.partitions) {
      setCountError(true);
      return;
    }
    setCountError(false);
    if (run({ type: 'addPartitions', topic: name, partitions: n })) setCountDraft('');
  };
  const chosen = groups.find((g) => g.id === groupChoice) ?? groups[0];
  const group = chosen?.id;
  // Kafka's tool refuses while the group has members (the engine does too); say so before the click.
  const busy = (chosen?.members ?? 0) > 0;
  const reset = (to: 'earliest' | 'latest') => group !== undefined && run({ type: 'resetOffsets', group, topic: name, to });

  return (
    <>
      <div className="live__block">
        <p className="panel__note" data-testid="topic-total" data-end={total}>
          {t('inspector.topic.total', { n: total })}
        </p>
        <table className="data-table" data-testid="partition-table">
          <caption className="visually-hidden">{t('inspector.topic.partitions', { name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('inspector.topic.partition')}</th>
              <th scope="col">{t('inspector.topic.leader')}</th>
              <th scope="col" className="num">
                <abbr title={t('inspector.topic.endTitle')}>{t('inspector.topic.end')}</abbr>
              </th>
              <th scope="col" className="num">
                <abbr title={t('inspector.topic.hwTitle')}>{t('inspector.topic.hw')}</abbr>
              </th>
              <th scope="col" className="num">
                {t('inspector.topic.isr')}
              </th>
            </tr>
          </thead>
          <tbody>
            {partitions.map((p) => (
              <tr key={p.id} data-partition={p.id} data-end={p.end}>
                <th scope="row">{p.id}</th>
                <td>{p.leader < 0 ? t('inspector.topic.noLeader') : t('inspector.broker.name', { n: p.leader + 1 })}</td>
                <td className="num">{p.end}</td>
                <td className="num">{p.hw}</td>
                <td className="num">
                  {p.isr}/{p.rf}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form className="live__block" onSubmit={addPartitions}>
        <div className="live__row">
          <div className="field">
            <label htmlFor={countId} className="field__label">
              {t('inspector.topic.newCount')}
            </label>
            <input
              id={countId}
              className="input"
              inputMode="numeric"
              value={countDraft}
              placeholder={String(Math.min(LIMITS.partitions, current + 1))}
              aria-invalid={countError || undefined}
              aria-describedby={`${countId}-hint${countError ? ` ${countId}-error` : ''}`}
              onChange={(e) => {
                setCountDraft(e.target.value);
                setCountError(false);
              }}
            />
          </div>
          <button type="submit" className="button" disabled={current >= LIMITS.partitions}>
            {t('inspector.topic.addPartitions')}
          </button>
        </div>
        {countError && (
          <p id={`${countId}-error`} className="field-error">
            {t('inspector.topic.countError', { current })}
          </p>
        )}
        <p id={`${countId}-hint`} className="field__hint">
          {t('inspector.topic.addHint')}
        </p>
      </form>
      <div className="live__block">
        <p className="field__label">{t('inspector.topic.resetTitle')}</p>
        {groups.length === 0 ? (
          <p className="panel__empty">{t('inspector.topic.noGroups')}</p>
        ) : (
          <div className="live__row">
            <div className="field">
              <label htmlFor={groupId} className="field__label">
                {t('inspector.topic.group')}
              </label>
              <select id={groupId} className="select" value={group} onChange={(e) => setGroupChoice(e.target.value)}>
                {groups.map((g) => (
                  <option key={g.id} value={g.id}>
                    {g.id}
                  </option>
                ))}
              </select>
            </div>
            <button type="button" className="button button--quiet" onClick={() => reset('earliest')} disabled={busy} aria-describedby={`${groupId}-reset`}>
              {t('inspector.topic.resetEarliest')}
            </button>
            <button type="button" className="button button--quiet" onClick={() => reset('latest')} disabled={busy} aria-describedby={`${groupId}-reset`}>
              {t('inspector.topic.resetLatest')}
            </button>
          </div>
        )}
        {chosen && (
          <p id={`${groupId}-reset`} className="field__hint" data-testid="reset-hint" data-busy={busy}>
            {busy ? t('inspector.topic.resetBusy', { group: chosen.id, n: chosen.members }) : t('inspector.topic.resetReady', { group: chosen.id })}
          </p>
        )}
      </div>
    </>
  );
}

// ---------------------------------------------------------------------------------------------
// Consumers and services: each instance with Kill / Restart.

type MemberState = 'alive' | 'dead' | 'gone';
interface MemberRow {
  id: string;
  state: MemberState;
  assigned: string[];
}

/** Instance ids with their state in `group`: alive, crashed (still in the group) or gone. */
function memberRows(instanceIds: string[], members: { id: string; alive: boolean; assigned: string[] }[]): MemberRow[] {
  return instanceIds.map((id) => {
    const m = members.find((x) => x.id === id);
    return { id, state: !m ? 'gone' : m.alive ? 'alive' : 'dead', assigned: m ? [...m.assigned].sort(byPartition) : [] };
  });
}

function byPartition(a: string, b: string): number {
  const [ta, pa] = splitTp(a);
  const [tb, pb] = splitTp(b);
  return ta === tb ? pa - pb : ta < tb ? -1 : 1;
}

function splitTp(tp: string): [string, number] {
  return [topicOfPartition(tp), partitionNumberOf(tp)];
}

/** "orders-0, orders-3, payments-1" -> "orders 0, 3 · payments 1". */
function formatAssigned(assigned: string[]): string {
  const byTopic = new Map<string, number[]>();
  for (const tp of assigned) {
    const [topic, p] = splitTp(tp);
    byTopic.set(topic, [...(byTopic.get(topic) ?? []), p]);
  }
  return [...byTopic].map(([topic, ps]) => `${topic} ${ps.join(', ')}`).join(' · ');
}

interface MembersProps {
  rows: MemberRow[];
  /** What Restart does for an instance that has left the group (null: not possible). */
  revive: ((id: string) => Command) | null;
}

function Members({ rows, revive }: MembersProps) {
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

function ConsumerLive({ node }: { node: NodeOf<'consumer'> }) {
  const { t } = useT();
  const p = node.props;
  const instanceIds = useKafeJson((s) => Object.keys(s.ids.consumerNode).filter((id) => s.ids.consumerNode[id] === node.id));
  const rows = useKafeJson((s) => memberRows(instanceIds, s.frame.view.groups.find((g) => g.id === p.group)?.members ?? []));
  /** Topics this consumer reads (arrows topic -> consumer), for bringing back an instance that left. */
  const topics = useKafeJson((s) =>
    s.scenario.edges
      .filter((e) => e.target === node.id)
      .flatMap((e) => {
        const n = s.scenario.nodes.find((x) => x.id === e.source);
        return n?.kind === 'topic' ? [n.props.name] : [];
      }),
  );
  if (instanceIds.length === 0) return <NotRunning />;
  const revive = (id: string): Command => ({
    type: 'addConsumer',
    id,
    group: p.group,
    topics,
    processingMs: p.processingMs,
    assignor: p.assignor,
    autoOffsetReset: p.autoOffsetReset,
    commitMode: p.commitMode,
  });
  return (
    <div className="live__block">
      <p className="field__label">{t('inspector.members.title', { group: p.group })}</p>
      <Members rows={rows} revive={revive} />
      <p className="field__hint">{t('inspector.members.hint')}</p>
    </div>
  );
}

function ServiceLive({ node }: { node: NodeOf<'service'> }) {
  const { t } = useT();
  const run = useKafe((s) => s.run);
  const service = useKafeJson((s) => {
    const v = s.ids.serviceNode[node.id] !== undefined ? s.frame.view.services.find((x) => x.id === node.id) : undefined;
    return v ? { down: v.down, instances: v.instances, members: v.members, group: v.group } : null;
  });
  const rows = useKafeJson((s) =>
    service ? memberRows(service.members, s.frame.view.groups.find((g) => g.id === service.group)?.members ?? []) : [],
  );
  const scaleId = useId();
  const [scaleDraft, setScaleDraft] = useState('');
  const [scaleError, setScaleError] = useState(false);
  if (!service) return <NotRunning />;

  const scale = (e: FormEvent) => {
    e.preventDefault();
    const n = Number(scaleDraft.trim());
    if (scaleDraft.trim() === '' || !Number.isInteger(n) || n < 1 || n > LIMITS.instances) {
      setScaleError(true);
      return;
    }
    setScaleError(false);
    if (run({ type: 'scaleService', id: node.id, instances: n })) setScaleDraft('');
  };

  return (
    <>
      <div className="live__block">
        <div className="live__row">
          <span className={`badge badge--${service.down ? 'down' : 'up'}`} data-testid="service-status">
            {t(service.down ? 'inspector.service.isDown' : 'inspector.service.isUp')}
          </span>
          <button
            type="button"
            className={`button button--small${service.down ? '' : ' button--danger'}`}
            data-live={service.down ? 'bringUp' : 'takeDown'}
            onClick={() => run({ type: 'setServiceDown', id: node.id, down: !service.down })}
          >
            {t(service.down ? 'inspector.service.bringUp' : 'inspector.service.takeDown')}
          </button>
        </div>
      </div>
      <form className="live__block" onSubmit={scale}>
        <div className="live__row">
          <div className="field">
            <label htmlFor={scaleId} className="field__label">
              {t('inspector.service.scale')}
            </label>
            <input
              id={scaleId}
              className="input"
              inputMode="numeric"
              value={scaleDraft}
              placeholder={String(service.instances)}
              aria-invalid={scaleError || undefined}
              aria-describedby={scaleError ? `${scaleId}-error` : undefined}
              onChange={(e) => {
                setScaleDraft(e.target.value);
                setScaleError(false);
              }}
            />
          </div>
          <button type="submit" className="button" data-live="scale">
            {t('inspector.service.applyScale')}
          </button>
        </div>
        {scaleError && (
          <p id={`${scaleId}-error`} className="field-error">
            {t('inspector.error.range', { min: 1, max: LIMITS.instances })}
          </p>
        )}
      </form>
      <ServiceCounters node={node} />
      <div className="live__block">
        <p className="field__label">{t('inspector.members.title', { group: service.group })}</p>
        <Members rows={rows} revive={null} />
        <p className="field__hint">{t('inspector.members.hint')}</p>
      </div>
    </>
  );
}

// ---------------------------------------------------------------------------------------------
// Broker: fail and recover. Broker index = the node's order among broker nodes.

function BrokerLive({ node }: { node: NodeOf<'broker'> }) {
  const { t } = useT();
  const run = useKafe((s) => s.run);
  const index = useKafe((s) => s.ids.brokerNode.indexOf(node.id));
  const up = useKafe((s) => (index >= 0 ? (s.frame.view.brokers[index]?.up ?? null) : null));
  const leads = useKafe((s) => s.frame.view.topics.reduce((n, topic) => n + topic.partitions.filter((p) => p.leader === index).length, 0));
  if (index < 0 || up === null) return <NotRunning />;
  return (
    <div className="live__block">
      <div className="live__row">
        <span className={`badge badge--${up ? 'up' : 'down'}`} data-testid="broker-status">
          {t(up ? 'inspector.broker.up' : 'inspector.broker.down')}
        </span>
        <span className="panel__note">{t('inspector.broker.leads', { n: leads })}</span>
      </div>
      <div className="live__row">
        <button
          type="button"
          className={`button${up ? ' button--danger' : ''}`}
          data-live={up ? 'failBroker' : 'recoverBroker'}
          onClick={() => run({ type: up ? 'failBroker' : 'recoverBroker', broker: index })}
        >
          {t(up ? 'inspector.broker.fail' : 'inspector.broker.recover')}
        </button>
      </div>
      <p className="field__hint">{t('inspector.broker.hint')}</p>
    </div>
  );
}
