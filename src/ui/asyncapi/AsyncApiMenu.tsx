import { useId, useRef, useState, type ChangeEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Imported, ImportNote, NoteKind, ReadOutcome } from '../../asyncapi';
import { registerArea, useT, type MessageKey } from '../../i18n';
import { ASYNCAPI_NOTE_KEYS, ASYNCAPI_READ_KEYS, readIssueMessage } from '../../i18n/codeKeys';
import { useKafe, useKafeStoreApi } from '../../store';
import { downloadFile } from '../common/download';
import { replaceWithConsent } from '../common/replaceGuard';
import { MenuButton, MenuItem } from '../toolbar/menu';
import { usePopover } from '../toolbar/usePopover';
import '../export/export.css';

/**
 * The toolbar's AsyncAPI menu: export the canvas as an AsyncAPI 3.0 YAML document, or import an
 * AsyncAPI 2.x/3.x document. The mapping and the parser load on first use (their own chunks).
 *
 * Importing never touches the canvas until the learner agrees: an invalid document says why in the
 * learner's language, with the parser's own messages and their lines as technical detail; a valid
 * one shows what it holds and what could not be carried over, and "Replace the canvas" goes through
 * the same consent as every other replacement (replaceWithConsent: it asks first when unsaved work
 * would be lost). Cancel, here or in that dialog, keeps the canvas.
 */
type Shown =
  | { step: 'problems'; file: string; failure: Extract<ReadOutcome, { ok: false }> }
  | { step: 'preview'; file: string; imported: Imported }
  | { step: 'done'; file: string; imported: Imported }
  | { step: 'failed'; error: string };

const KINDS: readonly NoteKind[] = ['skipped', 'adjusted', 'info'];
const KIND_TITLE: Record<NoteKind, MessageKey> = { skipped: 'asyncapi.notes.skipped', adjusted: 'asyncapi.notes.adjusted', info: 'asyncapi.notes.info' };

type Tools = typeof import('./tools');

