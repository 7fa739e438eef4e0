/**
 * Follow-up cadence (POLICY.md section 5, CONTRACT.md "Escalation lifecycle"): when the next
 * internal follow-up and customer update are due, and when they become overdue. Pure: `now` and
 * every other instant are parameters.
 */
import type { Severity } from "../domain/bundle.js";
import { addBusinessDays, type BusinessCalendar } from "./business-time.js";

/** A follow-up interval: plain elapsed hours, or business days in the team's calendar. */
export type Interval = { hours: number } | { businessDays: number };

/** Per severity, the internal follow-up interval and the customer update range (low–high). */
export type CadencePolicy = Record<
  Severity,
  { internal: Interval; customer: { low: Interval; high: Interval } }
>;

/** Lifecycle status of an escalation; only `open` ones are ever due. */
export type EscalationStatus = "open" | "deescalated" | "resolved";

/** When one audience's follow-up is due: its clock start, due time, and the time after which it is overdue. */
export type DueTimes = { clockStart: Date; dueAt: Date; overdueAt: Date };

/** Everything computeDue reads about one escalation; `policy` defaults to defaultCadence. */
export type ComputeDueInput = {
  severity: Severity;
  openedAt: Date;
  lastInternalUpdate?: Date;
  lastCustomerUpdate?: Date;
  slaUpdateHours?: number;
  calendar: BusinessCalendar;
  policy?: CadencePolicy;
  status: EscalationStatus;
};

/** Due times per audience; null when that audience is never due (de-escalated or resolved). */
export type DueSchedule = { internal: DueTimes | null; customer: DueTimes | null };

/** The two follow-up audiences. */
export type Audience = "internal" | "customer";

/** One follow-up that is due at `now` (the `due` command's JSON items). */
export type DueFollowUp = { escalationId: string; audience: Audience; dueAt: Date; overdue: boolean };

/** The brief's JSON `followUp` object. */
export type CadenceSummary = { internalEveryHours: number; customerUpdateEveryHours: [number, number] };

/** POLICY.md section 5; Medium's internal "daily" is every 24 elapsed hours (CONTRACT.md). */
export const defaultCadence: CadencePolicy = {
  Critical: { internal: { hours: 2 }, customer: { low: { hours: 2 }, high: { hours: 4 } } },
  High: { internal: { hours: 4 }, customer: { low: { hours: 4 }, high: { hours: 8 } } },
  Medium: { internal: { hours: 24 }, customer: { low: { businessDays: 1 }, high: { businessDays: 2 } } },
};

const MS_PER_HOUR = 3_600_000;
const HOURS_PER_BUSINESS_DAY = 24;

/**
 * Due times for both audiences. The clock of each audience starts at its last update, or at
 * opening (the later of the two if an update predates opening); so a severity change keeps the
 * clock and only the interval changes. Internal: dueAt = overdueAt = clock + interval. Customer:
 * dueAt = clock + low, overdueAt = clock + high, each capped at clock + `slaUpdateHours` when that
 * is earlier (also for business-day intervals); overdueAt is never before dueAt. De-escalated or
 * resolved: both null. Throws a RangeError for invalid dates, intervals or `slaUpdateHours` (must
 * be a positive finite number).
 */
export function computeDue(input: ComputeDueInput): DueSchedule {
  if (input.status !== "open") return { internal: null, customer: null };
  const policy = input.policy ?? defaultCadence;
  const cadence = policy[input.severity];
  const cal = input.calendar;
  const sla = input.slaUpdateHours;
  if (sla !== undefined && !(Number.isFinite(sla) && sla > 0)) {
    throw new RangeError(`SLA updateHours must be a positive number, got ${sla}`);
  }

  const internalClock = startClock(input.openedAt, input.lastInternalUpdate);
  const internalDue = addInterval(internalClock, cadence.internal, cal);

  const customerClock = startClock(input.openedAt, input.lastCustomerUpdate);
  const cap = sla === undefined ? undefined : addHours(customerClock, sla);
  const customerDue = earliest(addInterval(customerClock, cadence.customer.low, cal), cap);
  const customerOverdue = earliest(addInterval(customerClock, cadence.customer.high, cal), cap);

  return {
    internal: { clockStart: internalClock, dueAt: internalDue, overdueAt: internalDue },
    customer: {
      clockStart: customerClock,
      dueAt: customerDue,
      // A policy mixing hours and business days could put "high" before "low" on some dates.
      overdueAt: customerOverdue < customerDue ? customerDue : customerOverdue,
    },
  };
}

/**
 * Every follow-up due at `now` (dueAt <= now), with overdue = now > overdueAt, sorted by dueAt,
 * then escalationId, then audience (internal before customer).
 */
