import type { Db } from '../../db/types';
import type { Actor } from '../../shared/actor';
import { AppError } from '../../shared/errors';
import { withAudit } from '../audit';
import { requireRole } from '../auth/policy';
import { builtinCalendar } from './builtin';
import * as repo from './repository';
import { addWorkingDays, assertValidDate, type Calendar, toDayNumber, unconfirmedYearsBetween, workingDaysBetween, yearOf } from './working-days';

export type { CalendarOverrideRow, CalendarYearRow } from './repository';

export type OverrideKind = 'holiday' | 'workday';
export const OVERRIDE_KINDS: readonly OverrideKind[] = ['holiday', 'workday'];
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2999;
const NAME_MAX_LENGTH = 64;
const NOTE_MAX_LENGTH = 500;
/** longest computation accepted (about a hundred years), so one request cannot spin the event loop */
export const MAX_SPAN_DAYS = 36_600;

/** The effective calendar: built-in data with the credit office's overrides applied. */
export interface LoadedCalendar extends Calendar {
  names: ReadonlyMap<string, string>;
  /** dates whose status comes from an override */
  overridden: ReadonlySet<string>;
  /** notes recorded with calendar_years rows */
  yearNotes: ReadonlyMap<number, string>;
  /** years with any holiday or make-up day (built-in or override) */
  dataYears: ReadonlySet<number>;
}

// ---------------------------------------------------------------------------------------------------
// Cache: one loaded calendar per database handle. Any change bumps the generation, so a load that was
// running while the change committed is not stored. A TTL bounds staleness when several processes share
// one PostgreSQL database.

const CACHE_TTL_MS = 60_000;
let generation = 0;
let cache = new WeakMap<object, { generation: number; loadedAt: number; calendar: Promise<LoadedCalendar> }>();

/** Drops every cached calendar (called after each change; exported for tests and admin tools). */
export function invalidateCalendarCache(): void {
  generation += 1;
  cache = new WeakMap();
}

/** Built-in calendar + overrides from the database, cached in memory and invalidated on change. */
export async function loadCalendar(db: Db): Promise<LoadedCalendar> {
  const hit = cache.get(db);
  if (hit && hit.generation === generation && Date.now() - hit.loadedAt < CACHE_TTL_MS) return hit.calendar;
  const startedAt = generation;
  const loading = readCalendar(db);
  const entry = { generation: startedAt, loadedAt: Date.now(), calendar: loading };
  cache.set(db, entry);
  try {
    return await loading;
  } catch (error) {
    if (cache.get(db) === entry) cache.delete(db);
    throw error;
  }
}

async function readCalendar(db: Db): Promise<LoadedCalendar> {
  const builtin = builtinCalendar();
  const [overrides, years] = await Promise.all([repo.listOverrides(db), repo.listYears(db)]);
  const holidays = new Set(builtin.holidays);
  const workdays = new Set(builtin.workdays);
  const names = new Map(builtin.names);
  const overridden = new Set<string>();
  for (const override of overrides) {
    if (override.kind === 'holiday') {
      workdays.delete(override.date);
      holidays.add(override.date);
    } else {
      holidays.delete(override.date);
      workdays.add(override.date);
    }
    names.set(override.date, override.name);
    overridden.add(override.date);
  }
  const confirmedYears = new Set(builtin.confirmedYears);
  const yearNotes = new Map<number, string>();
  for (const row of years) {
    if (row.confirmed) confirmedYears.add(row.year);
    else confirmedYears.delete(row.year);
    yearNotes.set(row.year, row.note);
  }
  const dataYears = new Set([...holidays, ...workdays].map((date) => Number(date.slice(0, 4))));
  return { holidays, workdays, confirmedYears, names, overridden, yearNotes, dataYears };
}

// ---------------------------------------------------------------------------------------------------
// Computing

export interface WorkingDaysResult {
  date: string;
  /** years the computation walked through whose holidays are not confirmed (Monday–Friday assumed) */
  assumedYears: number[];
}

export interface WorkingDaysCount {
  days: number;
  assumedYears: number[];
}

/** The n-th working day after `date` (`date` not counted; n = 0 returns `date`). Never fails on an unconfirmed year. */
export async function addWorkingDaysFrom(db: Db, date: string, n: number): Promise<WorkingDaysResult> {
  assertValidDate(date);
  assertValidYear(yearOf(date));
  if (!Number.isInteger(n) || n < 0 || n > MAX_SPAN_DAYS / 2) throw new AppError('VALIDATION', `工作日天数应为 0–${MAX_SPAN_DAYS / 2} 之间的整数：${n}`);
  const calendar = await loadCalendar(db);
  const result = addWorkingDays(date, n, calendar);
  return { date: result, assumedYears: unconfirmedYearsBetween(date, result, calendar) };
}

/** Working days after `from` up to and including `to` (0 when `to` ≤ `from`). */
export async function workingDaysBetweenDates(db: Db, from: string, to: string): Promise<WorkingDaysCount> {
  assertValidDate(from, '起始日期');
  assertValidDate(to, '截止日期');
  assertValidYear(yearOf(from));
  assertValidYear(yearOf(to));
  if (toDayNumber(to) - toDayNumber(from) > MAX_SPAN_DAYS) throw new AppError('VALIDATION', `起止日期相隔不能超过 ${MAX_SPAN_DAYS} 天`);
  const calendar = await loadCalendar(db);
  return { days: workingDaysBetween(from, to, calendar), assumedYears: unconfirmedYearsBetween(from, to, calendar) };
}

export interface CalendarDay {
  date: string;
  name: string;
  source: 'builtin' | 'override';
}

