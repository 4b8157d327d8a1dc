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
  departments: ['office_admin'] as Role[],
  users: ['office_admin'] as Role[],
  audit: ['office_admin', 'auditor'] as Role[],
};

export type Section = keyof typeof SECTION_ROLES;

export function canSee(role: Role, section: Section): boolean {
  const roles = SECTION_ROLES[section];
  return roles === null || roles.includes(role);
}

/** Roles that may upload batches (the server: a department's operator or reviewer). */
export function canSubmit(role: Role): boolean {
  return role === 'dept_operator' || role === 'dept_reviewer';
}
