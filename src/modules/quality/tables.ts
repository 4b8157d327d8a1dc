import { sql } from 'drizzle-orm';
import { pgTable, text, uuid, timestamp, integer, index, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * 重错码 queue: an identifier that arrived with another name than its subject's, waiting for the credit
 * office. The decision is stored and reused for the same identifier + name.
 */
export const qualityIssues = pgTable(
  'quality_issues',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind', { enum: ['name_mismatch', 'code_conflict'] }).notNull(),
    subjectId: uuid('subject_id').notNull(),
    identifier: text('identifier').notNull(),
    existingName: text('existing_name').notNull(),
    incomingName: text('incoming_name').notNull(),
    departmentId: uuid('department_id').notNull(),
    batchId: uuid('batch_id'),
    rowNumber: integer('row_number'),
    occurrences: integer('occurrences').notNull().default(1),
    status: text('status', { enum: ['open', 'resolved'] }).notNull().default('open'),
    decision: text('decision', { enum: ['same_subject', 'rename', 'wrong_code'] }),
    decisionNote: text('decision_note'),
    decidedBy: text('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('quality_issues_pair_uq').on(t.subjectId, t.incomingName),
    index('quality_issues_open_idx').on(t.status).where(sql`${t.status} = 'open'`),
  ],
);