export function dueFollowUps(
  items: ReadonlyArray<{ escalationId: string } & ComputeDueInput>,
  now: Date,
): DueFollowUp[] {
  const due: DueFollowUp[] = [];
  for (const item of items) {
    const schedule = computeDue(item);
    for (const audience of AUDIENCES) {
      const times = schedule[audience];
      if (times === null || times.dueAt > now) continue;
      due.push({
        escalationId: item.escalationId,
        audience,
        dueAt: times.dueAt,
        overdue: now > times.overdueAt,
      });
    }
  }
  return due.sort(
    (a, b) =>
      a.dueAt.getTime() - b.dueAt.getTime() ||
      compareStrings(a.escalationId, b.escalationId) ||
      AUDIENCES.indexOf(a.audience) - AUDIENCES.indexOf(b.audience),
  );
}

/**
 * The brief's JSON `followUp` for a severity. Business-day intervals count as 24 h each here (an
 * approximation: real due times skip weekends and holidays); `slaUpdateHours`, when smaller, caps
 * both customer ends as in computeDue.
 */
export function describeCadence(
  severity: Severity,
  policy: CadencePolicy = defaultCadence,
  slaUpdateHours?: number,
): CadenceSummary {
  const cadence = policy[severity];
  const customer = (interval: Interval): number =>
    Math.min(intervalHours(interval), slaUpdateHours ?? Infinity);
  return {
    internalEveryHours: intervalHours(cadence.internal),
    customerUpdateEveryHours: [customer(cadence.customer.low), customer(cadence.customer.high)],
  };
}

/**
 * A human sentence for a severity's cadence, e.g. "internal every 4 h; customer update every 4–8 h"
 * or "internal every 24 h; customer update every 1–2 business days"; an SLA cap shows as hours.
 */
export function formatCadence(
  severity: Severity,
  policy: CadencePolicy = defaultCadence,
  slaUpdateHours?: number,
): string {
  const internal = formatAudienceCadence(severity, "internal", policy, slaUpdateHours);
  const customer = formatAudienceCadence(severity, "customer", policy, slaUpdateHours);
  return `internal ${internal}; customer update ${customer}`;
}

/**
 * One audience's cadence as words, e.g. "every 4 h", "every 4–8 h" or "every 1–2 business days";
 * an SLA cap (customer only, as in computeDue) shows as hours.
 */
export function formatAudienceCadence(
  severity: Severity,
  audience: Audience,
  policy: CadencePolicy = defaultCadence,
  slaUpdateHours?: number,
): string {
  const cadence = policy[severity];
  if (audience === "internal") return `every ${formatInterval(cadence.internal)}`;
  const cap = (interval: Interval): Interval =>
    slaUpdateHours !== undefined && slaUpdateHours < intervalHours(interval)
      ? { hours: slaUpdateHours }
      : interval;
  return `every ${formatRange(cap(cadence.customer.low), cap(cadence.customer.high))}`;
}

const AUDIENCES: readonly Audience[] = ["internal", "customer"];

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function startClock(openedAt: Date, lastUpdate: Date | undefined): Date {
  if (Number.isNaN(openedAt.getTime())) throw new RangeError("openedAt is an invalid date");
  if (lastUpdate === undefined) return openedAt;
  if (Number.isNaN(lastUpdate.getTime())) throw new RangeError("last update is an invalid date");
  return lastUpdate > openedAt ? lastUpdate : openedAt;
}

function addHours(start: Date, hours: number): Date {
  return new Date(start.getTime() + hours * MS_PER_HOUR);
}

function addInterval(start: Date, interval: Interval, cal: BusinessCalendar): Date {
  if ("hours" in interval) {
    if (!(Number.isFinite(interval.hours) && interval.hours > 0)) {
      throw new RangeError(`interval hours must be a positive number, got ${interval.hours}`);
    }
    return addHours(start, interval.hours);
  }
  if (!(Number.isSafeInteger(interval.businessDays) && interval.businessDays > 0)) {
    throw new RangeError(`interval business days must be a positive integer, got ${interval.businessDays}`);
  }
  return addBusinessDays(start, interval.businessDays, cal);
}

function earliest(time: Date, cap: Date | undefined): Date {
  return cap !== undefined && cap < time ? cap : time;
}

function intervalHours(interval: Interval): number {
  return "hours" in interval ? interval.hours : interval.businessDays * HOURS_PER_BUSINESS_DAY;
}

function formatInterval(interval: Interval): string {
  if ("hours" in interval) return `${interval.hours} h`;
  return `${interval.businessDays} business ${interval.businessDays === 1 ? "day" : "days"}`;
}

function formatRange(low: Interval, high: Interval): string {
  if ("hours" in low && "hours" in high) {
    return low.hours === high.hours ? `${low.hours} h` : `${low.hours}–${high.hours} h`;
  }
  if ("businessDays" in low && "businessDays" in high) {
    if (low.businessDays === high.businessDays) return formatInterval(low);
    return `${low.businessDays}–${high.businessDays} business days`;
  }
  return `${formatInterval(low)} to ${formatInterval(high)}`;
}
