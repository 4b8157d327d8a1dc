import { isAppError, type AppError } from '../../shared/errors';
import type { CatalogItem } from '../catalog';
import { subjectFromFields } from '../records/subject-fields';
import { severityOf } from '../records/severity';
import type { PreparedSubject } from '../subjects/prepare';
import { prepareSubjectOrError, subjectKey } from '../subjects/bulk';
import { detach, FieldChecker } from './field-checks';
import { copyValue } from './raw-tx';
import type { RowProblemReport } from './row-errors';
import type { FieldMapping, SourceRow } from './source';

/** A row the field checks refused, with every problem found and the row as received. */
export interface RefusedRow {
  rowNumber: number;
  problems: RowProblemReport[];
  raw: Record<string, unknown> | null;
}

/**
 * A chunk of rows that passed the field checks, column by column (cheap to hand from the worker thread
 * to the main thread). Row i of the chunk is rowNumbers[i], keys[i], … The record as it will be staged
 * is already rendered: COPY text from the document number on (see RECORD_TAIL_COLUMNS), as UTF-8 in
 * `tailBytes` between tailEnds[i - 1] (0 for the first row) and tailEnds[i]. The main thread only puts in
 * front what the database look-up decides (action, record id, version, subject, timeliness). Keeping
 * the rendered rows as bytes rather than as strings keeps them out of the garbage collector's way.
 */
export interface PreparedChunk {
  /** rows read from the source so far, this chunk included (the batch total, progress) */
  rowsRead: number;
  /** rows refused by the field checks, in file order */
  refused: RefusedRow[];
  count: number;
  rowNumbers: number[];
  /** the subject's identity (subjectKey) — null for natural persons (see personIds) and for invalid subjects */
  keys: (string | null)[];
  /** natural persons: the normalised citizen ID; the main thread turns it into the keyed-hash identity */
  personIds: (string | null)[];
  /** why the subject cannot be registered (refused after the duplicate check), else null */
  subjectErrors: (string | null)[];
  /** the subject name as the row gives it (trimmed) */
  incomingNames: string[];
  /** the subject name normalised (prepareSubject), '' for invalid subjects */
  names: string[];
  /** 1 when the subject is an organisation (code_conflict check), 0 for natural persons */
  organisations: Uint8Array;
  /** the subject identifier field as given (quality issues) */
  identifiers: string[];
  documentNumbers: string[];
  decisionDates: string[];
  tailBytes: Uint8Array;
  tailEnds: number[];
  /** each identity of the chunk with the subject as the first row naming it gives it (`pid:<citizen ID>` for persons) */
  subjectKeys: string[];
  subjects: PreparedSubject[];
}

/** Staged record columns rendered by the preparer, in order (the tail of each staged line). */
export const RECORD_TAIL_COLUMNS = ['document_number', 'decision_date', 'severity', 'fields', 'row_number', 'raw'] as const;

/** Prepared subjects remembered per batch (a bounded cache: cleared when full). */
const SUBJECT_CACHE = 50_000;

/** A chunk's rendered rows start in a buffer of this size (grown as needed). */
const INITIAL_TAIL_BYTES = 8 << 20;

const EXTRA_CELLS = { field: null, code: 'extra_cells', message: '该行的单元格比表头多，请检查是否有多余的分隔符' };
const CELL_ERROR = { field: null, code: 'cell_error', message: '该行有错误值单元格（如 #N/A），请修正后重新报送' };

/**
 * Checks rows against the catalog item (field by field, then who the record is about), prepares their
 * subjects, and gathers them into chunks. Touches no database and no key material, so it runs on the
 * ingest worker thread as well as inline.
 */
export class ChunkPreparer {
  private chunk: PreparedChunk & { subjectIndex: Set<string> };
  private tailBytes: Buffer = Buffer.allocUnsafe(INITIAL_TAIL_BYTES);
  private tailLength = 0;
  private rowsRead = 0;
  private readonly cellCount: number;
  /** prepared subjects by identifier (USCC, citizen ID or registration number), then kind and name */
  private readonly subjects = new Map<string, CachedSubject[]>();
  private cachedSubjects = 0;
  private readonly fields: FieldChecker;

  constructor(
    private readonly item: CatalogItem,
    private readonly mapping: FieldMapping,
    /** the header keys when rows carry their cells (CSV, XLSX); null for JSON rows */
    cellKeys: readonly string[] | null,
    private readonly chunkSize: number,
  ) {
    this.cellCount = cellKeys?.length ?? 0;
    this.chunk = emptyChunk();
    this.fields = new FieldChecker(item);
  }

