import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase } from '../../../test/support/database';
import type { Database } from '../../db/connection';
import type { Db } from '../../db/types';
import type { Actor } from '../../shared/actor';
import { SYSTEM_ACTOR } from '../../shared/actor';
import { verifyChain } from '../audit';
import {
  addCalendarDays,
  addWorkingDays,
  addWorkingDaysFrom,
  builtinCalendar,
  builtinConfirmedYears,
  confirmYear,
  dayOfWeek,
  describeYear,
  isValidDate,
  isWorkingDay,
  listYears,
  loadCalendar,
  nextWorkingDay,
  removeOverride,
  setOverride,
  workingDaysBetween,
  workingDaysBetweenDates,
  type Calendar,
} from './index';
import { REFERENCE } from './test-fixtures';

function actor(role: Actor['role']): Actor {
  return { kind: 'user', id: null, role, departmentId: null, departmentCode: null, regionCode: null, label: `测试（${role}）` };
}
const admin = actor('office_admin');
const operator = actor('dept_operator');

async function expectAppError(promise: Promise<unknown>, code: string): Promise<{ message: string }> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught as { code: string; message: string },
  );
  expect(error, `expected ${code}`).not.toBeNull();
  expect(error!.code).toBe(code);
  return error!;
}

/** Every date from `from` to `to` inclusive. */
function range(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let date = from; date <= to; date = addCalendarDays(date, 1)) dates.push(date);
  return dates;
}

