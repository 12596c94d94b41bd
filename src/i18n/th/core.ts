import type { CoreKey } from '../en/core';
import { canvas } from './canvas';
import { common } from './common';
import { asyncapiButton } from './asyncapiButton';
import { ecosystem } from './ecosystem';
import { exportButton } from './exportButton';
import { notices } from './notices';
import { panels } from './panels';

/** The Thai strings the app needs from its first paint (see ../en/core.ts). */
export const thCore: Record<CoreKey, string> = { ...common, ...canvas, ...panels, ...notices, ...exportButton, ...ecosystem, ...asyncapiButton };
