import { and, asc, desc, eq, ilike, inArray, isNull, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { queryRows } from '../../db/sql';
import type { Db } from '../../db/types';
import { nameHasBigram } from './name-bigrams';
import { subjectNames, subjectRelations, subjects, type SUBJECT_KINDS } from './tables';

export type SubjectRow = typeof subjects.$inferSelect;
export type NewSubjectRow = typeof subjects.$inferInsert;
export type SubjectNameRow = typeof subjectNames.$inferSelect;
export type SubjectRelationRow = typeof subjectRelations.$inferSelect;
type Kind = (typeof SUBJECT_KINDS)[number];

export async function insertSubject(db: Db, row: NewSubjectRow): Promise<SubjectRow> {
  const [inserted] = await db.insert(subjects).values(row).returning();
  return inserted;
}

export async function findSubjectById(db: Db, id: string, options: { forUpdate?: boolean } = {}): Promise<SubjectRow | null> {
  const query = db.select().from(subjects).where(eq(subjects.id, id)).limit(1);
  const rows = options.forUpdate ? await query.for('update') : await query;
  return rows[0] ?? null;
}

export async function findSubjectByUscc(db: Db, uscc: string): Promise<SubjectRow | null> {
  const rows = await db.select().from(subjects).where(eq(subjects.uscc, uscc)).limit(1);
  return rows[0] ?? null;
}

export async function findSubjectByCitizenIdHash(db: Db, hash: string): Promise<SubjectRow | null> {
  const rows = await db.select().from(subjects).where(eq(subjects.citizenIdHash, hash)).limit(1);
  return rows[0] ?? null;
}

/** Individual businesses without a USCC are known by their registration number (注册号). */
export async function findCodelessBusinessByRegistrationNo(db: Db, registrationNo: string): Promise<SubjectRow | null> {
  const rows = await db
    .select()
    .from(subjects)
    .where(and(eq(subjects.kind, 'individual_business'), isNull(subjects.uscc), eq(subjects.registrationNo, registrationNo)))
    .orderBy(asc(subjects.createdAt))
    .limit(1);
  return rows[0] ?? null;
}

export async function updateSubjectName(db: Db, id: string, name: string): Promise<SubjectRow> {
  const [updated] = await db.update(subjects).set({ name, updatedAt: sql`now()` }).where(eq(subjects.id, id)).returning();
  return updated;
}

export async function insertSubjectName(db: Db, row: typeof subjectNames.$inferInsert): Promise<SubjectNameRow> {
  const [inserted] = await db.insert(subjectNames).values(row).returning();
  return inserted;
}

/** The name in use now: the row without an end date. */
export async function findCurrentName(db: Db, subjectId: string): Promise<SubjectNameRow | null> {
  const rows = await db
    .select()
    .from(subjectNames)
    .where(and(eq(subjectNames.subjectId, subjectId), isNull(subjectNames.validTo)))
    .orderBy(desc(subjectNames.createdAt))
    .limit(1);
  return rows[0] ?? null;
}

export async function closeName(db: Db, nameId: string, validTo: string): Promise<void> {
  await db.update(subjectNames).set({ validTo }).where(eq(subjectNames.id, nameId));
}

export async function listNames(db: Db, subjectId: string): Promise<SubjectNameRow[]> {
  return db
    .select()
    .from(subjectNames)
    .where(eq(subjectNames.subjectId, subjectId))
    .orderBy(sql`${subjectNames.validFrom} asc nulls first`, asc(subjectNames.createdAt));
}

export async function insertRelation(db: Db, row: typeof subjectRelations.$inferInsert): Promise<SubjectRelationRow> {
  const [inserted] = await db.insert(subjectRelations).values(row).returning();
  return inserted;
}

export async function findRelationById(db: Db, id: string): Promise<SubjectRelationRow | null> {
  const rows = await db.select().from(subjectRelations).where(eq(subjectRelations.id, id)).limit(1);
  return rows[0] ?? null;
}

/** Relations of a subject that have not ended, optionally of one role. */
export async function findOpenRelations(db: Db, subjectId: string, role?: SubjectRelationRow['role']): Promise<SubjectRelationRow[]> {
  const conditions = [eq(subjectRelations.subjectId, subjectId), isNull(subjectRelations.validTo)];
  if (role) conditions.push(eq(subjectRelations.role, role));
  return db.select().from(subjectRelations).where(and(...conditions));
}

export async function endRelation(db: Db, id: string, validTo: string): Promise<SubjectRelationRow> {
  const [updated] = await db.update(subjectRelations).set({ validTo }).where(eq(subjectRelations.id, id)).returning();
  return updated;
}

/** A subject's related persons with the person's name and masked ID number (never the encrypted one). */
export async function listRelationsWithPersons(db: Db, subjectId: string) {
  return db
    .select({
      id: subjectRelations.id,
      role: subjectRelations.role,
      personId: subjectRelations.personId,
      personName: subjects.name,
      citizenIdMasked: subjects.citizenIdMasked,
      validFrom: subjectRelations.validFrom,
      validTo: subjectRelations.validTo,
    })
    .from(subjectRelations)
    .innerJoin(subjects, eq(subjects.id, subjectRelations.personId))
    .where(eq(subjectRelations.subjectId, subjectId))
    .orderBy(sql`${subjectRelations.validTo} is null desc`, sql`${subjectRelations.validFrom} desc nulls last`, asc(subjectRelations.createdAt));
}

export interface SubjectSearch {
  kinds: readonly Kind[] | null;
  /** exact identifier match: USCC and/or keyed hash of a citizen ID */
  uscc?: string;
  citizenIdHash?: string;
  /** part of the name; ranked exact, then prefix, then trigram similarity */
  name?: string;
  limit: number;
  offset: number;
}

const listColumns = {
  id: subjects.id,
  kind: subjects.kind,
  name: subjects.name,
  uscc: subjects.uscc,
  registrationNo: subjects.registrationNo,
  citizenIdMasked: subjects.citizenIdMasked,
  regionCode: subjects.regionCode,
  status: subjects.status,
};

export type SubjectListRow = { [K in keyof typeof listColumns]: SubjectRow[K] };

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/**
 * Matches beyond this many are not counted and not paged: `total` is then this number (a person reads a
 * few pages and narrows the query; counting a million matches of 有限公司 would cost more than the search).
 */
export const SEARCH_RESULT_CAP = 1000;

/**
 * The name contains the query (case-insensitive). Exactly 2 characters: the bigram expression index
 * (pg_trgm needs 3); the ILIKE beside it is the same test, evaluated first (cheaper) when the planner
 * walks another index instead. Otherwise ILIKE alone, which the trigram index answers.
 */
function nameContains(query: string): SQL {
  const contains = ilike(subjects.name, `%${escapeLike(query)}%`);
  return [...query].length === 2 ? and(contains, nameHasBigram(subjects.name, query))! : contains;
}

/**
 * Name search, ranked exact, prefix, trigram similarity, shorter (then name). The count stops at
 * SEARCH_RESULT_CAP; with fewer matches all of them are ranked. A frequent piece (公司, 有限, 南宁市) matches
 * too many rows to rank them all within the time a search may take: then the exact matches, the first
 * SEARCH_RESULT_CAP prefix matches and the first SEARCH_RESULT_CAP other matches the index yields are
 * ranked, and `total` says SEARCH_RESULT_CAP (the person narrows the query).
 */
async function searchByName(db: Db, kinds: SQL | undefined, name: string, limit: number, offset: number): Promise<{ rows: SubjectListRow[]; total: number }> {
  const pattern = escapeLike(name);
  const contains = and(kinds, nameContains(name));
  const rank = (column: SQL | AnyColumn, id: SQL | AnyColumn): SQL[] => [
    sql`(${column} = ${name}) desc`,
    sql`(${column} ilike ${`${pattern}%`}) desc`,
    sql`similarity(${column}, ${name}) desc`,
    sql`char_length(${column})`,
    sql`${column} asc`,
    sql`${id} asc`,
  ];
  const total = await cappedCount(db, contains);
  if (offset >= total) return { rows: [], total };
  if (total < SEARCH_RESULT_CAP) {
    return { rows: await db.select(listColumns).from(subjects).where(contains).orderBy(...rank(subjects.name, subjects.id)).limit(limit).offset(offset), total };
  }
  const first = (condition: SQL | undefined) => db.select(listColumns).from(subjects).where(and(kinds, condition)).limit(SEARCH_RESULT_CAP);
  const rows = await queryRows<SubjectListRow>(
    db,
    sql`select id, kind, name, uscc, registration_no as "registrationNo", citizen_id_masked as "citizenIdMasked", region_code as "regionCode", status
        from ((${first(eq(subjects.name, name))}) union (${first(ilike(subjects.name, `${pattern}%`))}) union (${first(nameContains(name))})) as candidates
        order by ${sql.join(rank(sql`candidates.name`, sql`candidates.id`), sql`, `)} limit ${limit} offset ${offset}`,
  );
  return { rows, total };
}

async function cappedCount(db: Db, where: SQL | undefined): Promise<number> {
  const limited = db.select({ one: sql`1` }).from(subjects).where(where).limit(SEARCH_RESULT_CAP);
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(limited.as('limited'));
  return Number(count.n);
}

export async function searchSubjects(db: Db, search: SubjectSearch): Promise<{ rows: SubjectListRow[]; total: number }> {
  const kinds = search.kinds ? inArray(subjects.kind, [...search.kinds]) : undefined;
  if (search.name !== undefined && !search.uscc && !search.citizenIdHash) return searchByName(db, kinds, search.name, search.limit, search.offset);
  const conditions: SQL[] = kinds ? [kinds] : [];
  const identifierMatches: SQL[] = [];
  if (search.uscc) identifierMatches.push(eq(subjects.uscc, search.uscc));
  if (search.citizenIdHash) identifierMatches.push(eq(subjects.citizenIdHash, search.citizenIdHash));
  if (identifierMatches.length > 0) conditions.push(or(...identifierMatches)!);
  if (search.name !== undefined) conditions.push(nameContains(search.name));
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const rows = await db.select(listColumns).from(subjects).where(where).orderBy(asc(subjects.name), asc(subjects.id)).limit(search.limit).offset(search.offset);
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(subjects).where(where);
  return { rows, total: Number(count.n) };
}

export async function countByKind(db: Db): Promise<{ kind: Kind; n: number }[]> {
  const rows = await db.select({ kind: subjects.kind, n: sql<number>`count(*)::int` }).from(subjects).groupBy(subjects.kind);
  return rows.map((row) => ({ kind: row.kind, n: Number(row.n) }));
}

export async function namesByIds(db: Db, ids: string[]): Promise<{ id: string; name: string; kind: Kind }[]> {
  if (ids.length === 0) return [];
  return db.select({ id: subjects.id, name: subjects.name, kind: subjects.kind }).from(subjects).where(inArray(subjects.id, ids));
}

export async function findByUsccs(db: Db, usccs: string[]): Promise<{ id: string; name: string; uscc: string | null }[]> {
  if (usccs.length === 0) return [];
  return db.select({ id: subjects.id, name: subjects.name, uscc: subjects.uscc }).from(subjects).where(sql`${subjects.uscc} = any(${sql.param(usccs)}::text[])`);
}

export async function findByCitizenIdHashes(db: Db, hashes: string[]): Promise<{ id: string; name: string; citizenIdHash: string | null }[]> {
  if (hashes.length === 0) return [];
  return db.select({ id: subjects.id, name: subjects.name, citizenIdHash: subjects.citizenIdHash }).from(subjects).where(sql`${subjects.citizenIdHash} = any(${sql.param(hashes)}::text[])`);
}

export async function findCodelessByRegistrationNos(db: Db, numbers: string[]): Promise<{ id: string; name: string; registrationNo: string | null }[]> {
  if (numbers.length === 0) return [];
  return db
    .select({ id: subjects.id, name: subjects.name, registrationNo: subjects.registrationNo })
    .from(subjects)
    .where(and(eq(subjects.kind, 'individual_business'), isNull(subjects.uscc), sql`${subjects.registrationNo} = any(${sql.param(numbers)}::text[])`));
}

export async function insertSubjects(db: Db, rows: NewSubjectRow[]): Promise<void> {
  if (rows.length) await db.insert(subjects).values(rows);
}

export async function insertSubjectNames(db: Db, rows: (typeof subjectNames.$inferInsert)[]): Promise<void> {
  if (rows.length) await db.insert(subjectNames).values(rows);
}

/** Organisations already registered under one of these names (for the 重错码 check on new codes). */
export async function findOrganisationsByNames(db: Db, names: string[]): Promise<{ id: string; name: string; uscc: string | null }[]> {
  if (names.length === 0) return [];
  return db.select({ id: subjects.id, name: subjects.name, uscc: subjects.uscc }).from(subjects).where(and(sql`${subjects.name} = any(${sql.param(names)}::text[])`, sql`${subjects.kind} <> 'natural_person'`));
}
