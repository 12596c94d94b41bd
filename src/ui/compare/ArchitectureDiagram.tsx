import { memo, useRef } from 'react';
import { downstreamOf, type Side } from '../../compare';
import { useT } from '../../i18n';
import { useReducedMotion } from '../canvas/useReducedMotion';
import { layout, pickOrientation, type LayoutInput } from './architectureLayout';
import { serviceName } from './labels';
import { useWidth } from './useWidth';

/**
 * A small static picture of one side's architecture with live status lights, backlog figures and
 * dots running along the edges that are busy in the trace right now. Positions are computed (see
 * architectureLayout.ts), not laid out by hand per service, so added features fit in: left to
 * right where the pane is wide enough, top to bottom where it is not (a phone).
 */
interface Props extends LayoutInput {
  side: Side;
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
  const frame = useRef<HTMLDivElement>(null);
  const orientation = pickOrientation(props.side, useWidth(frame));
  const { boxes, edges, width, height } = layout(props.side, props, t, orientation);
  const tall = orientation.kind === 'tall';
  const names = downstreamOf(props.config.features).map((id) => serviceName(t, id)).join(', ');
  const summary = props.side === 'sync' ? t('compare.diagram.sync.summary', { services: names }) : t('compare.diagram.eda.summary', { services: names });
  return (
    // Never drawn narrower than its own size, so its 11 px labels stay legible: the wide picture is
    // only chosen for a pane at least its width, and the tall one is drawn at scale 1 (as wide as
    // the pane, down to TALL_MIN; a pane narrower still scrolls it sideways in this frame).
    <div className="cmp-arch-frame" ref={frame}>
      <svg
        className={`cmp-arch cmp-arch--${props.side}${tall ? ' cmp-arch--tall' : ''}`}
        viewBox={`0 0 ${width} ${height}`}
        style={tall ? { width, minWidth: width } : { minWidth: width }}
        role="img"
        aria-label={summary}
        data-testid={`arch-${props.side}`}
        data-orientation={orientation.kind}
      >
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
