import { useStringArea } from '../../i18n';
import type { ScenarioNode } from '../../scenario';
import { CliView } from './CliView';
import { LiveActions } from './LiveActions';
import { SettingsForm } from './SettingsForm';
import { SchemaDetails } from './schema/SchemaDetails';
import { INSPECTOR_STRINGS } from './strings';

/** Everything the inspector shows of a selected node: live actions, the CLI view, settings, schemas. */
export function NodeDetails({ node }: { node: ScenarioNode }) {
  // Their strings came with this chunk: added before the children render.
  useStringArea(INSPECTOR_STRINGS);
  return (
    <>
      <LiveActions key={node.id} node={node} />
      <CliView key={`cli-${node.id}`} node={node} />
      <SettingsForm node={node} />
      <SchemaDetails key={`schema-${node.id}`} node={node} />
    </>
  );
}
