import { tzOffset, tzScan } from "@date-fns/tz";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addBusinessDays, isBusinessDay, type BusinessCalendar } from "../src/lifecycle/business-time.js";
import {
  computeDue,
  defaultCadence,
  dueFollowUps,
  type CadencePolicy,
  type ComputeDueInput,
  type Interval,
} from "../src/lifecycle/cadence.js";

const RUNS = { numRuns: 200 };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const FROM = Date.parse("2000-01-01T00:00:00Z");
const TO = Date.parse("2040-01-01T00:00:00Z");

// DST (both hemispheres, 30-minute shifts, midnight switches) and fixed half-hour offsets.
const zones = [
  "UTC",
  "America/New_York",
  "Europe/Berlin",
  "Asia/Kolkata",
  "Australia/Adelaide",
  "Australia/Lord_Howe",
  "America/St_Johns",
  "Asia/Kathmandu",
  "Pacific/Chatham",
  "America/Santiago",
  // These switch on weekdays, so their gaps and repeated hours can fall on business days.
  "Asia/Amman",
  "Asia/Jerusalem",
  "Asia/Tehran",
  "Africa/Cairo",
] as const;

const transitions = new Map(
  zones.map((zone) => [
    zone,
    tzScan(zone, { start: new Date(FROM), end: new Date(TO) }).map((c) => c.date.getTime()),
  ]),
);

/** Local calendar fields from Intl, independent of the code under test. */
type Wall = { date: string; weekday: string; timeOfDay: number };
const formatters = new Map<string, Intl.DateTimeFormat>();
function wallOf(instant: Date, timeZone: string): Wall {
  let format = formatters.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      weekday: "short",
    });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, p.value]));
  const num = (key: string): number => Number(parts[key]);
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: parts.weekday ?? "",
    timeOfDay: ((num("hour") * 60 + num("minute")) * 60 + num("second")) * 1000 + (instant.getTime() % 1000),
  };
}

/** Shifts a YYYY-MM-DD date by whole days. */
function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

// Half of the instants fall within days of a DST switch of their zone, where the edge cases live.
const zoneAndInstant = fc.constantFrom(...zones).chain((zone) => {
  const switches = transitions.get(zone) ?? [];
  const uniform = fc.integer({ min: FROM, max: TO });
  const nearSwitch =
    switches.length === 0
      ? uniform
      : fc
          .tuple(
            fc.constantFrom(...switches),
            fc.integer({ min: -12, max: 2 }),
            fc.integer({ min: -3 * HOUR, max: 3 * HOUR }),
          )
          .map(([at, days, jitter]) => at + days * DAY + jitter);
  return fc.tuple(
    fc.constant(zone),
    fc.oneof(uniform, nearSwitch).map((ms) => new Date(ms)),
  );
});

/** A calendar whose holidays are days near `start` in its zone, so that they matter. */
const calendarNear = (zone: string, start: Date): fc.Arbitrary<BusinessCalendar> =>
  fc.uniqueArray(fc.integer({ min: -3, max: 30 }), { maxLength: 12 }).map((offsets) => ({
    timeZone: zone,
    holidays: offsets.map((d) => shiftDate(wallOf(start, zone).date, d)),
  }));

const scenario = zoneAndInstant.chain(([zone, start]) =>
  fc.tuple(fc.constant(start), calendarNear(zone, start)),
);

/** Every DST switch that happens on a business day (no holidays) in the zone list. */
const weekdaySwitches = zones.flatMap((zone) =>
  (transitions.get(zone) ?? []).flatMap((at) => {
    const before = tzOffset(zone, new Date(at - 1)) * 60_000;
    const after = tzOffset(zone, new Date(at)) * 60_000;
    // The skipped or repeated wall times: [first, first + length) in local milliseconds.
    const first = at + Math.min(before, after);
    const length = Math.abs(after - before);
    const date = new Date(first).toISOString().slice(0, 10);
    const weekday = new Date(first).getUTCDay();
    const sameDay = new Date(first + length - 1).toISOString().slice(0, 10) === date;
    return weekday !== 0 && weekday !== 6 && sameDay
      ? [{ zone, at, before, after, first, length, date }]
      : [];
  }),
);

