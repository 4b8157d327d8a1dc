import type { Db } from '../../db/types';
import { AppError, isAppError } from '../../shared/errors';
import { newId } from '../../shared/ids';
import { hashPersonal } from '../../shared/personal-data';
import type { AuditWriter } from '../audit';
import { prepareSubject, sameName, type NewSubject, type PreparedSubject } from './prepare';
import * as repo from './repository';
import { toSubjectRow } from './subject-row';

export type BulkResolution =
  | {
      subjectId: string;
      created: boolean;
      /** an existing subject's current name when the incoming name differs */
      existingName: string | null;
      /** for a newly registered organisation: another subject already registered under the same name */
      namesake: { id: string; uscc: string | null } | null;
      key: string;
    }
  | { error: AppError };

/** Statement size for multi-row inserts: well under PostgreSQL's 65535 parameters. */
const INSERT_CHUNK = 2000;

/**
 * Finds or registers many subjects at once (bulk ingest): a few set-based look-ups and multi-row
 * inserts instead of queries per row. Results align with the inputs; an invalid input gets its error.
 * One audit event covers the subjects created by the call.
 */
export async function resolveSubjectsBulk(tx: Db, audit: AuditWriter, inputs: NewSubject[], context: { batchId?: string | null } = {}): Promise<BulkResolution[]> {
  const prepared = inputs.map(prepareOrError);
  const keyed = prepared.map((p) => (isAppError(p) ? null : { prepared: p, key: keyOf(p) }));
  const existing = await findExistingByKeys(tx, keyed.filter((k) => k !== null));
  const created = new Map<string, string>();
  const toInsert: PreparedSubject[] = [];
  for (const entry of keyed) {
    if (!entry || existing.has(entry.key) || created.has(entry.key)) continue;
    created.set(entry.key, newId());
    toInsert.push(entry.prepared);
  }
  const namesakes = await findNamesakes(tx, toInsert);
  await insertPreparedBulk(tx, toInsert, created);
  if (toInsert.length) audit.record({ action: 'subject.bulk_create', entityType: 'ingest_batch', entityId: context.batchId ?? 'bulk', after: { count: toInsert.length } });
  return prepared.map((p, index) => {
    if (isAppError(p)) return { error: p };
    const { key } = keyed[index]!;
    const found = existing.get(key);
    if (found) return { subjectId: found.id, created: false, existingName: sameName(found.name, p.name) ? null : found.name, namesake: null, key };
    return { subjectId: created.get(key)!, created: true, existingName: null, namesake: namesakes.get(p.name) ?? null, key };
  });
}

/** Same name, other code: one of the two codes may be wrong (重错码). */
async function findNamesakes(tx: Db, prepared: PreparedSubject[]): Promise<Map<string, { id: string; uscc: string | null }>> {
  const organisations = prepared.filter((p) => p.kind !== 'natural_person');
  const rows = await repo.findOrganisationsByNames(tx, [...new Set(organisations.map((p) => p.name))]);
  return new Map(rows.map((row) => [row.name, { id: row.id, uscc: row.uscc }]));
}

function prepareOrError(input: NewSubject): PreparedSubject | AppError {
  try {
    return prepareSubject(input);
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
}

/** The identity of a subject across rows: its USCC, its citizen ID's keyed hash, or a codeless business's number. */
function keyOf(prepared: PreparedSubject): string {
  if (prepared.uscc) return `uscc:${prepared.uscc}`;
  if (prepared.citizenId) return `cid:${hashPersonal(prepared.citizenId)}`;
  return `reg:${prepared.registrationNo}`;
}

async function findExistingByKeys(tx: Db, entries: { key: string }[]): Promise<Map<string, { id: string; name: string }>> {
  const byPrefix = (prefix: string) => [...new Set(entries.map((e) => e.key).filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length)))];
  const found = new Map<string, { id: string; name: string }>();
  for (const row of await repo.findByUsccs(tx, byPrefix('uscc:'))) found.set(`uscc:${row.uscc}`, row);
  for (const row of await repo.findByCitizenIdHashes(tx, byPrefix('cid:'))) found.set(`cid:${row.citizenIdHash}`, row);
  for (const row of await repo.findCodelessByRegistrationNos(tx, byPrefix('reg:'))) found.set(`reg:${row.registrationNo}`, row);
  return found;
}

async function insertPreparedBulk(tx: Db, prepared: PreparedSubject[], ids: Map<string, string>): Promise<void> {
  for (let start = 0; start < prepared.length; start += INSERT_CHUNK) {
    const chunk = prepared.slice(start, start + INSERT_CHUNK);
    const rows = chunk.map((p) => toSubjectRow(p, ids.get(keyOf(p))!));
    await repo.insertSubjects(tx, rows);
    await repo.insertSubjectNames(tx, rows.map((row, i) => ({ id: newId(), subjectId: row.id, name: row.name, validFrom: chunk[i].establishedOn, validTo: null, source: chunk[i].nameSource })));
  }
}
