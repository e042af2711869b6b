import type { MarkerSet } from './markers.js';
import type { InputFormat } from './model.js';

/** Options of one parse. Everything here may change the output document. */
export interface ParseOptions {
  /** Keep the spaces that extraction put between CJK and Latin/digits (default false: remove them). */
  keepSpacing?: boolean;
  /** Input path as the user gave it, recorded in `source.path`. */
  path?: string | null;
  /** Input format recorded in `source.format`; readers for XML set it. */
  format?: InputFormat;
  /** Marker patterns to use instead of DEFAULT_MARKERS (a newspaper profile; see src/profile/). */
  markers?: MarkerSet;
  /**
   * The issue the page belongs to (--paper, --date, --edition or the profile's
   * fields); the date is read from the page when not given. Known parts make
   * the stable ids of identify-page.ts.
   */
  issue?: { paper?: string; date?: string; edition?: string };
  /**
   * Set by a reader, not a user: the lines come in the reading order the file
   * states (ALTO ReadingOrder or IDNEXT), which the layout road follows when
   * it agrees with the page (src/core/layout/follow-stated-order.ts).
   */
  statedReadingOrder?: boolean;
}
