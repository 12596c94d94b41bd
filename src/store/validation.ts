/**
 * What the store reads back from text: saved and imported canvases, share links and the saved
 * course progress, each checked with its zod schema. A chunk of its own, fetched through
 * lazyValidation.ts: a first visit has nothing to read, so its first screen never loads zod.
 */
export { decodeShareFragment, parseScenarioJson } from '../scenario/validate';
export { parseProgress } from '../lessons/progressSchema';
