import type { Role } from '../shared/types';
import { STAFF_ROLES } from '../shared/labels';

/** Which roles see each console section (the server checks again; this only hides what would fail). */
export const SECTION_ROLES = {
  dashboard: null as Role[] | null, // everyone
  subjects: STAFF_ROLES,
  records: STAFF_ROLES,
  catalog: STAFF_ROLES,
  // 数据报送 and 批次历史: departments submit and see their own batches; the credit office sees all batches
  ingest: STAFF_ROLES,
  // 重错码: the credit office decides; 质量评估: departments see their own row, the credit office all
  quality: ['office_admin', 'auditor'] as Role[],
  scorecard: STAFF_ROLES,
  // 超时报送: departments see their own late records, the credit office and auditors all
  late: STAFF_ROLES,
  // 信用核查 and 核查记录: the server lets department staff and the credit office check (not auditors)
  checks: ['dept_operator', 'dept_reviewer', 'office_admin'] as Role[],
  // 核查统计 and 逾期未反馈: every staff role reads them (departments their own row, the credit office and auditors all)
  checkStats: STAFF_ROLES,
  // 名单认定: staff read (departments their own entries); the department operator proposes, the department's
  // operator/reviewer take the steps the server offers (allowedActions)
  lists: STAFF_ROLES,
  // 名单类型与认定标准 and 措施清单: staff read; the credit office (office_admin) edits
  listKinds: STAFF_ROLES,
  measures: STAFF_ROLES,
  // 异议处理: the credit office accepts, the source department verifies (its own records), auditors read
  objections: [...STAFF_ROLES, 'subject'] as Role[],
  // 我的信用记录: a subject's account
  mine: ['subject'] as Role[],
  departments: ['office_admin'] as Role[],
  users: ['office_admin'] as Role[],
  audit: ['office_admin', 'auditor'] as Role[],
};

export type Section = keyof typeof SECTION_ROLES;

export function canSee(role: Role, section: Section): boolean {
  const roles = SECTION_ROLES[section];
  return roles === null || roles.includes(role);
}

/** Roles that may propose a designation (the server: a department operator, citing the own department's records). */
export function canPropose(role: Role): boolean {
  return role === 'dept_operator';
}

/** Roles that edit list kinds and the local supplements of the measure list (the server: office_admin). */
export function canEditStandards(role: Role): boolean {
  return role === 'office_admin';
}

/** Roles that may upload batches (the server: a department's operator or reviewer). */
export function canSubmit(role: Role): boolean {
  return role === 'dept_operator' || role === 'dept_reviewer';
}
