import { useEffect, useRef, useState } from 'react';
import { useOnScreen } from '../common/useOnScreen';
import { lazyImport } from '../../util/lazyImport';
import type uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface LineSeries {
  label: string;
  /** Line colour; also shown in the HTML legend. */
  color: string;
  /** One value per x; null leaves a gap. */
  values: readonly (number | null)[];
  /** Dashed line, so series differ by more than colour. */
  dash?: boolean;
}

interface Props {
  /** Accessible description of the chart (the canvas itself is not readable). */
  summary: string;
  /** X values: virtual time, seconds. */
  t: readonly number[];
  series: readonly LineSeries[];
  height?: number;
}

type UPlot = typeof uPlot;
/** uPlot itself, fetched the first time a chart comes into sight (a failed fetch is tried again next time). */
const uPlotModule = lazyImport(
  () => import('uplot'),
  (m): UPlot => m.default,
);

const AXIS = { stroke: '#5e4a3c', grid: { stroke: '#eadbc9', width: 1 }, ticks: { stroke: '#dcc9b4', width: 1 } };

/**
 * A small uPlot line chart over virtual time. uPlot is created once per set of series (label or
 * colour change, e.g. a language switch) and fed new data with setData; it follows the width of
 * its container. The legend is plain HTML so it reads well and translates with the rest.
 *
 * Drawing waits until the chart is on screen (useOnScreen): the workbench's charts sit below the
 * fold at 1366×768 and in a closed sheet on a phone, and creating and redrawing them there cost
 * the first load and every running frame for nothing. uPlot's code waits too: it is fetched and run
 * the first time a chart comes into sight (its evaluation was a ~60-90 ms long task at the end of
 * the first load, 4x throttled, for charts no one could see). Data is kept by the caller, so a
 * chart scrolled into view shows the whole history at once.
 */
export function LineChart({ summary, t, series, height = 130 }: Props) {
  const boxRef = useRef<HTMLDivElement>(null);
  const plotRef = useRef<uPlot | null>(null);
  const onScreen = useOnScreen(boxRef);
  const shape = series.map((s) => `${s.label}|${s.color}|${s.dash ? 1 : 0}`).join(';');
  // Created on first sight, then kept (scrolling away and back does not rebuild it).
  const [seen, setSeen] = useState(false);
  if (onScreen && !seen) setSeen(true);
  const [UPlot, setUPlot] = useState<UPlot | null>(() => uPlotModule.loaded());

  useEffect(() => {
    if (!seen || UPlot) return;
    let live = true;
    uPlotModule.load().then(
      (loaded) => live && setUPlot(() => loaded),
      () => undefined, // the chart stays empty (its summary and legend still read); next sight tries again
    );
    return () => {
      live = false;
    };
  }, [seen, UPlot]);

  useEffect(() => {
    const box = boxRef.current;
    if (!box || !seen || !UPlot) return;
    const opts: uPlot.Options = {
      width: Math.max(120, box.clientWidth),
      height,
      legend: { show: false },
      cursor: { show: false },
      select: { show: false, left: 0, top: 0, width: 0, height: 0 },
      scales: { x: { time: false }, y: { range: (_u, _min, max) => [0, Math.max(1, max * 1.1)] } },
      axes: [
        // Whole seconds when the ticks are a second or more apart, else one decimal ("1.5s"),
        // so neighbouring ticks never read the same.
        { ...AXIS, size: 28, values: (_u, ticks) => ticks.map((v) => `${ticks.length > 1 && Math.abs(ticks[1] - ticks[0]) < 1 ? v.toFixed(1) : Math.round(v)}s`) },
        { ...AXIS, size: 44 },
      ],
      series: [
        {},
        ...series.map((s) => ({
          label: s.label,
          stroke: s.color,
          width: 2,
          dash: s.dash ? [6, 4] : undefined,
          points: { show: false },
        })),
      ],
    };
    const plot = new UPlot(opts, [[], ...series.map(() => [])], box);
    plotRef.current = plot;
    const observer = new ResizeObserver(() => {
      const width = Math.max(120, box.clientWidth);
      if (width !== plot.width) plot.setSize({ width, height });
    });
    observer.observe(box);
    return () => {
      observer.disconnect();
      plot.destroy();
      plotRef.current = null;
    };
    // `series` values are fed below; only the shape of the series recreates the chart.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shape, height, seen, UPlot]);

  useEffect(() => {
    if (onScreen) plotRef.current?.setData([t as number[], ...series.map((s) => s.values as (number | null)[])]);
  });

  return (
    <figure className="chart">
      <div ref={boxRef} className="chart__plot" role="img" aria-label={summary} style={{ minHeight: height }} />
      <figcaption className="chart__legend">
        {series.map((s) => (
          <span key={s.label} className="chart__key">
            <span className={`chart__swatch${s.dash ? ' chart__swatch--dash' : ''}`} style={{ borderColor: s.color }} aria-hidden="true" />
            {s.label}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