describe('working-day arithmetic (pure)', () => {
  const calendar = builtinCalendar();

  it('validates dates as real calendar dates', () => {
    expect(isValidDate('2026-02-28')).toBe(true);
    expect(isValidDate('2028-02-29')).toBe(true);
    expect(isValidDate('2026-02-29')).toBe(false);
    expect(isValidDate('2026-02-30')).toBe(false);
    expect(isValidDate('2026-13-01')).toBe(false);
    expect(isValidDate('2026-2-3')).toBe(false);
    expect(isValidDate('2026-02-03T00:00:00Z')).toBe(false);
    expect(() => isWorkingDay('2026-02-30', calendar)).toThrow('日期不存在');
    expect(dayOfWeek('1970-01-01')).toBe(4);
    expect(dayOfWeek('2026-09-24')).toBe(4);
    expect(dayOfWeek('1969-12-31')).toBe(3);
    expect(addCalendarDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  for (const year of [2025, 2026]) {
    describe(`${year} matches REFERENCE.md §9`, () => {
      const { holidays, workdays } = REFERENCE[year];
      const holidayDates = holidays.flatMap(([from, to]) => range(from, to));

      it('every listed holiday is a day off', () => {
        for (const date of holidayDates) expect(isWorkingDay(date, calendar), date).toBe(false);
      });

      it('every listed make-up day is a working day', () => {
        for (const date of workdays) {
          expect([0, 6], `${date} is a weekend day`).toContain(dayOfWeek(date));
          expect(isWorkingDay(date, calendar), date).toBe(true);
        }
      });

      it('chinese-days lists exactly these holidays and make-up days, and the year is confirmed', () => {
        expect([...calendar.holidays].filter((d) => d.startsWith(`${year}-`)).sort()).toEqual(holidayDates);
        expect([...calendar.workdays].filter((d) => d.startsWith(`${year}-`)).sort()).toEqual(workdays);
        expect(calendar.confirmedYears.has(year)).toBe(true);
      });

      it('every other day follows Monday–Friday', () => {
        const special = new Set([...holidayDates, ...workdays]);
        for (const date of range(`${year}-01-01`, `${year}-12-31`)) {
          if (special.has(date)) continue;
          const weekday = dayOfWeek(date);
          expect(isWorkingDay(date, calendar), date).toBe(weekday >= 1 && weekday <= 5);
        }
      });
    });
  }

  it('confirms 2025 and 2026 only', () => {
    expect(builtinConfirmedYears()).toEqual([2025, 2026]);
    expect(calendar.confirmedYears.has(2024)).toBe(false);
    expect(calendar.confirmedYears.has(2027)).toBe(false);
  });

  it('7 working days after 2026-09-24 crosses 中秋 and 国庆', () => {
    // 09-24 Thu (not counted)
    // 09-25 Fri, 09-26 Sat, 09-27 Sun: 中秋 — off
    // 09-28 Mon #1, 09-29 Tue #2, 09-30 Wed #3
    // 10-01 … 10-07: 国庆 — off
    // 10-08 Thu #4, 10-09 Fri #5, 10-10 Sat make-up day #6, 10-11 Sun off, 10-12 Mon #7
    expect(addWorkingDays('2026-09-24', 7, calendar)).toBe('2026-10-12');
    expect(addWorkingDays('2026-09-24', 3, calendar)).toBe('2026-09-30');
    expect(addWorkingDays('2026-09-24', 4, calendar)).toBe('2026-10-08');
    expect(addWorkingDays('2026-09-24', 6, calendar)).toBe('2026-10-10');
  });

  it('7 working days after 2026-02-13 crosses 春节 with make-up days 02-14 and 02-28', () => {
    // 02-13 Fri (not counted)
    // 02-14 Sat make-up day #1
    // 02-15 … 02-23: 春节 — off
    // 02-24 Tue #2, 02-25 Wed #3, 02-26 Thu #4, 02-27 Fri #5, 02-28 Sat make-up day #6
    // 03-01 Sun off, 03-02 Mon #7
    expect(addWorkingDays('2026-02-13', 1, calendar)).toBe('2026-02-14');
    expect(addWorkingDays('2026-02-13', 2, calendar)).toBe('2026-02-24');
    expect(addWorkingDays('2026-02-13', 6, calendar)).toBe('2026-02-28');
    expect(addWorkingDays('2026-02-13', 7, calendar)).toBe('2026-03-02');
  });

  it('after an ordinary Friday the weekend is skipped', () => {
    // 2026-03-06 Fri: 03-09 Mon #1 … 03-13 Fri #5, 03-16 Mon #6
    expect(dayOfWeek('2026-03-06')).toBe(5);
    expect(addWorkingDays('2026-03-06', 1, calendar)).toBe('2026-03-09');
    expect(nextWorkingDay('2026-03-06', calendar)).toBe('2026-03-09');
    expect(addWorkingDays('2026-03-06', 5, calendar)).toBe('2026-03-13');
    expect(addWorkingDays('2026-03-06', 6, calendar)).toBe('2026-03-16');
  });

  it('n = 0 returns the date itself, even on a holiday; negative n is refused', () => {
    expect(addWorkingDays('2026-10-01', 0, calendar)).toBe('2026-10-01');
    expect(addWorkingDays('2026-03-07', 0, calendar)).toBe('2026-03-07');
    expect(() => addWorkingDays('2026-03-06', -1, calendar)).toThrow('非负整数');
  });

  it('nextWorkingDay from inside a holiday', () => {
    expect(nextWorkingDay('2026-10-01', calendar)).toBe('2026-10-08');
    expect(nextWorkingDay('2026-02-13', calendar)).toBe('2026-02-14');
    expect(nextWorkingDay('2025-12-31', calendar)).toBe('2026-01-04'); // 元旦 01-01–03, make-up Sunday 01-04
  });

  it('counts working days between two dates (from excluded, to included)', () => {
    expect(workingDaysBetween('2026-09-24', '2026-10-12', calendar)).toBe(7);
    expect(workingDaysBetween('2026-02-13', '2026-03-02', calendar)).toBe(7);
    expect(workingDaysBetween('2026-03-06', '2026-03-09', calendar)).toBe(1);
    expect(workingDaysBetween('2026-03-06', '2026-03-08', calendar)).toBe(0);
    expect(workingDaysBetween('2026-03-06', '2026-03-06', calendar)).toBe(0);
    expect(workingDaysBetween('2026-03-09', '2026-03-06', calendar)).toBe(0);
    // inverse of addWorkingDays for every n
    for (let n = 0; n <= 40; n += 1) {
      expect(workingDaysBetween('2026-09-18', addWorkingDays('2026-09-18', n, calendar), calendar)).toBe(n);
    }
  });

  it('a year without data assumes Monday–Friday', () => {
    const empty: Calendar = { holidays: new Set(), workdays: new Set(), confirmedYears: new Set() };
    expect(isWorkingDay('2027-10-01', empty)).toBe(true); // Friday
    expect(isWorkingDay('2027-10-02', empty)).toBe(false); // Saturday
  });
});

describe('time zone independence', () => {
  const cases: [string, number][] = [
    ['2026-09-24', 7],
    ['2026-02-13', 7],
    ['2026-03-06', 1],
    ['2025-09-26', 4],
    ['2025-12-31', 1],
    ['2026-12-31', 3],
  ];
  const compute = () => {
    const calendar = builtinCalendar();
    return {
      add: cases.map(([date, n]) => addWorkingDays(date, n, calendar)),
      working: range('2025-12-25', '2026-01-10').map((date) => isWorkingDay(date, calendar)),
      weekday: range('2026-02-10', '2026-02-20').map((date) => dayOfWeek(date)),
    };
  };
  const expected = {
    add: ['2026-10-12', '2026-03-02', '2026-03-09', '2025-10-09', '2026-01-04', '2027-01-05'],
  };

  it('gives the same answers west and east of UTC and at any time of day', () => {
    const originalTz = process.env.TZ;
    const results: ReturnType<typeof compute>[] = [];
    try {
      for (const tz of ['America/Los_Angeles', 'Pacific/Pago_Pago', 'Asia/Shanghai', 'Pacific/Kiritimati', 'UTC']) {
        process.env.TZ = tz;
        if (tz === 'America/Los_Angeles') expect(new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset()).toBe(480);
        vi.useFakeTimers();
        // just before and after midnight UTC (which is morning in Shanghai and the previous afternoon in Los Angeles)
        for (const now of ['2026-02-13T23:59:59Z', '2026-02-14T00:00:01Z', '2026-09-24T16:30:00Z']) {
          vi.setSystemTime(new Date(now));
          results.push(compute());
        }
        vi.useRealTimers();
      }
    } finally {
      vi.useRealTimers();
      process.env.TZ = originalTz;
    }
    for (const result of results) expect(result).toEqual(results[0]);
    expect(results[0].add).toEqual(expected.add);
  });

  it('gives the same answers in a fresh process started with TZ=America/Los_Angeles', () => {
    const here = path.dirname(fileURLToPath(import.meta.url));
    const root = path.resolve(here, '../../..');
    const script = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'calendar-tz-')), 'check.mts');
    fs.writeFileSync(
      script,
      `const wd = await import(${JSON.stringify(path.join(here, 'working-days.ts'))});
const { builtinCalendar } = await import(${JSON.stringify(path.join(here, 'builtin.ts'))});
const calendar = builtinCalendar();
const cases = ${JSON.stringify(cases)};
console.log(JSON.stringify({
  offset: new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset(),
  add: cases.map(([date, n]) => wd.addWorkingDays(date, n, calendar)),
  holidays2026: [...calendar.holidays].filter((d) => d.startsWith('2026-')).sort(),
}));`,
    );
    try {
      const output = execFileSync(process.execPath, ['--import', 'tsx', script], { cwd: root, env: { ...process.env, TZ: 'America/Los_Angeles' }, encoding: 'utf8' });
      const result = JSON.parse(output.trim().split('\n').pop()!) as { offset: number; add: string[]; holidays2026: string[] };
      expect(result.offset).toBe(480);
      expect(result.add).toEqual(expected.add);
      expect(result.holidays2026).toEqual(REFERENCE[2026].holidays.flatMap(([from, to]) => range(from, to)));
    } finally {
      fs.rmSync(path.dirname(script), { recursive: true, force: true });
    }
  });
});

