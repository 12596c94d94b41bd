/** Settings and live actions for the selected node (to be built). */
export function Inspector() {
  return null;
}