  /** Adds one source row; returns a full chunk when one is ready. */
  push(row: SourceRow): PreparedChunk | null {
    this.rowsRead += 1;
    this.prepare(row);
    return this.chunk.count >= this.chunkSize ? this.take() : null;
  }

  /** The rows gathered so far (possibly none), as the last chunk. */
  flush(): PreparedChunk {
    return this.take();
  }

  get read(): number {
    return this.rowsRead;
  }

  private take(): PreparedChunk {
    const chunk = this.chunk;
    chunk.rowsRead = this.rowsRead;
    chunk.organisations = chunk.organisations.slice(0, chunk.count);
    // the chunk takes the buffer (it may be moved to another thread); the next chunk gets a new one
    chunk.tailBytes = this.tailBytes.subarray(0, this.tailLength);
    this.tailBytes = Buffer.allocUnsafe(INITIAL_TAIL_BYTES);
    this.tailLength = 0;
    this.chunk = emptyChunk();
    return chunk;
  }

  private appendTail(text: string): number {
    const needed = this.tailLength + text.length * 3;
    if (needed > this.tailBytes.length) {
      const grown = Buffer.allocUnsafe(Math.max(needed, this.tailBytes.length * 2));
      this.tailBytes.copy(grown, 0, 0, this.tailLength);
      this.tailBytes = grown;
    }
    this.tailLength += this.tailBytes.write(text, this.tailLength, 'utf8');
    return this.tailLength;
  }

  /**
   * prepareSubject depends only on what the row says about its subject, and a file names the same
   * subjects again and again: the result is kept for the rest of the batch (up to SUBJECT_CACHE entries).
   */
  private prepareSubject(incoming: ReturnType<typeof subjectFromFields>): PreparedSubject | AppError {
    const via: CachedSubject['via'] = incoming.uscc !== undefined ? 'uscc' : incoming.citizenId !== undefined ? 'citizenId' : 'registrationNo';
    const identifier = incoming[via] ?? '';
    const entries = this.subjects.get(identifier);
    if (entries) {
      for (const entry of entries) if (entry.via === via && entry.kind === incoming.kind && entry.name === incoming.name) return entry.subject;
    }
    const subject = prepareSubjectOrError({ ...incoming, fromAuthoritativeSource: true, nameSource: '归集' });
    if (this.cachedSubjects >= SUBJECT_CACHE) {
      this.subjects.clear();
      this.cachedSubjects = 0;
    }
    // the cache outlives the text the strings were cut from: keep copies, not slices of it
    const entry: CachedSubject = { via, kind: incoming.kind, name: detach(incoming.name), subject: isAppError(subject) ? subject : detachStrings(subject) };
    if (entries) entries.push(entry);
    else this.subjects.set(detach(identifier), [entry]);
    this.cachedSubjects += 1;
    return subject;
  }

  private prepare(row: SourceRow): void {
    const { item, mapping } = this;
    const problems: RowProblemReport[] = [];
    if (row.problems) {
      if (row.problems.includes('extra_cells')) problems.push(EXTRA_CELLS);
      if (row.problems.includes('cell_error')) problems.push(CELL_ERROR);
    }
    const cells = this.cellCount > 0 ? (row.cells ?? null) : null;
    const { values, errors } = this.fields.check(cells ? mapping.toFieldsFromCells(cells) : mapping.toFields(row.raw));
    for (const e of errors) if (e.code !== 'unknown_field') problems.push({ field: e.field, code: e.code, message: e.message });
    let incoming: ReturnType<typeof subjectFromFields> | null = null;
    if (problems.length === 0) {
      try {
        incoming = subjectFromFields(item, values);
      } catch (error) {
        if (!isAppError(error)) throw error;
        problems.push({ field: item.subjectIdentifierField, code: 'subject', message: error.message });
      }
    }
    if (problems.length || !incoming) {
      this.chunk.refused.push({ rowNumber: row.rowNumber, problems, raw: row.raw });
      return;
    }
    const chunk = this.chunk;
    const index = chunk.count++;
    const subject = this.prepareSubject(incoming);
    let mapKey: string | null = null;
    if (isAppError(subject)) {
      chunk.keys.push(null);
      chunk.personIds.push(null);
      chunk.subjectErrors.push(subject.message);
      chunk.names.push('');
    } else {
      if (subject.kind === 'natural_person' && subject.citizenId) {
        chunk.keys.push(null);
        chunk.personIds.push(subject.citizenId);
        mapKey = `pid:${subject.citizenId}`;
      } else {
        mapKey = subjectKey(subject);
        chunk.keys.push(mapKey);
        chunk.personIds.push(null);
      }
      chunk.subjectErrors.push(null);
      chunk.names.push(subject.name);
      if (subject.kind !== 'natural_person') chunk.organisations[index] = 1;
      if (!chunk.subjectIndex.has(mapKey)) {
        chunk.subjectIndex.add(mapKey);
        chunk.subjectKeys.push(mapKey);
        chunk.subjects.push(subject);
      }
    }
    if (index + 1 >= chunk.organisations.length) {
      const grown = new Uint8Array(chunk.organisations.length * 2);
      grown.set(chunk.organisations);
      chunk.organisations = grown;
    }
    const documentNumber = String(values[item.documentNumberField]);
    const decisionDate = String(values[item.decisionDateField]);
    chunk.rowNumbers.push(row.rowNumber);
    chunk.incomingNames.push(incoming.name);
    chunk.identifiers.push(String(values[item.subjectIdentifierField] ?? ''));
    chunk.documentNumbers.push(documentNumber);
    chunk.decisionDates.push(decisionDate);
    let tail = `${copyValue(documentNumber)}\t${decisionDate}\t${severityOf(item, values)}\t${copyValue(JSON.stringify(values))}\t${row.rowNumber}`;
    if (cells) {
      tail += '\t\\N';
      for (let i = 0; i < this.cellCount; i++) tail += `\t${copyValue(cells[i] ?? '')}`;
    } else {
      tail += `\t${copyValue(JSON.stringify(row.raw))}`;
      for (let i = 0; i < this.cellCount; i++) tail += '\t\\N';
    }
    chunk.tailEnds.push(this.appendTail(tail));
  }
}

