import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, test } from 'vitest';
import { defaultConfig, EDA_ORDER_PRODUCER, ORDERS_TOPIC, type Side } from '../../src/compare';
import type { TraceEvent } from '../../src/engine';
import { createI18n } from '../../src/i18n';
import { ArchitectureDiagram } from '../../src/ui/compare/ArchitectureDiagram';
import { activityOf, type Activity } from '../../src/store/compare/activity';

const i18n = createI18n('en');

/** The diagram of one side as static SVG markup, with the given activity. */
function draw(side: Side, activity: Activity): string {
  const diagram = createElement(ArchitectureDiagram, { side, config: defaultConfig(), backlog: {}, activity, added: [], changed: [] });
  return renderToStaticMarkup(createElement(I18nextProvider, { i18n }, diagram));
}

/** The class attribute of the box drawn for `node` (e.g. "user"). */
function boxClass(svg: string, node: string): string {
  const match = new RegExp(`<g class="([^"]*)" data-node="${node}"`).exec(svg);
  if (!match) throw new Error(`no box ${node} in the diagram`);
  return match[1];
}

const syncUserFailed: TraceEvent = { type: 'requestFailed', requestId: 'r1', callId: 'c1', from: 'user', to: 'order-api', reason: 'downstream', latencyMs: 30, t: 0, seq: 1 };

describe('ArchitectureDiagram: each side reads its own failures', () => {
  test('a failed synchronous request turns the sync user red and leaves the event-driven user alone', () => {
    const activity = activityOf({}, [syncUserFailed]);
    expect(activity['x:s:user']).toBeGreaterThan(0.1);
    expect(boxClass(draw('sync', activity), 'user')).toContain('cmp-node--failing');
    expect(boxClass(draw('eda', activity), 'user')).not.toContain('cmp-node--failing');
  });

  test('an order the event-driven side gave up publishing turns only its own user red', () => {
    const gaveUp: TraceEvent = { type: 'produceFailed', producer: EDA_ORDER_PRODUCER, topic: ORDERS_TOPIC, partition: 0, count: 1, error: 'NOT_ENOUGH_REPLICAS', willRetry: false, t: 0, seq: 1 };
    const activity = activityOf({}, [gaveUp]);
    expect(boxClass(draw('eda', activity), 'user')).toContain('cmp-node--failing');
    expect(boxClass(draw('sync', activity), 'user')).not.toContain('cmp-node--failing');
  });

  test('a publish that will be retried is not yet an error for the user', () => {
    const retrying: TraceEvent = { type: 'produceFailed', producer: EDA_ORDER_PRODUCER, topic: ORDERS_TOPIC, partition: 0, count: 1, error: 'NOT_ENOUGH_REPLICAS', willRetry: true, t: 0, seq: 1 };
    expect(boxClass(draw('eda', activityOf({}, [retrying])), 'user')).not.toContain('cmp-node--failing');
  });
});
