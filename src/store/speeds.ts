/** The workbench's simulation speeds, slowest first: the speed menu, the keyboard's faster/slower and a lesson's "Show me". */
export const SPEEDS = [0.25, 0.5, 1, 2, 5, 10, 25, 50, 100] as const;
export type Speed = (typeof SPEEDS)[number];
export const SLOWEST_SPEED: Speed = SPEEDS[0];
export const FASTEST_SPEED: Speed = SPEEDS[SPEEDS.length - 1];

/**
 * The comparison's speeds, the same steps from real time to 10×: a run there lasts seconds, so
 * slower shows nothing new, and faster outruns its charts (published every 250 ms of wall time).
 */
export const COMPARE_SPEEDS: readonly Speed[] = SPEEDS.filter((s) => s >= 1 && s <= 10);
