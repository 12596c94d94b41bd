import { createEngine, EngineError, type Command } from '../engine';
import { scenarioToEngine, type Scenario, type TimelineEntry } from '../scenario';

/**
 * Turns hand-written "at this time, do this" actions into timeline entries the runner can replay
 * exactly. A recorded entry also says how many agenda events ran before it (`afterEvents`), which
 * only a run of the scenario can tell: so run it, applying each action at its moment.
 *
 * Returns an error sentence when the engine refuses an action (e.g. an unknown consumer id).
 */
export function recordTimeline(setup: Scenario, actions: readonly { at: number; command: Command }[]): { ok: true; value: TimelineEntry[] } | { ok: false; error: string } {
  const { config, commands } = scenarioToEngine(setup);
  const engine = createEngine(config);
  for (const c of commands) engine.apply(c);
  const out: TimelineEntry[] = [];
  for (const { at, command } of [...actions].sort((a, b) => a.at - b.at)) {
    engine.advanceTo(at);
    try {
      engine.apply(command);
    } catch (e) {
      if (e instanceof EngineError) return { ok: false, error: `timeline action at ${at} ms (${command.type}): ${e.message}` };
      throw e;
    }
    const logged = engine.commandLog[engine.commandLog.length - 1];
    out.push({ at: logged.at, afterEvents: logged.afterEvents, command: logged.command as TimelineEntry['command'] });
  }
  return { ok: true, value: out };
}
