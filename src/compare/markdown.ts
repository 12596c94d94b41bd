import type { Diagram } from './mermaid';
import type { Percentiles, RunSummary, SideSummary } from './metrics';

/**
 * A run's summary as Markdown: the metrics table (the same rows the UI shows) and the generated
 * sequence diagrams as ```mermaid fences. Words come from the caller (translated), numbers and
 * diagrams from the run.
 */
export interface SummaryLabels {
  metric: string;
  sync: string;
  eda: string;
  placed: string;
  accepted: string;
  failed: string;
  completed: string;
  latency: string;
  completion: string;
  backlog: string;
  changed: string;
  added: string;
  /** Shown for "no value" (e.g. percentiles of nothing). */
  none: string;
  /** Service names by id (order, payment, ...). */
  services: Record<string, string>;
}

export type SummaryRow = [label: string, sync: string, eda: string];

const num = (x: number) => (Number.isFinite(x) ? String(Math.round(x)) : '');

function pcts(p: Percentiles, none: string): string {
  if (!Number.isFinite(p.p50)) return none;
  return `${num(p.p50)} / ${num(p.p95)} / ${num(p.p99)} ms`;
}

function names(ids: readonly string[], labels: SummaryLabels): string {
  return ids.length ? `${ids.length} (${ids.map((id) => labels.services[id] ?? id).join(', ')})` : '0';
}

export function summaryRows(summary: RunSummary, labels: SummaryLabels): SummaryRow[] {
  const both = (f: (s: SideSummary) => string): [string, string] => [f(summary.sync), f(summary.eda)];
  const backlog = (s: SideSummary) => (s.maxBacklog.service ? `${num(s.maxBacklog.value)} (${labels.services[s.maxBacklog.service] ?? s.maxBacklog.service})` : '0');
  return [
    [labels.placed, ...both((s) => num(s.totals.placed))],
    [labels.accepted, ...both((s) => num(s.totals.accepted))],
    [labels.failed, ...both((s) => num(s.totals.failed))],
    [labels.completed, ...both((s) => num(s.totals.completed))],
    [labels.latency, ...both((s) => pcts(s.latency, labels.none))],
    [labels.completion, ...both((s) => pcts(s.completion, labels.none))],
    [labels.backlog, ...both(backlog)],
    [labels.changed, ...both((s) => names(s.features.changed, labels))],
    [labels.added, ...both((s) => names(s.features.added, labels))],
  ];
}

/** Escapes what would break a Markdown table cell or start markup. */
export function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ').replace(/([*_`<>[\]])/g, '\\$1');
}

export interface MarkdownInput {
  title: string;
  /** Lines under the title (e.g. the scenario's lesson, the virtual duration). */
  intro?: string[];
  summary: RunSummary;
  labels: SummaryLabels;
  diagrams: { heading: string; diagram: Diagram }[];
  /** Heading of the diagrams section. */
  diagramsHeading: string;
}

export function summaryMarkdown(input: MarkdownInput): string {
  const rows = summaryRows(input.summary, input.labels);
  const out: string[] = [`# ${cell(input.title)}`, ''];
  for (const line of input.intro ?? []) out.push(cell(line), '');
  out.push(`| ${cell(input.labels.metric)} | ${cell(input.labels.sync)} | ${cell(input.labels.eda)} |`, '| --- | ---: | ---: |');
  for (const row of rows) out.push(`| ${row.map(cell).join(' | ')} |`);
  if (input.diagrams.length) {
    out.push('', `## ${cell(input.diagramsHeading)}`);
    for (const { heading, diagram } of input.diagrams) out.push('', `### ${cell(heading)}`, '', '```mermaid', diagram.text.trimEnd(), '```');
  }
  return out.join('\n') + '\n';
}
