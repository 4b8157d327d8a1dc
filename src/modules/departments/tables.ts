import { pgTable, text, uuid, timestamp, index } from 'drizzle-orm/pg-core';

/** The platform's own region tree (GB/T 2260): its region and the counties under it. */
export const regions = pgTable('regions', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  parentCode: text('parent_code'),
  level: text('level', { enum: ['province', 'city', 'county'] }).notNull(),
});

export const departments = pgTable(
  'departments',
  {
    id: uuid('id').primaryKey(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    regionCode: text('region_code').notNull().references(() => regions.code),
    kind: text('kind', { enum: ['credit_office', 'department'] }).notNull(),
    uscc: text('uscc'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [index('departments_region_idx').on(t.regionCode)],
);
