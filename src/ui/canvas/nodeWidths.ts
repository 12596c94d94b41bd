import type { NodeKind } from '../../scenario';

/**
 * Widths of the canvas nodes in flow units; canvas.css sets the same widths (.kafe-node--*).
 * Used to centre a dropped or added node on its spot before React Flow has measured it.
 */
export const NODE_WIDTH: Readonly<Record<NodeKind, number>> = {
  producer: 230,
  topic: 380,
  service: 230,
  consumer: 230,
  broker: 190,
};

/** A typical height for a new node of each kind (a fresh topic has 3 partitions). */
export const NEW_NODE_HEIGHT: Readonly<Record<NodeKind, number>> = {
  producer: 150,
  topic: 300,
  service: 150,
  consumer: 120,
  broker: 80,
};
