import { sql } from 'drizzle-orm';
import { pgTable, text, uuid, timestamp, integer, jsonb, bigserial, index, uniqueIndex } from 'drizzle-orm/pg-core';

export const BATCH_STATUSES = ['queued', 'processing', 'completed', 'rejected', 'failed'] as const;
export const BATCH_MODES = ['lenient', 'atomic'] as const;

/**
 * One submission of records (批次). Its rows are committed in one transaction: a crash leaves no record
 * of it behind, and the queued batch is picked up again at the next start.
 */
export const ingestBatches = pgTable(
  'ingest_batches',
  {
    id: uuid('id').primaryKey(),
    departmentId: uuid('department_id').notNull(),
    itemCode: text('item_code').notNull(),
    clientKey: text('client_key'),
    mode: text('mode', { enum: BATCH_MODES }).notNull(),
    source: text('source', { enum: ['api', 'file', 'cli'] }).notNull(),
    filename: text('filename'),
    /** where the submitted content waits until it is processed (deleted afterwards) */
    contentPath: text('content_path'),
    format: text('format'),
    encoding: text('encoding'),
    status: text('status', { enum: BATCH_STATUSES }).notNull().default('queued'),
    total: integer('total').notNull().default(0),
    created: integer('created').notNull().default(0),
    corrected: integer('corrected').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    rejected: integer('rejected').notNull().default(0),
    late: integer('late').notNull().default(0),
    /** rows read so far while processing (progress) */
    processed: integer('processed').notNull().default(0),
    errorMessage: text('error_message'),
    submittedBy: text('submitted_by').notNull(),
    submitterId: text('submitter_id'),
    submitterKind: text('submitter_kind').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'string' }),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [
    uniqueIndex('ingest_batches_client_key_uq').on(t.departmentId, t.clientKey).where(sql`${t.clientKey} is not null`),
    index('ingest_batches_department_idx').on(t.departmentId, t.createdAt),
    index('ingest_batches_status_idx').on(t.status),
  ],
);

/** Each problem of a rejected row: row number, field, machine code, Chinese message, and the row as received. */
export const ingestErrors = pgTable(
  'ingest_errors',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    batchId: uuid('batch_id').notNull(),
    rowNumber: integer('row_number').notNull(),
    field: text('field'),
    code: text('code').notNull(),
    message: text('message').notNull(),
    raw: jsonb('raw').$type<Record<string, unknown>>(),
  },
  (t) => [index('ingest_errors_batch_idx').on(t.batchId, t.rowNumber)],
);
