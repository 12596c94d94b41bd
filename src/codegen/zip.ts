import { strToU8, zipSync, type Zippable } from 'fflate';
import type { GeneratedFile } from './index';

/**
 * The project as a zip, every file under one folder named after the project (so unzipping never
 * scatters files into the current directory). A fixed timestamp keeps the bytes deterministic.
 */
const FIXED_DATE = new Date(Date.UTC(2025, 0, 1));

export function zipProject(folder: string, files: readonly GeneratedFile[]): Uint8Array {
  const tree: Zippable = {};
  for (const f of files) tree[`${folder}/${f.path}`] = [strToU8(f.contents), { mtime: FIXED_DATE }];
  return zipSync(tree, { level: 6 });
}
