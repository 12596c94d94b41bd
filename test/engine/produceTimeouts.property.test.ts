import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine, type TraceOf } from '../../src/engine';
import { takeDueTimeout, watchProduceTimeout } from '../../src/engine/produceTimeouts';
import { EventQueue } from '../../src/engine/queue';
import type { ProduceTimeouts, Sim, SimEvent } from '../../src/engine/world';

/**
 * Produce timeouts without an agenda event per send (produceTimeouts.ts): sends are listed per
 * timeout in deadline order and only the first one still waiting is on the agenda, with the
 * sequence number reserved when the send was made. Checked against the plain way, one agenda
 * event per send, in a second queue fed the same steps: every timeout whose send is still waiting
 * when it is due fires in both, in the same order among the other events, at the same time. A
 * send answered before its deadline may fire in neither (it is moot), and the lists never run
 * more events than the plain way.
 */
type Step =
  | { kind: 'watch'; timeout: number; sendNo: number }
  | { kind: 'answer'; pick: number }
  | { kind: 'other'; delay: number }
  | { kind: 'pop' }
  | { kind: 'wait'; ms: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('watch' as const), timeout: fc.constantFrom(0, 1, 5, 30, 100), sendNo: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant('answer' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('other' as const), delay: fc.constantFrom(0, 1, 2, 5, 30, 100) }),
  fc.constant({ kind: 'pop' as const }),
  fc.record({ kind: fc.constant('wait' as const), ms: fc.nat(40) }),
);

type Fired = { time: number; what: string };

/** A Sim with only what produceTimeouts.ts uses, over an EventQueue; `waiting` holds the current
 * send number of each request still waiting for its answer (World.inFlight's part it reads). */
function fakeSim(queue: EventQueue<SimEvent>, waiting: Map<number, number>): Sim & { now: number } {
  const sim = {
    now: 0,
    world: {
      produceTimeouts: new Map<number, ProduceTimeouts>(),
      inFlight: { get: (id: number) => (waiting.has(id) ? { done: false, sendNo: waiting.get(id) } : undefined) },
    },
    reserveSeq: () => queue.reserveSeq(),
    scheduleReserved: (at: number, seq: number, event: SimEvent, lane: number) => queue.pushReserved(at, seq, event, lane),
    schedule: (delay: number, event: SimEvent) => queue.push(sim.now + delay, event, delay),
  };
  return sim as unknown as Sim & { now: number };
}

