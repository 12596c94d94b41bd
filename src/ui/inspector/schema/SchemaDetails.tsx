import type { ScenarioNode } from '../../../scenario';
import { ReaderSchemaPick } from './ReaderSchemaPick';
import { RegistryPanel } from './RegistryPanel';
import { SchemaEditor } from './SchemaEditor';

/** The schema part of a node's inspector: a producer's schema, a topic's registry subject, a service's reader schema. */
export function SchemaDetails({ node }: { node: ScenarioNode }) {
  if (node.kind === 'producer') return <SchemaEditor node={node} />;
  if (node.kind === 'topic') return <RegistryPanel node={node} />;
  if (node.kind === 'service') return <ReaderSchemaPick node={node} />;
  return null;
}
