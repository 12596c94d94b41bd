import { Handle, Position } from '@xyflow/react';
import { memo, type ReactNode } from 'react';
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
  return (
    <div
      className={`kafe-node kafe-node--${kind} kafe-node--${status}${selected ? ' kafe-node--selected' : ''}${summary ? ' kafe-node--summary' : ''}${className ? ` ${className}` : ''}`}
      data-node-id={id}
      data-kind={kind}
      data-level={summary ? 'summary' : 'detail'}
    >
      {handles.in && <InHandle />}
      <NodeHeader kind={kind} label={label} summary={summary !== undefined} badges={summary ? undefined : badges} />
      {summary && (
        <p className="kafe-node__figure">
          {badges && <span className="kafe-node__badges">{badges}</span>}
          <span>{summary.figure}</span>
        </p>
      )}
      <ProblemBadges nodeId={id} compact={summary !== undefined} />
      {children && <div className="kafe-node__body">{children}</div>}
      {handles.out && <OutHandle />}
    </div>
  );
}

/** The parts of a node that change only with its label, zoom level or language: rendered once
 * and kept while the node's live figures re-render (badges are a new element each time, so a
 * node passes them only when it has some). */
const NodeHeader = memo(function NodeHeader({ kind, label, summary, badges }: { kind: NodeKind; label: string; summary: boolean; badges?: ReactNode }) {
  const { t } = useT();
  return (
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
      {badges && <span className="kafe-node__badges">{badges}</span>}
    </header>
  );
});

const InHandle = memo(function InHandle() {
  const { t } = useT();
  return <Handle type="target" position={Position.Left} className="kafe-handle kafe-handle--in" title={t('canvas.handle.in')} />;
});

const OutHandle = memo(function OutHandle() {
  const { t } = useT();
  return <Handle type="source" position={Position.Right} className="kafe-handle kafe-handle--out" title={t('canvas.handle.out')} />;
});

/** One number with its caption, e.g. "sent 42". `counter` names it (data-counter) for tests. */
export function Stat({ label, value, tone, counter }: { label: string; value: number | string; tone?: 'bad' | 'good'; counter?: string }) {
  return (
    <span className={`kafe-stat${tone ? ` kafe-stat--${tone}` : ''}`} data-counter={counter}>
      <span className="kafe-stat__value">{typeof value === 'number' ? formatCount(value) : value}</span>
      <span className="kafe-stat__label">{label}</span>
    </span>
  );
}

const COUNT = new Intl.NumberFormat('en-US');
/** 12,345 (digits stay Western in Thai too, as in Thai technical writing). */
export const formatCount = (n: number): string => COUNT.format(n);
