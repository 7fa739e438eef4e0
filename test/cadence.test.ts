import { describe, expect, it } from "vitest";
import { addBusinessDays, isBusinessDay, type BusinessCalendar } from "../src/lifecycle/business-time.js";
import {
  computeDue,
  defaultCadence,
  describeCadence,
  dueFollowUps,
  formatCadence,
  type CadencePolicy,
  type ComputeDueInput,
} from "../src/lifecycle/cadence.js";

const newYork: BusinessCalendar = { timeZone: "America/New_York", holidays: [] };
const utc: BusinessCalendar = { timeZone: "UTC", holidays: [] };
const at = (iso: string): Date => new Date(iso);
const iso = (date: Date | undefined): string | undefined => date?.toISOString();

describe("isBusinessDay", () => {
  it.each([
    ["Friday evening local, Saturday in UTC", "2026-10-31T01:00:00Z", "America/New_York", [], true],
    ["Saturday local", "2026-10-31T15:00:00Z", "America/New_York", [], false],
    ["Sunday local, Monday in Kolkata", "2026-11-01T20:00:00Z", "Asia/Kolkata", [], true],
    ["Sunday local", "2026-11-01T20:00:00Z", "America/New_York", [], false],
    ["a holiday in the team zone", "2026-11-26T15:00:00Z", "America/New_York", ["2026-11-26"], false],
    ["the day after a holiday", "2026-11-27T15:00:00Z", "America/New_York", ["2026-11-26"], true],
  ])("%s", (_name, instant, timeZone, holidays: string[], expected) => {
    expect(isBusinessDay(at(instant), { timeZone, holidays })).toBe(expected);
  });

  it("rejects an unknown time zone and a malformed holiday", () => {
    expect(() =>
      isBusinessDay(at("2026-11-02T12:00:00Z"), { timeZone: "Mars/Olympus", holidays: [] }),
    ).toThrow(RangeError);
    expect(() =>
      isBusinessDay(at("2026-11-02T12:00:00Z"), { timeZone: "UTC", holidays: ["26/11/2026"] }),
    ).toThrow(RangeError);
  });
});

describe("addBusinessDays", () => {
  it.each([
    ["Friday 10:00 + 1 = Monday 10:00", "2026-10-23T14:00:00Z", 1, [], "2026-10-26T14:00:00.000Z"],
    ["Saturday 10:00 + 1 = Monday 10:00", "2026-10-24T14:00:00Z", 1, [], "2026-10-26T14:00:00.000Z"],
    ["Sunday 10:00 + 1 = Monday 10:00", "2026-10-25T14:00:00Z", 1, [], "2026-10-26T14:00:00.000Z"],
    ["Monday 10:00 + 5 = next Monday 10:00", "2026-10-26T14:00:00Z", 5, [], "2026-11-02T15:00:00.000Z"],
    ["0 days is the start itself", "2026-10-24T14:00:00Z", 0, [], "2026-10-24T14:00:00.000Z"],
    [
      "Wednesday + 1 skips Thanksgiving",
      "2026-11-25T15:00:00Z",
      1,
      ["2026-11-26"],
      "2026-11-27T15:00:00.000Z",
    ],
    [
      "Wednesday + 2 skips Thanksgiving and the weekend",
      "2026-11-25T15:00:00Z",
      2,
      ["2026-11-26"],
      "2026-11-30T15:00:00.000Z",
    ],
    // 23:30 local on Friday is already Saturday in UTC: the team zone decides the day.
    ["Friday 23:30 local + 1 = Monday 23:30", "2026-10-24T03:30:00Z", 1, [], "2026-10-27T03:30:00.000Z"],
    // DST starts 2026-03-08 02:00 -> 03:00; the wall time is kept, not the UTC time.
    ["Friday before DST start + 1", "2026-03-06T17:00:00Z", 1, [], "2026-03-09T16:00:00.000Z"],
  ])("%s (America/New_York)", (_name, start, days, holidays: string[], expected) => {
    expect(addBusinessDays(at(start), days, { timeZone: "America/New_York", holidays }).toISOString()).toBe(
      expected,
    );
  });

  // Weekend DST switches never matter for business days; Asia/Amman switched on Fridays at midnight.
  it("moves a wall time skipped by a DST jump to the instant of the jump", () => {
    // Friday 2022-02-25 00:00 +02:00 jumped to 01:00 +03:00, so Friday 00:30 never happened.
    const thursday = at("2022-02-24T00:30:00+02:00");
    expect(addBusinessDays(thursday, 1, { timeZone: "Asia/Amman", holidays: [] }).toISOString()).toBe(
      at("2022-02-25T01:00:00+03:00").toISOString(),
    );
  });

  it("resolves a wall time that occurs twice to its earlier occurrence", () => {
    // Friday 2021-10-29 01:00 +03:00 went back to 00:00 +02:00, so Friday 00:30 happened twice.
    const thursday = at("2021-10-28T00:30:00+03:00");
    expect(addBusinessDays(thursday, 1, { timeZone: "Asia/Amman", holidays: [] }).toISOString()).toBe(
      at("2021-10-29T00:30:00+03:00").toISOString(),
    );
  });

  it("rejects negative and fractional day counts", () => {
    expect(() => addBusinessDays(at("2026-10-23T14:00:00Z"), -1, newYork)).toThrow(RangeError);
    expect(() => addBusinessDays(at("2026-10-23T14:00:00Z"), 1.5, newYork)).toThrow(RangeError);
  });
});