describe('produce timeouts', () => {
  it('fire exactly where one agenda event per send fired, for every send still waiting', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 300 }), (steps) => {
        // The reference: every timeout and every other event its own agenda entry.
        const reference = new EventQueue<{ what: string; request?: number; sendNo?: number }>();
        const queue = new EventQueue<SimEvent>();
        const waiting = new Map<number, number>();
        const sim = fakeSim(queue, waiting);
        const others = new Map<SimEvent, string>();
        let now = 0;
        let request = 0;
        let referenceEvents = 0;
        let listEvents = 0;
        const fired: Fired[] = [];
        const expected: Fired[] = [];
        const stillWaiting = (id: number, sendNo: number) => waiting.get(id) === sendNo;
        // Runs every event of the earliest millisecond in both queues.
        const runMillisecond = () => {
          const t = Math.min(reference.peekTime(), queue.peekTime());
          if (t === Infinity) return;
          expect(reference.peekTime()).toBe(t); // the lists never run ahead of the plain way
          now = sim.now = t;
          while (reference.peekTime() === t) {
            const e = reference.pop()!;
            referenceEvents++;
            if (e.request === undefined) expected.push({ time: t, what: e.what });
            else if (stillWaiting(e.request, e.sendNo!)) expected.push({ time: t, what: e.what });
          }
          while (queue.peekTime() === t) {
            const e = queue.pop()!;
            listEvents++;
            if (e.kind === 'produceTimeout')
              takeDueTimeout(sim, e, (_, id, sendNo) => stillWaiting(id, sendNo) && fired.push({ time: t, what: `timeout ${id}/${sendNo}` }));
            else fired.push({ time: t, what: others.get(e)! });
          }
        };
        for (const s of steps) {
          if (s.kind === 'pop') runMillisecond();
          else if (s.kind === 'wait') now = sim.now = Math.min(now + s.ms, reference.peekTime(), queue.peekTime());
          else if (s.kind === 'answer') {
            if (waiting.size > 0) waiting.delete([...waiting.keys()][s.pick % waiting.size]);
          } else if (s.kind === 'watch') {
            const id = request++;
            waiting.set(id, s.sendNo);
            reference.push(now + s.timeout, { what: `timeout ${id}/${s.sendNo}`, request: id, sendNo: s.sendNo }, s.timeout);
            watchProduceTimeout(sim, s.timeout, id, s.sendNo);
          } else {
            const what = `other ${request++}`;
            const event = { kind: 'retentionCheck' } as SimEvent;
            others.set(event, what);
            reference.push(now + s.delay, { what }, s.delay);
            queue.push(now + s.delay, event, s.delay);
          }
        }
        while (reference.size > 0 || queue.size > 0) runMillisecond();
        expect(fired).toEqual(expected);
        expect(listEvents).toBeLessThanOrEqual(referenceEvents);
      }),
      { numRuns: 300 },
    );
  });

  it('put no event on the agenda for sends answered before their deadline', () => {
    const engine = createEngine({ seed: 7 });
    engine.apply({ type: 'createTopic', name: 't', partitions: 3, replicationFactor: 3, minInsyncReplicas: 2 });
    engine.apply({ type: 'addProducer', id: 'p', topic: 't', acks: 'all', lingerMs: 0, requestTimeoutMs: 30_000, ratePerSec: 200 });
    engine.advance(10_000);
    engine.apply({ type: 'setProducerRate', id: 'p', ratePerSec: 0 });
    engine.advance(1_000);
    const acked = engine.view().producers[0].acked;
    expect(acked).toBeGreaterThan(1500);
    // Every send was answered within a second; at most the one timeout already on the agenda
    // when its send was answered is left to run.
    const before = engine.eventsRun;
    engine.advance(60_000);
    expect(engine.eventsRun - before).toBeLessThanOrEqual(1);
  });

  it('time a request out exactly request.timeout.ms after each send when the high watermark is stuck', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 2, max: 200 }), fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 1, maxLength: 8 }), (seed, timeoutMs, gaps) => {
        // A follower dies but stays in the ISR until fenced (10 s away): acks=all requests are
        // appended and then wait for a high watermark that cannot move, until they time out.
        const engine = createEngine({ seed, brokers: 3, brokerSessionTimeoutMs: 10_000 });
        engine.apply({ type: 'createTopic', name: 't', partitions: 1, replicationFactor: 3, minInsyncReplicas: 2 });
        engine.apply({ type: 'addProducer', id: 'p', topic: 't', acks: 'all', idempotent: false, lingerMs: 0, retries: 0, requestTimeoutMs: timeoutMs });
        const follower = engine.view().topics[0].partitions[0].replicas[1];
        engine.apply({ type: 'failBroker', broker: follower });
        const trace: TraceOf<'produceFailed'>[] = [];
        engine.subscribe((e) => e.type === 'produceFailed' && trace.push(e));
        const sentAt: number[] = [];
        for (const gap of gaps) {
          engine.advance(gap);
          sentAt.push(engine.now);
          engine.apply({ type: 'produce', producer: 'p', topic: 't', key: 'k', value: sentAt.length });
        }
        engine.advance(timeoutMs + 1);
        // Linger 0: each record is sent at once, alone; without retries each fails once, for good.
        expect(trace.map((e) => [e.t, e.error, e.willRetry])).toEqual(sentAt.map((t) => [t + timeoutMs, 'REQUEST_TIMED_OUT', false]));
        expect(engine.view().producers[0]).toMatchObject({ sent: gaps.length, acked: 0, failed: gaps.length });
      }),
      { numRuns: 60 },
    );
  });
});
