import type { Db } from '../../db/types';
import type { Actor } from '../../shared/actor';
import { canonicalJson } from '../../shared/canonical-json';
import { AppError } from '../../shared/errors';
import { newId } from '../../shared/ids';
import type { AuditWriter } from '../audit';
import type { CatalogItem } from '../catalog';
import * as repo from './repository';
import { severityOf } from './severity';
import type { records, recordVersions } from './tables';

export interface BulkRecordInput {
  values: Record<string, unknown>;
  subjectId: string;
  rowNumber: number;
  raw: Record<string, unknown> | null;
  arrivalWorkingDays: number | null;
  late: boolean;
}

export type BulkOutcome = 'created' | 'unchanged' | 'corrected' | { error: AppError };

/**
 * Stores many records of one department and item in the caller's transaction (bulk ingest), with the
 * same rules as one record: idempotent on the document number, a changed resubmission becomes a
 * correction with its reason, a revoked record is not resubmitted. Outcomes align with the inputs.
 */
export async function storeRecordsBulk(tx: Db, audit: AuditWriter, actor: Actor, item: CatalogItem, inputs: BulkRecordInput[], batch: { id: string; reason: string }): Promise<BulkOutcome[]> {
  const departmentId = actor.departmentId!;
  const documentNumbers = inputs.map((input) => String(input.values[item.documentNumberField]));
  const existing = new Map((await repo.findByDocumentNumbers(tx, { departmentId, itemCode: item.code, documentNumbers })).map((row) => [row.documentNumber, row]));
  const currentVersions = await repo.currentVersionsOf(tx, [...existing.values()]);
  const currentFields = new Map(currentVersions.map((version) => [version.recordId, canonicalJson(version.fields)]));
  const storedByThisBatch = new Set(currentVersions.filter((version) => version.batchId === batch.id).map((version) => version.recordId));
  const outcomes: BulkOutcome[] = [];
  const newRecords: (typeof records.$inferInsert)[] = [];
  const newVersions: (typeof recordVersions.$inferInsert)[] = [];
  for (const [index, input] of inputs.entries()) {
    const record = existing.get(documentNumbers[index]);
    const version = (recordId: string, number: number, kind: 'create' | 'correction', reason: string | null) => ({
      recordId,
      version: number,
      subjectId: input.subjectId,
      kind,
      catalogItemId: item.id,
      fields: input.values,
      raw: input.raw,
      reason,
      batchId: batch.id,
      rowNumber: input.rowNumber,
      submittedBy: actor.label,
      submitterId: actor.id,
    });
    if (!record) {
      const id = newId();
      newRecords.push({
        id,
        subjectId: input.subjectId,
        departmentId,
        itemCode: item.code,
        catalogItemId: item.id,
        documentNumber: documentNumbers[index],
        decisionDate: String(input.values[item.decisionDateField]),
        severity: severityOf(item, input.values),
        regionCode: actor.regionCode,
        arrivalWorkingDays: input.arrivalWorkingDays,
        late: input.late,
      });
      newVersions.push(version(id, 1, 'create', null));
      outcomes.push('created');
    } else if (storedByThisBatch.has(record.id)) {
      outcomes.push({ error: new AppError('CONFLICT', `文书号 ${record.documentNumber} 在本批次中重复出现`, { rowCode: 'duplicate_in_batch' }) });
    } else if (record.status === 'revoked') {
      outcomes.push({ error: new AppError('RECORD_REVOKED', `文书号 ${record.documentNumber} 的记录已撤销，不能重新报送`) });
    } else if (currentFields.get(record.id) === canonicalJson(input.values)) {
      outcomes.push('unchanged');
    } else {
      const number = record.currentVersion + 1;
      await repo.updateRecordState(tx, record.id, { currentVersion: number, decisionDate: String(input.values[item.decisionDateField]), severity: severityOf(item, input.values), catalogItemId: item.id });
      record.currentVersion = number;
      storedByThisBatch.add(record.id);
      newVersions.push(version(record.id, number, 'correction', batch.reason));
      outcomes.push('corrected');
    }
  }
  await repo.insertRecords(tx, newRecords);
  await repo.insertVersions(tx, newVersions);
  const counts = { created: outcomes.filter((o) => o === 'created').length, corrected: outcomes.filter((o) => o === 'corrected').length };
  if (counts.created || counts.corrected) audit.record({ action: 'record.bulk_store', entityType: 'ingest_batch', entityId: batch.id, after: { itemCode: item.code, ...counts } });
  else audit.nothingChanged();
  return outcomes;
}
