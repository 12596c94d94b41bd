/**
 * Sync vs event-driven comparison: pure TypeScript over the engine (no React, no DOM). One engine
 * runs both worlds from the same order stream and seed; metrics, scripted scenarios, Mermaid
 * sequence diagrams and the Markdown summary are all derived from its trace.
 */
export * from './model';
export * from './controls';
export * from './metrics';
export * from './run';
export * from './scripts';
export * from './mermaid';
export * from './markdown';
export * from './edaScenario';
