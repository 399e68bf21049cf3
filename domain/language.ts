/** The languages the assistant speaks; Dutch is the source of every text. */
export const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
