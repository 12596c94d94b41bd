import { canvas } from './canvas';
import { common } from './common';
import { compare } from './compare';
import { lessons } from './lessons';
import { notices } from './notices';
import { panels } from './panels';

/** Every English string, merged from one file per area of the UI (so areas evolve separately). */
export const en = { ...common, ...canvas, ...panels, ...notices, ...compare, ...lessons } as const;
export type MessageKey = keyof typeof en;
