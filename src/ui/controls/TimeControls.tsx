/** Play/pause, step, step back, speed, scrubber, restart, seed, help (to be built). */
export function TimeControls() {
  return null;
}
