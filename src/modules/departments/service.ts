import type { Db } from '../../db/types';
import type { Actor } from '../../shared/actor';
import { AppError } from '../../shared/errors';
import { newId } from '../../shared/ids';
import { withAudit } from '../audit';
import { requireRole, requireStaff } from '../auth/policy';
import * as repo from './repository';

export type { DepartmentRow, RegionRow } from './repository';

export async function listDepartments(db: Db, actor: Actor) {
  requireStaff(actor);
  return repo.listDepartments(db);
}

export async function getDepartment(db: Db, id: string) {
  const department = await repo.findDepartmentById(db, id);
  if (!department) throw new AppError('NOT_FOUND', '未找到该部门');
  return department;
}

export async function findDepartmentByCode(db: Db, code: string) {
  return repo.findDepartmentByCode(db, code);
}

export interface NewDepartment {
  code: string;
  name: string;
  regionCode: string;
  kind?: 'credit_office' | 'department';
  uscc?: string | null;
}

export async function createDepartment(db: Db, actor: Actor, input: NewDepartment) {
  requireRole(actor, ['office_admin', 'system'], '只有信用办管理员可以新增部门');
  if (!(await repo.findRegion(db, input.regionCode))) throw new AppError('VALIDATION', `行政区划 ${input.regionCode} 不属于本平台`);
  if (await repo.findDepartmentByCode(db, input.code)) throw new AppError('CONFLICT', `部门编码 ${input.code} 已存在`);
  return withAudit(db, actor, async (tx, audit) => {
    const department = await repo.insertDepartment(tx, {
      id: newId(),
      code: input.code,
      name: input.name,
      regionCode: input.regionCode,
      kind: input.kind ?? 'department',
      uscc: input.uscc ?? null,
    });
    audit.record({ action: 'department.create', entityType: 'department', entityId: department.id, after: department });
    return department;
  });
}

export async function listRegions(db: Db) {
  return repo.listRegions(db);
}

/** Sets up the platform's own region tree (used by the demo seed and by operators' first start). */
export async function registerRegions(db: Db, actor: Actor, rows: repo.RegionRow[]) {
  return withAudit(db, actor, async (tx, audit) => {
    await repo.upsertRegions(tx, rows);
    audit.record({ action: 'region.register', entityType: 'region', entityId: rows.map((r) => r.code).join(','), after: rows });
  });
}

export async function countDepartments(db: Db) {
  return repo.countDepartments(db);
}