export function AsyncApiMenu() {
  const { t } = useT();
  const { i18n } = useTranslation();
  const panelId = useId();
  const store = useKafeStoreApi();
  const notify = useKafe((s) => s.notify);
  const loadScenario = useKafe((s) => s.loadScenario);
  const hasNodes = useKafe((s) => s.scenario.nodes.length > 0);
  const { open, setOpen, toggle, close, buttonRef, panelRef } = usePopover();
  const fileRef = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<Shown | null>(null);

  const tools = async (): Promise<Tools> => {
    const loaded = await import('./tools');
    registerArea(i18n, loaded.ASYNCAPI_STRINGS);
    return loaded;
  };

  const exportDocument = async () => {
    setBusy(true);
    try {
      const { exportAsyncApi } = await tools();
      const { fileName, text } = exportAsyncApi(store.getState().scenario);
      downloadFile(text, fileName, 'application/yaml');
      notify('success', 'asyncapi.exported');
      close();
    } catch (e) {
      setShown({ step: 'failed', error: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  };

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    input.value = ''; // so choosing the same file again still triggers a change
    if (!file) return;
    setBusy(true);
    setShown(null);
    setOpen(true);
    try {
      const { readAsyncApiFile } = await tools();
      const read = await readAsyncApiFile(await file.text());
      setShown(read.ok ? { step: 'preview', file: file.name, imported: read.value } : { step: 'problems', file: file.name, failure: read });
    } catch (e) {
      setShown({ step: 'failed', error: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
      setOpen(true);
    }
  };

  const replace = (file: string, imported: Imported) => {
    replaceWithConsent(store, 'import', imported.scenario.name || file, () => {
      loadScenario(imported.scenario);
      notify('success', 'notice.imported');
      setShown({ step: 'done', file, imported });
    });
  };

  const toggleMenu = () => {
    if (open) setShown(null);
    toggle();
  };

  return (
    <div className="popover-anchor">
      <MenuButton
        label={busy ? t('asyncapi.working') : t('asyncapi.menu')}
        open={open}
        panelId={panelId}
        buttonRef={buttonRef}
        onClick={toggleMenu}
        title={t('asyncapi.menu.about')}
        busy={busy}
        testId="asyncapi-menu"
      />
      <input
        ref={fileRef}
        type="file"
        accept=".yaml,.yml,.json,application/yaml,application/json"
        className="visually-hidden"
        tabIndex={-1}
        aria-label={t('asyncapi.importFile')}
        data-testid="asyncapi-file"
        onChange={(e) => void onFile(e)}
      />
      {open && (
        <div ref={panelRef} id={panelId} className="popover popover--wide export-panel asyncapi-panel" data-testid="asyncapi-panel">
          {shown === null ? (
            busy ? (
              <p className="popover__hint">{t('asyncapi.working')}</p>
            ) : (
              <ul className="menu-list" aria-label={t('asyncapi.menu')}>
                <MenuItem title={t('asyncapi.export')} about={t('asyncapi.export.about')} data={{ 'data-testid': 'asyncapi-export' }} onClick={() => void exportDocument()} />
                <MenuItem title={t('asyncapi.import')} about={t('asyncapi.import.about')} data={{ 'data-testid': 'asyncapi-import' }} onClick={() => fileRef.current?.click()} />
              </ul>
            )
          ) : (
            <ImportPanel shown={shown} hasNodes={hasNodes} onReplace={replace} onClose={() => close()} />
          )}
        </div>
      )}
    </div>
  );
}

function ImportPanel({ shown, hasNodes, onReplace, onClose }: { shown: Shown; hasNodes: boolean; onReplace: (file: string, imported: Imported) => void; onClose: () => void }) {
  const { t } = useT();
  if (shown.step === 'failed') {
    return (
      <>
        <p className="field-error">{t('asyncapi.failed')}</p>
        <p className="popover__hint asyncapi-technical">{t('notice.technicalDetail', { detail: shown.error })}</p>
        <Actions>
          <button type="button" className="button button--small button--quiet" onClick={onClose}>
            {t('asyncapi.panel.close')}
          </button>
        </Actions>
      </>
    );
  }
  return (
    <section role="region" aria-label={t('asyncapi.panel.title', { file: shown.file })}>
      <h3 className="popover__title">{t('asyncapi.panel.title', { file: shown.file })}</h3>
      {shown.step === 'problems' ? (
        <>
          <p className="field-error" role="alert" data-reason={shown.failure.reason}>
            {t(ASYNCAPI_READ_KEYS[shown.failure.reason])}
          </p>
          {shown.failure.issue && (
            <p className="field-error" data-issue={shown.failure.issue.code}>
              {readIssueMessage(t, shown.failure.issue)}
            </p>
          )}
          {/* The invalid-document sentence ends "The parser says:"; the others introduce the detail here. */}
          {shown.failure.reason !== 'invalidDocument' && <p className="popover__hint">{t('asyncapi.panel.technical')}</p>}
          <ul className="asyncapi-problems" data-testid="asyncapi-problems">
            {shown.failure.problems.map((p, i) => (
              <li key={i}>
                {p.line !== null && <strong>{t('asyncapi.panel.line', { line: p.line })}: </strong>}
                {p.message}
                {p.path && <code>{p.path}</code>}
              </li>
            ))}
          </ul>
          <Actions>
            <button type="button" className="button button--small button--quiet" onClick={onClose}>
              {t('asyncapi.panel.close')}
            </button>
          </Actions>
        </>
      ) : (
        <>
          <p className="popover__hint" data-testid="asyncapi-summary">
            {shown.step === 'done' ? t('asyncapi.panel.done') : summary(t, shown.imported)}
          </p>
          <Notes notes={shown.imported.notes} />
          {shown.step === 'preview' && hasNodes && <p className="popover__hint">{t('asyncapi.panel.replaceHint')}</p>}
          <Actions>
            {shown.step === 'preview' && (
              <button type="button" className="button button--small" data-testid="asyncapi-replace" onClick={() => onReplace(shown.file, shown.imported)}>
                {hasNodes ? t('asyncapi.panel.replace') : t('asyncapi.panel.load')}
              </button>
            )}
            <button type="button" className="button button--small button--quiet" onClick={onClose}>
              {shown.step === 'preview' ? t('asyncapi.panel.cancel') : t('asyncapi.panel.close')}
            </button>
          </Actions>
        </>
      )}
    </section>
  );
}

function Notes({ notes }: { notes: ImportNote[] }) {
  const { t } = useT();
  if (notes.length === 0) return <p className="export-panel__muted">{t('asyncapi.notes.none')}</p>;
  return (
    <div className="popover__section" data-testid="asyncapi-notes">
      {KINDS.map((kind) => {
        const list = notes.filter((n) => n.kind === kind);
        if (list.length === 0) return null;
        return (
          <div key={kind} className={`export-notes export-notes--${kind}`}>
            <h4 className="export-panel__heading">{t(KIND_TITLE[kind])}</h4>
            <ul>
              {list.map((n, i) => (
                <li key={i} data-code={n.code}>
                  {t(ASYNCAPI_NOTE_KEYS[n.code], { subject: n.subject, detail: n.detail ?? '' })}
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </div>
  );
}

function Actions({ children }: { children: ReactNode }) {
  return <div className="export-panel__actions">{children}</div>;
}

function summary(t: ReturnType<typeof useT>['t'], imported: Imported): string {
  const { scenario } = imported;
  const count = (kinds: string[]) => scenario.nodes.filter((n) => kinds.includes(n.kind)).length;
  return t('asyncapi.panel.summary', {
    title: scenario.name,
    topics: count(['topic']),
    applications: count(['producer', 'service', 'consumer']),
    brokers: count(['broker']),
  });
}
