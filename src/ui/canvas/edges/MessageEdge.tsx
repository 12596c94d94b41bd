import { BaseEdge, getBezierPath, type Edge, type EdgeProps } from '@xyflow/react';
import { memo, useCallback, useSyncExternalStore } from 'react';
import { hueFill, hueStroke } from '../keyColor';
import { useReducedMotion } from '../useReducedMotion';
import { useMessageBus } from './busContext';
import { DOT_LIFE_MS, type Dot } from './messageBus';

export type MessageEdgeType = Edge<Record<string, never>, 'message'>;

const NO_DOTS: readonly Dot[] = [];

/**
 * A connection that shows traffic: each message in flight is a small dot, coloured by its key,
 * travelling from source to target in DOT_LIFE_MS. With reduced motion the edge briefly glows
 * in the colour of the latest key instead.
 */
function MessageEdgeImpl({ id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, markerEnd, selected }: EdgeProps<MessageEdgeType>) {
  const bus = useMessageBus();
  const reduced = useReducedMotion();
  const subscribe = useCallback((cb: () => void) => (bus ? bus.subscribe(id, cb) : () => {}), [bus, id]);
  const dots = useSyncExternalStore(subscribe, () => (bus ? bus.get(id) : NO_DOTS));
  const [path] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const latest = dots.length > 0 ? dots[dots.length - 1] : null;

  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className={`kafe-edge${selected ? ' kafe-edge--selected' : ''}`} />
      {reduced && latest && (
        <path
          key={latest.id}
          d={path}
          className="kafe-edge__glow"
          style={{ stroke: hueFill(latest.hue) }}
          fill="none"
          data-testid="edge-glow"
        />
      )}
      {!reduced &&
        dots.map((dot) => (
          <circle key={dot.id} r={5} opacity={0} className="kafe-edge__dot" data-edge={id} style={{ fill: hueFill(dot.hue), stroke: hueStroke(dot.hue) }}>
            <animateMotion
              ref={beginNow}
              begin="indefinite"
              dur={`${DOT_LIFE_MS}ms`}
              fill="freeze"
              path={path}
              calcMode="spline"
              keyPoints="0;1"
              keyTimes="0;1"
              keySplines="0.4 0 0.6 1"
            />
            <animate ref={beginNow} attributeName="opacity" begin="indefinite" dur={`${DOT_LIFE_MS}ms`} fill="freeze" values="0;1;1;0" keyTimes="0;0.1;0.85;1" />
          </circle>
        ))}
    </>
  );
}

/**
 * SMIL animations added after the document's timeline started must be begun explicitly. The dot
 * starts transparent: until the first animation sample it would sit at the origin.
 */
function beginNow(el: SVGAnimationElement | null): void {
  try {
    el?.beginElement();
  } catch {
    // some engines throw if the element is not yet in a rendered tree; the dot then just sits
  }
}

export const MessageEdge = memo(MessageEdgeImpl);
