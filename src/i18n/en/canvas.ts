/** English strings for the canvas area (see common.ts for the rules). */
export const canvas = {} as const;
