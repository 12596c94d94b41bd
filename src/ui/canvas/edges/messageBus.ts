/**
 * Short-lived "message in flight" dots per edge, fed from the trace once per frame and read by
 * each MessageEdge. Lives outside React state so a busy frame updates only the edges that carry
 * traffic. Dots live DOT_LIFE_MS of real (wall-clock) time, whatever the simulation speed.
 */
export const DOT_LIFE_MS = 700;
/** Upper bound of dots alive on one edge; beyond it new messages are sampled out. */
export const MAX_DOTS_PER_EDGE = 12;

export interface Dot {
  id: number;
  hue: number | null;
  /** performance.now() when it was launched. */
  born: number;
}

type Listener = () => void;
const EMPTY: readonly Dot[] = [];

export class MessageBus {
  private dots = new Map<string, readonly Dot[]>();
  private listeners = new Map<string, Set<Listener>>();
  private anyListeners = new Set<Listener>();
  private seq = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** Dots currently on `edgeId` (same array until it changes, for useSyncExternalStore). */
  get(edgeId: string): readonly Dot[] {
    return this.dots.get(edgeId) ?? EMPTY;
  }

  /** Every edge's live dots (the dots layer draws them all in one pass). */
  entries(): IterableIterator<[string, readonly Dot[]]> {
    return this.dots.entries();
  }

  /** Called whenever dots are launched or cleared on any edge. */
  subscribeAny(listener: Listener): () => void {
    this.anyListeners.add(listener);
    return () => this.anyListeners.delete(listener);
  }

  subscribe(edgeId: string, listener: Listener): () => void {
    let set = this.listeners.get(edgeId);
    if (!set) this.listeners.set(edgeId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(edgeId);
    };
  }

  /**
   * Launches one dot per hue on `edgeId`, keeping at most MAX_DOTS_PER_EDGE alive. When more
   * arrive than fit, an even sample of them is launched so every key still has a chance to show.
   */
  launch(edgeId: string, hues: readonly (number | null)[]): void {
    if (hues.length === 0) return;
    const t = this.now();
    const alive = this.get(edgeId).filter((d) => t - d.born < DOT_LIFE_MS);
    const room = MAX_DOTS_PER_EDGE - alive.length;
    if (room <= 0 && alive.length === this.get(edgeId).length) return;
    const picked = room >= hues.length ? hues : sample(hues, Math.max(0, room));
    const next = [...alive, ...picked.map((hue) => ({ id: ++this.seq, hue, born: t }))];
    this.dots.set(edgeId, next);
    this.emit(edgeId);
    this.schedulePrune();
  }

  /** Forgets every dot (e.g. after a jump back in time). */
  clear(): void {
    const edges = [...this.dots.keys()];
    this.dots.clear();
    for (const e of edges) this.emit(e);
  }

  /** Stops the pruning timer and drops all dots; edges stay subscribed (they unsubscribe themselves). */
  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.clear();
  }

  private emit(edgeId: string): void {
    for (const l of this.listeners.get(edgeId) ?? []) l();
    for (const l of this.anyListeners) l();
  }

  private schedulePrune(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      const t = this.now();
      for (const [edgeId, dots] of this.dots) {
        const alive = dots.filter((d) => t - d.born < DOT_LIFE_MS);
        if (alive.length === dots.length) continue;
        if (alive.length === 0) this.dots.delete(edgeId);
        else this.dots.set(edgeId, alive);
        this.emit(edgeId);
      }
      if (this.dots.size > 0) this.schedulePrune();
    }, DOT_LIFE_MS / 2);
  }
}

/** `n` items spread evenly over `items` (keeps first and spreads the rest). */
function sample<T>(items: readonly T[], n: number): T[] {
  if (n <= 0) return [];
  const out: T[] = [];
  const stride = items.length / n;
  for (let i = 0; i < n; i++) out.push(items[Math.floor(i * stride)]);
  return out;
}
