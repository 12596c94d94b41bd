import { generateProject, type ExportNote } from '../../codegen';
import { zipProject } from '../../codegen/zip';
import type { Scenario } from '../../scenario';
export { EXPORT_STRINGS } from './strings';

/**
 * The export as the UI needs it: the zip's bytes and name, the file list and the notes. Loaded
 * only when a learner presses "Export as code" (dynamic import), so the generator and fflate stay
 * out of the initial bundle. The panel's strings come with it (EXPORT_STRINGS).
 */
export interface BuiltExport {
  fileName: string;
  bytes: Uint8Array;
  paths: string[];
  notes: ExportNote[];
}

export function buildExport(scenario: Scenario): BuiltExport {
  const project = generateProject(scenario);
  const folder = `kafe-kafkajs-${project.slug}`;
  return { fileName: `${folder}.zip`, bytes: zipProject(folder, project.files), paths: project.files.map((f) => f.path), notes: project.notes };
}
