import type { Db } from '../../db/types';
import type { Actor } from '../../shared/actor';
import { canonicalJson } from '../../shared/canonical-json';
import type { AppError } from '../../shared/errors';
import { hashPersonal } from '../../shared/personal-data';
import type { AuditWriter } from '../audit';
import type { Calendar } from '../calendar';
import type { CatalogItem } from '../catalog';
import { addOccurrencesSql, issuesOfSubjectsSql, issueStageDdl, ISSUE_STAGE, ISSUE_STAGE_COPY, NAMESAKE_STAGE, NAMESAKE_STAGE_COPY, queueStagedIssuesSql } from '../quality/bulk';
import { screenAgainstIssues, type KnownIssue, type ResolvedRow } from '../quality/screen';
import { decideRecord, RECORD_STAGE, recordStageCopy, recordStageDdl, storedRecordsSql, storeStagedRecordsSql, type StoredRecordState } from '../records/bulk';
import { timelinessOf, type Timeliness } from '../records/timeliness';
import { insertStagedSubjectsSql, splitSubjectKeys, SUBJECT_STAGE, SUBJECT_STAGE_COPY, subjectsByKeysSql, subjectStageDdl, subjectStageLine } from '../subjects/bulk';
import { sameName, type PreparedSubject } from '../subjects/prepare';
import { fastId } from './fast-id';
import { rawFromTail, tailOf, valuesFromTail, type PreparedChunk } from './prepare-chunks';
import { copyValue, pgArray, rawTx, sqlLiteral, type RawTx, type ScriptStep } from './raw-tx';
import type { RowErrors } from './row-errors';

export interface Tally {
  total: number;
  created: number;
  corrected: number;
  unchanged: number;
  late: number;
}

export interface ChunkStoreContext {
  batch: { id: string; departmentId: string };
  item: CatalogItem;
  /** who submitted the batch (provenance of every version) */
  actor: Actor;
  calendar: Calendar;
  /** the day the batch arrived (China time, YYYY-MM-DD): timeliness is counted up to it */
  arrival: string;
  /** the header keys when rows carry their cells (CSV, XLSX); null for JSON rows */
  cellKeys: readonly string[] | null;
}

interface LookupRow extends Record<string, unknown> {
  t: 's' | 'q' | 'r';
  a: string | null;
  b: string | null;
  c: string | null;
  d: string | null;
  e: string | null;
  f: string | null;
}

/** A row of the chunk (its index) with the subject it was resolved to. */
interface Resolved {
  index: number;
  subjectId: string;
  /** the subject's current name when it is registered under another name, else null; undefined for a subject new in this chunk */
  existingName?: string | null;
}

/**
 * Stores a batch's rows chunk by chunk in the batch's transaction, set-based:
 *
 * 1. one look-up statement per chunk: subjects by identity, their 重错码 issues, and the records already
 *    stored under the chunk's document numbers;
 * 2. the rules in memory (duplicates, subject registration, 重错码 screen, idempotency / correction,
 *    timeliness);
 * 3. one write per chunk: COPY into temporary staging tables, then a few `insert … select` statements,
 *    sent as one message on PostgreSQL and NOT awaited — the next chunk is checked while the database
 *    writes this one. The next look-up queues behind the write on the same connection, so it sees it.
 *
 * Rejected rows go to `errors` as they are found; counts go to `tally`.
 */
export class ChunkStore {
  private readonly raw: RawTx;
  private readonly timeliness = new Map<string, Timeliness>();
  private readonly reason: string;
  private readonly cellCount: number;
  private staged = false;
  private writing: Promise<void> | null = null;

  constructor(
    tx: Db,
    private readonly audit: AuditWriter,
    private readonly context: ChunkStoreContext,
    private readonly errors: RowErrors,
    private readonly tally: Tally,
  ) {
    this.raw = rawTx(tx);
    this.reason = `批次 ${context.batch.id} 重新报送，内容有变化`;
    this.cellCount = context.cellKeys?.length ?? 0;
  }

