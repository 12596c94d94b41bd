import { describe, expect, it } from 'vitest';
import { cell, orderDiagram, playScenario, scenarioById, summaryMarkdown, summaryRows, type SummaryLabels } from '../../src/compare';

const labels: SummaryLabels = {
  metric: 'Metric',
  sync: 'Synchronous',
  eda: 'Event-driven',
  placed: 'Orders placed',
  accepted: 'Accepted',
  failed: 'Failed',
  completed: 'Fully done',
  latency: 'User-facing latency p50 / p95 / p99',
  completion: 'Completion p50 / p95 / p99',
  backlog: 'Largest backlog',
  changed: 'Existing services changed',
  added: 'Services added',
  none: 'none',
  services: { order: 'Order', payment: 'Payment', inventory: 'Inventory', email: 'Email', analytics: 'Analytics', fraud: 'Fraud check' },
};

describe('the Markdown summary of a run', () => {
  const run = playScenario(scenarioById('addAnalytics'));
  const summary = run.metrics.summary(run.now);

  it('has one row per metric with both sides, including what adding a feature changed', () => {
    const rows = summaryRows(summary, labels);
    expect(rows.map((r) => r[0])).toEqual([
      'Orders placed',
      'Accepted',
      'Failed',
      'Fully done',
      'User-facing latency p50 / p95 / p99',
      'Completion p50 / p95 / p99',
      'Largest backlog',
      'Existing services changed',
      'Services added',
    ]);
    expect(rows[7]).toEqual(['Existing services changed', '1 (Order)', '0']);
    expect(rows[8]).toEqual(['Services added', '1 (Analytics)', '1 (Analytics)']);
    expect(rows[4][1]).toMatch(/^\d+ \/ \d+ \/ \d+ ms$/);
  });

  it('is a table followed by the diagrams as mermaid fences', () => {
    const diagram = orderDiagram(run.engine.trace, 'sync', 250);
    const md = summaryMarkdown({ title: 'Kafé | run', intro: ['Add *Analytics*'], summary, labels, diagrams: [{ heading: 'Sync: order 250', diagram }], diagramsHeading: 'Diagrams' });
    const lines = md.split('\n');
    expect(lines[0]).toBe('# Kafé \\| run');
    expect(lines[2]).toBe('Add \\*Analytics\\*');
    expect(lines[4]).toBe('| Metric | Synchronous | Event-driven |');
    expect(lines[5]).toBe('| --- | ---: | ---: |');
    expect(lines.filter((l) => l.startsWith('| ')).length).toBe(2 + 9);
    expect(md).toContain(`### Sync: order 250\n\n\`\`\`mermaid\n${diagram.text.trimEnd()}\n\`\`\`\n`);
  });

  it('escapes what would break a table cell', () => {
    expect(cell('a|b\nc <x> [y]')).toBe('a\\|b c \\<x\\> \\[y\\]');
  });
});
