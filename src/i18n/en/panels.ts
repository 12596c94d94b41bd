/** English strings for the panels area (see common.ts for the rules). */
export const panels = {} as const;
