/**
 * 重错码 for bulk ingest: SQL fragments the ingest's per-chunk script runs in its transaction. The rules
 * are those of screen.ts; only the code_conflict check of newly registered organisations runs in the
 * database (it needs a look-up by name and can never refuse a row: a new subject has no decision yet).
 */
import { namesakeLabel } from './screen';

/** Issues of the subjects selected by `subjectIds` (a subquery), as text columns for the chunk look-up. */
export function issuesOfSubjectsSql(subjectIds: string): string {
  return `select id::text as id, subject_id::text as subject_id, incoming_name, status, decision from quality_issues where subject_id in (${subjectIds})`;
}

/** Staging table: new pairs found by screenAgainstIssues (name_mismatch), one per subject + incoming name. */
export const ISSUE_STAGE = 'ingest_stage_issues';
export const ISSUE_STAGE_COPY = `${ISSUE_STAGE} (id, kind, subject_id, identifier, existing_name, incoming_name, row_number)`;

/** Staging table: newly registered organisations (id + incoming name) to check for a namesake. */
export const NAMESAKE_STAGE = 'ingest_stage_namesakes';
export const NAMESAKE_STAGE_COPY = `${NAMESAKE_STAGE} (issue_id, subject_id, identifier, name, incoming_name, row_number)`;

export function issueStageDdl(): string[] {
  return [
    `create temp table ${ISSUE_STAGE} (id uuid, kind text, subject_id uuid, identifier text, existing_name text, incoming_name text, row_number int) on commit drop`,
    `create temp table ${NAMESAKE_STAGE} (issue_id uuid, subject_id uuid, identifier text, name text, incoming_name text, row_number int) on commit drop`,
  ];
}

/**
 * Queues the staged pairs, and a code_conflict pair for each staged new organisation whose name another
 * subject already holds (a join, not a probe per row: without an index on subjects.name the database
 * answers it with one scan of the subjects per chunk; with one, by index look-ups). Must run BEFORE the chunk's new subjects are inserted (a subject is not its own
 * namesake, nor are two new subjects of the same chunk, as in the row-by-row path).
 * `literal` quotes the constants.
 */
export function queueStagedIssuesSql(context: { departmentId: string; batchId: string | null }, literal: (value: string | null) => string): string[] {
  const department = `${literal(context.departmentId)}::uuid`;
  const batch = `${literal(context.batchId)}::uuid`;
  const [before, after] = namesakeLabel('\u0000').split('\u0000');
  return [
    `insert into quality_issues (id, kind, subject_id, identifier, existing_name, incoming_name, department_id, batch_id, row_number)
     select n.issue_id, 'code_conflict', n.subject_id, n.identifier, ${literal(before)} || coalesce(s.uscc, '无') || ${literal(after)}, n.incoming_name, ${department}, ${batch}, n.row_number
     from ${NAMESAKE_STAGE} n join subjects s on s.name = n.name and s.kind <> 'natural_person'
     on conflict do nothing`,
    `insert into quality_issues (id, kind, subject_id, identifier, existing_name, incoming_name, department_id, batch_id, row_number)
     select id, kind, subject_id, identifier, existing_name, incoming_name, ${department}, ${batch}, row_number from ${ISSUE_STAGE}
     on conflict do nothing`,
  ];
}

/** Open issues seen again: one more occurrence each. */
export function addOccurrencesSql(ids: readonly string[], literal: (value: string | null) => string): string | null {
  if (ids.length === 0) return null;
  return `update quality_issues set occurrences = occurrences + 1 where id in (${ids.map((id) => `${literal(id)}::uuid`).join(', ')})`;
}
