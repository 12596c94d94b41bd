/** The React Flow canvas: nodes, edges, drop target, animated messages (to be built). */
export function KafeCanvas() {
  return null;
}
