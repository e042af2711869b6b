/**
 * The thresholds classify-lines reads lines by, in one place, each with its
 * reason (as src/core/layout/tuning.ts does for the layout stages). Widths are
 * in em; shares are of the line's local column width.
 */
export const CLASSIFY_TUNING = {
  /** Page furniture (page number, date, editor line) is short; a line longer than this is text that mentions a date. */
  furnitureMaxWidth: 60,
} as const;