  async store(chunk: PreparedChunk): Promise<void> {
    const { item, batch } = this.context;
    for (const refused of chunk.refused) this.errors.add(refused.rowNumber, refused.problems, refused.raw);
    const keys = this.identities(chunk);
    const rows: number[] = [];
    for (const index of this.dropDuplicateDocuments(chunk)) {
      const problem = chunk.subjectErrors[index];
      if (problem !== null) this.refuse(chunk, index, item.subjectIdentifierField, 'subject', problem);
      else rows.push(index);
    }
    if (rows.length === 0) return;
    const found = await this.lookup(chunk, rows, keys.byRow);
    const steps: ScriptStep[] = [];
    if (!this.staged) {
      // JIT-compiling each chunk's statements costs more than it saves (PostgreSQL; PGlite has no JIT)
      if (this.raw.kind === 'postgres') steps.push('set local jit = off');
      // Each stored version keeps the row as received (~1 KB of jsonb): pglz compressing it cost about a
      // third of the version insert. LZ4, where the server has it, is several times cheaper; values read
      // back the same (each one records its method). Only this transaction's new values are affected.
      steps.push(
        `do $$ begin if exists (select 1 from pg_settings where name = 'default_toast_compression' and 'lz4' = any(enumvals)) then perform set_config('default_toast_compression', 'lz4', true); end if; end $$`,
      );
      steps.push(subjectStageDdl(), ...issueStageDdl(), recordStageDdl(this.cellCount));
      this.staged = true;
    }
    const subjects = this.resolveSubjects(chunk, rows, keys, found.subjects);
    const screened = this.screen(chunk, subjects.resolved, found.issues);
    const records = this.decideRecords(chunk, screened.accepted, found.records);

    const truncate: string[] = [];
    const copy = (table: string, target: string, lines: string[]) => {
      if (lines.length === 0) return;
      steps.push({ copy: target, data: `${lines.join('\n')}\n` });
      truncate.push(table);
    };
    copy(SUBJECT_STAGE, SUBJECT_STAGE_COPY, subjects.lines);
    copy(NAMESAKE_STAGE, NAMESAKE_STAGE_COPY, subjects.namesakeLines);
    copy(ISSUE_STAGE, ISSUE_STAGE_COPY, screened.issueLines);
    if (records.data) {
      steps.push({ copy: recordStageCopy(this.cellCount), data: records.data });
      truncate.push(RECORD_STAGE);
    }
    if (subjects.namesakeLines.length || screened.issueLines.length) steps.push(...queueStagedIssuesSql({ departmentId: batch.departmentId, batchId: batch.id }, sqlLiteral));
    const occurrences = addOccurrencesSql(screened.repeated, sqlLiteral);
    if (occurrences) steps.push(occurrences);
    if (subjects.lines.length) steps.push(...insertStagedSubjectsSql());
    if (records.data) steps.push(...storeStagedRecordsSql(this.recordContext(), sqlLiteral, pgArray, records));
    if (truncate.length) steps.push(`truncate ${truncate.join(', ')}`);

    if (subjects.lines.length) this.audit.record({ action: 'subject.bulk_create', entityType: 'ingest_batch', entityId: batch.id, after: { count: subjects.lines.length } });
    if (records.created || records.corrected) this.audit.record({ action: 'record.bulk_store', entityType: 'ingest_batch', entityId: batch.id, after: { itemCode: item.code, created: records.created, corrected: records.corrected } });
    else this.audit.nothingChanged();
    this.write(steps);
  }

  /** Waits for the last chunk's write (and throws its error, if it failed). */
  async finish(): Promise<void> {
    const writing = this.writing;
    this.writing = null;
    if (writing) await writing;
  }

  /** Waits for a write still running, ignoring its outcome (before the transaction is rolled back). */
  async settle(): Promise<void> {
    await this.writing?.catch(() => undefined);
  }

  private write(steps: ScriptStep[]): void {
    // queued on the connection behind everything sent so far, and before the next look-up
    const done = this.raw.script(steps);
    done.catch(() => undefined); // surfaced by the next look-up or by finish()
    this.writing = done;
  }

  private refuse(chunk: PreparedChunk, index: number, field: string | null, code: string, message: string): void {
    this.errors.add(chunk.rowNumbers[index], [{ field, code, message }], rawFromTail(tailOf(chunk, index), this.context.cellKeys));
  }

  /**
   * Each row's subject identity. Natural persons are known by the keyed hash of their citizen ID, which
   * is computed here (the worker thread holds no key material).
   */
  private identities(chunk: PreparedChunk) {
    const hashes = new Map<string, string>();
    const hashOf = (citizenId: string) => {
      let hash = hashes.get(citizenId);
      if (hash === undefined) {
        hash = `cid:${hashPersonal(citizenId)}`;
        hashes.set(citizenId, hash);
      }
      return hash;
    };
    const byRow = chunk.keys.map((key, index) => key ?? (chunk.personIds[index] === null ? null : hashOf(chunk.personIds[index]!)));
    const subjects = new Map<string, PreparedSubject>();
    chunk.subjectKeys.forEach((key, index) => subjects.set(key.startsWith('pid:') ? hashOf(key.slice(4)) : key, chunk.subjects[index]));
    return { byRow, subjects };
  }

