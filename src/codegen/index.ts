import type { Scenario } from '../scenario';
import { composeFile, DEFAULT_KAFKA_IMAGE } from './compose';
import { consumerFile } from './consumer';
import { GITIGNORE, packageJsonFile, packageName, tsconfigFile } from './packageJson';
import { planExport, type ActorPlan } from './plan';
import { producerFile } from './producer';
import { readmeFile } from './readme';
import { avscFile } from './schemas';
import { serviceFile } from './service';
import { KAFKA_HELPERS, KAFKA_HELPERS_PATH } from './shared';
import { CREATE_TOPICS_PATH, createTopicsFile } from './topics';
import type { ExportNote } from './notes';

/**
 * "Export as code": a canvas as a small Node.js + TypeScript project that runs the same flow on a
 * real Kafka with kafkajs. Pure: no React, no DOM; imports only src/scenario
 * and src/schema's model.
 *
 * Contract:
 * - Deterministic: the same scenario (and options) gives the same files, sorted by path.
 * - Every generated .ts file type-checks with the project's own tsconfig (test/codegen).
 * - Nothing is dropped silently: what the project cannot express as the canvas does is a note
 *   (also written into README.md), and simulator-only settings become named constants.
 * - Learner-typed text reaches files only through the helpers of names.ts.
 */
export interface GeneratedFile {
  /** Relative, "/"-separated, e.g. "src/services/payment.ts". */
  path: string;
  contents: string;
}

export interface GeneratedProject {
  /** The canvas name as a safe slug ("canvas" when nothing is left of it). */
  slug: string;
  /** npm package name: "kafe-<slug>". */
  name: string;
  files: GeneratedFile[];
  notes: ExportNote[];
}

export interface GenerateOptions {
  /** Docker image of the one-node cluster (default apache/kafka 3.9). */
  kafkaImage?: string;
}

export function generateProject(scenario: Scenario, options: GenerateOptions = {}): GeneratedProject {
  const plan = planExport(scenario);
  const files: GeneratedFile[] = [
    { path: 'docker-compose.yml', contents: composeFile(options.kafkaImage ?? DEFAULT_KAFKA_IMAGE) },
    { path: 'package.json', contents: packageJsonFile(scenario.name, plan.actors, plan.topics.length > 0) },
    { path: 'tsconfig.json', contents: tsconfigFile() },
    { path: '.gitignore', contents: GITIGNORE },
    { path: 'README.md', contents: readmeFile(plan) },
  ];
  if (plan.topics.length > 0 || plan.actors.length > 0) files.push({ path: KAFKA_HELPERS_PATH, contents: KAFKA_HELPERS });
  if (plan.topics.length > 0) files.push({ path: CREATE_TOPICS_PATH, contents: createTopicsFile(plan.topics, plan.canvasBrokers) });
  for (const a of plan.actors) files.push({ path: a.file, contents: scriptFile(a, scenario.name) });
  for (const s of plan.schemas) files.push({ path: s.path, contents: avscFile(s.schema) });
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const name = packageName(scenario.name);
  return { slug: name.slice('kafe-'.length), name, files, notes: plan.notes };
}

function scriptFile(a: ActorPlan, scenarioName: string): string {
  if (a.kind === 'producer') return producerFile(a, scenarioName);
  if (a.kind === 'service') return serviceFile(a, scenarioName);
  return consumerFile(a, scenarioName);
}

export { NOTE_CODES, noteText, type ExportNote, type ExportNoteCode, type ExportNoteKind } from './notes';
export { DEFAULT_KAFKA_IMAGE } from './compose';
export { PROJECT_COMPILER_OPTIONS } from './packageJson';
