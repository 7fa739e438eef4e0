/**
 * Small formatting helpers for briefs: money, hours, dates in the team's zone.
 */

/** "$480,000". */
export function money(amount: number): string {
  return `$${Math.round(amount).toLocaleString("en-US")}`;
}

/** "19.0 hours" or "3.2 days". */
export function duration(hours: number): string {
  return hours < 48 ? `${hours.toFixed(1)} hours` : `${(hours / 24).toFixed(1)} days`;
}

/**
 * The zone's short name at `date`: a letter abbreviation where one locale has it ("EST" in en-US,
 * "CET" in en-GB), else the offset ("GMT+5:30").
 */
export function zoneName(date: Date, timeZone: string): string {
  const names = ["en-US", "en-GB"].map(
    (locale) =>
      new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: "short" })
        .formatToParts(date)
        .find((p) => p.type === "timeZoneName")?.value ?? "",
  );
  return names.find((n) => /^[A-Z]{2,5}$/.test(n)) ?? names[0] ?? timeZone;
}

/** "2026-11-10 16:00 UTC" for an ISO instant, in `timeZone`. */
export function when(iso: string | Date, timeZone = "UTC"): string {
  const date = typeof iso === "string" ? new Date(iso) : iso;
  if (Number.isNaN(date.getTime())) return String(iso);
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(date);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")} ${get("hour")}:${get("minute")} ${zoneName(date, timeZone)}`;
}

/** The calendar date of `date` in `timeZone` (YYYY-MM-DD). */
export function day(date: Date, timeZone = "UTC"): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(date);
}