  /** The same decision document twice in one batch is a mistake in the file, not a correction. */
  private dropDuplicateDocuments(chunk: PreparedChunk): number[] {
    const { item } = this.context;
    const seen = new Map<string, number>();
    const kept: number[] = [];
    for (let index = 0; index < chunk.count; index++) {
      const documentNumber = chunk.documentNumbers[index];
      const first = seen.get(documentNumber);
      if (first === undefined) {
        seen.set(documentNumber, chunk.rowNumbers[index]);
        kept.push(index);
      } else {
        this.refuse(chunk, index, item.documentNumberField, 'duplicate_in_batch', `文书号 ${documentNumber} 在本批次第 ${first} 行已出现`);
      }
    }
    return kept;
  }

  /** One statement: subjects by identity, their issues, and the records stored under the chunk's document numbers. */
  private async lookup(chunk: PreparedChunk, rows: number[], keys: (string | null)[]) {
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const split = splitSubjectKeys(new Set(rows.map((index) => keys[index]!)));
    const subjectsSql = subjectsByKeysSql({
      usccs: split.usccs.length ? param(pgArray(split.usccs)) : null,
      hashes: split.citizenIdHashes.length ? param(pgArray(split.citizenIdHashes)) : null,
      registrationNos: split.registrationNos.length ? param(pgArray(split.registrationNos)) : null,
    });
    const recordsSql = storedRecordsSql({ departmentId: param(this.context.batch.departmentId), itemCode: param(this.context.item.code), documentNumbers: param(pgArray(rows.map((index) => chunk.documentNumbers[index]))) });
    const text = `with found as (${subjectsSql})
      select 's' as t, id::text as a, name as b, key as c, null::text as d, null::text as e, null::text as f from found
      union all
      select 'q', q.id, q.subject_id, q.incoming_name, q.status, q.decision, null from (${issuesOfSubjectsSql('select id from found')}) q
      union all
      select 'r', r.id, r.document_number, r.status, r.current_version::text, r.batch_id, r.fields_json from (${recordsSql}) r`;
    let result: LookupRow[];
    try {
      result = await this.raw.query<LookupRow>(text, params);
    } catch (error) {
      // an earlier write that failed aborted the transaction: report that failure, not this consequence
      await this.finish();
      throw error;
    }
    const subjects = new Map<string, { id: string; name: string }>();
    const issues: KnownIssue[] = [];
    const records = new Map<string, StoredRecordState>();
    for (const row of result) {
      if (row.t === 's') subjects.set(row.c!, { id: row.a!, name: row.b! });
      else if (row.t === 'q') issues.push({ id: row.a!, subjectId: row.b!, incomingName: row.c!, status: row.d!, decision: row.e });
      else records.set(row.b!, { id: row.a!, documentNumber: row.b!, status: row.c!, currentVersion: Number(row.d), batchId: row.e, canonicalFields: row.f === null ? null : canonicalJson(JSON.parse(row.f)) });
    }
    return { subjects, issues, records };
  }

  /**
   * The subject of each row: the one registered under its identity, or a new one registered from the
   * first row of the chunk that names it. New organisations are staged for the namesake check.
   */
  private resolveSubjects(chunk: PreparedChunk, rows: number[], keys: ReturnType<ChunkStore['identities']>, existing: Map<string, { id: string; name: string }>) {
    const created = new Map<string, string>();
    const lines: string[] = [];
    const namesakes = new Map<string, string>();
    const resolved: Resolved[] = [];
    for (const index of rows) {
      const key = keys.byRow[index]!;
      const found = existing.get(key);
      if (found) {
        resolved.push({ index, subjectId: found.id, existingName: sameName(found.name, chunk.names[index]) ? null : found.name });
        continue;
      }
      let id = created.get(key);
      if (id === undefined) {
        id = fastId();
        created.set(key, id);
        lines.push(subjectStageLine(keys.subjects.get(key)!, id, fastId(), copyValue, pgArray));
      }
      resolved.push({ index, subjectId: id });
      if (chunk.organisations[index] === 1) {
        // one pending pair per subject + incoming name (the last row's, as in the row-by-row screen)
        const incomingName = chunk.incomingNames[index];
        namesakes.set(`${id}\u0000${incomingName}`, [fastId(), id, copyValue(chunk.identifiers[index]), copyValue(chunk.names[index]), copyValue(incomingName), chunk.rowNumbers[index]].join('\t'));
      }
    }
    return { resolved, lines, namesakeLines: [...namesakes.values()] };
  }

