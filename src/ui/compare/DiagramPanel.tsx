import { useEffect, useId, useRef, useState } from 'react';
import type { Diagram, Side } from '../../compare';
import { useT } from '../../i18n';
import { loadMermaid } from '../common/mermaid';
import { buildDiagram, diagramHeading, orderRange, suggestOrder } from './diagrams';
import { useCompare } from '../../store/compare';

type Mode = 'order' | 'first';

let renderCount = 0;

/**
 * Sequence diagrams generated from the run's trace: one order (by number) or the first N events of
 * a side. Rendered by Mermaid from our own sanitized text into SVG, and copyable as Mermaid text.
 */
export function DiagramPanel() {
  const { t } = useT();
  const runNumber = useCompare((s) => s.runNumber);
  // Once per virtual second is often enough to refresh which orders are still in the trace.
  useCompare((s) => s.snapshot.t.length);
  const getRun = useCompare((s) => s.getRun);
  const setDiagramOrder = useCompare((s) => s.setDiagramOrder);
  const [side, setSide] = useState<Side>('sync');
  const [mode, setMode] = useState<Mode>('order');
  const [orderText, setOrderText] = useState('');
  const [count, setCount] = useState(30);
  const [diagram, setDiagram] = useState<Diagram | null>(null);
  const [heading, setHeading] = useState('');
  const [status, setStatus] = useState<'idle' | 'rendering' | 'done' | 'failed'>('idle');
  const [copied, setCopied] = useState(false);
  const svgRef = useRef<HTMLDivElement>(null);
  const textId = useId();
  const formId = useId();

  // A new run invalidates what was drawn from the old one.
  useEffect(() => {
    setDiagram(null);
    setStatus('idle');
  }, [runNumber]);

  const range = orderRange(getRun());

  const generate = (nextSide = side, nextMode = mode) => {
    const run = getRun();
    const typed = Number.parseInt(orderText, 10);
    const order = Number.isFinite(typed) && typed >= 0 ? typed : suggestOrder(run) ?? 0;
    if (nextMode === 'order') {
      setOrderText(String(order));
      setDiagramOrder(order);
    }
    setCopied(false);
    setHeading(diagramHeading(t, nextSide, nextMode, order, count));
    setDiagram(buildDiagram(run, nextSide, nextMode, order, count));
  };

  useEffect(() => {
    if (!diagram) return;
    let cancelled = false;
    setStatus('rendering');
    loadMermaid()
      .then((mermaid) => mermaid.render(`cmp-seq-${++renderCount}`, diagram.text))
      .then(({ svg }) => {
        if (cancelled || !svgRef.current) return;
        // Mermaid's SVG, from text we generated and sanitized (see src/compare/mermaid.ts).
        svgRef.current.innerHTML = svg;
        setStatus('done');
      })
      .catch(() => {
        if (!cancelled) setStatus('failed');
      });
    return () => {
      cancelled = true;
    };
  }, [diagram]);

  const copy = async () => {
    if (!diagram) return;
    try {
      await navigator.clipboard.writeText(diagram.text);
      setCopied(true);
    } catch {
      const area = document.getElementById(textId) as HTMLTextAreaElement | null;
      area?.select();
    }
  };

  return (
    <section className="cmp-panel cmp-diagrams" aria-labelledby="cmp-diagrams-title" data-testid="diagram-panel">
      <h2 id="cmp-diagrams-title" className="cmp-panel__title">
        {t('compare.diagrams.title')}
      </h2>
      <p className="cmp-note">{t('compare.diagrams.intro')}</p>
      <div className="cmp-diagrams__form">
        <fieldset className="cmp-segmented">
          <legend className="cmp-visually-hidden">{t('compare.diagrams.side')}</legend>
          {(['sync', 'eda'] as const).map((s) => (
            <label key={s} className={side === s ? 'is-on' : ''}>
              <input
                type="radio"
                name="cmp-diagram-side"
                value={s}
                checked={side === s}
                onChange={() => {
                  setSide(s);
                  if (diagram) generate(s, mode);
                }}
              />
              {t(s === 'sync' ? 'compare.side.sync' : 'compare.side.eda')}
            </label>
          ))}
        </fieldset>
        <span className="cmp-inline">
          <label htmlFor={`${formId}-mode`}>{t('compare.diagrams.show')}</label>
          <select id={`${formId}-mode`} value={mode} onChange={(e) => setMode(e.target.value as Mode)}>
            <option value="order">{t('compare.diagrams.mode.order')}</option>
            <option value="first">{t('compare.diagrams.mode.first')}</option>
          </select>
        </span>
        {mode === 'order' ? (
          <span className="cmp-inline">
            <label htmlFor={`${formId}-order`}>{t('compare.diagrams.order')}</label>
            <input
              id={`${formId}-order`}
              type="number"
              min={range?.first ?? 0}
              max={range?.last ?? undefined}
              inputMode="numeric"
              className="cmp-number"
              placeholder={range ? String(suggestOrder(getRun())) : ''}
              value={orderText}
              onChange={(e) => setOrderText(e.target.value)}
            />
          </span>
        ) : (
          <span className="cmp-inline">
            <label htmlFor={`${formId}-count`}>{t('compare.diagrams.count')}</label>
            <select id={`${formId}-count`} value={count} onChange={(e) => setCount(Number(e.target.value))}>
              {[10, 20, 30, 50, 80].map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </span>
        )}
        <button type="button" className="button button--small" onClick={() => generate()}>
          {t('compare.diagrams.generate')}
        </button>
        <button type="button" className="button button--small button--quiet" onClick={copy} disabled={!diagram}>
          {copied ? t('compare.diagrams.copied') : t('compare.diagrams.copy')}
        </button>
      </div>
      <p className="cmp-muted cmp-small">
        {range ? t('compare.diagrams.range', { first: range.first, last: range.last }) : t('compare.diagrams.noOrders')}
      </p>
      {diagram && (
        <>
          <h3 className="cmp-panel__subtitle">{heading}</h3>
          <div className="cmp-diagrams__svg" ref={svgRef} data-testid="diagram-svg" data-status={status} aria-live="polite" />
          {status === 'rendering' && <p className="cmp-muted">{t('compare.diagrams.rendering')}</p>}
          {status === 'failed' && <p className="cmp-refused">{t('compare.diagrams.failed')}</p>}
          <details className="cmp-diagrams__text">
            <summary>{t('compare.diagrams.text')}</summary>
            <textarea id={textId} readOnly value={diagram.text} rows={Math.min(24, diagram.text.split('\n').length)} data-testid="diagram-text" />
          </details>
        </>
      )}
    </section>
  );
}
