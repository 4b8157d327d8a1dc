import { pgTable, text, uuid, timestamp, integer, date, boolean, bigserial, index } from 'drizzle-orm/pg-core';

export const DISCLOSURE_CHANGES = ['new', 'changed', 'withdrawn'] as const;

/**
 * The public projection of records (公示状态): one row per record, recomputed by syncDisclosure from the
 * records module's data and ended by the daily job (period expired) or early (repair). `disclosed` is
 * what the public sees; `ended_reason` says why a record is not (or no longer) shown: period_expired,
 * revoked, repaired, or the rule that keeps it private (scope, minor_not_published, period_not_configured).
 */
export const disclosureState = pgTable(
  'disclosure_state',
  {
    recordId: uuid('record_id').primaryKey(),
    subjectId: uuid('subject_id').notNull(),
    itemCode: text('item_code').notNull(),
    departmentId: uuid('department_id').notNull(),
    disclosed: boolean('disclosed').notNull(),
    /** the decision date: periods count from it */
    startDate: date('start_date', { mode: 'string' }).notNull(),
    /** last day shown (inclusive); null = no end while the record stands */
    endDate: date('end_date', { mode: 'string' }),
    endedReason: text('ended_reason'),
    /** the record's current_version this row was computed from (a new version is a 'changed' entry) */
    recordVersion: integer('record_version').notNull(),
    /** the record's updated_at this row was computed from: the sync watermark */
    recordUpdatedAt: timestamp('record_updated_at', { withTimezone: true, mode: 'string' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    index('disclosure_state_subject_idx').on(t.subjectId),
    index('disclosure_state_item_start_idx').on(t.itemCode, t.startDate),
    index('disclosure_state_end_idx').on(t.endDate),
    index('disclosure_state_record_updated_idx').on(t.recordUpdatedAt),
  ],
);

/** The resumable public change feed (变更订阅): a subscriber reads `seq > cursor` in order. */
export const disclosureChanges = pgTable(
  'disclosure_changes',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    recordId: uuid('record_id').notNull(),
    subjectId: uuid('subject_id').notNull(),
    change: text('change', { enum: DISCLOSURE_CHANGES }).notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [index('disclosure_changes_record_idx').on(t.recordId)],
);
