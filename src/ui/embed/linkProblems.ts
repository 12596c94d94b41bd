import type { MessageKey } from '../../i18n';
import type { LinkProblem } from '../../links';
import type { KafeState } from '../../store';

/** The i18n key (`link.problem.<code>`, in the core strings) and detail that explain a link problem. */
export function linkProblemNotice(problem: LinkProblem): { key: MessageKey; detail?: string } {
  const key = `link.problem.${problem.code}` as const;
  if (problem.code === 'stepWithoutLesson') return { key };
  return { key, detail: problem.code === 'unknownLesson' ? problem.id : problem.value };
}

/** Tells the visitor, as an error notice, what in a link could not be used (the one way every link problem is reported). */
export function reportLinkProblem(notify: KafeState['notify'], problem: LinkProblem): void {
  const n = linkProblemNotice(problem);
  notify('error', n.key, n.detail);
}
