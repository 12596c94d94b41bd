// The comparison bench's workload as a script for a blank Chromium page (bench/compareBrowser.ts).
import { runCompare } from './compareWorkload';

(globalThis as { kafeRunCompare?: typeof runCompare }).kafeRunCompare = runCompare;
