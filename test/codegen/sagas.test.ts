import { describe, expect, test } from 'vitest';
import { generateProject } from '../../src/codegen';
import { lessonStartScenario } from '../../src/lessons';
import { configOf, fileAt, typecheckProject } from './support';

/** Export as code carries the saga settings: a failure event instead of a drop, and a handler
 * that reacts to one event type only. */
function sagaScenario(deadLetter: boolean) {
  const start = lessonStartScenario({
    seed: 1,
    nodes: [
      { kind: 'broker', id: 'b' },
      { kind: 'producer', id: 'shop', props: { eventType: 'OrderPlaced' } },
      { kind: 'topic', id: 'orders', props: { partitions: 1, replicationFactor: 1, minInsyncReplicas: 1 } },
      { kind: 'service', id: 'payment', label: 'Payment', props: { emits: 'PaymentReceived', failureEmits: 'PaymentFailed', failureRate: 0.3, deadLetterTopic: deadLetter ? 'dlq' : null } },
      { kind: 'topic', id: 'payments', props: { partitions: 1, replicationFactor: 1, minInsyncReplicas: 1 } },
      { kind: 'topic', id: 'dlq', props: { partitions: 1, replicationFactor: 1, minInsyncReplicas: 1 } },
      { kind: 'service', id: 'order-service', label: 'Order service', props: { emits: 'OrderCancelled', reactsTo: 'PaymentFailed' } },
      { kind: 'topic', id: 'order-status', props: { partitions: 1, replicationFactor: 1, minInsyncReplicas: 1 } },
    ],
    edges: [
      ['shop', 'orders'],
      ['orders', 'payment'],
      ['payment', 'payments'],
      ['payment', 'dlq'],
      ['payments', 'order-service'],
      ['order-service', 'order-status'],
    ],
    timeline: [],
  });
  if (!start.ok) throw new Error(start.error);
  return start.value;
}

describe('export as code: sagas', () => {
  test.each([false, true])('the payment script sends PaymentFailed when it gives up (dead-letter topic too: %s); the order script reacts to PaymentFailed only', { timeout: 60_000 }, (deadLetter) => {
    const project = generateProject(sagaScenario(deadLetter));
    const payment = fileAt(project.files, 'src/services/payment.ts');
    expect(configOf(payment)).toMatchObject({ emits: 'PaymentReceived', failureEmits: 'PaymentFailed' });
    expect(payment).toContain('await sendFailureEvent(message, origin);');
    expect(payment.includes("count('dropped')")).toBe(false);
    expect(payment.includes('sendToDeadLetter(message')).toBe(deadLetter);
    const order = fileAt(project.files, 'src/services/order-service.ts');
    expect(configOf(order)).toMatchObject({ reactsTo: 'PaymentFailed' });
    expect(order).toContain("if (headerText(message, 'type') !== CONFIG.reactsTo) return;");
    expect(order.includes('sendFailureEvent')).toBe(false);
    expect(typecheckProject(project.files).diagnostics).toEqual([]);
  });
});
