/** Palette of node kinds, draggable onto the canvas and addable with Enter (to be built). */
export function Palette() {
  return null;
}
