import { memo } from 'react';
import { downstreamOf, RESULT_EVENTS, THREADS_PER_INSTANCE, type CompareConfig, type DownstreamId, type ServiceId, type Side } from '../../compare';
import { useT, type Translate } from '../../i18n';
import { useReducedMotion } from '../canvas/useReducedMotion';
import type { Activity } from '../../store/compare';
import { serviceName, statusOf, type Status } from './labels';

/**
 * A small static picture of one side's architecture with live status lights, backlog figures and
 * dots running along the edges that are busy in the trace right now. Positions are computed, not
 * laid out by hand per service, so added features fit in.
 */
interface Props {
  side: Side;
  config: CompareConfig;
  backlog: Partial<Record<ServiceId, number>>;
  activity: Activity;
  /** Services a feature added during this run, and services whose code had to change for it. */
  added: readonly string[];
  changed: readonly string[];
}

interface Box {
  key: string;
  x: number;
  y: number;
  w: number;
  h: number;
  title: string;
  detail: string;
  kind: 'user' | 'service' | 'topic';
  status?: Status;
  failing?: boolean;
  tag?: 'new' | 'changed';
  /** Sync requests in progress or EDA lag, for services. */
  backlog?: number;
}

interface Edge {
  key: string;
  d: string;
  /** Activity key of traffic along the edge, and (sync) of answers coming back. */
  forward: string;
  back?: string;
  label?: string;
  labelAt?: [number, number];
}

const ROW = 58;
const BOX_H = 46;
const PAD = 14;

const right = (b: Box): [number, number] => [b.x + b.w, b.y + b.h / 2];
const left = (b: Box): [number, number] => [b.x, b.y + b.h / 2];

function curve(from: [number, number], to: [number, number]): string {
  const dx = (to[0] - from[0]) / 2;
  return `M${from[0]},${from[1]} C${from[0] + dx},${from[1]} ${to[0] - dx},${to[1]} ${to[0]},${to[1]}`;
}

function layout(side: Side, props: Props, t: Translate): { boxes: Box[]; edges: Edge[]; width: number; height: number } {
  const { config, backlog, activity } = props;
  const downstream = downstreamOf(config.features);
  const height = Math.max(3, downstream.length) * ROW + PAD * 2 - (ROW - BOX_H);
  const centerY = height / 2 - BOX_H / 2;
  const rowY = (i: number) => PAD + i * ROW + (Math.max(3, downstream.length) - downstream.length) * (ROW / 2);
  const tagOf = (id: string): Box['tag'] => (props.added.includes(id) ? 'new' : props.changed.includes(id) ? 'changed' : undefined);
  const serviceBox = (id: ServiceId, x: number, y: number, w: number): Box => {
    const s = config.services[id];
    const b = backlog[id] ?? 0;
    const status = statusOf(side, config, id, b);
    const detail =
      side === 'sync'
        ? t('compare.node.sync', { instances: s.instances, threads: s.instances * THREADS_PER_INSTANCE, queue: b })
        : id === 'order'
          ? t('compare.node.publisher')
          : t('compare.node.eda', { instances: s.instances, lag: b });
    return {
      key: id,
      x,
      y,
      w,
      h: BOX_H,
      title: serviceName(t, id),
      detail,
      kind: 'service',
      status,
      failing: (activity[`x:${side === 'sync' ? 's' : 'e'}:${id}`] ?? 0) > 0.1,
      tag: tagOf(id),
      backlog: b,
    };
  };
  // Each side's user fails only through its own side: a sync call chain that errors, or an order
  // the event-driven side could not publish.
  const userFailing = (activity[`x:${side === 'sync' ? 's' : 'e'}:user`] ?? 0) > 0.1;
  const user: Box = { key: 'user', x: 4, y: centerY, w: side === 'sync' ? 58 : 50, h: BOX_H, title: t('compare.user'), detail: '', kind: 'user', failing: userFailing };

  if (side === 'sync') {
    const order = serviceBox('order', 96, centerY, 128);
    const boxes: Box[] = [user, order];
    const edges: Edge[] = [{ key: 'user>order', d: curve(right(user), left(order)), forward: 's:user>order', back: 's:order<user' }];
    downstream.forEach((id, i) => {
      const box = serviceBox(id, 300, rowY(i), 170);
      boxes.push(box);
      const from = right(order);
      edges.push({
        key: `order>${id}`,
        d: curve(from, left(box)),
        forward: `s:order>${id}`,
        back: `s:${id}<order`,
        label: String(i + 1),
        labelAt: [from[0] + 22, from[1] + (left(box)[1] - from[1]) * 0.22 - 4],
      });
    });
    return { boxes, edges, width: 480, height };
  }

  const order = serviceBox('order', 72, centerY, 84);
  const orders: Box = { key: 'topic:orders', x: 178, y: centerY, w: 104, h: BOX_H, title: t('compare.topic', { name: 'orders' }), detail: 'OrderPlaced', kind: 'topic' };
  const boxes: Box[] = [user, order, orders];
  const edges: Edge[] = [
    { key: 'user>order', d: curve(right(user), left(order)), forward: 'e:user>order' },
    { key: 'order>orders', d: curve(right(order), left(orders)), forward: 'e:order>orders', back: 'e:order<orders' },
  ];
  downstream.forEach((id: DownstreamId, i) => {
    const box = serviceBox(id, 304, rowY(i), 112);
    const result = RESULT_EVENTS[id];
    const topic: Box = { key: `topic:${result.topic}`, x: 440, y: rowY(i), w: 144, h: BOX_H, title: t('compare.topic', { name: result.topic }), detail: result.eventType, kind: 'topic', tag: tagOf(id) === 'new' ? 'new' : undefined };
    boxes.push(box, topic);
    edges.push({ key: `orders>${id}`, d: curve(right(orders), left(box)), forward: `e:orders>${id}` });
    edges.push({ key: `${id}>${result.topic}`, d: curve(right(box), left(topic)), forward: `e:${id}>${result.topic}` });
  });
  return { boxes, edges, width: 588, height };
}