  /** 重错码 for rows of subjects already registered; rows the credit office ruled a wrong code are refused. */
  private screen(chunk: PreparedChunk, resolved: Resolved[], issues: KnownIssue[]) {
    const { item, batch } = this.context;
    const withIssues = new Set(issues.map((issue) => issue.subjectId));
    const toScreen: ResolvedRow[] = [];
    const screened: Resolved[] = [];
    for (const entry of resolved) {
      if (entry.existingName === undefined || (entry.existingName === null && !withIssues.has(entry.subjectId))) continue;
      screened.push(entry);
      toScreen.push({ subjectId: entry.subjectId, identifier: chunk.identifiers[entry.index], incomingName: chunk.incomingNames[entry.index], existingName: entry.existingName, namesake: null, rowNumber: chunk.rowNumbers[entry.index] });
    }
    if (toScreen.length === 0) return { accepted: resolved, repeated: [] as string[], issueLines: [] as string[] };
    const result = screenAgainstIssues(issues, { departmentId: batch.departmentId, batchId: batch.id }, toScreen);
    const refused = new Set<Resolved>();
    screened.forEach((entry, index) => {
      if (result.screening[index] === 'accept') return;
      refused.add(entry);
      this.refuse(chunk, entry.index, item.subjectNameField, 'wrong_code', `代码与名称「${chunk.incomingNames[entry.index]}」不符：信用办已认定为错码，请核实后重新报送`);
    });
    const issueLines = result.fresh.map((issue) => [issue.id, issue.kind, issue.subjectId, copyValue(issue.identifier), copyValue(issue.existingName), copyValue(issue.incomingName), issue.rowNumber ?? '\\N'].join('\t'));
    return { accepted: refused.size ? resolved.filter((entry) => !refused.has(entry)) : resolved, repeated: result.repeated, issueLines };
  }

  /**
   * Created, unchanged, corrected or refused, row by row. The staged lines (COPY text, UTF-8) are the
   * decided columns in front of each row's rendered tail, copied byte for byte.
   */
  private decideRecords(chunk: PreparedChunk, accepted: Resolved[], stored: Map<string, StoredRecordState>) {
    const { item, batch } = this.context;
    const heads: string[] = [];
    const rows: number[] = [];
    let created = 0;
    let corrected = 0;
    for (const { index, subjectId } of accepted) {
      const state = stored.get(chunk.documentNumbers[index]);
      const decision = decideRecord(state, state ? canonicalJson(valuesFromTail(tailOf(chunk, index))) : '', batch.id);
      if (decision.kind === 'error') {
        this.refuse(chunk, index, item.documentNumberField, rowCode(decision.error), decision.error.message);
      } else if (decision.kind === 'unchanged') {
        this.tally.unchanged += 1;
      } else if (decision.kind === 'create') {
        const timeliness = this.timelinessOf(chunk.decisionDates[index]);
        heads.push(`create\t${fastId()}\t1\t${subjectId}\t${timeliness.arrivalWorkingDays}\t${timeliness.late ? 't' : 'f'}\t`);
        rows.push(index);
        created += 1;
        this.tally.created += 1;
        if (timeliness.late) this.tally.late += 1;
      } else {
        heads.push(`correct\t${decision.recordId}\t${decision.version}\t${subjectId}\t\\N\tf\t`);
        rows.push(index);
        corrected += 1;
        this.tally.corrected += 1;
      }
    }
    return { data: rows.length ? stagedLines(chunk, heads, rows) : null, created, corrected };
  }

  private timelinessOf(decisionDate: string): Timeliness {
    let timeliness = this.timeliness.get(decisionDate);
    if (!timeliness) {
      timeliness = timelinessOf(this.context.calendar, decisionDate, this.context.arrival);
      this.timeliness.set(decisionDate, timeliness);
    }
    return timeliness;
  }

  private recordContext() {
    const { batch, item, actor, cellKeys } = this.context;
    return {
      departmentId: batch.departmentId,
      itemCode: item.code,
      catalogItemId: item.id,
      regionCode: actor.regionCode,
      batchId: batch.id,
      reason: this.reason,
      submittedBy: actor.label,
      submitterId: actor.id,
      cellKeys: cellKeys ?? [],
    };
  }
}

/** heads[k] (ASCII) + the tail of row rows[k] + LF, for every k, in one buffer. */
function stagedLines(chunk: PreparedChunk, heads: string[], rows: number[]): Buffer {
  const tails = Buffer.from(chunk.tailBytes.buffer, chunk.tailBytes.byteOffset, chunk.tailBytes.byteLength);
  let size = 0;
  for (let k = 0; k < rows.length; k++) {
    const index = rows[k];
    size += heads[k].length + chunk.tailEnds[index] - (index === 0 ? 0 : chunk.tailEnds[index - 1]) + 1;
  }
  const out = Buffer.allocUnsafe(size);
  let at = 0;
  for (let k = 0; k < rows.length; k++) {
    const index = rows[k];
    at += out.write(heads[k], at, 'latin1');
    at += tails.copy(out, at, index === 0 ? 0 : chunk.tailEnds[index - 1], chunk.tailEnds[index]);
    out[at++] = 0x0a;
  }
  return out;
}

function rowCode(error: AppError): string {
  return (error.details as { rowCode?: string } | null)?.rowCode ?? error.code.toLowerCase();
}
