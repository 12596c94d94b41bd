import { describeGroupOffsets, describeGroupState, describeTopic } from '../../cli';
import type { EngineView } from '../../engine';
import { useT } from '../../i18n';
import type { ScenarioNode } from '../../scenario';
import { useKafe } from '../../store';
import { copyText } from '../common/copyText';

const BOOTSTRAP = '--bootstrap-server localhost:9092';

interface CliCommand {
  command: string;
  print: (view: EngineView) => string;
}

/** The real tools' commands that describe what `node` is in Kafka: its topic, or its group. */
export function cliCommandsFor(node: ScenarioNode): CliCommand[] {
  if (node.kind === 'topic') {
    const name = node.props.name;
    return [{ command: `kafka-topics.sh ${BOOTSTRAP} --describe --topic ${name}`, print: (view) => describeTopic(view, name) }];
  }
  if (node.kind === 'consumer' || node.kind === 'service') {
    const group = node.props.group;
    return [
      { command: `kafka-consumer-groups.sh ${BOOTSTRAP} --describe --group ${group}`, print: (view) => describeGroupOffsets(view, group) },
      { command: `kafka-consumer-groups.sh ${BOOTSTRAP} --describe --group ${group} --state`, print: (view) => describeGroupState(view, group) },
    ];
  }
  return [];
}

/** The commands for `node` and their output, following the simulation (loaded when the CLI view opens). */
export function CliTerminals({ node }: { node: ScenarioNode }) {
  return (
    <>
      {cliCommandsFor(node).map((c) => (
        <CliOutput key={c.command} command={c} />
      ))}
    </>
  );
}

function CliOutput({ command }: { command: CliCommand }) {
  const { t } = useT();
  const notify = useKafe((s) => s.notify);
  const output = useKafe((s) => command.print(s.frame.view));
  // kafka-topics output starts on the next line; the group tool's own output starts with "\n".
  const text = output.startsWith('\n') ? output : `\n${output}`;
  const copy = async () => {
    const copied = await copyText(`$ ${command.command}${text}`);
    notify(copied ? 'success' : 'info', copied ? 'cli.copied' : 'link.copyManual');
  };
  return (
    <div className="cli-view__block">
      <pre className="cli-view__terminal" data-testid="cli-output" tabIndex={0}>
        <span className="cli-view__prompt" aria-hidden="true">
          ${' '}
        </span>
        <span className="cli-view__command">{command.command}</span>
        {text}
      </pre>
      <button type="button" className="button button--quiet button--small cli-view__copy" onClick={() => void copy()}>
        {t('cli.copy')}
      </button>
    </div>
  );
}
