import { and, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import type { Db } from '../../db/types';
import { subjectRelations, subjects } from './tables';

export interface RoleHeld {
  subjectId: string;
  role: (typeof subjectRelations.$inferSelect)['role'];
  validFrom: string | null;
  validTo: string | null;
}

/** Subjects where a person is legal representative, principal or controller on `asOf` (personal accountability). */
export async function rolesHeldBy(db: Db, personId: string, asOf: string): Promise<RoleHeld[]> {
  return db
    .select({ subjectId: subjectRelations.subjectId, role: subjectRelations.role, validFrom: subjectRelations.validFrom, validTo: subjectRelations.validTo })
    .from(subjectRelations)
    .where(
      and(
        eq(subjectRelations.personId, personId),
        or(isNull(subjectRelations.validFrom), lte(subjectRelations.validFrom, asOf)),
        or(isNull(subjectRelations.validTo), gte(subjectRelations.validTo, asOf)),
      ),
    );
}

export interface SubjectIdentity {
  id: string;
  kind: (typeof subjects.$inferSelect)['kind'];
  name: string;
  /** the USCC of an organisation; never a natural person's identifier */
  uscc: string | null;
}

/** Name, kind and USCC of several subjects at once (nothing personal). */
export async function subjectIdentitiesByIds(db: Db, ids: string[]): Promise<SubjectIdentity[]> {
  if (ids.length === 0) return [];
  const rows = await db.select({ id: subjects.id, kind: subjects.kind, name: subjects.name, uscc: subjects.uscc }).from(subjects).where(inArray(subjects.id, [...new Set(ids)]));
  return rows.map((row) => ({ ...row, uscc: row.kind === 'natural_person' ? null : row.uscc }));
}
