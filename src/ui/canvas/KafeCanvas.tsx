import {
  Background,
  BackgroundVariant,
  Controls,
  ControlButton,
  MarkerType,
  MiniMap,
  ReactFlow,
  type Connection,
  type EdgeChange,
  type EdgeTypes,
  type NodeChange,
  type NodeTypes,
  type OnDelete,
  type ReactFlowInstance,
} from '@xyflow/react';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../i18n';
import type { NodeKind } from '../../scenario';
import { useKafe, useKafeStoreApi } from '../../store';
import { MessageBusContext } from './edges/busContext';
import { DotsLayer } from './edges/DotsLayer';
import { feedMessages } from './edges/feed';
import { MessageEdge, type MessageEdgeType } from './edges/MessageEdge';
import { MessageBus } from './edges/messageBus';
import { setFlowInstance } from './flowInstance';
import { NODE_KINDS } from './icons';
import { LiveFeed, LiveFeedContext } from './liveFeed';
import { NODE_WIDTH } from './nodeWidths';
import { BrokerNode } from './nodes/BrokerNode';
import { ConsumerNode } from './nodes/ConsumerNode';
import { ProducerNode } from './nodes/ProducerNode';
import { ServiceNode } from './nodes/ServiceNode';
import { TopicNode } from './nodes/TopicNode';
import type { KafeFlowNode } from './nodes/types';
import { NODE_DRAG_TYPE } from './Palette';
import { openingViewport } from './openingView';
import { fitReadable, ReadableFit } from './ReadableFit';
import { OpeningZoomContext, READABLE_MIN_ZOOM, type Viewport } from './semanticZoom';
import './canvas.css';

const nodeTypes: NodeTypes = {
  producer: ProducerNode,
  topic: TopicNode,
  service: ServiceNode,
  consumer: ConsumerNode,
  broker: BrokerNode,
} as NodeTypes;
const edgeTypes: EdgeTypes = { message: MessageEdge } as EdgeTypes;

const KIND_COLORS: Record<NodeKind, string> = {
  producer: '#2f6f8f',
  topic: '#6f4e37',
  service: '#3d7a4a',
  consumer: '#7a4d8c',
  broker: '#5e5e5e',
};

/** The overview map, smaller than React Flow's 200 x 150 so it hides less of the canvas. */
const MINIMAP_SIZE = { width: 150, height: 100 };
/** Window height and width from which the overview map is shown from the start: a tall window
 * with the wide layout (palette | canvas | course side by side, app.css above 1100 px). */
const OVERVIEW_FROM = '(min-height: 900px) and (min-width: 1101px)';

/** How far below the top edge of a dropped node the pointer is: it holds the node by its header. */
const DROP_GRIP_Y = 30;

type Size = { width: number; height: number };

/**
 * The canvas: a controlled React Flow view of `scenario.nodes` / `scenario.edges`. The store is
 * the only source of truth; React Flow changes are turned into store actions (move, select,
 * delete, connect) and nothing is kept locally except measured sizes and edge selection.
 */
