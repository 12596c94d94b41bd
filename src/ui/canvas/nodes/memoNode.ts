import { memo, type ComponentType } from 'react';

/** What a canvas node component reads from the props React Flow gives it (NodeProps). */
interface DrawnProps {
  id: string;
  selected: boolean;
  data: { node: unknown };
}

/**
 * A canvas node component that re-renders only when what it draws from its props changed: its id,
 * the scenario node it draws (`data.node`, by identity) and whether it is selected. Live figures
 * come from the store through the node's own subscriptions, never through props.
 *
 * Why not plain `memo`: React Flow hands every node new props whenever any node changes. The
 * canvas rebuilds its node list (and each `data` wrapper) on every selection, move or measurement,
 * and React Flow passes each node's measured size and position too; with a shallow compare every
 * node re-drew its lanes when one was selected or dragged, and twice more on the first load as
 * React Flow measured them.
 */
export function memoNode<P extends DrawnProps>(render: ComponentType<P>) {
  return memo(render, (a: P, b: P) => a.id === b.id && a.data.node === b.data.node && a.selected === b.selected);
}
