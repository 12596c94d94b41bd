import { asyncapiPanel } from './asyncapi';
import { compare } from './compare';
import { enCore } from './core';
import { exportCode } from './export';
import { inspectorDetails } from './inspectorDetails';
import { lessons } from './lessons';

/**
 * Every English string, merged from one file per area of the UI (so areas evolve separately). The
 * type of every key; at run time the app loads `enCore` first and the lazy areas with their chunks.
 */
export const en = { ...enCore, ...compare, ...lessons, ...exportCode, ...asyncapiPanel, ...inspectorDetails } as const;
export type MessageKey = keyof typeof en;
