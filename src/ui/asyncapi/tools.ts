import { readAsyncApi, scenarioToAsyncApiYaml, type AsyncApiParser, type ReadOutcome } from '../../asyncapi';
import type { Scenario } from '../../scenario';
export { ASYNCAPI_STRINGS } from './strings';

/**
 * What the AsyncAPI menu loads on first use (its own chunk): the mapping, the YAML writer and the
 * panel's strings. The parser is bigger still (its browser build is ~400 kB gzipped), so it is
 * a further chunk, fetched only when a learner opens a document.
 */
export function exportAsyncApi(scenario: Scenario): { fileName: string; text: string } {
  return { fileName: `${slug(scenario.name)}.asyncapi.yaml`, text: scenarioToAsyncApiYaml(scenario) };
}

let parser: Promise<AsyncApiParser> | null = null;

export async function readAsyncApiFile(text: string): Promise<ReadOutcome> {
  parser ??= import('@asyncapi/parser/browser/index.js').then(({ default: Parser }) => new Parser() as unknown as AsyncApiParser);
  try {
    return await readAsyncApi(text, await parser);
  } catch (e) {
    parser = null; // a failed download may succeed next time
    throw e;
  }
}

function slug(name: string): string {
  const s = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return s === '' ? 'kafe-canvas' : `kafe-${s}`;
}
