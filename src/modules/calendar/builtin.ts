import { createRequire } from 'node:module';
import type { Calendar } from './working-days';

/**
 * The built-in calendar: official holidays and make-up working days from the `chinese-days` package.
 *
 * We read the package's raw data (keys are plain 'YYYY-MM-DD' strings) instead of calling its date
 * functions, which parse dates in the process time zone and shift them by a day west of UTC. The package
 * also answers for years it has no notice for by treating Monday–Friday as working days; here such years
 * simply have no entries and are not confirmed, so callers can tell (see `assumedYears`).
 */

/** Years whose built-in data was checked against the State Council notices (REFERENCE.md §9). */
export const BUILTIN_CONFIRMED_YEARS: readonly number[] = [2025, 2026];

interface ChineseDaysData {
  /** date → "English name,中文名,天数" */
  holidays: Record<string, string>;
  workdays: Record<string, string>;
  inLieuDays: Record<string, string>;
}

export interface BuiltinCalendar extends Calendar {
  holidays: Set<string>;
  workdays: Set<string>;
  confirmedYears: Set<number>;
  names: Map<string, string>;
  /** years the package has holiday data for (confirmed or not) */
  dataYears: number[];
}

let cached: BuiltinCalendar | undefined;

function chineseName(value: string): string {
  const parts = value.split(',');
  return (parts[1] ?? parts[0] ?? '').trim();
}

/** The built-in calendar (loaded once; treat as read-only). */
export function builtinCalendar(): BuiltinCalendar {
  if (!cached) {
    const require = createRequire(import.meta.url);
    const data = require('chinese-days/dist/chinese-days.json') as ChineseDaysData;
    const names = new Map<string, string>();
    const holidays = new Set<string>();
    const workdays = new Set<string>();
    for (const [date, value] of Object.entries(data.holidays)) {
      holidays.add(date);
      names.set(date, chineseName(value));
    }
    for (const [date, value] of Object.entries(data.workdays)) {
      workdays.add(date);
      names.set(date, chineseName(value));
    }
    const dataYears = [...new Set([...holidays].map((date) => Number(date.slice(0, 4))))].sort((a, b) => a - b);
    cached = { holidays, workdays, names, confirmedYears: new Set(BUILTIN_CONFIRMED_YEARS), dataYears };
  }
  return cached;
}

/** Years the built-in calendar treats as confirmed (published notice, verified). */
export function builtinConfirmedYears(): number[] {
  return [...BUILTIN_CONFIRMED_YEARS];
}

/** Years the `chinese-days` package has holiday data for. */
export function builtinDataYears(): number[] {
  return [...builtinCalendar().dataYears];
}
