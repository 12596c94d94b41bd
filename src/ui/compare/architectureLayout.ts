import { downstreamOf, RESULT_EVENTS, THREADS_PER_INSTANCE, type CompareConfig, type DownstreamId, type ServiceId, type Side } from '../../compare';
import type { Translate } from '../../i18n';
import type { Activity } from '../../store/compare';
import { serviceName, statusOf, type Status } from './labels';

/**
 * Where the boxes and edges of one side's architecture picture go, as a pure function of the run's
 * state (no DOM, no React), so the geometry is unit-tested. Two orientations of the same picture:
 *
 * - wide: left to right (User -> Order -> downstream services / topics), for a pane at least as
 *   wide as the picture (WIDE_WIDTH). Drawn at the pane's width, never narrower.
 * - tall: top to bottom (User, Order [and the orders topic] in a column, then one row per
 *   downstream service, hanging off a vertical spine), for a pane narrower than that (a phone).
 *   Drawn at scale 1 (SVG units = CSS px), so its 11 px labels stay 11 px on screen.
 *
 * Both show the same boxes and edges, with the same keys, status lights, backlog figures, tags
 * and activity keys; only the coordinates differ.
 */
export interface LayoutInput {
  config: CompareConfig;
  backlog: Partial<Record<ServiceId, number>>;
  activity: Activity;
  /** Services a feature added during this run, and services whose code had to change for it. */
  added: readonly string[];
  changed: readonly string[];
}

export interface Box {
  key: string;
  x: number;
  y: number;
  w: number;
  h: number;
  title: string;
  detail: string;
  kind: 'user' | 'service' | 'topic';
  status?: Status;
  failing?: boolean;
  tag?: 'new' | 'changed';
  /** Sync requests in progress or EDA lag, for services. */
  backlog?: number;
}

export interface Edge {
  key: string;
  d: string;
  /** Activity key of traffic along the edge, and (sync) of answers coming back. */
  forward: string;
  back?: string;
  label?: string;
  labelAt?: [number, number];
}

export interface Layout {
  boxes: Box[];
  edges: Edge[];
  width: number;
  height: number;
}

export type Orientation = { kind: 'wide' } | { kind: 'tall'; width: number };

export const WIDE: Orientation = { kind: 'wide' };

/** The wide picture's width in SVG units: a pane narrower than this gets the tall picture. */
export const WIDE_WIDTH: Record<Side, number> = { sync: 480, eda: 588 };

/**
 * The tall picture's width range. TALL_MIN is the narrowest whose labels still fit their boxes
 * (an EDA row holds a service, e.g. "Fraud check" beside its light, and its result topic, e.g.
 * "PaymentCompleted", side by side): the pane of a 360 px wide phone (360 - 2 x 18 view padding
 * - 2 x 15 pane padding and border). A pane narrower still scrolls the picture sideways, as the
 * wide one did; above TALL_MAX the boxes would only stretch, so the picture stops growing.
 */
export const TALL_MIN = 294;
export const TALL_MAX = 420;

/**
 * Which picture a pane `paneWidth` CSS px wide shows (null: not measured yet, e.g. rendering on
 * the server). The wide picture when it fits at its own size or larger (the desktop panes), else
 * the tall one as wide as the pane, within [TALL_MIN, TALL_MAX].
 */
export function pickOrientation(side: Side, paneWidth: number | null): Orientation {
  if (paneWidth === null || paneWidth >= WIDE_WIDTH[side]) return WIDE;
  return { kind: 'tall', width: Math.max(TALL_MIN, Math.min(TALL_MAX, Math.floor(paneWidth))) };
}

const ROW = 58;
const BOX_H = 46;
const PAD = 14;

type Point = [number, number];

const right = (b: Box): Point => [b.x + b.w, b.y + b.h / 2];
const left = (b: Box): Point => [b.x, b.y + b.h / 2];

/** A left-to-right S curve, leaving and arriving horizontally. */
function curve(from: Point, to: Point): string {
  const dx = (to[0] - from[0]) / 2;
  return `M${from[0]},${from[1]} C${from[0] + dx},${from[1]} ${to[0] - dx},${to[1]} ${to[0]},${to[1]}`;
}

/** Down a vertical spine from `from`, bending at the end into `to` (leaving down, arriving right). */
function branch(from: Point, to: Point): string {
  return `M${from[0]},${from[1]} C${from[0]},${to[1]} ${from[0]},${to[1]} ${to[0]},${to[1]}`;
}

