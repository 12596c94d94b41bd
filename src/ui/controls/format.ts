/** Virtual milliseconds as seconds with one decimal, e.g. 12_400 -> "12.4". */
export function formatSeconds(ms: number): string {
  return (Math.max(0, ms) / 1000).toFixed(1);
}

/** A speed factor as shown to the learner, e.g. 0.25 -> "0.25×", 10 -> "10×". */
export function formatSpeed(speed: number): string {
  return `${speed}×`;
}
