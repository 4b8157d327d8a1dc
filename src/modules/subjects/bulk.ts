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
  const prepared = inputs.map(prepareSubjectOrError);
  const keyed = prepared.map((p) => (isAppError(p) ? null : { prepared: p, key: subjectKey(p) }));
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

/** prepareSubject, with a validation failure returned instead of thrown (one bad row must not stop a batch). */
export function prepareSubjectOrError(input: NewSubject): PreparedSubject | AppError {
  try {
    return prepareSubject(input);
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
}

/** The identity of a subject across rows: its USCC, its citizen ID's keyed hash, or a codeless business's number. */
export function subjectKey(prepared: PreparedSubject): string {
  if (prepared.uscc) return `uscc:${prepared.uscc}`;
  if (prepared.citizenId) return `cid:${hashPersonal(prepared.citizenId)}`;
  return `reg:${prepared.registrationNo}`;
}

/** Keys (see subjectKey) grouped by the column that finds them. */
export function splitSubjectKeys(keys: Iterable<string>): { usccs: string[]; citizenIdHashes: string[]; registrationNos: string[] } {
  const usccs: string[] = [];
  const citizenIdHashes: string[] = [];
  const registrationNos: string[] = [];
  for (const key of keys) {
    if (key.startsWith('uscc:')) usccs.push(key.slice(5));
    else if (key.startsWith('cid:')) citizenIdHashes.push(key.slice(4));
    else registrationNos.push(key.slice(4));
  }
  return { usccs, citizenIdHashes, registrationNos };
}

/**
 * SQL (PostgreSQL text) selecting `id, name, key` of the subjects already registered under the given
 * keys; `$usccs`, `$hashes` and `$registrationNos` are text[] parameter placeholders (e.g. '$1'), or null
 * when there is nothing of that kind to find. A codeless business's number finds its oldest registration.
 */
export function subjectsByKeysSql(params: { usccs: string | null; hashes: string | null; registrationNos: string | null }): string {
  const parts: string[] = [];
  if (params.usccs) parts.push(`select id, name, 'uscc:' || uscc as key from subjects where uscc = any(${params.usccs}::text[])`);
  if (params.hashes) parts.push(`select id, name, 'cid:' || citizen_id_hash as key from subjects where citizen_id_hash = any(${params.hashes}::text[])`);
  if (params.registrationNos) {
    parts.push(
      `(select distinct on (registration_no) id, name, 'reg:' || registration_no as key from subjects
        where kind = 'individual_business' and uscc is null and registration_no = any(${params.registrationNos}::text[])
        order by registration_no, created_at)`,
    );
  }
  return parts.length ? parts.join('\nunion all\n') : `select null::uuid as id, null::text as name, null::text as key where false`;
}

/** Staging table for subjects registered by a bulk load (temporary, dropped at commit). */
export const SUBJECT_STAGE = 'ingest_stage_subjects';

const SUBJECT_STAGE_COLUMNS =
  'id uuid, kind text, name text, uscc text, org_code text, registration_no text, citizen_id_enc text, citizen_id_hash text, citizen_id_masked text, phone_enc text, address_enc text, address text, region_code text, identifier_flags text[], status text, established_on date, name_id uuid, name_source text';

export function subjectStageDdl(): string {
  return `create temp table ${SUBJECT_STAGE} (${SUBJECT_STAGE_COLUMNS}) on commit drop`;
}

export const SUBJECT_STAGE_COPY = `${SUBJECT_STAGE} (id, kind, name, uscc, org_code, registration_no, citizen_id_enc, citizen_id_hash, citizen_id_masked, phone_enc, address_enc, address, region_code, identifier_flags, status, established_on, name_id, name_source)`;

/**
 * One staged subject as a COPY text line (see SUBJECT_STAGE_COPY): personal identifiers only encrypted,
 * hashed and masked (toSubjectRow), never in clear. `encode` is the COPY value encoder.
 */
export function subjectStageLine(prepared: PreparedSubject, id: string, nameId: string, encode: (value: string | null | undefined) => string, array: (values: string[]) => string): string {
  const row = toSubjectRow(prepared, id);
  return [
    id,
    encode(row.kind),
    encode(row.name),
    encode(row.uscc),
    encode(row.orgCode),
    encode(row.registrationNo),
    encode(row.citizenIdEnc),
    encode(row.citizenIdHash),
    encode(row.citizenIdMasked),
    encode(row.phoneEnc),
    encode(row.addressEnc),
    encode(row.address),
    encode(row.regionCode),
    row.identifierFlags ? encode(array(row.identifierFlags)) : '\\N',
    encode(row.status ?? 'active'),
    encode(row.establishedOn),
    nameId,
    encode(prepared.nameSource),
  ].join('\t');
}

/** Registers the staged subjects with their first name (name history starts at the establishment date). */
export function insertStagedSubjectsSql(): string[] {
  return [
    `insert into subjects (id, kind, name, uscc, org_code, registration_no, citizen_id_enc, citizen_id_hash, citizen_id_masked, phone_enc, address_enc, address, region_code, identifier_flags, status, established_on)
     select id, kind, name, uscc, org_code, registration_no, citizen_id_enc, citizen_id_hash, citizen_id_masked, phone_enc, address_enc, address, region_code, identifier_flags, status, established_on from ${SUBJECT_STAGE}`,
    `insert into subject_names (id, subject_id, name, valid_from, valid_to, source) select name_id, id, name, established_on, null, name_source from ${SUBJECT_STAGE}`,
  ];
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
    const rows = chunk.map((p) => toSubjectRow(p, ids.get(subjectKey(p))!));
    await repo.insertSubjects(tx, rows);
    await repo.insertSubjectNames(tx, rows.map((row, i) => ({ id: newId(), subjectId: row.id, name: row.name, validFrom: chunk[i].establishedOn, validTo: null, source: chunk[i].nameSource })));
  }
}
