/**
 * Writes test/compare/fixtures/figures.json: the comparison's figures (see figures.ts) as this
 * checkout computes them. Run on the commit whose figures must be kept:
 *   npx tsx test/compare/recordFigures.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { allFigures } from './figures';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, 'figures.json'), JSON.stringify(allFigures(), null, 1) + '\n');
