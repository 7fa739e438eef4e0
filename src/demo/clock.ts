/**
 * Anchor-relative time for the demo data: every instant is "so many hours before the anchor", so a
 * workspace generated for any anchor tells the same story, shifted as a whole.
 */

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

/** Converts offsets from the anchor into ISO timestamps and dates. */
export type DemoClock = {
  /** The anchor in epoch milliseconds. */
  readonly anchorMs: number;
  /** The ISO date-time `hoursAgo` hours before the anchor (rounded to the minute of offset). */
  iso(hoursAgo: number): string;
  /** The UTC calendar date (YYYY-MM-DD) `days` days after the anchor (negative for before). */
  date(days: number): string;
  /** The anchor's UTC year. */
  readonly year: number;
};

/** Creates a clock for `anchor`; throws a RangeError for an invalid date. */
export function createDemoClock(anchor: Date): DemoClock {
  const anchorMs = anchor.getTime();
  if (!Number.isFinite(anchorMs)) throw new RangeError("demo anchor must be a valid date");
  return {
    anchorMs,
    year: anchor.getUTCFullYear(),
    iso(hoursAgo) {
      const offsetMinutes = Math.round(hoursAgo * 60);
      return new Date(anchorMs - offsetMinutes * MS_PER_MINUTE).toISOString();
    },
    date(days) {
      return new Date(anchorMs + Math.round(days) * MS_PER_DAY).toISOString().slice(0, 10);
    },
  };
}
