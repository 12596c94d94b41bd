import type { canvas as en } from '../en/canvas';

/** Thai strings for the canvas area: every English key must be present, and no extras. */
export const canvas: Record<keyof typeof en, string> = {};
