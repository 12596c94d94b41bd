import type { NodeKind } from '../../scenario';

/** Widths of the canvas nodes in flow units, shared with auto-layout; canvas.css sets the same
 * widths (.kafe-node--*). Used to centre a dropped node before React Flow has measured it. */
export { NODE_WIDTH } from '../../scenario';

/** A typical height for a new node of each kind (a fresh topic has 3 partitions). */
export const NEW_NODE_HEIGHT: Readonly<Record<NodeKind, number>> = {
  producer: 150,
  topic: 300,
  service: 150,
  consumer: 120,
  broker: 80,
};
