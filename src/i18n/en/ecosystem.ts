/**
 * English strings for links into the course, embeds and the CLI view (see common.ts for the
 * rules). link.problem.<code> has one entry per LinkProblem code in src/links/pageLink.ts.
 */
export const ecosystem = {
  'link.copyStep': 'Copy link to this step',
  'link.copied': 'Link copied to the clipboard.',
  'link.copyManual': 'The clipboard is not available here: copy the link from the field.',
  'link.problem.badStep': 'This link names a step Kafé cannot read (use a step number from 1, or a step id). Your canvas is unchanged.',
  'link.problem.badSteps': 'This link’s step range cannot be read (write it like steps=2-4). All steps are shown.',
  'link.problem.badLang': 'This link asks for a language Kafé does not have (en or th), so the page stays in your language.',
  'link.problem.stepWithoutLesson': 'This link names a step but no lesson (add lesson=…). Your canvas is unchanged.',
  'link.problem.unknownLesson': 'This link points to a lesson that does not exist. Your canvas is unchanged.',
  'link.problem.unknownStep': 'This link points to a step that this lesson does not have. Your canvas is unchanged.',
  'link.problem.stepsOutOfRange': 'This link’s step is outside the lesson or outside its locked steps. Your canvas is unchanged.',

  'embed.label': 'Kafé, embedded',
  'embed.openInKafe': 'Open in Kafé',
  'embed.openInKafe.about': 'Opens the full app in a new tab',
  'embed.lockedEnd': 'End of this excerpt. Open in Kafé to continue the lesson.',
  'embed.frameTitle': 'Kafé: {{name}}',
  'embed.frameScenario': 'an event flow to play with',

  'share.stepTitle': 'Link to this lesson step',
  'share.stepHint': 'Opens lesson “{{lesson}}” at step {{step}}, in the language you are using. A learner’s own canvas is kept.',
  'share.copyStep': 'Copy lesson link',
  'share.embedTitle': 'Embed',
  'share.embedHintLesson': 'An iframe for a blog, wiki or course page, showing this lesson. It never saves anything in the visitor’s browser.',
  'share.embedHintScenario': 'An iframe for a blog, wiki or course page, showing this canvas as it is now. It never saves anything in the visitor’s browser.',
  'share.embedSteps': 'Only these steps (e.g. 2-4; empty for all)',
  'share.embedStepsInvalid': 'Write a range such as 2-4 (step numbers from 1).',
  'share.embedCopy': 'Copy embed code',
  'share.embedField': 'Embed code',
  'share.embedCopied': 'Embed code copied to the clipboard.',

  'cli.title': 'CLI view',
  'cli.about': 'What Kafka’s own tools would print for the simulated cluster at this moment.',
  'cli.copy': 'Copy',
  'cli.copied': 'Command output copied.',
} as const;
