import { useEffect, useId, useRef, useState } from 'react';
import { useT, type MessageKey } from '../../i18n';
import { useKafeStoreApi } from '../../store';
import { EXPORT_FILE_NAME } from '../toolbar/Toolbar';
import { downloadFile } from './download';
import { settleReplace, useReplaceRequest, type ReplaceAction } from './replaceGuard';

const TITLES: Record<ReplaceAction, MessageKey> = {
  template: 'replace.title.template',
  import: 'replace.title.import',
  share: 'replace.title.share',
  lesson: 'replace.title.lesson',
  stash: 'replace.title.stash',
  showMe: 'replace.title.showMe',
};

/**
 * Asks before unsaved work on the canvas is replaced (see replaceGuard.ts). A native modal
 * <dialog>: focus moves into it (to Cancel, the safe choice) and stays there, Escape cancels, and
 * focus goes back to where it was when the dialog closes. "Download the canvas" keeps a copy
 * first, after which nothing is lost either way.
 */
export function ReplaceDialog() {
  const { t } = useT();
  const store = useKafeStoreApi();
  const pending = useReplaceRequest((s) => s.pending);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const [downloaded, setDownloaded] = useState(false);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!pending || !dialog) return;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setDownloaded(false);
    if (!dialog.open) dialog.showModal();
    cancelRef.current?.focus();
    return () => {
      if (dialog.open) dialog.close();
      if (before?.isConnected) before.focus();
    };
  }, [pending]);

  const download = () => {
    downloadFile(store.getState().exportJson(), EXPORT_FILE_NAME, 'application/json');
    store.getState().markKept();
    setDownloaded(true);
  };

  return (
    <dialog
      ref={dialogRef}
      className="dialog replace-dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      data-testid="replace-dialog"
      onCancel={(e) => {
        e.preventDefault();
        settleReplace(false);
      }}
    >
      {pending && (
        <>
          <h2 id={titleId} className="replace-dialog__title">
            {t(TITLES[pending.action], { name: pending.name })}
          </h2>
          <p id={bodyId}>{t('replace.body')}</p>
          {downloaded && (
            <p className="replace-dialog__done" role="status">
              {t('replace.downloaded', { file: EXPORT_FILE_NAME })}
            </p>
          )}
          <div className="replace-dialog__actions">
            <button ref={cancelRef} type="button" className="button button--quiet" onClick={() => settleReplace(false)}>
              {t('replace.no')}
            </button>
            <button type="button" className="button button--quiet" onClick={download}>
              {t('replace.download')}
            </button>
            <button type="button" className="button button--danger" onClick={() => settleReplace(true)}>
              {t('replace.yes')}
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
