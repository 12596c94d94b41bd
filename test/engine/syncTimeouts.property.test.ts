import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine, type Engine, type TraceOf } from '../../src/engine';
import type { World } from '../../src/engine/world';

/**
 * Sync timeouts without one agenda event per call (sync.ts keeps each service's calls in deadline
 * order and schedules only the first waiting one, with the sequence number reserved when it was
 * sent). Whatever the latencies, timeouts, concurrency, failures and outages: every call is
 * settled exactly once; a call that times out does so exactly timeoutMs after it was sent; an
 * answer arriving exactly at the deadline loses to the timeout (scheduled first, as before); and
 * nothing answered ever took as long as its timeout.
 */
const service = fc.record({
  latencyMs: fc.integer({ min: 0, max: 40 }),
  timeoutMs: fc.integer({ min: 1, max: 60 }),
  concurrency: fc.integer({ min: 1, max: 3 }),
  failureRate: fc.constantFrom(0, 0, 0.2),
});

/** A settled call leaves its callee's timeout list at once (sync.ts settle): from the head on,
 * the list holds only calls still waiting, so an answered call is not kept alive to its deadline. */
function onlyWaitingCallsKept(engine: Engine): void {
  for (const s of (engine as unknown as { world: World }).world.syncServices.values())
    for (let i = s.timeouts.head; i < s.timeouts.calls.length; i++) {
      const waiting = s.timeouts.calls[i];
      if (waiting !== null) expect(waiting.settled, waiting.id).toBe(false);
    }
}

describe('sync timeouts', () => {
  it('settle every call once, at exactly its deadline when it times out', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.array(service, { minLength: 1, maxLength: 3 }),
        fc.array(fc.record({ wait: fc.nat(15), to: fc.nat(2), outage: fc.option(fc.nat(2), { nil: null }) }), { minLength: 1, maxLength: 40 }),
        (seed, services, requests) => {
          const engine = createEngine({ seed, networkLatencyMs: 1 });
          const ids = services.map((_, i) => `s${i}`);
          // s0 calls s1 calls s2: callees first.
          for (let i = services.length - 1; i >= 0; i--)
            engine.apply({ type: 'addSyncService', id: ids[i], ...services[i], calls: i + 1 < services.length ? [ids[i + 1]] : [] });
          const timeoutOf = new Map(ids.map((id, i) => [id, services[i].timeoutMs]));
          // Commands emit too (requestSent), so listen rather than collect what advance() returns.
          const trace: ReturnType<typeof engine.advance> = [];
          engine.subscribe((e) => trace.push(e));
          const down = new Set<string>();
          let n = 0;
          for (const r of requests) {
            engine.advance(r.wait);
            onlyWaitingCallsKept(engine);
            if (r.outage !== null && r.outage < ids.length) {
              const id = ids[r.outage];
              if (down.has(id)) down.delete(id);
              else down.add(id);
              engine.apply({ type: 'setSyncService', id, down: down.has(id) });
            }
            engine.apply({ type: 'sendRequest', to: ids[Math.min(r.to, ids.length - 1)], requestId: `r${n++}` });
          }
          engine.advance(1000);
          const sent = new Map<string, TraceOf<'requestSent'>>();
          const settled = new Map<string, TraceOf<'requestAnswered'> | TraceOf<'requestFailed'>>();
          for (const e of trace) {
            if (e.type === 'requestSent') sent.set(e.callId, e);
            if (e.type === 'requestAnswered' || e.type === 'requestFailed') {
              expect(settled.has(e.callId), e.callId).toBe(false);
              settled.set(e.callId, e);
            }
          }
          expect([...settled.keys()].sort()).toEqual([...sent.keys()].sort());
          for (const [callId, e] of settled) {
            const timeout = timeoutOf.get(e.to)!;
            expect(e.t - sent.get(callId)!.t).toBe(e.latencyMs);
            if (e.type === 'requestFailed' && e.reason === 'timeout') expect(e.latencyMs).toBe(timeout);
            else expect(e.latencyMs).toBeLessThan(timeout);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
