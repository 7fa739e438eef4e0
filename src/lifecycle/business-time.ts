/**
 * Business-day arithmetic in a team's time zone (POLICY.md section 5: business days skip Saturday,
 * Sunday and the team's holidays, in the team's time zone). Pure: every instant is a parameter.
 */
import { tzOffset } from "@date-fns/tz";

/** A team's working calendar: an IANA time zone and its holidays as `YYYY-MM-DD` dates in that zone. */
export type BusinessCalendar = { timeZone: string; holidays: string[] };

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Whether the team-local calendar date of `instant` is a business day: not a Saturday, not a Sunday
 * and not listed in `cal.holidays`. Throws a RangeError for an invalid date or an unknown time zone.
 */
export function isBusinessDay(instant: Date, cal: BusinessCalendar): boolean {
  const localMs = toLocalMs(epochOf(instant, "instant"), cal.timeZone);
  return isBusinessLocalDay(localDayOf(localMs), holidaySet(cal));
}

/**
 * Adds `days` business days to `start` in the team's time zone.
 *
 * Semantics: the team-local wall-clock time of `start` is kept; the team-local date moves forward
 * one calendar day at a time and only days that are not Saturday, Sunday or a holiday are counted,
 * so Friday 10:00 + 1 = Monday 10:00 and Saturday 10:00 + 1 = Monday 10:00 (the start day itself is
 * never counted). The result is the instant at which that wall time occurs on the final day:
 * - a wall time that does not exist there (skipped by a daylight-saving jump) moves forward to the
 *   first valid instant, i.e. the moment of the jump (02:30 on a 02:00→03:00 day becomes 03:00);
 * - a wall time that occurs twice (clocks set back) resolves to its earlier occurrence.
 * `days` = 0 returns `start` unchanged. `days` must be a non-negative integer (RangeError
 * otherwise); an invalid date, unknown time zone or malformed holiday also throws a RangeError.
 * Hour-based intervals are not business time: add elapsed milliseconds for those.
 */
export function addBusinessDays(start: Date, days: number, cal: BusinessCalendar): Date {
  const startMs = epochOf(start, "start");
  if (!Number.isSafeInteger(days) || days < 0) {
    throw new RangeError(`business days must be a non-negative integer, got ${days}`);
  }
  const holidays = holidaySet(cal);
  const localMs = toLocalMs(startMs, cal.timeZone);
  if (days === 0) return new Date(startMs);

  let day = localDayOf(localMs);
  const timeOfDay = localMs - day * MS_PER_DAY;
  for (let remaining = days; remaining > 0;) {
    day += 1;
    if (isBusinessLocalDay(day, holidays)) remaining -= 1;
  }
  return new Date(fromLocalMs(day * MS_PER_DAY + timeOfDay, cal.timeZone));
}

function epochOf(date: Date, name: string): number {
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`${name} is an invalid date`);
  return ms;
}

function holidaySet(cal: BusinessCalendar): Set<string> {
  for (const holiday of cal.holidays) {
    if (!ISO_DATE.test(holiday)) throw new RangeError(`holiday "${holiday}" is not a YYYY-MM-DD date`);
  }
  return new Set(cal.holidays);
}

/** UTC offset of `timeZone` at the instant `epochMs`, in milliseconds. */
function offsetMs(epochMs: number, timeZone: string): number {
  const minutes = tzOffset(timeZone, new Date(epochMs));
  if (Number.isNaN(minutes)) throw new RangeError(`unknown time zone "${timeZone}"`);
  return Math.round(minutes * MS_PER_MINUTE);
}

/** The team-local wall-clock time of an instant, encoded as milliseconds read with UTC fields. */
function toLocalMs(epochMs: number, timeZone: string): number {
  return epochMs + offsetMs(epochMs, timeZone);
}

function localDayOf(localMs: number): number {
  return Math.floor(localMs / MS_PER_DAY);
}

function isBusinessLocalDay(day: number, holidays: ReadonlySet<string>): boolean {
  const date = new Date(day * MS_PER_DAY);
  const weekday = date.getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !holidays.has(date.toISOString().slice(0, 10));
}

/** The instant at which the local wall time `localMs` occurs in `timeZone` (see addBusinessDays). */
function fromLocalMs(localMs: number, timeZone: string): number {
  // The true offset is one of those in force a day either side: no zone's offset exceeds ±24 h and
  // real zones never change offset twice within two days.
  const candidates = new Set([
    offsetMs(localMs - MS_PER_DAY, timeZone),
    offsetMs(localMs, timeZone),
    offsetMs(localMs + MS_PER_DAY, timeZone),
  ]);
  const valid = [...candidates]
    .map((offset) => localMs - offset)
    .filter((epochMs) => toLocalMs(epochMs, timeZone) === localMs);
  if (valid.length > 0) return Math.min(...valid);

  // A daylight-saving gap: the wall time was skipped, so return the instant of the jump, found by
  // bisection between the last instant of the old offset and the first of the new.
  let before = localMs - Math.max(...candidates);
  let after = localMs - Math.min(...candidates);
  const offsetBefore = offsetMs(before, timeZone);
  while (after - before > 1) {
    const middle = before + Math.floor((after - before) / 2);
    if (offsetMs(middle, timeZone) === offsetBefore) before = middle;
    else after = middle;
  }
  return after;
}
