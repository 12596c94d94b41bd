import { canvas } from './canvas';
import { common } from './common';
import { asyncapiButton } from './asyncapiButton';
import { ecosystem } from './ecosystem';
import { exportButton } from './exportButton';
import { notices } from './notices';
import { panels } from './panels';

/**
 * The English strings the app needs from its first paint. Areas that load with a lazy chunk (the
 * comparison, the lessons) are registered when their chunk arrives (see ../areas.ts), so their
 * text never weighs on the first download.
 */
export const enCore = { ...common, ...canvas, ...panels, ...notices, ...exportButton, ...ecosystem, ...asyncapiButton } as const;
export type CoreKey = keyof typeof enCore;
