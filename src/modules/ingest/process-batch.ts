import fs from 'node:fs';
import type { Db } from '../../db/types';
import type { Actor } from '../../shared/actor';
import { AppError, isAppError } from '../../shared/errors';
import { chinaDate } from '../../shared/time';
import { withAudit, type AuditWriter } from '../audit';
import { loadCalendar, type Calendar } from '../calendar';
import { getCurrentItem, validateFields, type CatalogItem } from '../catalog';
import { screenResolvedRows } from '../quality';
import { storeRecordsBulk, subjectFromFields, timelinessOf, type BulkRecordInput } from '../records';
import { resolveSubjectsBulk, type NewSubject } from '../subjects';
import { ParseError } from './parse';
import * as repo from './repository';
import { clearProgress, reportProgress, startProgress } from './progress';
import { RowErrors } from './row-errors';
import { FieldMapping, openBatchSource, type SourceRow } from './source';

/** Rows validated and stored together: big enough for set-based SQL, small enough for memory. */
const CHUNK = 2000;

interface ValidRow {
  rowNumber: number;
  raw: Record<string, unknown>;
  values: Record<string, unknown>;
  subject: NewSubject;
}

interface Tally {
  total: number;
  created: number;
  corrected: number;
  unchanged: number;
  late: number;
}

interface ResolvedSubjectRow {
  row: ValidRow;
  subjectId: string;
  existingName: string | null;
  namesake: { id: string; uscc: string | null } | null;
}

class AtomicRejection extends Error {}

/**
 * Processes one queued batch: streams its rows, validates them against the catalog item, resolves
 * subjects and stores records in ONE transaction, so a crash leaves nothing half-written and the batch
 * can simply be processed again. Atomic batches commit nothing if any row is bad.
 */
export async function processBatch(db: Db, batchId: string, options: { onProgress?: (processed: number, rejected: number) => void } = {}): Promise<repo.BatchRow> {
  const batch = await repo.findBatch(db, batchId);
  if (!batch) throw new AppError('NOT_FOUND', '未找到该批次');
  if (batch.status !== 'queued' && batch.status !== 'processing') return batch;
  startProgress(batch);
  await withAudit(db, submitter(batch), async (tx, audit) => {
    await repo.updateBatch(tx, batchId, { status: 'processing', startedAt: new Date().toISOString() });
    audit.record({ action: 'ingest.batch.start', entityType: 'ingest_batch', entityId: batchId });
  });
  const errors = new RowErrors(batchId);
  const tally: Tally = { total: 0, created: 0, corrected: 0, unchanged: 0, late: 0 };
  const progress = (processed: number) => {
    reportProgress(batchId, processed, errors.rejected);
    options.onProgress?.(processed, errors.rejected);
  };
  try {
    const item = await getCurrentItem(db, batch.itemCode);
    const calendar = await loadCalendar(db);
    const source = await openBatchSource(batch);
    const mapping = new FieldMapping(source.headers, item.fields);
    if (mapping.missingRequired.length) {
      const labels = mapping.missingRequired.map((field) => field.label).join('、');
      errors.add(1, [{ field: null, code: 'headers_missing', message: `缺少必填列：${labels}` }], null);
      return await finish(db, batch, 'rejected', tally, errors, `缺少必填列：${labels}`);
    }
    await withAudit(db, submitter(batch), async (tx, audit) => {
      let chunk: ValidRow[] = [];
      for await (const row of source.rows) {
        tally.total += 1;
        const valid = validateRow(item, mapping, row, errors);
        if (valid) chunk.push(valid);
        if (chunk.length >= CHUNK) {
          await storeChunk(tx, audit, batch, item, calendar, chunk, errors, tally);
          chunk = [];
          progress(tally.total);
        }
      }
      await storeChunk(tx, audit, batch, item, calendar, chunk, errors, tally);
      progress(tally.total);
      if (tally.total === 0) throw new ParseError('EMPTY', '文件为空或只有表头，没有数据行');
      if (batch.mode === 'atomic' && errors.rejected > 0) throw new AtomicRejection();
      audit.record({ action: 'ingest.batch.commit', entityType: 'ingest_batch', entityId: batch.id, after: { ...tally, rejected: errors.rejected } });
    });
    return await finish(db, batch, 'completed', tally, errors, null, source);
  } catch (error) {
    if (error instanceof AtomicRejection) {
      return finish(db, batch, 'rejected', { ...tally, created: 0, corrected: 0, unchanged: 0, late: 0 }, errors, `整批模式：${errors.rejected} 行有错误，整批未入库`);
    }
    if (error instanceof ParseError || isAppError(error)) {
      return finish(db, batch, 'rejected', { ...tally, created: 0, corrected: 0, unchanged: 0, late: 0 }, errors, (error as Error).message);
    }
    await finish(db, batch, 'failed', { ...tally, created: 0, corrected: 0, unchanged: 0, late: 0 }, errors, `处理失败：${(error as Error).message}`);
    throw error;
  } finally {
    clearProgress(batchId);
  }
}

function submitter(batch: repo.BatchRow): Actor {
  return {
    kind: batch.submitterKind as Actor['kind'],
    id: batch.submitterId,
    role: 'dept_operator',
    departmentId: batch.departmentId,
    departmentCode: null,
    regionCode: null,
    label: batch.submittedBy,
  };
}

