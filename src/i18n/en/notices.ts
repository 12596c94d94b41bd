/** English strings for the notices area (see common.ts for the rules). */
export const notices = {} as const;
