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
    timeZoneName: "short",
  }).formatToParts(date);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")} ${get("hour")}:${get("minute")} ${get("timeZoneName")}`;
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
