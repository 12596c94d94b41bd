import { FULL_LANES_MAX_PARTITIONS, NODE_WIDTH, type ScenarioNode } from '../../scenario';
import { readableViewOf } from './ReadableFit';
import type { Viewport } from './semanticZoom';

/**
 * Why this exists: React Flow opens at zoom 1 and only knows a node's size once it has drawn it.
 * Left at that, the first screen drew every node in full detail (partition lanes, chips, members),
 * measured it, and ReadableFit then zoomed out to the summary form, drawing everything a second
 * time: the slowest part of the first load. Instead the canvas opens at an estimate of the view
 * ReadableFit will choose, from the sizes nodes have in summary form, so the first render is
 * already the right form. ReadableFit still fits on the measured sizes; the estimate only decides
 * the form of the first render and what shows for the frame or two before that fit.
 */

/**
 * A node's box in summary form before it is measured (flow units): what the rendered summaries
 * of the templates measure in English (a label on one line). Close is enough, see above.
 */
export function summarySize(n: ScenarioNode): { width: number; height: number } {
  const width = NODE_WIDTH[n.kind];
  switch (n.kind) {
    case 'producer':
      return { width, height: 169 };
    case 'broker':
      return { width, height: 241 };
    case 'service':
      // A service with a database shows a second figure line.
      return { width, height: n.props.database !== 'none' ? 166 : 136 };
    case 'consumer':
      return { width, height: 136 };
    case 'topic': {
      // The partitions picture: a 16 px row per partition, 6 px apart (PartitionStrip.tsx).
      const p = n.props.partitions;
      return { width, height: p <= FULL_LANES_MAX_PARTITIONS ? 148 + 22 * p : 136 };
    }
  }
}

/**
 * The view ReadableFit is expected to choose for `nodes` in the canvas element `pane`: its own
 * rule (readableViewOf) applied to summary sizes; null when there is nothing to fit or the pane
 * has no size yet.
 */
export function openingViewport(nodes: readonly ScenarioNode[], pane: HTMLElement): Viewport | null {
  return readableViewOf(nodes.map((n) => ({ ...n.position, ...summarySize(n) })), pane)?.view ?? null;
}
