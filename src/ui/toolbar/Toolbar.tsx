/** Templates, import/export, share link (to be built). */
export function Toolbar() {
  return null;
}
