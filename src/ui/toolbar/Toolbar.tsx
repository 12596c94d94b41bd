import { useRef, type ChangeEvent } from 'react';
import { useT } from '../../i18n';
import { loadLayout } from '../../scenario';
import { loadValidation, readFailureExtras, useKafe, useKafeStoreApi } from '../../store';
import { AsyncApiMenu } from '../asyncapi/AsyncApiMenu';
import { downloadFile } from '../common/download';
import { replaceWithConsent } from '../common/replaceGuard';
import { ExportCodeButton } from '../export/ExportCodeButton';
import { SharePanel } from './SharePanel';
import { TemplatesMenu } from './TemplatesMenu';
import { usePopover } from './usePopover';

export const EXPORT_FILE_NAME = 'kafe-scenario.json';

/** Starts fetching the layout code (a failure is reported by Arrange itself, when pressed). */
const preloadLayout = () => void loadLayout().catch(() => undefined);

/**
 * Templates, export/import as JSON, export as a kafkajs project, AsyncAPI export/import, and share
 * links. A JSON file that cannot be read is refused with a notice saying why, and the canvas stays;
 * a readable one replaces the canvas only with the learner's consent when unsaved work would be lost.
 */
export function Toolbar() {
  const { t } = useT();
  const store = useKafeStoreApi();
  const notify = useKafe((s) => s.notify);
  const autoArrange = useKafe((s) => s.autoArrange);
  const fileRef = useRef<HTMLInputElement>(null);
  // On a narrow screen the items fold into a menu (app.css); elsewhere the button is hidden.
  const menu = usePopover();

  const exportFile = () => downloadFile(store.getState().exportJson(), EXPORT_FILE_NAME, 'application/json');

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    // Clear the field so choosing the same file again still triggers a change.
    input.value = '';
    if (!file) return;
    let text: string;
    let parseScenarioJson: Awaited<ReturnType<typeof loadValidation>>['parseScenarioJson'];
    try {
      // The reader (and zod) is a chunk of its own, fetched the first time something is imported.
      [text, { parseScenarioJson }] = await Promise.all([file.text(), loadValidation()]);
    } catch (e) {
      notify('error', 'notice.importFailed', e instanceof Error ? e.message : String(e), { reason: 'unexpected' });
      return;
    }
    const parsed = parseScenarioJson(text);
    if (!parsed.ok) {
      notify('error', 'notice.importFailed', parsed.error, readFailureExtras(parsed));
      return;
    }
    replaceWithConsent(store, 'import', parsed.value.name || file.name, () => {
      store.getState().loadScenario(parsed.value);
      notify('success', 'notice.imported');
    });
  };

  return (
    <nav className="toolbar" aria-label={t('toolbar.label')}>
      <button
        type="button"
        ref={menu.buttonRef}
        className="toolbar__button toolbar__menu"
        aria-expanded={menu.open}
        aria-controls="toolbar-items"
        onClick={menu.toggle}
      >
        {t('toolbar.menu')}
      </button>
      <div id="toolbar-items" ref={menu.panelRef} className={`toolbar__items${menu.open ? ' toolbar__items--open' : ''}`}>
      <TemplatesMenu />
      <button type="button" className="toolbar__button" onClick={exportFile}>
        {t('toolbar.export')}
      </button>
      <ExportCodeButton getScenario={() => store.getState().scenario} />
      <button type="button" className="toolbar__button" onClick={() => fileRef.current?.click()}>
        {t('toolbar.import')}
      </button>
      <input
        ref={fileRef}
        type="file"
        accept="application/json,.json"
        className="visually-hidden"
        tabIndex={-1}
        aria-label={t('toolbar.importFile')}
        data-testid="import-file"
        onChange={(e) => void onFile(e)}
      />
      <AsyncApiMenu />
      <SharePanel />
      {/* The layout code loads on first use: fetch it as soon as the learner heads for the button. */}
      <button type="button" className="toolbar__button" onClick={autoArrange} onPointerEnter={preloadLayout} onFocus={preloadLayout} title={t('toolbar.arrange.about')}>
        {t('toolbar.arrange')}
      </button>
      </div>
    </nav>
  );
}
