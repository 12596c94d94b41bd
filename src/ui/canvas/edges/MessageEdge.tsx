import { BaseEdge, getBezierPath, type Edge, type EdgeProps } from '@xyflow/react';
import { memo, useCallback, useSyncExternalStore } from 'react';
import { hueFill } from '../keyColor';
import { useReducedMotion } from '../useReducedMotion';
import { useMessageBus } from './busContext';
import type { Dot } from './messageBus';

export type MessageEdgeType = Edge<Record<string, never>, 'message'>;

const NO_DOTS: readonly Dot[] = [];

/**
 * A connection that shows traffic. Moving dots for messages in flight are drawn by DotsLayer on
 * one canvas (cheap); with reduced motion there are no moving dots, and the edge instead briefly
 * glows in the colour of the latest key. Only then does an edge listen to the message bus.
 */
function MessageEdgeImpl({ id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, markerEnd, selected }: EdgeProps<MessageEdgeType>) {
  const bus = useMessageBus();
  const reduced = useReducedMotion();
  const subscribe = useCallback((cb: () => void) => (bus && reduced ? bus.subscribe(id, cb) : () => {}), [bus, id, reduced]);
  const dots = useSyncExternalStore(subscribe, () => (bus && reduced ? bus.get(id) : NO_DOTS));
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
    </>
  );
}

export const MessageEdge = memo(MessageEdgeImpl);
