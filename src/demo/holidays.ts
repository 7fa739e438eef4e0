/**
 * US federal holidays the demo team observes, computed for a year (no table to go stale).
 */

function isoDate(year: number, monthIndex: number, day: number): string {
  return new Date(Date.UTC(year, monthIndex, day)).toISOString().slice(0, 10);
}

/** The `n`th (1-based) given weekday (0 = Sunday) of a month, or the last one when `n` is -1. */
function nthWeekday(year: number, monthIndex: number, weekday: number, n: number): string {
  if (n === -1) {
    const last = new Date(Date.UTC(year, monthIndex + 1, 0));
    const back = (last.getUTCDay() - weekday + 7) % 7;
    return isoDate(year, monthIndex, last.getUTCDate() - back);
  }
  const first = new Date(Date.UTC(year, monthIndex, 1)).getUTCDay();
  const offset = (weekday - first + 7) % 7;
  return isoDate(year, monthIndex, 1 + offset + (n - 1) * 7);
}

/** The main US holidays of `year` as YYYY-MM-DD dates, in calendar order. */
export function listUsHolidays(year: number): string[] {
  return [
    isoDate(year, 0, 1), // New Year's Day
    nthWeekday(year, 0, 1, 3), // Martin Luther King Jr. Day
    nthWeekday(year, 4, 1, -1), // Memorial Day
    isoDate(year, 6, 4), // Independence Day
    nthWeekday(year, 8, 1, 1), // Labor Day
    nthWeekday(year, 10, 4, 4), // Thanksgiving
    isoDate(year, 11, 25), // Christmas Day
  ];
}
