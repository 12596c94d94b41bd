/** Toast messages from the store (errors, confirmations), announced politely (to be built). */
export function Notices() {
  return null;
}