const base = { calendar: newYork, status: "open" } as const;

describe("computeDue", () => {
  it.each([
    // severity, opened, internal due, customer due, customer overdue
    [
      "Critical",
      "2026-10-20T12:00:00Z",
      "2026-10-20T14:00:00.000Z",
      "2026-10-20T14:00:00.000Z",
      "2026-10-20T16:00:00.000Z",
    ],
    [
      "High",
      "2026-10-20T12:00:00Z",
      "2026-10-20T16:00:00.000Z",
      "2026-10-20T16:00:00.000Z",
      "2026-10-20T20:00:00.000Z",
    ],
    [
      "Medium",
      "2026-10-20T12:00:00Z",
      "2026-10-21T12:00:00.000Z",
      "2026-10-21T12:00:00.000Z",
      "2026-10-22T12:00:00.000Z",
    ],
    // Hour-based intervals are elapsed time, weekends included; Medium's internal "daily" too.
    [
      "Critical",
      "2026-10-23T23:00:00Z",
      "2026-10-24T01:00:00.000Z",
      "2026-10-24T01:00:00.000Z",
      "2026-10-24T03:00:00.000Z",
    ],
    [
      "High",
      "2026-10-23T22:00:00Z",
      "2026-10-24T02:00:00.000Z",
      "2026-10-24T02:00:00.000Z",
      "2026-10-24T06:00:00.000Z",
    ],
    [
      "Medium",
      "2026-10-23T19:00:00Z",
      "2026-10-24T19:00:00.000Z",
      "2026-10-26T19:00:00.000Z",
      "2026-10-27T19:00:00.000Z",
    ],
  ] as const)("%s opened %s", (severity, opened, internalDue, customerDue, customerOverdue) => {
    const due = computeDue({ ...base, severity, openedAt: at(opened) });
    expect(iso(due.internal?.clockStart)).toBe(at(opened).toISOString());
    expect(iso(due.internal?.dueAt)).toBe(internalDue);
    expect(iso(due.internal?.overdueAt)).toBe(internalDue);
    expect(iso(due.customer?.clockStart)).toBe(at(opened).toISOString());
    expect(iso(due.customer?.dueAt)).toBe(customerDue);
    expect(iso(due.customer?.overdueAt)).toBe(customerOverdue);
  });

  it("Medium opened Friday 15:00 New York: customer due Monday 15:00, overdue Tuesday 15:00", () => {
    const due = computeDue({ ...base, severity: "Medium", openedAt: at("2026-10-23T15:00:00-04:00") });
    expect(iso(due.customer?.dueAt)).toBe(at("2026-10-26T15:00:00-04:00").toISOString());
    expect(iso(due.customer?.overdueAt)).toBe(at("2026-10-27T15:00:00-04:00").toISOString());
    expect(iso(due.internal?.dueAt)).toBe(at("2026-10-24T15:00:00-04:00").toISOString());
  });

  it("skips the team's holiday (Thanksgiving 2026-11-26) for business days", () => {
    const input: ComputeDueInput = {
      ...base,
      calendar: { timeZone: "America/New_York", holidays: ["2026-11-26"] },
      severity: "Medium",
      openedAt: at("2026-11-25T10:00:00-05:00"),
    };
    const due = computeDue(input);
    expect(iso(due.customer?.dueAt)).toBe(at("2026-11-27T10:00:00-05:00").toISOString());
    expect(iso(due.customer?.overdueAt)).toBe(at("2026-11-30T10:00:00-05:00").toISOString());
    const withoutHoliday = computeDue({ ...input, calendar: newYork });
    expect(iso(withoutHoliday.customer?.dueAt)).toBe(at("2026-11-26T10:00:00-05:00").toISOString());
  });

  it("keeps the local wall time across the end of DST: Friday 2026-10-30 12:00 -> Monday 12:00 EST", () => {
    const due = computeDue({
      ...base,
      severity: "Medium",
      openedAt: at("2026-10-29T09:00:00-04:00"),
      lastCustomerUpdate: at("2026-10-30T12:00:00-04:00"),
    });
    expect(iso(due.customer?.clockStart)).toBe("2026-10-30T16:00:00.000Z");
    expect(iso(due.customer?.dueAt)).toBe("2026-11-02T17:00:00.000Z");
    expect(iso(due.customer?.overdueAt)).toBe("2026-11-03T17:00:00.000Z");
  });

  it.each([
    ["caps High 4–8 h to 4–4 h", "High", 4, "2026-10-20T16:00:00.000Z", "2026-10-20T16:00:00.000Z"],
    ["caps Critical 2–4 h to 2–3 h", "Critical", 3, "2026-10-20T14:00:00.000Z", "2026-10-20T15:00:00.000Z"],
    ["caps Critical 2–4 h to 1–1 h", "Critical", 1, "2026-10-20T13:00:00.000Z", "2026-10-20T13:00:00.000Z"],
    ["leaves a looser SLA alone", "High", 12, "2026-10-20T16:00:00.000Z", "2026-10-20T20:00:00.000Z"],
    ["caps business days too", "Medium", 8, "2026-10-20T20:00:00.000Z", "2026-10-20T20:00:00.000Z"],
    [
      "caps only the high end of business days",
      "Medium",
      30,
      "2026-10-21T12:00:00.000Z",
      "2026-10-21T18:00:00.000Z",
    ],
  ] as const)("SLA updateHours %s", (_name, severity, slaUpdateHours, dueAt, overdueAt) => {
    const due = computeDue({ ...base, severity, slaUpdateHours, openedAt: at("2026-10-20T12:00:00Z") });
    expect(iso(due.customer?.dueAt)).toBe(dueAt);
    expect(iso(due.customer?.overdueAt)).toBe(overdueAt);
    // The SLA is about customer updates; the internal cadence is untouched.
    const internal = computeDue({ ...base, severity, openedAt: at("2026-10-20T12:00:00Z") }).internal;
    expect(due.internal).toEqual(internal);
  });

  it("starts each audience's clock at its own last update", () => {
    const due = computeDue({
      ...base,
      severity: "High",
      openedAt: at("2026-10-20T12:00:00Z"),
      lastInternalUpdate: at("2026-10-20T15:00:00Z"),
    });
    expect(iso(due.internal?.dueAt)).toBe("2026-10-20T19:00:00.000Z");
    expect(iso(due.customer?.clockStart)).toBe("2026-10-20T12:00:00.000Z");
    expect(iso(due.customer?.dueAt)).toBe("2026-10-20T16:00:00.000Z");
  });

  it("a severity change from Medium to Critical keeps the clock and changes the interval", () => {
    const history = {
      ...base,
      openedAt: at("2026-10-20T12:00:00Z"),
      lastInternalUpdate: at("2026-10-20T13:00:00Z"),
      lastCustomerUpdate: at("2026-10-20T13:30:00Z"),
    };
    const medium = computeDue({ ...history, severity: "Medium" });
    const critical = computeDue({ ...history, severity: "Critical" });
    expect(critical.internal?.clockStart).toEqual(medium.internal?.clockStart);
    expect(critical.customer?.clockStart).toEqual(medium.customer?.clockStart);
    expect(iso(medium.internal?.dueAt)).toBe("2026-10-21T13:00:00.000Z");
    expect(iso(critical.internal?.dueAt)).toBe("2026-10-20T15:00:00.000Z");
    expect(iso(medium.customer?.dueAt)).toBe("2026-10-21T13:30:00.000Z");
    expect(iso(critical.customer?.dueAt)).toBe("2026-10-20T15:30:00.000Z");
    expect(iso(critical.customer?.overdueAt)).toBe("2026-10-20T17:30:00.000Z");
  });

  it.each(["deescalated", "resolved"] as const)("is never due once %s", (status) => {
    expect(
      computeDue({ ...base, status, severity: "Critical", openedAt: at("2026-10-20T12:00:00Z") }),
    ).toEqual({
      internal: null,
      customer: null,
    });
  });

  it("follows a custom policy", () => {
    const policy: CadencePolicy = {
      ...defaultCadence,
      High: { internal: { businessDays: 1 }, customer: { low: { hours: 1 }, high: { businessDays: 1 } } },
    };
    const due = computeDue({
      ...base,
      policy,
      calendar: utc,
      severity: "High",
      openedAt: at("2026-10-23T10:00:00Z"),
    });
    expect(iso(due.internal?.dueAt)).toBe("2026-10-26T10:00:00.000Z");
    expect(iso(due.customer?.dueAt)).toBe("2026-10-23T11:00:00.000Z");
    expect(iso(due.customer?.overdueAt)).toBe("2026-10-26T10:00:00.000Z");
  });

  it.each([0, -4, Number.NaN])("rejects SLA updateHours %s", (slaUpdateHours) => {
    expect(() =>
      computeDue({ ...base, severity: "High", slaUpdateHours, openedAt: at("2026-10-20T12:00:00Z") }),
    ).toThrow(RangeError);
  });
});