/** The boxes both orientations share, with their contents; the orientation places them. */
function boxMaker(side: Side, input: LayoutInput, t: Translate) {
  const { config, backlog, activity } = input;
  const tagOf = (id: string): Box['tag'] => (input.added.includes(id) ? 'new' : input.changed.includes(id) ? 'changed' : undefined);
  const service = (id: ServiceId, x: number, y: number, w: number): Box => {
    const s = config.services[id];
    const b = backlog[id] ?? 0;
    const status = statusOf(side, config, id, b);
    const detail =
      side === 'sync'
        ? t('compare.node.sync', { instances: s.instances, threads: s.instances * THREADS_PER_INSTANCE, queue: b })
        : id === 'order'
          ? t('compare.node.publisher')
          : t('compare.node.eda', { instances: s.instances, lag: b });
    return {
      key: id,
      x,
      y,
      w,
      h: BOX_H,
      title: serviceName(t, id),
      detail,
      kind: 'service',
      status,
      failing: (activity[`x:${side === 'sync' ? 's' : 'e'}:${id}`] ?? 0) > 0.1,
      tag: tagOf(id),
      backlog: b,
    };
  };
  // Each side's user fails only through its own side: a sync call chain that errors, or an order
  // the event-driven side could not publish.
  const userFailing = (activity[`x:${side === 'sync' ? 's' : 'e'}:user`] ?? 0) > 0.1;
  const user = (x: number, y: number, w: number, h = BOX_H): Box => ({ key: 'user', x, y, w, h, title: t('compare.user'), detail: '', kind: 'user', failing: userFailing });
  const ordersTopic = (x: number, y: number, w: number): Box => ({ key: 'topic:orders', x, y, w, h: BOX_H, title: t('compare.topic', { name: 'orders' }), detail: 'OrderPlaced', kind: 'topic' });
  const resultTopic = (id: DownstreamId, x: number, y: number, w: number): Box => {
    const result = RESULT_EVENTS[id];
    return { key: `topic:${result.topic}`, x, y, w, h: BOX_H, title: t('compare.topic', { name: result.topic }), detail: result.eventType, kind: 'topic', tag: tagOf(id) === 'new' ? 'new' : undefined };
  };
  return { service, user, ordersTopic, resultTopic };
}

/* The edges both orientations draw: the same keys and activity keys, along the path `d` each
   orientation gives. */

/** The user's order to Order (sync: a call answered back; event-driven: the order placed). */
const userToOrder = (side: Side, d: string): Edge =>
  side === 'sync' ? { key: 'user>order', d, forward: 's:user>order', back: 's:order<user' } : { key: 'user>order', d, forward: 'e:user>order' };
/** Order's numbered call to its i-th downstream service (sync). */
const syncCall = (id: DownstreamId, i: number, d: string, labelAt: Point): Edge => ({ key: `order>${id}`, d, forward: `s:order>${id}`, back: `s:${id}<order`, label: String(i + 1), labelAt });
/** Order publishing to the orders topic (event-driven). */
const orderToTopic = (d: string): Edge => ({ key: 'order>orders', d, forward: 'e:order>orders', back: 'e:order<orders' });
/** A downstream service reading the orders topic (event-driven). */
const topicToService = (id: DownstreamId, d: string): Edge => ({ key: `orders>${id}`, d, forward: `e:orders>${id}` });
/** A downstream service publishing its result event (event-driven). */
const serviceToResult = (id: DownstreamId, d: string): Edge => ({ key: `${id}>${RESULT_EVENTS[id].topic}`, d, forward: `e:${id}>${RESULT_EVENTS[id].topic}` });

export function layout(side: Side, input: LayoutInput, t: Translate, orientation: Orientation = WIDE): Layout {
  return orientation.kind === 'wide' ? wideLayout(side, input, t) : tallLayout(side, input, t, orientation.width);
}

