import { pgTable, text, uuid, timestamp, bigint, jsonb, index } from 'drizzle-orm/pg-core';

/** Hash-chained audit trail (SM3): seq is gap-free, each hash covers the previous one. */
export const auditEntries = pgTable(
  'audit_entries',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    at: text('at').notNull(),
    actorKind: text('actor_kind').notNull(),
    actorId: text('actor_id'),
    actorLabel: text('actor_label').notNull(),
    departmentId: uuid('department_id'),
    ip: text('ip'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_entity_idx').on(t.entityType, t.entityId)],
);

/** 查询使用登记: who read personal or shared-only data, and why. */
export const accessLog = pgTable(
  'access_log',
  {
    id: uuid('id').primaryKey(),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    actorKind: text('actor_kind').notNull(),
    actorId: text('actor_id'),
    actorLabel: text('actor_label').notNull(),
    departmentId: uuid('department_id'),
    subjectId: uuid('subject_id'),
    dataKind: text('data_kind').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    purpose: text('purpose').notNull(),
    ip: text('ip'),
  },
  (t) => [index('access_log_subject_idx').on(t.subjectId), index('access_log_at_idx').on(t.at)],
);

/**
 * Seals of the append-only logs (查询使用登记, 信用核查记录) that are written without taking the audit
 * chain's lock: every minute the rows since the previous seal are hashed (SM3, in id order) and the seal is
 * appended to the audit chain, so a later change to a sealed row is detected by `audit verify`.
 */
export const logSeals = pgTable(
  'log_seals',
  {
    id: uuid('id').primaryKey(),
    log: text('log').notNull(),
    /** the last row of the previous seal (exclusive) and of this one (inclusive); null: from the first row */
    afterId: uuid('after_id'),
    toId: uuid('to_id').notNull(),
    rows: bigint('rows', { mode: 'number' }).notNull(),
    digest: text('digest').notNull(),
    sealedAt: timestamp('sealed_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [index('log_seals_log_idx').on(t.log, t.sealedAt)],
);
