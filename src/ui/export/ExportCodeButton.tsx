import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportNote, ExportNoteKind } from '../../codegen';
import { registerArea, useT, type MessageKey } from '../../i18n';
import { EXPORT_NOTE_KEYS } from '../../i18n/codeKeys';
import { usesSchemas, type Scenario } from '../../scenario';
import { loadSchemaJudge } from '../../schema/lazyJudge';
import { usePopover } from '../toolbar/usePopover';
import type { BuiltExport } from './buildExport';
import { downloadFile } from '../common/download';
import './export.css';

interface Props {
  /** The canvas to export, read at the moment the button is pressed. */
  getScenario: () => Scenario;
  /** The button's classes: `toolbar__button` on the dark toolbar (default), `button` elsewhere. */
  buttonClassName?: string;
}

type Shown = { built: BuiltExport } | { error: string };

const KINDS: readonly ExportNoteKind[] = ['skipped', 'adjusted', 'info'];
const KIND_TITLE: Record<ExportNoteKind, MessageKey> = {
  skipped: 'export.notes.skipped',
  adjusted: 'export.notes.adjusted',
  info: 'export.notes.info',
};

/** The commands a learner types after unzipping: shell text, the same in every language. */
const STEPS = ['docker compose up -d', 'npm install', 'npm run create-topics'];

/**
 * "Export as code": generates a kafkajs project from the canvas, downloads it as a zip, and opens
 * a panel saying how to run it, what was left out or adjusted (the generator's notes), and which
 * files it holds. The generator and the zip library load on the first press (their own chunk).
 */
export function ExportCodeButton({ getScenario, buttonClassName = 'toolbar__button' }: Props) {
  const { t } = useT();
  const { i18n } = useTranslation();
  const panelId = useId();
  const { open, setOpen, close, buttonRef, panelRef } = usePopover();
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<Shown | null>(null);
  const last = useRef<BuiltExport | null>(null);

  const save = (built: BuiltExport) => downloadFile(built.bytes as Uint8Array<ArrayBuffer>, built.fileName, 'application/zip');

  const exportCode = async () => {
    setBusy(true);
    try {
      const scenario = getScenario();
      // Which producers run depends on the registry's verdicts: on a canvas with schemas, its judge
      // (avsc, lazily loaded) must be there before the plan is made, or they would be left out.
      const [{ buildExport, EXPORT_STRINGS }] = await Promise.all([import('./buildExport'), usesSchemas(scenario) ? loadSchemaJudge() : null]);
      registerArea(i18n, EXPORT_STRINGS);
      const built = buildExport(scenario);
      last.current = built;
      save(built);
      setShown({ built });
    } catch (e) {
      setShown({ error: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
      setOpen(true);
    }
  };

  return (
    <div className="popover-anchor">
      <button
        ref={buttonRef}
        type="button"
        className={buttonClassName}
        aria-expanded={open}
        aria-controls={panelId}
        aria-busy={busy || undefined}
        disabled={busy}
        title={t('export.button.about')}
        data-testid="export-code"
        onClick={() => void exportCode()}
      >
        {busy ? t('export.working') : t('export.button')}
      </button>
      {open && shown && (
        <div ref={panelRef} id={panelId} className="popover popover--wide export-panel" role="region" aria-labelledby={`${panelId}-title`} data-testid="export-panel">
          <h3 id={`${panelId}-title`} className="popover__title">
            {t('export.title')}
          </h3>
          {'error' in shown ? (
            <p className="field-error">{t('export.failed', { error: shown.error })}</p>
          ) : (
            <ExportResult built={shown.built} />
          )}
          <div className="export-panel__actions">
            {last.current && (
              <button type="button" className="button button--small" onClick={() => last.current && save(last.current)}>
                {t('export.again')}
              </button>
            )}
            <button type="button" className="button button--small button--quiet" onClick={() => close()}>
              {t('export.close')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

function ExportResult({ built }: { built: BuiltExport }) {
  const { t } = useT();
  const problems = built.notes.filter((n) => n.kind !== 'info').length;
  return (
    <>
      <p className="popover__hint">{t('export.downloaded', { file: built.fileName })}</p>
      <section className="popover__section" aria-label={t('export.steps')}>
        <h4 className="export-panel__heading">{t('export.steps')}</h4>
        <ol className="export-panel__steps">
          {STEPS.map((s) => (
            <li key={s}>
              <code>{s}</code>
            </li>
          ))}
          <li>
            <code>npm run &lt;node&gt;</code> <span className="export-panel__muted">{t('export.steps.node')}</span>
          </li>
        </ol>
      </section>
      <section className="popover__section" data-testid="export-notes">
        {problems === 0 && <p className="export-panel__muted">{t('export.notes.none')}</p>}
        {KINDS.map((kind) => {
          const notes = built.notes.filter((n) => n.kind === kind);
          if (notes.length === 0) return null;
          return (
            <div key={kind} className={`export-notes export-notes--${kind}`}>
              <h4 className="export-panel__heading">{t(KIND_TITLE[kind])}</h4>
              <ul>
                {notes.map((n, i) => (
                  <li key={i} data-code={n.code} data-node={n.nodeId}>
                    {noteMessage(t, n)}
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </section>
      <section className="popover__section">
        <h4 className="export-panel__heading">{t('export.files', { count: built.paths.length })}</h4>
        <ul className="export-panel__files" data-testid="export-files">
          {built.paths.map((p) => (
            <li key={p}>
              <code>{p}</code>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

/** A note in the current language: `export.note.<code>` filled from the note's label and details. */
function noteMessage(t: ReturnType<typeof useT>['t'], n: ExportNote): string {
  return t(EXPORT_NOTE_KEYS[n.code], { label: n.label ?? '', ...n.detail });
}
