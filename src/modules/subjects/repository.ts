import { and, asc, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { queryRows } from '../../db/sql';
import type { Db } from '../../db/types';
import { bigramUse, nameHasBigrams } from './name-bigrams';
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
 * The name contains the query (case-insensitive). 3 or more letters and digits: ILIKE, which the trigram
 * index answers. 2 characters: the bigram test alone, which is the same test (see name-bigrams.ts); with
 * ILIKE beside it the planner would multiply two estimates of one condition, expect too few matches and
 * plan a parallel scan of all of them instead of stopping at the cap. A longer query with punctuation:
 * ILIKE with the bigram test as the indexable condition.
 */
function nameContains(query: string): SQL {
  const use = bigramUse(query);
  if (use === 'exact') return nameHasBigrams(subjects.name, query);
  const contains = ilike(subjects.name, `%${escapeLike(query)}%`);
  return use === 'filter' ? and(nameHasBigrams(subjects.name, query), contains)! : contains;
}

/**
 * Names in code-point order, case-insensitive: the key of the btree index on `lower(name) collate "C"`,
 * which answers "starts with" as a range, in this order (the trigram index cannot: for a 2-character
 * prefix it finds every "word" starting with it, e.g. each 合伙企业（有限合伙） for 有限, to be rechecked).
 */
const lowerName = sql`(lower(${subjects.name}) collate "C")`;

/** The name starts with the query (case-insensitive). */
function nameStartsWith(query: string): SQL {
  return sql`${lowerName} like lower(${`${escapeLike(query)}%`})`;
}

/**
 * Name search, ranked exact, prefix, trigram similarity, shorter (then name), in one statement. The
 * matches are read once (at most SEARCH_RESULT_CAP, in index order) and give both the count and, when
 * there are fewer, every candidate, so all matches are ranked. A frequent piece (公司, 有限, 南宁市) has
 * more matches than a search may rank in its time: then the first SEARCH_RESULT_CAP prefix matches in name
 * order (exact ones first) join the first SEARCH_RESULT_CAP other matches, and `total` says
 * SEARCH_RESULT_CAP (the person narrows the query); that prefix scan runs only in that case (a one-time
 * filter on the count) and reads only the prefix index (it carries kind, name and id). Candidates are
 * ranked by id and name alone; the page's rows are then read by primary key.
 */
async function searchByName(db: Db, kinds: SQL | undefined, name: string, limit: number, offset: number): Promise<{ rows: SubjectListRow[]; total: number }> {
  const pattern = escapeLike(name);
  const cap = SEARCH_RESULT_CAP;
  const candidate = { id: subjects.id, name: subjects.name };
  const matches = db.select(candidate).from(subjects).where(and(kinds, nameContains(name))).limit(cap);
  const prefixed = db.select(candidate).from(subjects).where(and(kinds, nameStartsWith(name))).orderBy(lowerName).limit(cap);
  const rank = [
    sql`(candidates.name = ${name}) desc`,
    sql`(candidates.name ilike ${`${pattern}%`}) desc`,
    sql`similarity(candidates.name, ${name}) desc`,
    sql`char_length(candidates.name)`,
    sql`candidates.name asc`,
    sql`candidates.id asc`,
  ];
  const rows = await queryRows<SubjectListRow & { total: number }>(
    db,
    sql`with matches as materialized (${matches}),
          counted as (select count(*)::int as n from matches),
          candidates as (
            select id, name from matches
            union
            select id, name from (${prefixed}) as prefixed where (select n from counted) >= ${cap}
          ),
          page as (
            select candidates.id, row_number() over (order by ${sql.join(rank, sql`, `)}) as position
              from candidates, counted where counted.n > ${offset}
             order by position limit ${limit} offset ${offset}
          )
        select counted.n as total, found.*
          from counted left join lateral (
            select s.id, s.kind, s.name, s.uscc, s.registration_no as "registrationNo", s.citizen_id_masked as "citizenIdMasked",
                   s.region_code as "regionCode", s.status
              from page join ${subjects} s on s.id = page.id
             order by page.position
          ) as found on true`,
  );
  const total = Number(rows[0]?.total ?? 0);
  return { rows: rows.filter((row) => row.id !== null).map(({ total: _total, ...row }) => row), total };
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
  // The count comes with the page (a window over the matches); only a page past the end needs its own count.
  const page = await db
    .select({ ...listColumns, total: sql<number>`count(*) over ()` })
    .from(subjects)
    .where(where)
    .orderBy(asc(subjects.name), asc(subjects.id))
    .limit(search.limit)
    .offset(search.offset);
  const rows = page.map(({ total: _total, ...row }) => row);
  if (page.length > 0) return { rows, total: Number(page[0].total) };
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
