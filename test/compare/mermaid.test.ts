import mermaid from 'mermaid';
import { describe, expect, it } from 'vitest';
import { CompareRun, defaultConfig, firstEventsDiagram, orderDiagram, safeId, safeLabel } from '../../src/compare';

/**
 * Mermaid's own parser runs in Node for sequence diagrams as long as the text has no `title`
 * (that one needs a DOM); the browser journey renders them for real.
 */
function emailDownRun(): CompareRun {
  const run = new CompareRun(defaultConfig(), { collect: false });
  run.advanceTo(5000);
  run.apply({ type: 'setDown', service: 'email', down: true });
  run.advanceTo(10_000);
  run.apply({ type: 'setDown', service: 'email', down: false });
  run.advanceTo(40_000);
  return run;
}
const run = emailDownRun();
const messages = (text: string) => text.split('\n').filter((l) => /->>|-->>|--x|Note over/.test(l)).map((l) => l.trim());

describe('generated sequence diagrams', () => {
  it('show a sync order that succeeded as the chain of calls and answers, in order', async () => {
    const d = orderDiagram(run.engine.trace, 'sync', 10);
    await expect(mermaid.parse(d.text)).resolves.toMatchObject({ diagramType: 'sequence' });
    expect(d.participants).toEqual(['User', 'Order', 'Payment', 'Inventory', 'Email']);
    expect(messages(d.text).map((l) => l.split(':')[0])).toEqual([
      'user->>order',
      'order->>payment',
      'payment-->>order',
      'order->>inventory',
      'inventory-->>order',
      'order->>email',
      'email-->>order',
      'order-->>user',
    ]);
    expect(d.steps[0]).toBe('User->Order: place order-10 (+0 ms)');
    expect(d.steps.at(-1)).toMatch(/^Order->User: ok after \d+ ms/);
  });

  it('show a sync order that hit Email while it was down failing back up the chain', async () => {
    const d = orderDiagram(run.engine.trace, 'sync', 150); // placed at 7.5 s
    await mermaid.parse(d.text);
    expect(messages(d.text).slice(-2)).toEqual([expect.stringMatching(/^email--xorder: failed, unavailable/), expect.stringMatching(/^order--xuser: failed, downstream/)]);
  });

  it('show the same order on the EDA side: accepted at once, then each service on its own time', async () => {
    const d = orderDiagram(run.engine.trace, 'eda', 150, 10);
    await mermaid.parse(d.text);
    expect(d.participants).toEqual(['User', 'Order', 'orders topic', 'Payment', 'payments topic', 'Inventory', 'stock topic', 'Email', 'emails topic']);
    const lines = messages(d.text);
    expect(lines.slice(0, 4).map((l) => l.split(':')[0])).toEqual(['user->>order', 'order->>topic_orders', 'topic_orders-->>order', 'order-->>user']);
    for (const service of ['payment', 'inventory', 'email']) {
      const delivered = lines.findIndex((l) => l.startsWith(`topic_orders->>${service}:`));
      const handled = lines.findIndex((l) => l.startsWith(`Note over ${service}: handled order-150`));
      const published = lines.findIndex((l) => new RegExp(`^${service}->>topic_`).test(l));
      expect(delivered).toBeGreaterThan(3);
      expect(handled).toBeGreaterThan(delivered);
      expect(published).toBeGreaterThan(handled);
    }
    // Email was down when order 150 was placed: its email goes out only after Email returned.
    const emailSent = d.steps.find((s) => s.startsWith('Email->emails topic'))!;
    expect(Number(/\+(\d+) ms/.exec(emailSent)![1])).toBeGreaterThan(2500);
  });

  it('show the first N events of each side, and parse', async () => {
    for (const side of ['sync', 'eda'] as const) {
      const d = firstEventsDiagram(run.opening, side, 30);
      await mermaid.parse(d.text);
      expect(d.steps).toHaveLength(30);
    }
    expect(firstEventsDiagram(run.opening, 'sync', 3).steps).toEqual([
      'User->Order: order-0 (t=0.050s)',
      'Order->Payment: order-0 (t=0.061s)',
      'Payment->Order: order-0 ok after 32 ms (t=0.093s)',
    ]);
  });

  it('say so when nothing was traced, and still parse', async () => {
    const d = orderDiagram([], 'sync', 1);
    await mermaid.parse(d.text);
    expect(d.steps).toEqual(['note over Kafé: nothing traced yet']);
  });

  it('cannot be broken by hostile names: ids and labels are reduced to a safe alphabet', async () => {
    expect(safeId('a b;c-->>d')).toBe('a_b_c____d');
    expect(safeId('9lives')).toBe('p_9lives');
    expect(safeLabel('x; <script>alert(1)</script> #35; %%{init}%%\nA-->>B: y')).toBe('x script alert(1) /script 35 init A- B y');
  });
});
