import type { MessageKey } from '../en';
import { asyncapiPanel } from './asyncapi';
import { compare } from './compare';
import { thCore } from './core';
import { exportCode } from './export';
import { inspectorDetails } from './inspectorDetails';
import { lessons } from './lessons';

/** Every Thai string; the type makes a missing area or key a compile error. */
export const th: Record<MessageKey, string> = { ...thCore, ...compare, ...lessons, ...exportCode, ...asyncapiPanel, ...inspectorDetails };
