import type { MessageKey } from '../en';
import { canvas } from './canvas';
import { common } from './common';
import { compare } from './compare';
import { lessons } from './lessons';
import { notices } from './notices';
import { panels } from './panels';

/** Every Thai string; the type makes a missing area or key a compile error. */
export const th: Record<MessageKey, string> = { ...common, ...canvas, ...panels, ...notices, ...compare, ...lessons };
