import { common } from './common';

/** Every English string, merged from one file per area of the UI (so areas evolve separately). */
export const en = { ...common } as const;
export type MessageKey = keyof typeof en;