function isBusinessWall(wall: Wall, cal: BusinessCalendar): boolean {
  return wall.weekday !== "Sat" && wall.weekday !== "Sun" && !cal.holidays.includes(wall.date);
}

describe("addBusinessDays properties", () => {
  it("lands on a business day, strictly later, at the same wall time unless a DST jump skipped it", () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 1, max: 15 }), ([start, cal], days) => {
        const result = addBusinessDays(start, days, cal);
        const wall = wallOf(result, cal.timeZone);
        expect(isBusinessDay(result, cal)).toBe(true);
        expect(isBusinessWall(wall, cal)).toBe(true);
        expect(result.getTime()).toBeGreaterThan(start.getTime());

        const wanted = wallOf(start, cal.timeZone).timeOfDay;
        if (wall.timeOfDay !== wanted) {
          // The wall time did not exist that day: the result is the first instant after the jump.
          const before = tzOffset(cal.timeZone, new Date(result.getTime() - 1));
          const after = tzOffset(cal.timeZone, result);
          expect(after).toBeGreaterThan(before);
          expect(wanted).toBeGreaterThanOrEqual(wall.timeOfDay - (after - before) * 60_000);
          expect(wanted).toBeLessThan(wall.timeOfDay);
        }
      }),
      RUNS,
    );
  });

  it("moves a skipped wall time to the jump and a repeated one to its first occurrence", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...weekdaySwitches),
        fc.integer({ min: 1, max: 10 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (change, daysBack, fraction) => {
          const cal = { timeZone: change.zone, holidays: [] };
          const wallMs = change.first + Math.floor(fraction * change.length);
          // The same wall time `daysBack` days earlier, when the old offset was in force.
          const start = new Date(wallMs - daysBack * DAY - change.before);
          fc.pre(wallOf(start, cal.timeZone).timeOfDay === wallMs % DAY);
          let days = 0;
          for (
            let d = shiftDate(wallOf(start, cal.timeZone).date, 1);
            d <= change.date;
            d = shiftDate(d, 1)
          ) {
            const weekday = new Date(`${d}T12:00:00Z`).getUTCDay();
            if (weekday !== 0 && weekday !== 6) days += 1;
          }
          const expected = change.after > change.before ? change.at : wallMs - change.before;
          expect(addBusinessDays(start, days, cal).toISOString()).toBe(new Date(expected).toISOString());
        },
      ),
      RUNS,
    );
  });

  it("counts exactly `days` business days after the start date", () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 1, max: 15 }), ([start, cal], days) => {
        const from = wallOf(start, cal.timeZone).date;
        const to = wallOf(addBusinessDays(start, days, cal), cal.timeZone).date;
        let counted = 0;
        for (let date = shiftDate(from, 1); date <= to; date = shiftDate(date, 1)) {
          const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
          if (weekday !== 0 && weekday !== 6 && !cal.holidays.includes(date)) counted += 1;
        }
        expect(counted).toBe(days);
      }),
      RUNS,
    );
  });

  it("adding n then m equals adding n + m when the intermediate wall time exists", () => {
    fc.assert(
      fc.property(
        scenario,
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 0, max: 10 }),
        ([start, cal], n, m) => {
          const middle = addBusinessDays(start, n, cal);
          fc.pre(wallOf(middle, cal.timeZone).timeOfDay === wallOf(start, cal.timeZone).timeOfDay);
          expect(addBusinessDays(middle, m, cal).toISOString()).toBe(
            addBusinessDays(start, n + m, cal).toISOString(),
          );
        },
      ),
      RUNS,
    );
  });
});

const severity = fc.constantFrom<Array<"Critical" | "High" | "Medium">>("Critical", "High", "Medium");
const interval: fc.Arbitrary<Interval> = fc.oneof(
  fc.double({ min: 0.25, max: 72, noNaN: true }).map((hours) => ({ hours })),
  fc.integer({ min: 1, max: 5 }).map((businessDays) => ({ businessDays })),
);
const levels = fc.record({ internal: interval, customer: fc.record({ low: interval, high: interval }) });
const policy: fc.Arbitrary<CadencePolicy> = fc.oneof(
  fc.constant(defaultCadence),
  fc.record({ Critical: levels, High: levels, Medium: levels }),
);