function wideLayout(side: Side, input: LayoutInput, t: Translate): Layout {
  const make = boxMaker(side, input, t);
  const downstream = downstreamOf(input.config.features);
  const height = Math.max(3, downstream.length) * ROW + PAD * 2 - (ROW - BOX_H);
  const centerY = height / 2 - BOX_H / 2;
  const rowY = (i: number) => PAD + i * ROW + (Math.max(3, downstream.length) - downstream.length) * (ROW / 2);
  const user = make.user(4, centerY, side === 'sync' ? 58 : 50);

  if (side === 'sync') {
    const order = make.service('order', 96, centerY, 128);
    const boxes: Box[] = [user, order];
    const edges: Edge[] = [userToOrder(side, curve(right(user), left(order)))];
    downstream.forEach((id, i) => {
      const box = make.service(id, 300, rowY(i), 170);
      boxes.push(box);
      const from = right(order);
      edges.push(syncCall(id, i, curve(from, left(box)), [from[0] + 22, from[1] + (left(box)[1] - from[1]) * 0.22 - 4]));
    });
    return { boxes, edges, width: WIDE_WIDTH.sync, height };
  }

  const order = make.service('order', 72, centerY, 84);
  const orders = make.ordersTopic(178, centerY, 104);
  const boxes: Box[] = [user, order, orders];
  const edges: Edge[] = [userToOrder(side, curve(right(user), left(order))), orderToTopic(curve(right(order), left(orders)))];
  downstream.forEach((id, i) => {
    const box = make.service(id, 304, rowY(i), 112);
    const topic = make.resultTopic(id, 440, rowY(i), 144);
    boxes.push(box, topic);
    edges.push(topicToService(id, curve(right(orders), left(box))), serviceToResult(id, curve(right(box), left(topic))));
  });
  return { boxes, edges, width: WIDE_WIDTH.eda, height };
}

/** Left edge of the tall picture's column, and the x of its spine (the vertical edges). */
const TALL_X = 4;
const SPINE = 24;
/** Vertical room between two stacked boxes of the column, for an edge and its arrowhead. */
const TALL_GAP = 26;
/** Room between a service and its result topic in a tall EDA row. */
const TOPIC_GAP = 10;
/** Row pitch of the tall picture's downstream rows: 16 px between rows, room for a tag (Thai marks rise high). */
const TALL_ROW = 62;
/** The user box has a title only: in the tall picture it is no taller than that needs. */
const TALL_USER_H = 30;

function tallLayout(side: Side, input: LayoutInput, t: Translate, requested: number): Layout {
  const width = Math.max(TALL_MIN, requested);
  const make = boxMaker(side, input, t);
  const downstream = downstreamOf(input.config.features);
  const below = (b: Box) => b.y + b.h + TALL_GAP;
  const bottom = (b: Box): Point => [SPINE, b.y + b.h];
  const top = (b: Box): Point => [SPINE, b.y];
  const user = make.user(TALL_X, PAD, 64, TALL_USER_H);
  const boxes: Box[] = [user];
  const edges: Edge[] = [];

  if (side === 'sync') {
    const order = make.service('order', TALL_X, below(user), 150);
    boxes.push(order);
    edges.push(userToOrder(side, branch(bottom(user), top(order))));
    const x = SPINE + 24;
    const w = Math.min(240, width - x - TALL_X);
    downstream.forEach((id, i) => {
      const box = make.service(id, x, below(order) + i * TALL_ROW, w);
      boxes.push(box);
      const to = left(box);
      edges.push(syncCall(id, i, branch(bottom(order), to), [SPINE + 7, to[1] - 5]));
    });
  } else {
    const order = make.service('order', TALL_X, below(user), 110);
    const orders = make.ordersTopic(TALL_X, below(order), 130);
    boxes.push(order, orders);
    edges.push(userToOrder(side, branch(bottom(user), top(order))), orderToTopic(branch(bottom(order), top(orders))));
    const x = SPINE + 12;
    const room = width - x - TALL_X - TOPIC_GAP;
    // The result topic needs the room more: its event type (e.g. PaymentCompleted) is the longest label.
    const serviceW = Math.max(107, Math.min(140, Math.round(room * 0.44)));
    const topicW = Math.min(180, room - serviceW);
    downstream.forEach((id, i) => {
      const y = below(orders) + i * TALL_ROW;
      const box = make.service(id, x, y, serviceW);
      const topic = make.resultTopic(id, x + serviceW + TOPIC_GAP, y, topicW);
      boxes.push(box, topic);
      edges.push(topicToService(id, branch(bottom(orders), left(box))), serviceToResult(id, curve(right(box), left(topic))));
    });
  }
  const last = boxes[boxes.length - 1];
  return { boxes, edges, width, height: last.y + last.h + PAD };
}
