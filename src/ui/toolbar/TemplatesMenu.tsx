import { useId } from 'react';
import type { MessageKey } from '../../i18n';
import { useT } from '../../i18n';
import { useKafeStoreApi, type KafeState } from '../../store';
import { replaceWithConsent } from '../common/replaceGuard';
import { usePopover } from './usePopover';

type TemplateId = Parameters<KafeState['loadTemplate']>[0];

/** The templates offered, in menu order (ids from src/scenario/templates.ts). */
const TEMPLATE_ITEMS: readonly { id: TemplateId; labelKey: MessageKey; descriptionKey: MessageKey }[] = [
  { id: 'empty', labelKey: 'toolbar.template.empty', descriptionKey: 'toolbar.template.empty.about' },
  { id: 'orderFanOut', labelKey: 'toolbar.template.orderFanOut', descriptionKey: 'toolbar.template.orderFanOut.about' },
  { id: 'iotStream', labelKey: 'toolbar.template.iotStream', descriptionKey: 'toolbar.template.iotStream.about' },
  { id: 'fraudDetection', labelKey: 'toolbar.template.fraudDetection', descriptionKey: 'toolbar.template.fraudDetection.about' },
];

/**
 * A disclosure listing the templates. Loading one replaces the canvas, so when that would lose
 * unsaved work the learner is asked first (replaceGuard.ts, the same question as everywhere).
 */
export function TemplatesMenu() {
  const { t } = useT();
  const panelId = useId();
  const store = useKafeStoreApi();
  const { open, toggle, close, buttonRef, panelRef } = usePopover();

  const choose = (item: (typeof TEMPLATE_ITEMS)[number]) => {
    close();
    replaceWithConsent(store, 'template', t(item.labelKey), () => store.getState().loadTemplate(item.id));
  };

  return (
    <div className="popover-anchor">
      <button
        ref={buttonRef}
        type="button"
        className="toolbar__button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={toggle}
      >
        {t('toolbar.templates')} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div ref={panelRef} id={panelId} className="popover" data-testid="templates-panel">
          <ul className="menu-list" aria-label={t('toolbar.templates')}>
            {TEMPLATE_ITEMS.map((item) => (
              <li key={item.id}>
                <button type="button" className="menu-item" data-template={item.id} onClick={() => choose(item)}>
                  <span className="menu-item__title">{t(item.labelKey)}</span>
                  <span className="menu-item__about">{t(item.descriptionKey)}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
