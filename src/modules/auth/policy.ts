import type { Actor, Role } from '../../shared/actor';
import { AppError } from '../../shared/errors';

/** Roles that see across departments (still read-only for records they do not own). */
const CROSS_DEPARTMENT_READERS: ReadonlySet<Actor['role']> = new Set(['office_admin', 'auditor', 'system']);
const STAFF_ROLES: ReadonlySet<Actor['role']> = new Set(['dept_operator', 'dept_reviewer', 'office_admin', 'auditor', 'system']);

export function requireAuthenticated(actor: Actor): void {
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
}

export function requireRole(actor: Actor, roles: readonly (Role | 'system')[], message?: string): void {
  requireAuthenticated(actor);
  if (!roles.includes(actor.role as Role)) throw new AppError('FORBIDDEN', message);
}

export function requireStaff(actor: Actor): void {
  requireAuthenticated(actor);
  if (!STAFF_ROLES.has(actor.role)) throw new AppError('FORBIDDEN', '仅限政府工作人员使用');
}

export function readsAllDepartments(actor: Actor): boolean {
  return CROSS_DEPARTMENT_READERS.has(actor.role);
}

/** A department reads only its own data unless its role reads across departments. */
export function assertCanReadDepartment(actor: Actor, departmentId: string): void {
  requireStaff(actor);
  if (readsAllDepartments(actor) || actor.departmentId === departmentId) return;
  throw new AppError('FORBIDDEN', '无权访问其他部门的数据');
}

/** Only the owning department changes its data; the credit office and auditors do not write records. */
export function assertCanWriteDepartment(actor: Actor, departmentId: string): void {
  requireAuthenticated(actor);
  if (actor.role === 'system') return;
  if (!['dept_operator', 'dept_reviewer'].includes(actor.role)) throw new AppError('FORBIDDEN', '只有数据提供部门的经办人或审核人可以报送和更正信用记录');
  if (actor.departmentId !== departmentId) throw new AppError('FORBIDDEN', '无权修改其他部门的数据');
}
