import type { MessageKey } from '../en';
import { common } from './common';

/** Every Thai string; the type makes a missing area or key a compile error. */
export const th: Record<MessageKey, string> = { ...common };
