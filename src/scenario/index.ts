/**
 * Scenarios: the saved/shared form of a canvas and everything that reads, writes, checks and runs
 * it. Imports only the engine (no React, no DOM): the store wires it to the browser.
 */
export * from './schema';
export { READ_REASONS, type ReadReason, type Result } from './result';
export { checkJsonText, checkValue, MAX_NESTING, MAX_VALUES } from './bounds';
export { migrate, MIGRATIONS, type MigrationStep } from './migrations';
// Reading scenarios back (parseScenarioJson, validateScenario, decodeShareFragment) and the zod
// schemas are in './validate', which the first screen does not load (see store/lazyValidation.ts).
export { scenarioToJson, encodeShareFragment, MAX_INPUT_CHARS } from './codec';
export { formatIssues, formatPath, READ_ISSUE_CODES, readIssueOf, type ReadIssue, type ReadIssueCode } from './issues';
export { canConnect, CONNECTION_REFUSALS, type ConnectionRefusal, type ConnectionVerdict } from './connections';
export {
  scenarioToEngine,
  nodeForConsumer,
  nodeForProducer,
  PROBLEM_CODES,
  MAX_BROKERS,
  type ProblemCode,
  type SetupProblem,
  type EngineIdMap,
  type EngineSetup,
} from './toEngine';
export { FULL_LANES_MAX_PARTITIONS, NODE_WIDTH, nodeSize } from './nodeSize';
// autoLayout itself (and dagre) is reached through lazyLayout, or imported from './layout' by lazy code.
export { loadLayout, loadedLayout, type AutoLayout } from './lazyLayout';
export { newNode, defaultProps, KAFKA_RETENTION_MS, KAFKA_DELETE_RETENTION_MS, NO_RULE } from './factory';
export { upgradeProps } from './migrations';
export { TEMPLATES, TEMPLATE_IDS, type Template, type TemplateId } from './templates';
export { EMPTY_REGISTRY, keepRegistrations, runRegistry, subjectName, usesSchemas, type Registry, type RegistrationRefusal, type Subject, type SubjectVersion } from './registry';