function detachStrings<T extends object>(value: T): T {
  const copy = { ...value } as Record<string, unknown>;
  for (const key of Object.keys(copy)) {
    const field = copy[key];
    if (typeof field === 'string') copy[key] = detach(field);
    else if (Array.isArray(field)) copy[key] = field.map((item) => (typeof item === 'string' ? detach(item) : item));
  }
  return copy as T;
}

interface CachedSubject {
  via: 'uscc' | 'citizenId' | 'registrationNo';
  kind: string;
  name: string;
  subject: PreparedSubject | AppError;
}

function emptyChunk(): PreparedChunk & { subjectIndex: Set<string> } {
  const chunk = {
    rowsRead: 0,
    refused: [],
    count: 0,
    rowNumbers: [],
    keys: [],
    personIds: [],
    subjectErrors: [],
    incomingNames: [],
    names: [],
    organisations: new Uint8Array(1024),
    identifiers: [],
    documentNumbers: [],
    decisionDates: [],
    tailBytes: new Uint8Array(0),
    tailEnds: [],
    subjectKeys: [],
    subjects: [],
    subjectIndex: new Set<string>(),
  };
  // not part of the chunk handed on (a Set would be copied to the main thread for nothing)
  Object.defineProperty(chunk, 'subjectIndex', { enumerable: false });
  return chunk;
}

/** COPY text value → string (the inverse of copyValue; null for \N). */
export function decodeCopyValue(text: string): string | null {
  if (text === '\\N') return null;
  if (!text.includes('\\')) return text;
  return text.replace(/\\(.)/g, (_, c: string) => (c === 't' ? '\t' : c === 'n' ? '\n' : c === 'r' ? '\r' : c));
}

/** Row `index`'s rendered tail as text. */
export function tailOf(chunk: Pick<PreparedChunk, 'tailBytes' | 'tailEnds'>, index: number): string {
  const bytes = chunk.tailBytes;
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8', index === 0 ? 0 : chunk.tailEnds[index - 1], chunk.tailEnds[index]);
}

/** The row as received, read back from its staged tail (for a row refused after the look-up). */
export function rawFromTail(tail: string, cellKeys: readonly string[] | null): Record<string, unknown> | null {
  const columns = tail.split('\t');
  const rawIndex = RECORD_TAIL_COLUMNS.indexOf('raw');
  const rawJson = decodeCopyValue(columns[rawIndex]);
  if (rawJson !== null) return JSON.parse(rawJson) as Record<string, unknown>;
  if (!cellKeys) return null;
  const raw: Record<string, unknown> = {};
  cellKeys.forEach((key, i) => (raw[key] = decodeCopyValue(columns[rawIndex + 1 + i]) ?? ''));
  return raw;
}

/** The validated field values, read back from a staged tail (to compare with a stored version). */
export function valuesFromTail(tail: string): Record<string, unknown> {
  const columns = tail.split('\t');
  return JSON.parse(decodeCopyValue(columns[RECORD_TAIL_COLUMNS.indexOf('fields')])!) as Record<string, unknown>;
}
