/**
 * Stored times are ISO strings that may carry offsets, and such strings do not sort as instants:
 * a query by time range reads this much wider, then the caller bounds the rows exactly.
 */
export const OFFSET_MARGIN_MS = 15 * 3_600_000;

/** The ISO bounds to query for the instants `from`..`to` (milliseconds), widened by the margin. */
export const widenedRange = (from: number, to: number): [string, string] => [
  new Date(from - OFFSET_MARGIN_MS).toISOString(),
  new Date(to + OFFSET_MARGIN_MS).toISOString(),
];
