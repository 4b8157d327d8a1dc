import { pgTable, text, uuid, timestamp, integer, jsonb, date, boolean, index, uniqueIndex, primaryKey } from 'drizzle-orm/pg-core';

export const RECORD_STATUSES = ['active', 'revoked'] as const;
export const VERSION_KINDS = ['create', 'correction', 'revocation'] as const;

/**
 * One fact about one subject from one department under one catalog item. Never updated in place except
 * for the denormalised current-state columns, which always mirror the newest record_versions row.
 * (department, item, document number) makes resubmission idempotent.
 */
export const records = pgTable(
  'records',
  {
    id: uuid('id').primaryKey(),
    subjectId: uuid('subject_id').notNull(),
    departmentId: uuid('department_id').notNull(),
    itemCode: text('item_code').notNull(),
    catalogItemId: uuid('catalog_item_id').notNull(),
    documentNumber: text('document_number').notNull(),
    decisionDate: date('decision_date', { mode: 'string' }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    status: text('status', { enum: RECORD_STATUSES }).notNull().default('active'),
    severity: text('severity', { enum: ['none', 'minor', 'general', 'serious'] }).notNull(),
    currentVersion: integer('current_version').notNull().default(1),
    regionCode: text('region_code'),
    /** working days from the decision to its arrival on the platform (timeliness: at most 7) */
    arrivalWorkingDays: integer('arrival_working_days'),
    late: boolean('late').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('records_idempotency_uq').on(t.departmentId, t.itemCode, t.documentNumber),
    index('records_subject_idx').on(t.subjectId, t.decisionDate),
    index('records_item_date_idx').on(t.itemCode, t.decisionDate),
    index('records_department_idx').on(t.departmentId, t.receivedAt),
    index('records_updated_idx').on(t.updatedAt, t.id),
  ],
);

/** The content of each version of a record, with its provenance (who, when, which batch and row, raw values). */
export const recordVersions = pgTable(
  'record_versions',
  {
    recordId: uuid('record_id').notNull(),
    version: integer('version').notNull(),
    subjectId: uuid('subject_id').notNull(),
    kind: text('kind', { enum: VERSION_KINDS }).notNull(),
    catalogItemId: uuid('catalog_item_id').notNull(),
    fields: jsonb('fields').$type<Record<string, unknown>>().notNull(),
    raw: jsonb('raw').$type<Record<string, unknown>>(),
    reason: text('reason'),
    batchId: uuid('batch_id'),
    rowNumber: integer('row_number'),
    submittedBy: text('submitted_by').notNull(),
    submitterId: text('submitter_id'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.recordId, t.version] }), index('record_versions_subject_idx').on(t.subjectId)],
);
