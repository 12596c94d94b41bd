import type { notices as en } from '../en/notices';

/** Thai strings for the notices area: every English key must be present, and no extras. */
export const notices: Record<keyof typeof en, string> = {};
