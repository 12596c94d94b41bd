import type { MessageKey } from '../../i18n';
import type { LinkProblem } from '../../links';

/** The i18n key (`link.problem.<code>`, in the core strings) and detail that explain a link problem. */
export function linkProblemNotice(problem: LinkProblem): { key: MessageKey; detail?: string } {
  const key = `link.problem.${problem.code}` as const;
  if (problem.code === 'stepWithoutLesson') return { key };
  return { key, detail: problem.code === 'unknownLesson' ? problem.id : problem.value };
}
