import { AppError } from '../../shared/errors';

/** What the bulk rules need to know of a record already stored under a document number. */
export interface StoredRecordState {
  id: string;
  documentNumber: string;
  status: string;
  currentVersion: number;
  /** the batch that wrote the current version */
  batchId: string | null;
  /** the current version's fields as canonical JSON (null: no version found) */
  canonicalFields: string | null;
}

export type RecordDecision = { kind: 'create' } | { kind: 'unchanged' } | { kind: 'correct'; recordId: string; version: number } | { kind: 'error'; error: AppError };

/**
 * The rules for one incoming record of a batch against what is stored under its document number:
 * new → created; written earlier by this same batch → a duplicate row; revoked → refused; identical
 * content → unchanged (idempotent); changed → a correction version. `canonicalValues` is
 * canonicalJson(values).
 */
export function decideRecord(stored: StoredRecordState | undefined, canonicalValues: string, batchId: string): RecordDecision {
  if (!stored) return { kind: 'create' };
  if (stored.batchId === batchId) return { kind: 'error', error: new AppError('CONFLICT', `文书号 ${stored.documentNumber} 在本批次中重复出现`, { rowCode: 'duplicate_in_batch' }) };
  if (stored.status === 'revoked') return { kind: 'error', error: new AppError('RECORD_REVOKED', `文书号 ${stored.documentNumber} 的记录已撤销，不能重新报送`) };
  if (stored.canonicalFields === canonicalValues) return { kind: 'unchanged' };
  return { kind: 'correct', recordId: stored.id, version: stored.currentVersion + 1 };
}

/**
 * SQL (PostgreSQL text) selecting, for the given document numbers of one department and item, what
 * decideRecord needs: id, document_number, status, current_version and the current version's batch and
 * fields (as text, `fields_json`). Placeholders are parameter references such as '$4'.
 */
export function storedRecordsSql(params: { departmentId: string; itemCode: string; documentNumbers: string }): string {
  return `select r.id::text as id, r.document_number, r.status, r.current_version, v.batch_id::text as batch_id, v.fields::text as fields_json
    from records r left join record_versions v on v.record_id = r.id and v.version = r.current_version
    where r.department_id = ${params.departmentId}::uuid and r.item_code = ${params.itemCode} and r.document_number = any(${params.documentNumbers}::text[])`;
}

/** Staging table of a bulk load's records: one line per created or corrected record (temporary, dropped at commit). */
export const RECORD_STAGE = 'ingest_stage_records';

/**
 * The staging table for a source with `cellCount` columns: the row as received is staged either as
 * its cells (c1 … cN, for CSV and XLSX: the raw object is built in the database from the header keys)
 * or as JSON (`raw`, for JSON rows whose values need not be text). Columns from document_number on are
 * known before the look-up (rendered while the rows are checked); the first six depend on it.
 */
export function recordStageDdl(cellCount: number): string {
  const cells = Array.from({ length: cellCount }, (_, i) => `, c${i + 1} text`).join('');
  return `create temp table ${RECORD_STAGE} (action text, record_id uuid, version int, subject_id uuid, arrival_working_days int, late boolean, document_number text, decision_date date, severity text, fields jsonb, row_number int, raw jsonb${cells}) on commit drop`;
}

export function recordStageCopy(cellCount: number): string {
  const cells = Array.from({ length: cellCount }, (_, i) => `, c${i + 1}`).join('');
  return `${RECORD_STAGE} (action, record_id, version, subject_id, arrival_working_days, late, document_number, decision_date, severity, fields, row_number, raw${cells})`;
}

export interface StagedRecordContext {
  departmentId: string;
  itemCode: string;
  catalogItemId: string;
  regionCode: string | null;
  batchId: string;
  reason: string;
  submittedBy: string;
  submitterId: string | null;
  /** the header keys of the staged cells, in column order (empty for JSON rows) */
  cellKeys: readonly string[];
}

/**
 * Creates the staged new records, moves corrected ones to their new version, and writes every staged
 * version with its provenance (batch, row, the row as received, submitter). `literal` quotes constants;
 * `array` builds a text[] literal.
 */
export function storeStagedRecordsSql(context: StagedRecordContext, literal: (value: string | null) => string, array: (values: readonly string[]) => string, staged: { created: number; corrected: number }): string[] {
  const catalogItemId = `${literal(context.catalogItemId)}::uuid`;
  const raw = context.cellKeys.length
    ? `coalesce(raw, jsonb_object(${literal(array(context.cellKeys))}::text[], array[${context.cellKeys.map((_, i) => `c${i + 1}`).join(', ')}]))`
    : 'raw';
  const statements: string[] = [];
  if (staged.created > 0) {
    statements.push(`insert into records (id, subject_id, department_id, item_code, catalog_item_id, document_number, decision_date, severity, region_code, arrival_working_days, late)
     select record_id, subject_id, ${literal(context.departmentId)}::uuid, ${literal(context.itemCode)}, ${catalogItemId}, document_number, decision_date, severity, ${literal(context.regionCode)}, arrival_working_days, late
     from ${RECORD_STAGE} where action = 'create'`);
  }
  if (staged.corrected > 0) {
    statements.push(`update records r set current_version = s.version, decision_date = s.decision_date, severity = s.severity, catalog_item_id = ${catalogItemId}, updated_at = now()
     from ${RECORD_STAGE} s where s.action = 'correct' and r.id = s.record_id`);
  }
  statements.push(`insert into record_versions (record_id, version, subject_id, kind, catalog_item_id, fields, raw, reason, batch_id, row_number, submitted_by, submitter_id)
     select record_id, version, subject_id, case when action = 'create' then 'create' else 'correction' end, ${catalogItemId}, fields, ${raw},
            case when action = 'create' then null else ${literal(context.reason)} end, ${literal(context.batchId)}::uuid, row_number, ${literal(context.submittedBy)}, ${literal(context.submitterId)}
     from ${RECORD_STAGE}`);
  return statements;
}
