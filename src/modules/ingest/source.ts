import fs from 'node:fs';
import readline from 'node:readline';
import type { FieldDef } from '../catalog';
import { mapHeaders, openTable, ParseError, type RowProblem } from './parse';
import type { BatchRow } from './repository';

export interface SourceRow {
  rowNumber: number;
  /** the row as received: column header → text (JSON rows: key → value) */
  raw: Record<string, unknown>;
  /** CSV and XLSX: the cells by column (at least as many as `headers`; the raw object's values in order) */
  cells?: string[];
  problems?: RowProblem[];
}

export interface RowSource {
  format: string;
  encoding: string | null;
  /** the keys of `raw` in column order */
  headers: string[];
  rows: AsyncIterable<SourceRow>;
  /** every row carries `cells` aligned with `headers` (CSV, XLSX) */
  cells?: boolean;
}

/** Opens a batch's stored content: NDJSON rows from the API, or the department's CSV/XLSX file. */
export async function openBatchSource(batch: BatchRow): Promise<RowSource> {
  if (!batch.contentPath) throw new ParseError('EMPTY', '批次没有可处理的内容');
  if (batch.format === 'ndjson') return openNdjson(batch.contentPath);
  // Uploads were size-checked when they arrived; files imported on the command line may be any size.
  const table = await openTable({ stream: fs.createReadStream(batch.contentPath), filename: batch.filename ?? undefined, maxBytes: Number.MAX_SAFE_INTEGER, lazyRaw: true });
  return { format: table.format, encoding: table.encoding, headers: table.headerKeys, rows: table.rows, cells: true };
}

async function openNdjson(path: string): Promise<RowSource> {
  const lines = readline.createInterface({ input: fs.createReadStream(path, 'utf8'), crlfDelay: Infinity });
  const iterator = lines[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) throw new ParseError('EMPTY', '没有提交任何数据行');
  const firstRow = JSON.parse(first.value) as Record<string, unknown>;
  async function* rows(): AsyncIterable<SourceRow> {
    let rowNumber = 1;
    yield { rowNumber, raw: firstRow };
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      rowNumber += 1;
      yield { rowNumber, raw: JSON.parse(next.value) };
    }
  }
  return { format: 'ndjson', encoding: 'utf8', headers: Object.keys(firstRow), rows: rows() };
}

/**
 * Which column feeds which catalog field (key, Chinese label, national header or column code). JSON rows
 * may bring keys the first row lacked: those are resolved the first time they appear.
 */
export class FieldMapping {
  private readonly byHeader = new Map<string, string | null>();
  /** field key of each column of `headers` (null: a column no field reads) */
  private readonly byColumn: (string | null)[];
  readonly missingRequired: FieldDef[];

  constructor(
    headers: string[],
    private readonly fields: FieldDef[],
  ) {
    const result = mapHeaders(headers, fields);
    this.byColumn = headers.map((_, index) => result.mapping.get(index) ?? null);
    headers.forEach((header, index) => this.byHeader.set(header, this.byColumn[index]));
    this.missingRequired = result.missingRequired;
  }

  keyOf(header: string): string | null {
    if (!this.byHeader.has(header)) this.byHeader.set(header, mapHeaders([header], this.fields).mapping.get(0) ?? null);
    return this.byHeader.get(header)!;
  }

  /** The row's values under field keys; cells of unknown columns stay only in the raw row. */
  toFields(raw: Record<string, unknown>): Record<string, unknown> {
    const fields: Record<string, unknown> = {};
    for (const [header, value] of Object.entries(raw)) {
      const key = this.keyOf(header);
      if (key && !(key in fields) && value !== null && value !== undefined && value !== '') fields[key] = value;
    }
    return fields;
  }

  /** The same as toFields for a row given as its cells in the order of `headers` (no raw object needed). */
  toFieldsFromCells(cells: readonly string[]): Record<string, unknown> {
    const fields: Record<string, unknown> = {};
    const columns = this.byColumn;
    for (let index = 0; index < columns.length; index++) {
      const key = columns[index];
      const value = cells[index];
      if (key !== null && value !== undefined && value !== '' && !(key in fields)) fields[key] = value;
    }
    return fields;
  }
}