const dueInput: fc.Arbitrary<ComputeDueInput> = scenario.chain(([openedAt, calendar]) =>
  fc.record(
    {
      severity,
      openedAt: fc.constant(openedAt),
      lastInternalUpdate: fc
        .integer({ min: 0, max: 20 * DAY })
        .map((ms) => new Date(openedAt.getTime() + ms)),
      lastCustomerUpdate: fc
        .integer({ min: 0, max: 20 * DAY })
        .map((ms) => new Date(openedAt.getTime() + ms)),
      slaUpdateHours: fc.double({ min: 0.25, max: 96, noNaN: true }),
      calendar: fc.constant(calendar),
      policy,
      status: fc.constant("open" as const),
    },
    { requiredKeys: ["severity", "openedAt", "calendar", "status"] },
  ),
);

describe("computeDue properties", () => {
  it("is due after its clock starts and never overdue before it is due", () => {
    fc.assert(
      fc.property(dueInput, (input) => {
        const { internal, customer } = computeDue(input);
        for (const times of [internal, customer]) {
          expect(times).not.toBeNull();
          if (times === null) return;
          expect(times.clockStart.getTime()).toBeGreaterThanOrEqual(input.openedAt.getTime());
          expect(times.dueAt.getTime()).toBeGreaterThan(times.clockStart.getTime());
          expect(times.overdueAt.getTime()).toBeGreaterThanOrEqual(times.dueAt.getTime());
        }
        expect(internal?.overdueAt).toEqual(internal?.dueAt);
      }),
      RUNS,
    );
  });

  it("never lets a capped customer interval exceed the SLA updateHours", () => {
    fc.assert(
      fc.property(dueInput, fc.double({ min: 0.25, max: 96, noNaN: true }), (input, slaUpdateHours) => {
        const customer = computeDue({ ...input, slaUpdateHours }).customer;
        const uncapped = computeDue({ ...input, slaUpdateHours: undefined }).customer;
        if (customer === null || uncapped === null) throw new Error("an open escalation is always due");
        const limit = customer.clockStart.getTime() + slaUpdateHours * HOUR;
        expect(customer.dueAt.getTime()).toBeLessThanOrEqual(limit);
        expect(customer.overdueAt.getTime()).toBeLessThanOrEqual(Math.max(limit, customer.dueAt.getTime()));
        // The cap only ever brings times forward.
        expect(customer.dueAt.getTime()).toBeLessThanOrEqual(uncapped.dueAt.getTime());
        expect(customer.overdueAt.getTime()).toBeLessThanOrEqual(uncapped.overdueAt.getTime());
      }),
      RUNS,
    );
  });
});

describe("dueFollowUps properties", () => {
  it("lists exactly the follow-ups due at now, sorted by due time then id", () => {
    const items = fc.array(
      fc.tuple(fc.string({ minLength: 1, maxLength: 4 }), dueInput).map(([escalationId, input]) => ({
        escalationId,
        ...input,
      })),
      { maxLength: 6 },
    );
    fc.assert(
      fc.property(items, fc.integer({ min: FROM, max: TO + 30 * DAY }), (escalations, nowMs) => {
        const now = new Date(nowMs);
        const due = dueFollowUps(escalations, now);
        const expected = escalations.flatMap((e) => {
          const schedule = computeDue(e);
          return (["internal", "customer"] as const).filter((a) => (schedule[a]?.dueAt ?? Infinity) <= now);
        });
        expect(due).toHaveLength(expected.length);
        for (const [i, followUp] of due.entries()) {
          expect(followUp.dueAt.getTime()).toBeLessThanOrEqual(nowMs);
          const previous = due[i - 1];
          if (previous === undefined) continue;
          const order = previous.dueAt.getTime() - followUp.dueAt.getTime();
          expect(order < 0 || (order === 0 && previous.escalationId <= followUp.escalationId)).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });
});
