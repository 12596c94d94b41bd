/** Throughput and consumer lag charts (to be built). */
export function MetricsPanel() {
  return null;
}
