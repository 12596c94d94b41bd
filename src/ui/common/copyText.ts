/**
 * Puts `text` on the clipboard. Returns false where the clipboard is unavailable or refused
 * (insecure page, permissions, some iframes); callers then show the text to copy by hand.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