function validateRow(item: CatalogItem, mapping: FieldMapping, row: SourceRow, errors: RowErrors): ValidRow | null {
  const problems: { field: string | null; code: string; message: string }[] = [];
  if (row.problems?.includes('extra_cells')) problems.push({ field: null, code: 'extra_cells', message: '该行的单元格比表头多，请检查是否有多余的分隔符' });
  if (row.problems?.includes('cell_error')) problems.push({ field: null, code: 'cell_error', message: '该行有错误值单元格（如 #N/A），请修正后重新报送' });
  const { values, errors: fieldErrors } = validateFields(item, mapping.toFields(row.raw));
  for (const e of fieldErrors) if (e.code !== 'unknown_field') problems.push({ field: e.field, code: e.code, message: e.message });
  let subject: NewSubject | null = null;
  if (problems.length === 0) {
    try {
      subject = { ...subjectFromFields(item, values), fromAuthoritativeSource: true, nameSource: '归集' };
    } catch (error) {
      if (!isAppError(error)) throw error;
      problems.push({ field: item.subjectIdentifierField, code: 'subject', message: error.message });
    }
  }
  if (problems.length || !subject) {
    errors.add(row.rowNumber, problems, row.raw);
    return null;
  }
  return { rowNumber: row.rowNumber, raw: row.raw, values, subject };
}

async function storeChunk(tx: Db, audit: AuditWriter, batch: repo.BatchRow, item: CatalogItem, calendar: Calendar, chunk: ValidRow[], errors: RowErrors, tally: Tally): Promise<void> {
  if (chunk.length === 0) return;
  const unique = dropDuplicateDocuments(item, chunk, errors);
  const resolutions = await resolveSubjectsBulk(tx, audit, unique.map((row) => row.subject), { batchId: batch.id });
  const resolved: ResolvedSubjectRow[] = [];
  unique.forEach((row, index) => {
    const resolution = resolutions[index];
    if ('error' in resolution) errors.add(row.rowNumber, [{ field: item.subjectIdentifierField, code: 'subject', message: resolution.error.message }], row.raw);
    else resolved.push({ row, subjectId: resolution.subjectId, existingName: resolution.existingName, namesake: resolution.namesake });
  });
  const accepted = await screenSubjects(tx, batch, item, resolved, errors);
  const arrival = chinaDate(new Date(batch.createdAt));
  const inputs: BulkRecordInput[] = accepted.map(({ row, subjectId }) => {
    const { arrivalWorkingDays, late } = timelinessOf(calendar, String(row.values[item.decisionDateField]), arrival);
    return { values: row.values, subjectId, rowNumber: row.rowNumber, raw: row.raw, arrivalWorkingDays, late };
  });
  const outcomes = await storeRecordsBulk(tx, audit, submitter(batch), item, inputs, { id: batch.id, reason: `批次 ${batch.id} 重新报送，内容有变化` });
  outcomes.forEach((outcome, index) => {
    const input = inputs[index];
    if (typeof outcome === 'object') errors.add(input.rowNumber, [{ field: item.documentNumberField, code: rowCode(outcome.error), message: outcome.error.message }], input.raw);
    else {
      tally[outcome] += 1;
      if (outcome === 'created' && input.late) tally.late += 1;
    }
  });
}

function rowCode(error: AppError): string {
  return (error.details as { rowCode?: string } | null)?.rowCode ?? error.code.toLowerCase();
}

/** The same decision document twice in one batch is a mistake in the file, not a correction. */
function dropDuplicateDocuments(item: CatalogItem, chunk: ValidRow[], errors: RowErrors): ValidRow[] {
  const seen = new Map<string, number>();
  return chunk.filter((row) => {
    const documentNumber = String(row.values[item.documentNumberField]);
    const first = seen.get(documentNumber);
    if (first === undefined) {
      seen.set(documentNumber, row.rowNumber);
      return true;
    }
    errors.add(row.rowNumber, [{ field: item.documentNumberField, code: 'duplicate_in_batch', message: `文书号 ${documentNumber} 在本批次第 ${first} 行已出现` }], row.raw);
    return false;
  });
}

async function screenSubjects(tx: Db, batch: repo.BatchRow, item: CatalogItem, resolved: ResolvedSubjectRow[], errors: RowErrors) {
  const screening = await screenResolvedRows(
    tx,
    { departmentId: batch.departmentId, batchId: batch.id },
    resolved.map((entry) => ({ subjectId: entry.subjectId, identifier: String(entry.row.values[item.subjectIdentifierField] ?? ''), incomingName: entry.row.subject.name, existingName: entry.existingName, namesake: entry.namesake, rowNumber: entry.row.rowNumber })),
  );
  return resolved.filter((entry, index) => {
    if (screening[index] === 'accept') return true;
    errors.add(entry.row.rowNumber, [{ field: item.subjectNameField, code: 'wrong_code', message: `代码与名称「${entry.row.subject.name}」不符：信用办已认定为错码，请核实后重新报送` }], entry.row.raw);
    return false;
  });
}

async function finish(db: Db, batch: repo.BatchRow, status: 'completed' | 'rejected' | 'failed', tally: Tally, errors: RowErrors, message: string | null, source?: { format: string; encoding: string | null }) {
  const finished = await withAudit(db, submitter(batch), async (tx, audit) => {
    await repo.deleteErrors(tx, batch.id);
    await repo.insertErrors(tx, errors.rows);
    const row = await repo.updateBatch(tx, batch.id, {
      status,
      ...tally,
      rejected: errors.rejected,
      processed: tally.total,
      errorMessage: message,
      finishedAt: new Date().toISOString(),
      ...(source ? { format: source.format, encoding: source.encoding } : {}),
    });
    audit.record({ action: `ingest.batch.${status}`, entityType: 'ingest_batch', entityId: batch.id, after: { ...tally, rejected: errors.rejected, message } });
    return row;
  });
  if (batch.source !== 'cli' && batch.contentPath) fs.rmSync(batch.contentPath, { force: true });
  return finished;
}
