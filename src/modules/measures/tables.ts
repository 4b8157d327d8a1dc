import { pgTable, text, uuid, timestamp, integer, jsonb, index, uniqueIndex } from 'drizzle-orm/pg-core';

/** 1 减损权益或增加义务 / 2 根据履职需要的管理措施 / 3 公共管理机构以外的组织自主实施 (REFERENCE §4) */
export const MEASURE_CATEGORIES = [1, 2, 3] as const;
export const MEASURE_KINDS = ['sanction', 'incentive'] as const;
export const MEASURE_SCOPES = ['base', 'supplement'] as const;
export const TARGET_SEVERITIES = ['general', 'serious'] as const;

export interface MeasureLegalBasis {
  /** document name, e.g. 《中华人民共和国政府采购法》 */
  document: string;
  /** article, e.g. 第二十二条 */
  article?: string;
}

/** Who a measure may be applied to: members of these list kinds, or subjects with active records of these severities. */
export interface MeasureTargets {
  listKinds: string[];
  recordSeverities?: (typeof TARGET_SEVERITIES)[number][];
}

/**
 * The machine-checkable part of a measure's degree (实施幅度): the longest it may last from the matter's
 * check, and whether it may not outlast the list entry it follows. The text `degree` says the rest.
 */
export interface DegreeLimit {
  maxMonths?: number;
  withinListValidity?: boolean;
}

/** Every change to the measure list creates a new version; measures are immutable rows of one version. */
export const measureListVersions = pgTable('measure_list_versions', {
  id: uuid('id').primaryKey(),
  number: integer('number').notNull().unique(),
  note: text('note').notNull(),
  createdBy: text('created_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
});

/** 失信惩戒措施清单 / 守信激励措施清单: the only measures that may be applied (national base + local supplements). */
export const measures = pgTable(
  'measures',
  {
    id: uuid('id').primaryKey(),
    versionId: uuid('version_id').notNull().references(() => measureListVersions.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    category: integer('category').notNull(),
    kind: text('kind', { enum: MEASURE_KINDS }).notNull(),
    legalBasis: jsonb('legal_basis').$type<MeasureLegalBasis[]>().notNull(),
    targets: jsonb('targets').$type<MeasureTargets>().notNull(),
    /** department codes that implement the measure; null = any department */
    implementingDepartments: jsonb('implementing_departments').$type<string[] | null>(),
    /** matter codes the measure applies to; null = every matter */
    matterTypes: jsonb('matter_types').$type<string[] | null>(),
    /** the stated maximum degree (e.g. 限制参加政府采购 3 年): no heavier measure may be applied */
    degree: text('degree').notNull(),
    degreeLimit: jsonb('degree_limit').$type<DegreeLimit>(),
    scope: text('scope', { enum: MEASURE_SCOPES }).notNull(),
  },
  (t) => [uniqueIndex('measures_version_code_uq').on(t.versionId, t.code), index('measures_code_idx').on(t.code)],
);