export interface YearDescription {
  year: number;
  confirmed: boolean;
  note: string | null;
  holidays: CalendarDay[];
  workdays: CalendarDay[];
}

export async function describeYear(db: Db, year: number): Promise<YearDescription> {
  assertValidYear(year);
  const calendar = await loadCalendar(db);
  const prefix = `${String(year).padStart(4, '0')}-`;
  const days = (dates: ReadonlySet<string>): CalendarDay[] =>
    [...dates]
      .filter((date) => date.startsWith(prefix))
      .sort()
      .map((date) => ({ date, name: calendar.names.get(date) ?? '', source: calendar.overridden.has(date) ? 'override' : 'builtin' }));
  return {
    year,
    confirmed: calendar.confirmedYears.has(year),
    note: calendar.yearNotes.get(year) ?? null,
    holidays: days(calendar.holidays),
    workdays: days(calendar.workdays),
  };
}

export interface YearStatus {
  year: number;
  confirmed: boolean;
  /** whether any holiday or make-up day is known for the year */
  hasData: boolean;
  note: string | null;
}

/** Every year the platform knows anything about, with whether it is confirmed. */
export async function listYears(db: Db): Promise<YearStatus[]> {
  const calendar = await loadCalendar(db);
  const years = new Set<number>([...calendar.dataYears, ...calendar.confirmedYears, ...calendar.yearNotes.keys()]);
  return [...years]
    .sort((a, b) => a - b)
    .map((year) => ({ year, confirmed: calendar.confirmedYears.has(year), hasData: calendar.dataYears.has(year), note: calendar.yearNotes.get(year) ?? null }));
}

// ---------------------------------------------------------------------------------------------------
// Changes (credit office only; audited)

function requireCalendarAdmin(actor: Actor): void {
  requireRole(actor, ['office_admin', 'system'], '只有信用办管理员可以维护工作日历');
}

function assertValidYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new AppError('VALIDATION', `年份应为 ${MIN_YEAR}–${MAX_YEAR} 之间的整数：${year}`);
  }
}

export interface OverrideInput {
  date: string;
  kind: OverrideKind;
  name: string;
}

/** Marks `date` as a holiday or a (make-up) working day, replacing any earlier override of that date. */
export async function setOverride(db: Db, actor: Actor, input: OverrideInput): Promise<repo.CalendarOverrideRow> {
  requireCalendarAdmin(actor);
  assertValidDate(input.date);
  assertValidYear(yearOf(input.date));
  if (!OVERRIDE_KINDS.includes(input.kind)) throw new AppError('VALIDATION', `类型应为 holiday（放假）或 workday（上班）：${String(input.kind)}`);
  const name = typeof input.name === 'string' ? input.name.trim() : '';
  if (!name) throw new AppError('VALIDATION', '请填写节假日或调休名称');
  if (name.length > NAME_MAX_LENGTH) throw new AppError('VALIDATION', `名称最多 ${NAME_MAX_LENGTH} 个字符`);
  try {
    return await withAudit(db, actor, async (tx, audit) => {
      const before = await repo.findOverride(tx, input.date);
      if (before && before.kind === input.kind && before.name === name) {
        audit.nothingChanged();
        return before;
      }
      const after = await repo.upsertOverride(tx, { date: input.date, kind: input.kind, name, createdBy: actor.label });
      audit.record({ action: 'calendar.override.set', entityType: 'calendar_override', entityId: input.date, before: before ?? undefined, after });
      return after;
    });
  } finally {
    invalidateCalendarCache();
  }
}

/** Removes the override of `date`, so the built-in data applies again. */
export async function removeOverride(db: Db, actor: Actor, date: string): Promise<repo.CalendarOverrideRow> {
  requireCalendarAdmin(actor);
  assertValidDate(date);
  try {
    return await withAudit(db, actor, async (tx, audit) => {
      const before = await repo.findOverride(tx, date);
      if (!before) throw new AppError('NOT_FOUND', `${date} 没有调整记录`);
      await repo.deleteOverride(tx, date);
      audit.record({ action: 'calendar.override.remove', entityType: 'calendar_override', entityId: date, before });
      return before;
    });
  } finally {
    invalidateCalendarCache();
  }
}

/**
 * Confirms that `year`'s holidays and make-up days follow the published notice, so results no longer
 * list it in `assumedYears`. Refused for a year with no holiday at all (nothing has been entered yet).
 */
export async function confirmYear(db: Db, actor: Actor, year: number, note: string): Promise<repo.CalendarYearRow> {
  requireCalendarAdmin(actor);
  assertValidYear(year);
  const text = typeof note === 'string' ? note.trim() : '';
  if (text.length > NOTE_MAX_LENGTH) throw new AppError('VALIDATION', `说明最多 ${NOTE_MAX_LENGTH} 个字符`);
  const prefix = `${year}-`;
  const calendar = await readCalendar(db);
  if (![...calendar.holidays].some((date) => date.startsWith(prefix))) {
    throw new AppError('VALIDATION', `${year} 年尚未录入任何法定节假日，请先按国务院办公厅通知录入放假和调休安排后再确认`);
  }
  try {
    return await withAudit(db, actor, async (tx, audit) => {
      const before = await repo.findYear(tx, year);
      if (before && before.confirmed && before.note === text) {
        audit.nothingChanged();
        return before;
      }
      const after = await repo.upsertYear(tx, { year, confirmed: true, note: text, updatedBy: actor.label });
      audit.record({ action: 'calendar.year.confirm', entityType: 'calendar_year', entityId: String(year), before: before ?? undefined, after });
      return after;
    });
  } finally {
    invalidateCalendarCache();
  }
}
