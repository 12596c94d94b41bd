import type { panels as en } from '../en/panels';

/** Thai strings for the panels area: every English key must be present, and no extras. */
export const panels: Record<keyof typeof en, string> = {};
