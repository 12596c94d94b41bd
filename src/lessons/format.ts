import { z } from 'zod';
import { COMMANDS, type Command } from '../engine';
import { TEMPLATE_IDS, type TemplateId } from '../scenario';
import { nodeKind } from '../scenario/validate';
import { GOALS } from './goals';
import { PARTS } from './parts';

/**
 * The frontmatter of a lesson file (`lessons/NN-slug.md`): everything that is NOT prose. Prose
 * (intro, step text, hints, predictions, explanations, summary) lives in the Markdown body, so a
 * translation only ever copies the body and the title.
 *
 *   ---
 *   id: cafe-gossip
 *   order: 1
 *   title: Kafka is a digital post office
 *   part: events                         # see parts.ts
 *   difficulty: 1                        # 1..3
 *   challenge: false                     # true: a goal with no recipe, closing its part
 *   scenario: { template: empty }        # or { nodes: [...], edges: [...], timeline: [...] }
 *   steps:
 *     - id: listen
 *       predict: 1                       # index of the right choice under "### Predict"
 *       goal: { groupCaughtUp: { group: you, topic: gossip } }
 *       solution:
 *         - connect: [gossip, you]
 *         - advance: 5000
 *   ---
 */

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lower-case words joined by "-", e.g. "cafe-gossip"');
const nodeId = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'node ids use 1-40 letters, digits, "_" or "-"');

const engineCommand = z.custom<Command>(
  (v) => typeof v === 'object' && v !== null && Object.hasOwn(COMMANDS, (v as { type?: unknown }).type as string),
  'must be an engine command with a known "type" (see src/engine/commands.ts)',
);

/**
 * One learner action, as data. Each is a single-key object so it reads like a sentence in YAML
 * (`- connect: [gossip, you]`). They go through the same store methods the canvas uses, so a
 * reference solution is exactly what a learner could have done by hand.
 */
export const lessonAction = z.union([
  z.strictObject({
    addNode: z.strictObject({ kind: nodeKind, id: nodeId, label: z.string().min(1).max(40).optional(), props: z.record(z.string(), z.unknown()).optional() }),
  }),
  z.strictObject({ updateNode: z.strictObject({ id: nodeId, label: z.string().min(1).max(40).optional(), props: z.record(z.string(), z.unknown()).optional() }) }),
  z.strictObject({ removeNode: nodeId }),
  z.strictObject({ connect: z.tuple([nodeId, nodeId]) }),
  z.strictObject({ disconnect: z.tuple([nodeId, nodeId]) }),
  /** A live action on the running simulation (produce, crash a consumer, fail a broker...). */
  z.strictObject({ run: engineCommand }),
  /** Let virtual time pass (what pressing play does), in ms. */
  z.strictObject({ advance: z.number().int().min(1).max(600_000) }),
]);
export type LessonAction = z.infer<typeof lessonAction>;

/** `{ goalName: params }`, or several that must all hold: `{ all: [ {...}, {...} ] }`. */
export type GoalSpec = { all: GoalSpec[] } | { [name: string]: unknown };

const goalSpec: z.ZodType<GoalSpec> = z.lazy(() =>
  z
    .record(z.string(), z.unknown())
    .refine((o) => Object.keys(o).length === 1, 'a goal is one `name: params` pair (use `all: [...]` for several)')
    .superRefine((o, ctx) => {
      const [name, params] = Object.entries(o)[0] ?? [];
      if (name === undefined) return;
      if (name === 'all') {
        const list = z.array(goalSpec).min(1).safeParse(params);
        if (!list.success) for (const i of list.error.issues) ctx.addIssue({ code: 'custom', path: ['all', ...i.path], message: i.message });
        return;
      }
      const goal = GOALS[name as keyof typeof GOALS];
      if (!goal) {
        ctx.addIssue({ code: 'custom', path: [name], message: `unknown goal "${name}"; known goals: ${Object.keys(GOALS).join(', ')}` });
        return;
      }
      const parsed = goal.params.safeParse(params);
      if (!parsed.success) for (const i of parsed.error.issues) ctx.addIssue({ code: 'custom', path: [name, ...i.path], message: i.message });
    }),
);

export const lessonStep = z.strictObject({
  id: slug,
  /** Index (0-based) of the right answer among the bullet points under the step's "### Predict". */
  predict: z.number().int().min(0).max(9).optional(),
  goal: goalSpec,
  solution: z.array(lessonAction).min(1, 'a step needs a reference solution (at least one action)'),
});
export type LessonStepMeta = z.infer<typeof lessonStep>;

/** Where a lesson pins a node (top-left corner, canvas units); bounded so a typo cannot throw the
 * canvas miles away. */
const MAX_POSITION = 10_000;
const coordinate = z
  .number()
  .finite()
  .min(0, 'a position is at least 0 (the canvas starts at the top left)')
  .max(MAX_POSITION, `a position is at most ${MAX_POSITION}`);

/**
 * A node in an inline starting scenario: props default to what the palette would give it. Nodes
 * are laid out automatically; `position` pins one by hand, for a node whose arrows the learner
 * draws later (dagre would put an unconnected node in the first column). The loader refuses a
 * pin whose box overlaps another node's.
 */
const inlineNode = z.strictObject({
  kind: nodeKind,
  id: nodeId,
  label: z.string().min(1).max(40).optional(),
  props: z.record(z.string(), z.unknown()).optional(),
  position: z.strictObject({ x: coordinate, y: coordinate }).optional(),
});

export const lessonScenario = z.union([
  z.strictObject({ template: z.enum(TEMPLATE_IDS as [TemplateId, ...TemplateId[]]), seed: z.number().int().min(0).optional() }),
  z.strictObject({
    name: z.string().max(80).optional(),
    seed: z.number().int().min(0).optional(),
    nodes: z.array(inlineNode).min(1),
    edges: z.array(z.tuple([nodeId, nodeId])).default([]),
    /** Live actions already recorded when the lesson opens, e.g. a consumer that is not running yet. */
    timeline: z.array(z.strictObject({ at: z.number().min(1), command: engineCommand })).default([]),
  }),
]);
export type LessonScenario = z.infer<typeof lessonScenario>;

export const lessonFrontmatter = z.strictObject({
  id: slug,
  /** Orders lessons within their part (unique across the course). */
  order: z.number().int().min(1),
  title: z.string().min(1).max(100),
  /** The part of the course (parts.ts) the level map shows the lesson in. */
  part: z.enum(PARTS),
  /** 1 (first steps) to 3 (builds on earlier parts), shown on the level map. */
  difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  /** A challenge: a goal and no recipe. It closes its part (listed after its lessons). */
  challenge: z.boolean().default(false),
  scenario: lessonScenario,
  steps: z.array(lessonStep).min(1),
});
export type LessonFrontmatter = z.infer<typeof lessonFrontmatter>;

/** A translation's frontmatter: the title, and which English text each section was translated
 * from (a short hash per section, see translation.ts), so edits to the English show up as stale. */
export const translationFrontmatter = z.strictObject({
  id: slug,
  title: z.string().min(1).max(100),
  translated: z.record(z.string(), z.string().regex(/^[0-9a-f]{8}$/, 'a translation hash is 8 hex digits')),
});
export type TranslationFrontmatter = z.infer<typeof translationFrontmatter>;
