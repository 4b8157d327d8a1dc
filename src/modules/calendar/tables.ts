import { pgTable, text, date, integer, boolean, timestamp } from 'drizzle-orm/pg-core';

/**
 * The credit office's corrections and additions to the built-in holiday calendar (e.g. a new year once the
 * State Council publishes its notice). An override wins over the built-in data for its date.
 */
export const calendarOverrides = pgTable('calendar_overrides', {
  date: date('date', { mode: 'string' }).primaryKey(),
  /** holiday: a day off (even Monday–Friday); workday: a working day (even Saturday/Sunday, 调休上班) */
  kind: text('kind', { enum: ['holiday', 'workday'] }).notNull(),
  name: text('name').notNull(),
  createdBy: text('created_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
});

/** Which years' holidays are confirmed (published notice); overrides the built-in list of confirmed years. */
export const calendarYears = pgTable('calendar_years', {
  year: integer('year').primaryKey(),
  confirmed: boolean('confirmed').notNull(),
  note: text('note').notNull().default(''),
  updatedBy: text('updated_by').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
});
