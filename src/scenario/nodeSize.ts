import type { NodeKind, ScenarioNode } from './schema';

/** Width of each kind of node on the canvas, in flow units (canvas.css uses the same widths). */
export const NODE_WIDTH: Readonly<Record<NodeKind, number>> = {
  producer: 230,
  topic: 380,
  service: 230,
  consumer: 230,
  broker: 190,
};

/** Topics with more partitions than this draw compact lanes (three partitions per row). */
export const FULL_LANES_MAX_PARTITIONS = 8;

/**
 * The box a node occupies on the canvas, measured from the rendered nodes: topics grow with their
 * partitions, services and consumers with their instances.
 */
export function nodeSize(n: ScenarioNode): { width: number; height: number } {
  const width = NODE_WIDTH[n.kind];
  switch (n.kind) {
    case 'producer':
      return { width, height: 150 };
    case 'broker':
      return { width, height: 80 };
    case 'service':
      // A service with a database shows one more line of counters (saved, published...).
      return { width, height: 140 + 22 * n.props.instances + (n.props.database !== 'none' ? 28 : 0) };
    case 'consumer':
      return { width, height: 110 + 22 * n.props.instances };
    case 'topic': {
      const p = n.props.partitions;
      return { width, height: p <= FULL_LANES_MAX_PARTITIONS ? 110 + 64 * p : 110 + 22 * Math.ceil(p / 3) };
    }
  }
}
