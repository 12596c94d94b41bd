/**
 * The course's parts, in the order a learner meets them. Each lesson names its part in its
 * frontmatter (`part:`); each part closes with a challenge (`challenge: true`), a goal with no
 * recipe. The level map (levelMap.ts) groups lessons by part; titles and blurbs are UI strings
 * (`lessons.part.<id>.title` / `.blurb`), so they come in every language the UI has.
 */
export const PARTS = ['events', 'kafka', 'production'] as const;
export type PartId = (typeof PARTS)[number];

/** How hard a lesson is, 1 (first steps) to 3 (needs the earlier parts). */
export const DIFFICULTIES = [1, 2, 3] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];
