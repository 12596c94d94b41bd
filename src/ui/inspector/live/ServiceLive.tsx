import { useT } from '../../../i18n';
import { LIMITS, type NodeOf } from '../../../scenario';
import { useKafe, useKafeData } from '../../../store';
import { ServiceCounters } from '../ServiceCounters';
import { Members } from './Members';
import { NotRunning } from './NotRunning';
import { NumberField } from './NumberField';
import { memberRowsOf, serviceOfNode } from './selectors';

/** A service: take it down or bring it up, scale its instances, and Kill / Restart each one. */
export function ServiceLive({ node }: { node: NodeOf<'service'> }) {
  const { t } = useT();
  const run = useKafe((s) => s.run);
  const service = useKafeData(serviceOfNode(node.id));
  const rows = useKafeData(memberRowsOf(service?.group, service?.members ?? []));
  if (!service) return <NotRunning />;

  return (
    <>
      <div className="live__block">
        <div className="live__row">
          <span className={`badge badge--${service.down ? 'down' : 'up'}`} data-testid="service-status">
            {t(service.down ? 'inspector.service.isDown' : 'inspector.service.isUp')}
          </span>
          <button
            type="button"
            className={`button button--small${service.down ? '' : ' button--danger'}`}
            data-live={service.down ? 'bringUp' : 'takeDown'}
            onClick={() => run({ type: 'setServiceDown', id: node.id, down: !service.down })}
          >
            {t(service.down ? 'inspector.service.bringUp' : 'inspector.service.takeDown')}
          </button>
        </div>
      </div>
      <NumberField
        labelKey="inspector.service.scale"
        buttonKey="inspector.service.applyScale"
        live="scale"
        min={1}
        max={LIMITS.instances}
        placeholder={String(service.instances)}
        onSubmit={(instances) => run({ type: 'scaleService', id: node.id, instances })}
      />
      <ServiceCounters node={node} />
      <div className="live__block">
        <p className="field__label">{t('inspector.members.title', { group: service.group })}</p>
        <Members rows={rows} revive={null} />
        <p className="field__hint">{t('inspector.members.hint')}</p>
      </div>
    </>
  );
}
