import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/types';
import { calendarOverrides, calendarYears } from './tables';

export type CalendarOverrideRow = typeof calendarOverrides.$inferSelect;
export type CalendarYearRow = typeof calendarYears.$inferSelect;

export async function listOverrides(db: Db): Promise<CalendarOverrideRow[]> {
  return db.select().from(calendarOverrides).orderBy(asc(calendarOverrides.date));
}

export async function findOverride(db: Db, date: string): Promise<CalendarOverrideRow | null> {
  const rows = await db.select().from(calendarOverrides).where(eq(calendarOverrides.date, date)).limit(1);
  return rows[0] ?? null;
}

export async function upsertOverride(db: Db, row: { date: string; kind: 'holiday' | 'workday'; name: string; createdBy: string }): Promise<CalendarOverrideRow> {
  const [saved] = await db
    .insert(calendarOverrides)
    .values(row)
    .onConflictDoUpdate({ target: calendarOverrides.date, set: { kind: row.kind, name: row.name, createdBy: row.createdBy, createdAt: new Date().toISOString() } })
    .returning();
  return saved;
}

export async function deleteOverride(db: Db, date: string): Promise<void> {
  await db.delete(calendarOverrides).where(eq(calendarOverrides.date, date));
}

export async function listYears(db: Db): Promise<CalendarYearRow[]> {
  return db.select().from(calendarYears).orderBy(asc(calendarYears.year));
}

export async function findYear(db: Db, year: number): Promise<CalendarYearRow | null> {
  const rows = await db.select().from(calendarYears).where(eq(calendarYears.year, year)).limit(1);
  return rows[0] ?? null;
}

export async function upsertYear(db: Db, row: { year: number; confirmed: boolean; note: string; updatedBy: string }): Promise<CalendarYearRow> {
  const [saved] = await db
    .insert(calendarYears)
    .values(row)
    .onConflictDoUpdate({ target: calendarYears.year, set: { confirmed: row.confirmed, note: row.note, updatedBy: row.updatedBy, updatedAt: new Date().toISOString() } })
    .returning();
  return saved;
}
