import { useT } from '../../../i18n';
import type { NodeOf } from '../../../scenario';
import { useKafe } from '../../../store';
import { NotRunning } from './NotRunning';
import { brokerIndexOf, brokerUp, partitionsLedBy } from './selectors';

/** A broker: fail and recover. Its engine index is the node's order among broker nodes. */
export function BrokerLive({ node }: { node: NodeOf<'broker'> }) {
  const { t } = useT();
  const run = useKafe((s) => s.run);
  const index = useKafe(brokerIndexOf(node.id));
  const up = useKafe(brokerUp(index));
  const leads = useKafe(partitionsLedBy(index));
  if (index < 0 || up === null) return <NotRunning />;
  return (
    <div className="live__block">
      <div className="live__row">
        <span className={`badge badge--${up ? 'up' : 'down'}`} data-testid="broker-status">
          {t(up ? 'inspector.broker.up' : 'inspector.broker.down')}
        </span>
        <span className="panel__note">{t('inspector.broker.leads', { n: leads })}</span>
      </div>
      <div className="live__row">
        <button
          type="button"
          className={`button${up ? ' button--danger' : ''}`}
          data-live={up ? 'failBroker' : 'recoverBroker'}
          onClick={() => run({ type: up ? 'failBroker' : 'recoverBroker', broker: index })}
        >
          {t(up ? 'inspector.broker.fail' : 'inspector.broker.recover')}
        </button>
      </div>
      <p className="field__hint">{t('inspector.broker.hint')}</p>
    </div>
  );
}
