import type { Translate } from '../../i18n';
import { firstEventsDiagram, orderDiagram, orderNumber, workMs, type CompareRun, type Diagram, type Side } from '../../compare';

/**
 * Which orders the run can still draw: those whose placement is inside the engine's kept trace
 * window (older events are dropped as a run goes on).
 */
export function orderRange(run: CompareRun): { first: number; last: number } | null {
  const trace = run.engine.trace;
  let first = -1;
  let last = -1;
  for (const e of trace) {
    if (e.type === 'requestSent' && e.from === 'user') {
      first = orderNumber(e.requestId);
      break;
    }
  }
  for (let i = trace.length - 1; i >= 0; i--) {
    const e = trace[i];
    if (e.type === 'requestSent' && e.from === 'user') {
      last = orderNumber(e.requestId);
      break;
    }
  }
  return first >= 0 && last >= first ? { first, last } : null;
}

/** A good order to show: placed a few seconds ago (so its story is mostly told), else the first. */
export function suggestOrder(run: CompareRun): number | null {
  const range = orderRange(run);
  if (!range) return null;
  const back = Math.ceil(run.config.ratePerSec * 3);
  return Math.max(range.first, range.last - back);
}

export function buildDiagram(run: CompareRun, side: Side, mode: 'order' | 'first', order: number, count: number): Diagram {
  return mode === 'order'
    ? orderDiagram(run.engine.trace, side, order, workMs(run.config.services.order))
    : firstEventsDiagram(run.opening, side, count);
}

export function diagramHeading(t: Translate, side: Side, mode: 'order' | 'first', order: number, count: number): string {
  const name = t(side === 'sync' ? 'compare.side.sync' : 'compare.side.eda');
  return mode === 'order' ? t('compare.diagrams.heading.order', { side: name, order }) : t('compare.diagrams.heading.first', { side: name, count });
}