export function KafeCanvas() {
  const { t } = useT();
  const store = useKafeStoreApi();
  const { scenarioNodes, scenarioEdges } = useKafe(useShallow((s) => ({ scenarioNodes: s.scenario.nodes, scenarioEdges: s.scenario.edges })));
  const selectedId = useKafe((s) => s.selectedId);
  const { moveNode, select, removeNodes, removeEdges, connect, addNode } = useKafe(
    useShallow((s) => ({ moveNode: s.moveNode, select: s.select, removeNodes: s.removeNodes, removeEdges: s.removeEdges, connect: s.connect, addNode: s.addNode })),
  );

  const [measured, setMeasured] = useState<ReadonlyMap<string, Size>>(() => new Map());
  const [selectedEdges, setSelectedEdges] = useState<ReadonlySet<string>>(() => new Set());
  const [bus] = useState(() => new MessageBus());
  // The overview map starts hidden where the canvas is short (a 1366 x 768 laptop) or narrow (a
  // tablet, where the readable zoom leaves the flow wider than the pane): it would cover nodes
  // there (a broker at 820 x 1180). The learner can show it. Chosen with the opening view, below:
  // the first render reads no window, so it is the same as the build's prerender (prerender/).
  const [overview, setOverview] = useState(false);
  const [feed] = useState(() => new LiveFeed(store));
  const instanceRef = useRef<ReactFlowInstance | null>(null);
  const wrapperRef = useRef<HTMLDivElement | null>(null);
  // The view the canvas opens at (openingView.ts): estimated once the pane has its size, before
  // the first paint, and only then is React Flow mounted, so its nodes' first render is already
  // in the form that view shows. Without an estimate (no nodes, no size) it opens at zoom 1.
  const [opening, setOpening] = useState<Viewport | 'unknown' | null>(null);
  useLayoutEffect(() => {
    const pane = wrapperRef.current;
    if (opening !== null || !pane) return;
    setOpening(openingViewport(store.getState().scenario.nodes, pane) ?? 'unknown');
    setOverview(window.matchMedia(OVERVIEW_FROM).matches);
  }, [opening, store]);
  const openingView = opening === null || opening === 'unknown' ? undefined : opening;

  const nodes = useMemo<KafeFlowNode[]>(
    () =>
      scenarioNodes.map(
        (n) =>
          ({
            id: n.id,
            type: n.kind,
            position: n.position,
            data: { node: n },
            selected: n.id === selectedId,
            measured: measured.get(n.id),
            ariaLabel: `${t(`canvas.kind.${n.kind}`)}: ${n.label}`,
          }) as KafeFlowNode,
      ),
    [scenarioNodes, selectedId, measured, t],
  );

  const nodeIdsKey = scenarioNodes.map((n) => n.id).join('\n');
  const nodeIds = useMemo(() => (nodeIdsKey === '' ? [] : nodeIdsKey.split('\n')), [nodeIdsKey]);

  const edges = useMemo<MessageEdgeType[]>(
    () =>
      scenarioEdges.map((e) => ({
        id: e.id,
        source: e.source,
        target: e.target,
        type: 'message',
        selected: selectedEdges.has(e.id),
        markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 },
      })),
    [scenarioEdges, selectedEdges],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<KafeFlowNode>[]) => {
      let sizes: Map<string, Size> | null = null;
      let picked: string | null | undefined;
      for (const c of changes) {
        if (c.type === 'position' && c.position) moveNode(c.id, c.position);
        else if (c.type === 'dimensions' && c.dimensions) {
          const old = (sizes ?? measured).get(c.id);
          if (old?.width === c.dimensions.width && old?.height === c.dimensions.height) continue;
          sizes ??= new Map(measured);
          sizes.set(c.id, c.dimensions);
        } else if (c.type === 'select') {
          if (c.selected) picked = c.id;
          else if (picked === undefined && c.id === store.getState().selectedId) picked = null;
        }
        // 'remove' is handled once, for nodes and edges together, in onDelete.
      }
      if (sizes) setMeasured(sizes);
      if (picked !== undefined) select(picked);
    },
    [measured, moveNode, select, store],
  );

  const onEdgesChange = useCallback((changes: EdgeChange<MessageEdgeType>[]) => {
    const selects = changes.filter((c) => c.type === 'select');
    if (selects.length === 0) return;
    setSelectedEdges((prev) => {
      const next = new Set(prev);
      for (const c of selects) {
        if (c.selected) next.add(c.id);
        else next.delete(c.id);
      }
      return next;
    });
  }, []);

  const onDelete: OnDelete<KafeFlowNode, MessageEdgeType> = useCallback(
    ({ nodes: gone, edges: goneEdges }) => {
      const goneIds = new Set(gone.map((n) => n.id));
      // Edges attached to removed nodes go with them; remove only the others explicitly.
      const loose = goneEdges.filter((e) => !goneIds.has(e.source) && !goneIds.has(e.target)).map((e) => e.id);
      if (goneIds.size > 0) removeNodes([...goneIds]);
      if (loose.length > 0) removeEdges(loose);
      setSelectedEdges(new Set());
    },
    [removeNodes, removeEdges],
  );

  const onConnect = useCallback((c: Connection) => void connect(c.source, c.target), [connect]);

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(NODE_DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const kind = event.dataTransfer.getData(NODE_DRAG_TYPE) as NodeKind;
      if (!NODE_KINDS.includes(kind)) return;
      event.preventDefault();
      const at = instanceRef.current?.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      addNode(kind, at ? { x: Math.round(at.x - NODE_WIDTH[kind] / 2), y: Math.round(at.y - DROP_GRIP_Y) } : undefined);
    },
    [addNode],
  );

  const onInit = useCallback(
    (instance: ReactFlowInstance<KafeFlowNode, MessageEdgeType>) => {
      instanceRef.current = instance as unknown as ReactFlowInstance;
      setFlowInstance(instanceRef.current, wrapperRef.current);
      feed.setVisibility((id) => onScreen(instance, paneSize.current, id));
    },
    [feed],
  );

  useEffect(() => () => setFlowInstance(null, null), []);

  useEffect(() => feed.start(), [feed]);

  // The pane's size as last observed (reading it from the DOM while nodes update would force a layout).
  const paneSize = useRef({ width: 0, height: 0 });
  useEffect(() => {
    const pane = wrapperRef.current;
    if (!pane) return;
    const observer = new ResizeObserver(() => {
      paneSize.current = { width: pane.clientWidth, height: pane.clientHeight };
      feed.viewportChanged();
    });
    observer.observe(pane);
    return () => observer.disconnect();
  }, [feed]);

  // Messages in flight: fed from each new frame's trace, outside React rendering.
  useEffect(() => {
    const unsubscribe = store.subscribe((state, prev) => {
      if (state.frame === prev.frame) return;
      if (state.frame.now < prev.frame.now || state.scenario.edges !== prev.scenario.edges) bus.clear();
      feedMessages(bus, state);
    });
    return () => {
      unsubscribe();
      bus.dispose();
    };
  }, [store, bus]);

  const ariaLabelConfig = useMemo(
    () => ({
      'node.a11yDescription.default': t('canvas.a11y.node'),
      'node.a11yDescription.keyboardDisabled': t('canvas.a11y.nodeKeyboard'),
      'node.a11yDescription.ariaLiveMessage': ({ direction, x, y }: { direction: string; x: number; y: number }) =>
        t('canvas.a11y.moved', { direction, x: Math.round(x), y: Math.round(y) }),
      'edge.a11yDescription.default': t('canvas.a11y.edge'),
      'controls.ariaLabel': t('canvas.controls'),
      'controls.zoomIn.ariaLabel': t('canvas.controls.zoomIn'),
      'controls.zoomOut.ariaLabel': t('canvas.controls.zoomOut'),
      'controls.fitView.ariaLabel': t('canvas.controls.fitView'),
      'controls.interactive.ariaLabel': t('canvas.controls.interactive'),
      'minimap.ariaLabel': t('canvas.minimap'),
      'handle.ariaLabel': t('canvas.handle.out'),
    }),
    [t],
  );

  return (
    <div className="kafe-canvas" ref={wrapperRef} role="region" aria-label={t('canvas.label')} data-testid="kafe-canvas">
      <LiveFeedContext.Provider value={feed}>
      <MessageBusContext.Provider value={bus}>
      <OpeningZoomContext.Provider value={openingView?.zoom ?? null}>
        {/* Before the flow is mounted: never painted when the app draws from scratch (the opening
            view is chosen before the first paint), shown by the build's prerender until hydrated. */}
        {opening === null && <p className="kafe-canvas__drawing">{t('canvas.drawing')}</p>}
        {opening !== null && (
          <ReactFlow<KafeFlowNode, MessageEdgeType>
            defaultViewport={openingView}
            nodes={nodes}
            edges={edges}
            nodeTypes={nodeTypes}
            edgeTypes={edgeTypes}
            onNodesChange={onNodesChange}
            onEdgesChange={onEdgesChange}
            onDelete={onDelete}
            onConnect={onConnect}
            onInit={onInit}
            onMoveEnd={() => feed.viewportChanged()}
            onDragOver={onDragOver}
            onDrop={onDrop}
            onPaneClick={() => select(null)}
            deleteKeyCode={['Delete', 'Backspace']}
            multiSelectionKeyCode={null}
            // Space belongs to play/pause (see controls/actions.ts); panning is by dragging the pane.
            panActivationKeyCode={null}
            // The first view is fitted by ReadableFit (never below a readable zoom), not by fitView.
            fitViewOptions={{ padding: 0.15, maxZoom: 1 }}
            // Below the readable zoom, even a node's summary would be too small to read.
            minZoom={READABLE_MIN_ZOOM}
            maxZoom={2}
            proOptions={{ hideAttribution: true }}
            ariaLabelConfig={ariaLabelConfig}
          >
            <Background variant={BackgroundVariant.Dots} gap={20} size={1.4} color="#cdb9a3" />
            <DotsLayer />
            <ReadableFit nodeIds={nodeIds} />
            {/* Fit view fits at a readable zoom (from the flow's start when everything does not fit).
                Our own button: the built-in one runs React Flow's centring fitView before onFitView,
                and that fit, applied late, overrides the readable one. */}
            <Controls showInteractive={false} showFitView={false} position="bottom-left">
              <ControlButton
                className="react-flow__controls-fitview"
                title={t('canvas.controls.fitView')}
                aria-label={t('canvas.controls.fitView')}
                onClick={() => fitReadable(instanceRef.current, wrapperRef.current)}
              >
                <FitIcon />
              </ControlButton>
              {/* In the controls' column, where it covers no node (at the corner it lay over a topic). */}
              <ControlButton
                className="kafe-canvas__overview-toggle"
                title={overview ? t('canvas.minimap.hide') : t('canvas.minimap.show')}
                aria-label={overview ? t('canvas.minimap.hide') : t('canvas.minimap.show')}
                aria-pressed={overview}
                onClick={() => setOverview((v) => !v)}
              >
                <OverviewIcon />
              </ControlButton>
            </Controls>
            {overview && (
              <MiniMap
                position="bottom-right"
                pannable
                zoomable
                ariaLabel={t('canvas.minimap')}
                nodeColor={(n) => KIND_COLORS[(n.type as NodeKind) ?? 'topic'] ?? '#888'}
                nodeStrokeWidth={2}
                maskColor="rgb(250 246 240 / 0.7)"
                style={MINIMAP_SIZE}
              />
            )}
          </ReactFlow>
        )}
      </OpeningZoomContext.Provider>
      </MessageBusContext.Provider>
      </LiveFeedContext.Provider>
      {scenarioNodes.every((n) => n.kind === 'broker') && (
        <div className="kafe-canvas__empty">
          <h2>{t('canvas.empty.title')}</h2>
          <p>{t('canvas.empty.body')}</p>
        </div>
      )}
    </div>
  );
}

/** Whether node `id` is at least partly inside the canvas's pane at the current viewport. */
function onScreen(flow: ReactFlowInstance<KafeFlowNode, MessageEdgeType>, pane: Size, id: string): boolean {
  const node = flow.getInternalNode(id);
  if (!node || pane.width === 0) return true;
  const { x, y, zoom } = flow.getViewport();
  const left = node.internals.positionAbsolute.x * zoom + x;
  const top = node.internals.positionAbsolute.y * zoom + y;
  const width = (node.measured.width ?? 0) * zoom;
  const height = (node.measured.height ?? 0) * zoom;
  return left < pane.width && left + width > 0 && top < pane.height && top + height > 0;
}

/** A frame with a small map in its corner: "the overview map". */
function OverviewIcon() {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true">
      <path fillRule="evenodd" d="M2 4h20v16H2zm2 2v12h16V6z" />
      <path d="M12 11h6v5h-6z" />
    </svg>
  );
}

/** Four corners of a frame: "show the whole flow". */
function FitIcon() {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true">
      <path d="M2 8V2h6v2H4v4zM16 2h6v6h-2V4h-4zM22 16v6h-6v-2h4v-4zM8 22H2v-6h2v4h4z" />
    </svg>
  );
}
