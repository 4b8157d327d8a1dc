import { AppError } from '../../shared/errors';

/**
 * Working-day arithmetic for legal deadlines (REFERENCE.md §9). Pure: no I/O, no clock, no local time.
 *
 * A working day is a make-up working day (调休上班) or a Monday–Friday that is not an official holiday.
 * Dates are plain 'YYYY-MM-DD' strings; internally they become day numbers since 1970-01-01 (UTC), so the
 * process time zone never matters.
 */
export interface Calendar {
  /** official days off (a holiday range includes its weekend days) */
  holidays: ReadonlySet<string>;
  /** make-up working days (调休上班), usually a Saturday or Sunday */
  workdays: ReadonlySet<string>;
  /** years whose holidays follow a published State Council notice (or were confirmed by the credit office) */
  confirmedYears: ReadonlySet<number>;
  /** optional display names of holidays and make-up days, by date */
  names?: ReadonlyMap<string, string>;
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** True for a real calendar date written 'YYYY-MM-DD' (rejects 2026-02-30, 2026-2-3, 2026-13-01). */
export function isValidDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Throws a VALIDATION error (400, Chinese message) unless `value` is a real 'YYYY-MM-DD' date. */
export function assertValidDate(value: string, label = '日期'): void {
  if (typeof value !== 'string' || !DATE_PATTERN.test(value)) {
    throw new AppError('VALIDATION', `${label}格式应为 YYYY-MM-DD：${String(value)}`);
  }
  if (!isValidDate(value)) throw new AppError('VALIDATION', `${label}不存在：${value}`);
}

/** Days since 1970-01-01 (UTC). */
export function toDayNumber(date: string): number {
  assertValidDate(date);
  const match = DATE_PATTERN.exec(date)!;
  const utc = new Date(0);
  utc.setUTCFullYear(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Math.round(utc.getTime() / MS_PER_DAY);
}

/** 'YYYY-MM-DD' of a day number (UTC getters only). */
export function fromDayNumber(dayNumber: number): string {
  const utc = new Date(dayNumber * MS_PER_DAY);
  const year = String(utc.getUTCFullYear()).padStart(4, '0');
  const month = String(utc.getUTCMonth() + 1).padStart(2, '0');
  const day = String(utc.getUTCDate()).padStart(2, '0');
  return `${year}-${month}-${day}`;
}

/** The date `days` calendar days after `date` (negative goes back). */
export function addCalendarDays(date: string, days: number): string {
  return fromDayNumber(toDayNumber(date) + days);
}

/** 0 = Sunday … 6 = Saturday, like Date#getUTCDay; 1970-01-01 was a Thursday. */
export function dayOfWeek(date: string): number {
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

function isWorkingDayNumber(dayNumber: number, calendar: Calendar): boolean {
  const date = fromDayNumber(dayNumber);
  if (calendar.workdays.has(date)) return true;
  if (calendar.holidays.has(date)) return false;
  const weekday = (((dayNumber + 4) % 7) + 7) % 7;
  return weekday >= 1 && weekday <= 5;
}

/** A make-up working day, or a Monday–Friday that is not an official holiday. */
export function isWorkingDay(date: string, calendar: Calendar): boolean {
  return isWorkingDayNumber(toDayNumber(date), calendar);
}

/**
 * "n working days after `date`": `date` itself is not counted, so the result is the n-th working day
 * strictly after it. n = 0 returns `date` unchanged (even when it is a holiday).
 */
export function addWorkingDays(date: string, n: number, calendar: Calendar): string {
  if (!Number.isInteger(n) || n < 0) throw new AppError('VALIDATION', `工作日天数应为非负整数：${n}`);
  let day = toDayNumber(date);
  let remaining = n;
  while (remaining > 0) {
    day += 1;
    if (isWorkingDayNumber(day, calendar)) remaining -= 1;
  }
  return fromDayNumber(day);
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(date: string, calendar: Calendar): string {
  return addWorkingDays(date, 1, calendar);
}

/** Number of working days after `from` up to and including `to`; 0 when `to` ≤ `from`. */
export function workingDaysBetween(from: string, to: string, calendar: Calendar): number {
  const start = toDayNumber(from);
  const end = toDayNumber(to);
  if (end <= start) return 0;
  const index = cumulativeIndex(calendar);
  if (start >= index.first && end < index.first + index.counts.length) return index.counts[end - index.first] - index.counts[start - index.first];
  let count = 0;
  for (let day = start + 1; day <= end; day += 1) {
    if (isWorkingDayNumber(day, calendar)) count += 1;
  }
  return count;
}

// Bulk ingest asks for the working days of every row: a running count per day (built once per calendar
// object, 1990–2100) turns each question into one subtraction.
const INDEX_FIRST_DAY = toDayNumber('1990-01-01');
const INDEX_DAYS = toDayNumber('2100-12-31') - INDEX_FIRST_DAY + 1;
const indexes = new WeakMap<Calendar, { first: number; counts: Int32Array }>();

function cumulativeIndex(calendar: Calendar): { first: number; counts: Int32Array } {
  let index = indexes.get(calendar);
  if (!index) {
    const counts = new Int32Array(INDEX_DAYS);
    let running = 0;
    for (let offset = 0; offset < INDEX_DAYS; offset += 1) {
      if (isWorkingDayNumber(INDEX_FIRST_DAY + offset, calendar)) running += 1;
      counts[offset] = running;
    }
    index = { first: INDEX_FIRST_DAY, counts };
    indexes.set(calendar, index);
  }
  return index;
}

/**
 * The years of the days after `from` up to and including `to` that are not confirmed: a result that
 * walked through such a year rests on assumed (Monday–Friday) working days. Empty when `to` ≤ `from`.
 */
export function unconfirmedYearsBetween(from: string, to: string, calendar: Calendar): number[] {
  if (toDayNumber(to) <= toDayNumber(from)) return [];
  const first = yearOf(addCalendarDays(from, 1));
  const last = yearOf(to);
  const years: number[] = [];
  for (let year = first; year <= last; year += 1) {
    if (!calendar.confirmedYears.has(year)) years.push(year);
  }
  return years;
}
