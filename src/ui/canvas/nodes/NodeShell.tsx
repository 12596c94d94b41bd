import { Handle, Position } from '@xyflow/react';
import type { ReactNode } from 'react';
import { useT } from '../../../i18n';
import type { NodeKind } from '../../../scenario';
import { KindIcon } from '../icons';
import { ProblemBadges } from './ProblemBadges';

interface Props {
  id: string;
  kind: NodeKind;
  label: string;
  selected: boolean;
  /** Where connections can start (right) and end (left). */
  handles: { in?: boolean; out?: boolean };
  /** Small status pills in the header (e.g. "down"). */
  badges?: ReactNode;
  status?: 'ok' | 'down' | 'warn';
  className?: string;
  /** Zoomed out (see semanticZoom.ts): the node draws kind, name and this one key figure in large
   * type, then `children` (a picture without text, if any), and a count of problems. */
  summary?: { figure: ReactNode };
  children?: ReactNode;
}

/** The frame every canvas node shares: kind icon and name, the learner's label, problems, handles. */
export function NodeShell({ id, kind, label, selected, handles, badges, status = 'ok', className, summary, children }: Props) {
  const { t } = useT();
  return (
    <div
      className={`kafe-node kafe-node--${kind} kafe-node--${status}${selected ? ' kafe-node--selected' : ''}${summary ? ' kafe-node--summary' : ''}${className ? ` ${className}` : ''}`}
      data-node-id={id}
      data-kind={kind}
      data-level={summary ? 'summary' : 'detail'}
    >
      {handles.in && <Handle type="target" position={Position.Left} className="kafe-handle kafe-handle--in" title={t('canvas.handle.in')} />}
      <header className="kafe-node__header">
        <span className="kafe-node__icon">
          <KindIcon kind={kind} size={summary ? 24 : 18} />
        </span>
        <span className="kafe-node__titles">
          <span className="kafe-node__kind">{t(`canvas.kind.${kind}`)}</span>
          <span className="kafe-node__label" title={label}>
            {label}
          </span>
        </span>
        {badges && !summary && <span className="kafe-node__badges">{badges}</span>}
      </header>
      {summary && (
        <p className="kafe-node__figure">
          {badges && <span className="kafe-node__badges">{badges}</span>}
          <span>{summary.figure}</span>
        </p>
      )}
      <ProblemBadges nodeId={id} compact={summary !== undefined} />
      {children && <div className="kafe-node__body">{children}</div>}
      {handles.out && <Handle type="source" position={Position.Right} className="kafe-handle kafe-handle--out" title={t('canvas.handle.out')} />}
    </div>
  );
}

/** One number with its caption, e.g. "sent 42". */
export function Stat({ label, value, tone }: { label: string; value: number | string; tone?: 'bad' | 'good' }) {
  return (
    <span className={`kafe-stat${tone ? ` kafe-stat--${tone}` : ''}`}>
      <span className="kafe-stat__value">{typeof value === 'number' ? formatCount(value) : value}</span>
      <span className="kafe-stat__label">{label}</span>
    </span>
  );
}

const COUNT = new Intl.NumberFormat('en-US');
/** 12,345 (digits stay Western in Thai too, as in Thai technical writing). */
export const formatCount = (n: number): string => COUNT.format(n);