function Dot({ path, level, reverse, reduced }: { path: string; level: number; reverse?: boolean; reduced: boolean }) {
  if (level <= 0.05) return null;
  if (reduced) return null;
  return (
    <circle r={3.5} className={reverse ? 'cmp-dot cmp-dot--back' : 'cmp-dot'} opacity={Math.min(1, 0.35 + level)}>
      <animateMotion dur="0.7s" repeatCount="indefinite" path={path} keyPoints={reverse ? '1;0' : '0;1'} keyTimes="0;1" calcMode="linear" />
    </circle>
  );
}

export const ArchitectureDiagram = memo(function ArchitectureDiagram(props: Props) {
  const { t } = useT();
  const reduced = useReducedMotion();
  const { boxes, edges, width, height } = layout(props.side, props, t);
  const names = downstreamOf(props.config.features).map((id) => serviceName(t, id)).join(', ');
  const summary = props.side === 'sync' ? t('compare.diagram.sync.summary', { services: names }) : t('compare.diagram.eda.summary', { services: names });
  return (
    // Never drawn narrower than its own size: on a phone the picture scrolls sideways in its frame
    // rather than shrinking its 11 px labels below legibility.
    <div className="cmp-arch-frame">
      <svg className={`cmp-arch cmp-arch--${props.side}`} viewBox={`0 0 ${width} ${height}`} style={{ minWidth: width }} role="img" aria-label={summary} data-testid={`arch-${props.side}`}>
        <defs>
          <marker id={`cmp-arrow-${props.side}`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" className="cmp-arrowhead" />
          </marker>
        </defs>
        {edges.map((e) => {
          const level = Math.max(props.activity[e.forward] ?? 0, e.back ? (props.activity[e.back] ?? 0) : 0);
          return (
            <g key={e.key} className={level > 0.05 ? 'cmp-edge cmp-edge--busy' : 'cmp-edge'}>
              <path d={e.d} markerEnd={`url(#cmp-arrow-${props.side})`} />
              {e.label && e.labelAt && (
                <text x={e.labelAt[0]} y={e.labelAt[1]} className="cmp-edge__label">
                  {e.label}
                </text>
              )}
              <Dot path={e.d} level={props.activity[e.forward] ?? 0} reduced={reduced} />
              {e.back && <Dot path={e.d} level={props.activity[e.back] ?? 0} reverse reduced={reduced} />}
            </g>
          );
        })}
        {boxes.map((b) => (
          <g
            key={b.key}
            className={`cmp-node cmp-node--${b.kind}${b.failing ? ' cmp-node--failing' : ''}${b.tag ? ` cmp-node--${b.tag}` : ''}`}
            data-node={b.key}
            data-status={b.status}
            data-backlog={b.backlog}
          >
            <rect x={b.x} y={b.y} width={b.w} height={b.h} rx={b.kind === 'topic' ? 14 : 8} />
            {b.kind === 'topic' && <path d={`M${b.x + 9},${b.y + 4} v${b.h - 8} M${b.x + 16},${b.y + 4} v${b.h - 8}`} className="cmp-node__stripes" />}
            <text x={b.kind === 'topic' ? b.x + 23 : b.x + 8} y={b.y + 19} className="cmp-node__title">
              {b.title}
            </text>
            {b.detail && (
              <text x={b.kind === 'topic' ? b.x + 23 : b.x + 8} y={b.y + 36} className="cmp-node__detail">
                {b.detail}
              </text>
            )}
            {b.status && <circle cx={b.x + b.w - 10} cy={b.y + 11} r={5.5} className={`cmp-light cmp-light--${b.status}`} />}
            {b.tag && (
              <text x={b.x + b.w - 4} y={b.y - 4} textAnchor="end" className="cmp-node__tag">
                {t(b.tag === 'new' ? 'compare.tag.new' : 'compare.tag.changed')}
              </text>
            )}
            {b.status && <title>{`${b.title}: ${t(`compare.status.${b.status}`)}`}</title>}
          </g>
        ))}
      </svg>
    </div>
  );
});