describe("dueFollowUps", () => {
  const items = [
    { ...base, escalationId: "ESC-2", severity: "High", openedAt: at("2026-10-20T12:00:00Z") },
    { ...base, escalationId: "ESC-1", severity: "Critical", openedAt: at("2026-10-20T12:00:00Z") },
    {
      ...base,
      escalationId: "ESC-3",
      severity: "Critical",
      status: "resolved",
      openedAt: at("2026-10-20T08:00:00Z"),
    },
    {
      ...base,
      escalationId: "ESC-4",
      severity: "Medium",
      openedAt: at("2026-10-20T12:00:00Z"),
      lastInternalUpdate: at("2026-10-20T12:30:00Z"),
    },
  ] satisfies Array<{ escalationId: string } & ComputeDueInput>;

  it.each([
    ["before anything is due", "2026-10-20T13:59:59Z", []],
    [
      "exactly at the due time (due, not overdue)",
      "2026-10-20T14:00:00Z",
      [
        ["ESC-1", "internal", "2026-10-20T14:00:00.000Z", false],
        ["ESC-1", "customer", "2026-10-20T14:00:00.000Z", false],
      ],
    ],
    [
      "past Critical internal, inside the customer range",
      "2026-10-20T15:00:00Z",
      [
        ["ESC-1", "internal", "2026-10-20T14:00:00.000Z", true],
        ["ESC-1", "customer", "2026-10-20T14:00:00.000Z", false],
      ],
    ],
    [
      "late enough for everything but ESC-4 internal",
      "2026-10-21T12:00:00Z",
      [
        ["ESC-1", "internal", "2026-10-20T14:00:00.000Z", true],
        ["ESC-1", "customer", "2026-10-20T14:00:00.000Z", true],
        ["ESC-2", "internal", "2026-10-20T16:00:00.000Z", true],
        ["ESC-2", "customer", "2026-10-20T16:00:00.000Z", true],
        ["ESC-4", "customer", "2026-10-21T12:00:00.000Z", false],
      ],
    ],
  ] as const)("%s", (_name, now, expected) => {
    const due = dueFollowUps(items, at(now)).map((f) => [
      f.escalationId,
      f.audience,
      f.dueAt.toISOString(),
      f.overdue,
    ]);
    expect(due).toEqual(expected);
  });

  it("sorts by due time first, then id", () => {
    const due = dueFollowUps(
      [
        { ...base, escalationId: "A", severity: "High", openedAt: at("2026-10-20T12:00:00Z") },
        { ...base, escalationId: "B", severity: "High", openedAt: at("2026-10-20T11:00:00Z") },
      ],
      at("2026-10-20T16:00:00Z"),
    );
    expect(due.map((f) => `${f.escalationId}/${f.audience}`)).toEqual([
      "B/internal",
      "B/customer",
      "A/internal",
      "A/customer",
    ]);
  });
});

describe("describeCadence and formatCadence", () => {
  it.each([
    ["Critical", undefined, 2, [2, 4], "internal every 2 h; customer update every 2–4 h"],
    ["High", undefined, 4, [4, 8], "internal every 4 h; customer update every 4–8 h"],
    ["Medium", undefined, 24, [24, 48], "internal every 24 h; customer update every 1–2 business days"],
    ["High", 4, 4, [4, 4], "internal every 4 h; customer update every 4 h"],
    ["Critical", 3, 2, [2, 3], "internal every 2 h; customer update every 2–3 h"],
    ["Medium", 36, 24, [24, 36], "internal every 24 h; customer update every 1 business day to 36 h"],
  ] as const)("%s with SLA %s", (severity, sla, internal, customer, sentence) => {
    expect(describeCadence(severity, defaultCadence, sla)).toEqual({
      internalEveryHours: internal,
      customerUpdateEveryHours: customer,
    });
    expect(formatCadence(severity, defaultCadence, sla)).toBe(sentence);
  });
});
