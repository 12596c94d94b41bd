import { useEffect, useId, useRef, useState } from 'react';
import type { MessageKey } from '../../i18n';
import { useT } from '../../i18n';
import { useKafe, type KafeState } from '../../store';
import { usePopover } from './usePopover';

type TemplateId = Parameters<KafeState['loadTemplate']>[0];

/** The templates offered, in menu order (ids from src/scenario/templates.ts). */
const TEMPLATE_ITEMS: readonly { id: TemplateId; labelKey: MessageKey; descriptionKey: MessageKey }[] = [
  { id: 'empty', labelKey: 'toolbar.template.empty', descriptionKey: 'toolbar.template.empty.about' },
  { id: 'orderFanOut', labelKey: 'toolbar.template.orderFanOut', descriptionKey: 'toolbar.template.orderFanOut.about' },
  { id: 'iotStream', labelKey: 'toolbar.template.iotStream', descriptionKey: 'toolbar.template.iotStream.about' },
];

/**
 * A disclosure listing the templates. Loading one replaces the canvas, so when the canvas has
 * nodes the learner confirms first in an inline dialog.
 */
export function TemplatesMenu() {
  const { t } = useT();
  const panelId = useId();
  const titleId = useId();
  const bodyId = useId();
  const hasNodes = useKafe((s) => s.scenario.nodes.length > 0);
  const loadTemplate = useKafe((s) => s.loadTemplate);
  const { open, toggle, close, buttonRef, panelRef } = usePopover();
  const [pending, setPending] = useState<TemplateId | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) setPending(null);
  }, [open]);
  useEffect(() => {
    if (pending) confirmRef.current?.focus();
  }, [pending]);

  const load = (id: TemplateId) => {
    loadTemplate(id);
    setPending(null);
    close();
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
          {pending === null ? (
            <ul className="menu-list" aria-label={t('toolbar.templates')}>
              {TEMPLATE_ITEMS.map((item) => (
                <li key={item.id}>
                  <button
                    type="button"
                    className="menu-item"
                    data-template={item.id}
                    onClick={() => (hasNodes ? setPending(item.id) : load(item.id))}
                  >
                    <span className="menu-item__title">{t(item.labelKey)}</span>
                    <span className="menu-item__about">{t(item.descriptionKey)}</span>
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <div role="alertdialog" aria-labelledby={titleId} aria-describedby={bodyId} className="confirm">
              <h3 id={titleId} className="confirm__title">
                {t('toolbar.confirmReplace.title', { name: t(TEMPLATE_ITEMS.find((i) => i.id === pending)!.labelKey) })}
              </h3>
              <p id={bodyId}>{t('toolbar.confirmReplace.body')}</p>
              <div className="confirm__actions">
                <button ref={confirmRef} type="button" className="button" onClick={() => load(pending)}>
                  {t('toolbar.confirmReplace.yes')}
                </button>
                <button type="button" className="button button--quiet" onClick={() => setPending(null)}>
                  {t('toolbar.confirmReplace.no')}
                </button>
              </div>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
