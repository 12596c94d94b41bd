import type { Node } from '@xyflow/react';
import type { NodeKind, NodeOf } from '../../../scenario';

/** What each React Flow node carries: the scenario node it draws (live stats come from the store). */
export type KafeNodeData<K extends NodeKind = NodeKind> = { node: NodeOf<K> };
export type KafeFlowNode<K extends NodeKind = NodeKind> = Node<KafeNodeData<K>, K>;