describe('calendar service', () => {
  let database: Database;
  let db: Db;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
  });
  afterAll(async () => database?.close());

  it('computes with the built-in calendar and reports no assumed years inside 2025–2026', async () => {
    expect(await addWorkingDaysFrom(db, '2026-09-24', 7)).toEqual({ date: '2026-10-12', assumedYears: [] });
    expect(await addWorkingDaysFrom(db, '2026-02-13', 7)).toEqual({ date: '2026-03-02', assumedYears: [] });
    expect(await addWorkingDaysFrom(db, '2026-03-06', 0)).toEqual({ date: '2026-03-06', assumedYears: [] });
    expect(await workingDaysBetweenDates(db, '2026-09-24', '2026-10-12')).toEqual({ days: 7, assumedYears: [] });
    expect(await workingDaysBetweenDates(db, '2026-10-12', '2026-09-24')).toEqual({ days: 0, assumedYears: [] });
  });

  it('refuses dates that do not exist', async () => {
    expect((await expectAppError(addWorkingDaysFrom(db, '2026-02-30', 1), 'VALIDATION')).message).toContain('日期不存在');
    await expectAppError(workingDaysBetweenDates(db, '2026-01-01', '2026-13-01'), 'VALIDATION');
    await expectAppError(addWorkingDaysFrom(db, '2026-03-06', -1), 'VALIDATION');
  });

  it('describes a year', async () => {
    const year = await describeYear(db, 2026);
    expect(year.confirmed).toBe(true);
    expect(year.holidays).toHaveLength(33);
    expect(year.holidays[0]).toEqual({ date: '2026-01-01', name: '元旦', source: 'builtin' });
    expect(year.workdays.map((d) => d.date)).toEqual(REFERENCE[2026].workdays);
    expect(year.workdays.find((d) => d.date === '2026-02-14')?.name).toBe('春节');
    const unknown = await describeYear(db, 2027);
    expect(unknown).toEqual({ year: 2027, confirmed: false, note: null, holidays: [], workdays: [] });
  });

  it('an override changes results immediately and removing it restores the built-in day', async () => {
    const before = await verifyChain(db);
    await loadCalendar(db); // warm the cache
    expect((await addWorkingDaysFrom(db, '2026-03-06', 1)).date).toBe('2026-03-09');
    const saved = await setOverride(db, admin, { date: '2026-03-09', kind: 'holiday', name: ' 临时放假 ' });
    expect(saved).toMatchObject({ date: '2026-03-09', kind: 'holiday', name: '临时放假', createdBy: admin.label });
    expect((await addWorkingDaysFrom(db, '2026-03-06', 1)).date).toBe('2026-03-10');
    expect((await workingDaysBetweenDates(db, '2026-03-06', '2026-03-13')).days).toBe(4);
    expect((await describeYear(db, 2026)).holidays.find((d) => d.date === '2026-03-09')).toEqual({ date: '2026-03-09', name: '临时放假', source: 'override' });

    // the same override again changes nothing and writes no audit entry
    await setOverride(db, admin, { date: '2026-03-09', kind: 'holiday', name: '临时放假' });

    // a make-up working day on a Sunday, and a built-in holiday turned into a working day
    await setOverride(db, admin, { date: '2026-03-08', kind: 'workday', name: '临时调休上班' });
    expect((await addWorkingDaysFrom(db, '2026-03-06', 1)).date).toBe('2026-03-08');
    await setOverride(db, admin, { date: '2026-10-08', kind: 'holiday', name: '国庆节' });
    await setOverride(db, admin, { date: '2026-10-07', kind: 'workday', name: '国庆节' });
    expect((await addWorkingDaysFrom(db, '2026-09-30', 1)).date).toBe('2026-10-07');
    expect((await addWorkingDaysFrom(db, '2026-09-30', 2)).date).toBe('2026-10-09');

    for (const date of ['2026-03-08', '2026-10-07', '2026-10-08']) await removeOverride(db, admin, date);
    expect((await removeOverride(db, admin, '2026-03-09')).name).toBe('临时放假');
    expect((await addWorkingDaysFrom(db, '2026-03-06', 1)).date).toBe('2026-03-09');
    expect((await addWorkingDaysFrom(db, '2026-09-24', 7)).date).toBe('2026-10-12');
    await expectAppError(removeOverride(db, admin, '2026-03-09'), 'NOT_FOUND');

    const after = await verifyChain(db);
    expect(after.ok).toBe(true);
    expect(after.checked - before.checked).toBe(4 + 4); // 4 sets + 4 removals, not the repeated set
  });

  it('validates override input', async () => {
    await expectAppError(setOverride(db, admin, { date: '2026-02-29', kind: 'holiday', name: '无' }), 'VALIDATION');
    await expectAppError(setOverride(db, admin, { date: '2026-03-09', kind: 'holiday', name: '  ' }), 'VALIDATION');
    await expectAppError(setOverride(db, admin, { date: '2026-03-09', kind: 'weekend' as never, name: '无' }), 'VALIDATION');
  });

  it('reports an unconfirmed year in assumedYears until the office enters and confirms it', async () => {
    // 2026-12-30 Wed: 12-31 Thu #1, 2027-01-01 Fri #2 (no data for 2027: assumed working), 01-04 Mon #3
    expect(await addWorkingDaysFrom(db, '2026-12-30', 3)).toEqual({ date: '2027-01-04', assumedYears: [2027] });
    expect(await addWorkingDaysFrom(db, '2026-12-30', 1)).toEqual({ date: '2026-12-31', assumedYears: [] });
    expect(await workingDaysBetweenDates(db, '2026-12-30', '2028-01-05')).toMatchObject({ assumedYears: [2027, 2028] });
    expect(await addWorkingDaysFrom(db, '2024-12-30', 1)).toEqual({ date: '2024-12-31', assumedYears: [2024] });

    // nothing entered for 2027 yet: confirming it is refused
    expect((await expectAppError(confirmYear(db, admin, 2027, '国办发明电〔2026〕X号'), 'VALIDATION')).message).toContain('2027 年尚未录入');

    await setOverride(db, admin, { date: '2027-01-01', kind: 'holiday', name: '元旦' });
    expect(await addWorkingDaysFrom(db, '2026-12-30', 3)).toEqual({ date: '2027-01-05', assumedYears: [2027] });
    const confirmed = await confirmYear(db, admin, 2027, '国办发明电〔2026〕X号');
    expect(confirmed).toMatchObject({ year: 2027, confirmed: true, note: '国办发明电〔2026〕X号' });
    expect(await addWorkingDaysFrom(db, '2026-12-30', 3)).toEqual({ date: '2027-01-05', assumedYears: [] });
    expect(await describeYear(db, 2027)).toMatchObject({ year: 2027, confirmed: true, note: '国办发明电〔2026〕X号', holidays: [{ date: '2027-01-01', name: '元旦', source: 'override' }] });
    expect((await listYears(db)).find((y) => y.year === 2027)).toEqual({ year: 2027, confirmed: true, hasData: true, note: '国办发明电〔2026〕X号' });
    expect((await listYears(db)).find((y) => y.year === 2024)).toMatchObject({ confirmed: false, hasData: true });
    expect((await verifyChain(db)).ok).toBe(true);
  });

  it('only the credit office changes the calendar', async () => {
    await expectAppError(setOverride(db, operator, { date: '2026-03-09', kind: 'holiday', name: '临时放假' }), 'FORBIDDEN');
    await expectAppError(removeOverride(db, actor('auditor'), '2027-01-01'), 'FORBIDDEN');
    await expectAppError(confirmYear(db, operator, 2026, '已确认'), 'FORBIDDEN');
    await expectAppError(confirmYear(db, { ...admin, kind: 'anonymous', role: 'public' }, 2026, '已确认'), 'UNAUTHENTICATED');
    // the platform itself may (e.g. a seed or migration script)
    await setOverride(db, SYSTEM_ACTOR, { date: '2027-02-01', kind: 'holiday', name: '测试' });
    await removeOverride(db, SYSTEM_ACTOR, '2027-02-01');
  });
});
