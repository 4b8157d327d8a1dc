import type { Db } from '../../db/types';
import type { Actor } from '../../shared/actor';
import { chinaDate } from '../../shared/time';
import { readsAllDepartments, requireStaff } from '../auth/policy';
import { getCurrentCatalog } from '../catalog';
import { countDepartments, getDepartment } from '../departments';
import { countRecords, recentRecords } from '../records';
import { countSubjectsByKind, subjectNamesByIds } from '../subjects';

/** Headline figures for the portal home page. */
export async function publicStats(db: Db) {
  const [subjects, records, departments, licences, penalties] = await Promise.all([
    countSubjectsByKind(db),
    countRecords(db, { status: 'active' }),
    countDepartments(db),
    countRecords(db, { itemCode: 'licence', status: 'active' }),
    countRecords(db, { itemCode: 'penalty', status: 'active' }),
  ]);
  return {
    subjects: subjects.total,
    legalEntities: subjects.legal_entity,
    individualBusinesses: subjects.individual_business,
    naturalPersons: subjects.natural_person,
    records,
    departments,
    licences,
    penalties,
  };
}

/** A staff member's start page: their department's figures (all departments for the credit office). */
export async function dashboard(db: Db, actor: Actor) {
  requireStaff(actor);
  const scope = readsAllDepartments(actor) ? null : actor.departmentId;
  const monthStart = `${chinaDate().slice(0, 7)}-01T00:00:00+08:00`;
  const [department, records, recordsThisMonth, subjects, departments, catalog, recent] = await Promise.all([
    actor.departmentId ? getDepartment(db, actor.departmentId) : Promise.resolve(null),
    countRecords(db, { departmentId: scope }),
    countRecords(db, { departmentId: scope, since: monthStart }),
    countSubjectsByKind(db),
    countDepartments(db),
    getCurrentCatalog(db),
    recentRecords(db, actor, 10),
  ]);
  const names = await subjectNamesByIds(db, recent.map((record) => record.subjectId));
  const itemNames = new Map(catalog.items.map((item) => [item.code, item.name]));
  return {
    department: department ? { id: department.id, code: department.code, name: department.name } : null,
    counts: { records, recordsThisMonth, subjects: subjects.total, departments, catalogItems: catalog.items.length },
    recentRecords: recent.map((record) => ({
      id: record.id,
      subjectName: names.get(record.subjectId) ?? '',
      itemName: itemNames.get(record.itemCode) ?? record.itemCode,
      decisionDate: record.decisionDate,
      status: record.status,
    })),
  };
}
