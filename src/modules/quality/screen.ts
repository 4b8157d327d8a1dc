import { newId } from '../../shared/ids';
import { sameName } from '../subjects/prepare';
import type { qualityIssues } from './tables';

/** One incoming row after subject resolution, as the 重错码 screen sees it. */
export interface ResolvedRow {
  subjectId: string;
  identifier: string;
  incomingName: string;
  /** the subject's current name when the row names it differently */
  existingName: string | null;
  /** a newly registered organisation whose name another subject already has (with another code) */
  namesake: { id: string; uscc: string | null } | null;
  rowNumber: number;
}

export type Screening = 'accept' | 'reject';

/** What the screen needs to know of a stored issue. */
export interface KnownIssue {
  id: string;
  subjectId: string;
  incomingName: string;
  status: string;
  decision: string | null;
}

export interface ScreenResult {
  screening: Screening[];
  /** open issues seen again: their occurrence count goes up by one */
  repeated: string[];
  /** new pairs for the credit office's queue (one per subject + incoming name) */
  fresh: (typeof qualityIssues.$inferInsert)[];
}

/**
 * 重错码, without I/O: a code arriving with another name than its subject's, or a new code arriving with a
 * name another subject already holds. A stored decision for the same subject and name is reused
 * (wrong_code → the row is refused); otherwise the record is kept and the pair waits in the queue.
 */
export function screenAgainstIssues(issues: readonly KnownIssue[], context: { departmentId: string; batchId: string | null }, rows: readonly ResolvedRow[]): ScreenResult {
  const bySubject = new Map<string, KnownIssue[]>();
  for (const issue of issues) {
    const list = bySubject.get(issue.subjectId);
    if (list) list.push(issue);
    else bySubject.set(issue.subjectId, [issue]);
  }
  const repeated = new Set<string>();
  const fresh = new Map<string, typeof qualityIssues.$inferInsert>();
  const screening = rows.map((row): Screening => {
    const issue = bySubject.get(row.subjectId)?.find((candidate) => sameName(candidate.incomingName, row.incomingName));
    if (issue?.decision === 'wrong_code') return 'reject';
    if (issue) {
      if (issue.status === 'open') repeated.add(issue.id);
      return 'accept';
    }
    const kind = row.existingName !== null ? 'name_mismatch' : row.namesake ? 'code_conflict' : null;
    if (kind) {
      const existingName = kind === 'name_mismatch' ? row.existingName! : namesakeLabel(row.namesake!.uscc);
      fresh.set(`${row.subjectId}\u0000${row.incomingName}`, { id: newId(), kind, subjectId: row.subjectId, identifier: row.identifier, existingName, incomingName: row.incomingName, departmentId: context.departmentId, batchId: context.batchId, rowNumber: row.rowNumber });
    }
    return 'accept';
  });
  return { screening, repeated: [...repeated], fresh: [...fresh.values()] };
}

/** How a code_conflict issue names the subject that already holds the name. */
export function namesakeLabel(uscc: string | null): string {
  return `已有同名主体（代码 ${uscc ?? '无'}）`;
}
