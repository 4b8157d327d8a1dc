/**
 * Streaming parse layer for department uploads (CSV / XLSX → rows of header → text).
 *
 *   const table = await openTable({ stream, filename });   // file-level refusals happen here
 *   const { missingRequired, mapping } = mapHeaders(table.headers, item.fields);
 *   assertRequiredHeaders({ missingRequired });              // refuse the whole file
 *   for await (const row of table.rows) { … }                // row.rowNumber as in Excel
 *
 * openTable reads until the header and the first data row, so EMPTY (0 bytes, blank lines only,
 * header only), ENCODING, XLSX_BROKEN (when the zip is broken before the first row),
 * XLSX_ENCRYPTED and XLS_UNSUPPORTED are all thrown by openTable, before any row is handed out.
 * TOO_LARGE, CSV_MALFORMED and XLSX_BROKEN (damage later in the file) can still be thrown while
 * iterating `rows`: the caller must then discard or roll back what it took from this file.
 */
import type { Readable } from 'node:stream';
import { readCsv, type CsvDelimiter, type CsvHeaderInfo } from './csv';
import type { TextEncoding } from './detect-encoding';
import { MESSAGES, ParseError, tooLargeMessage } from './errors';
import { ENCRYPTED_PACKAGE_UTF16, detectFormat } from './sniff';
import { peekStream } from './stream-utils';
import type { HeaderInfo, ParsedRow, TableFormat } from './types';
import { readXlsx } from './xlsx';

export { ParseError, isParseError, type ParseErrorCode } from './errors';
export type { HeaderInfo, ParsedRow, RowProblem, TableFormat } from './types';
export { detectEncoding, type EncodingDetection, type TextEncoding } from './detect-encoding';
export { detectFormat, type SniffedFormat } from './sniff';
export { readCsv, detectDelimiter, type CsvDelimiter, type CsvHeaderInfo, type ReadCsvOptions } from './csv';
export { readXlsx, type ReadXlsxOptions } from './xlsx';
export { mapHeaders, normaliseHeader, assertRequiredHeaders, missingHeadersMessage, type HeaderMapping } from './headers';
export { isFormulaLike, neutraliseForExport } from './formula';
export { headerKeys } from './rows';

export const DEFAULT_MAX_BYTES = 256 * 1024 * 1024;

export interface OpenTableInput {
  stream: Readable;
  /** used only when the first bytes do not tell the format */
  filename?: string;
  /** default 256 MiB; counted as bytes stream in, never by buffering */
  maxBytes?: number;
  /** CSV only: skip encoding detection */
  encoding?: TextEncoding;
  /** build each row's `raw` object only when it is read (bulk ingest reads `cells`) */
  lazyRaw?: boolean;
}

export interface OpenedTable {
  format: TableFormat;
  /** CSV: the detected (or given) encoding; XLSX: null */
  encoding: TextEncoding | null;
  /** CSV: detection confidence 0–100; XLSX: null */
  confidence: number | null;
  /** CSV only */
  delimiter: CsvDelimiter | null;
  /** XLSX only: the worksheet read (first visible sheet) */
  sheetName: string | null;
  /** header texts, trimmed, in column order */
  headers: string[];
  /** keys of ParsedRow.raw, same order as headers (unique: see headerKeys) */
  headerKeys: string[];
  headerRowNumber: number;
  /** data rows, once (single-use); the first one is already read. Breaking out stops reading the file. */
  rows: AsyncIterable<ParsedRow>;
  /** data rows handed out so far */
  readonly rowCount: number;
  /** bytes read from the input so far */
  readonly bytesRead: number;
  /** stop reading and release the input (for a caller that will not iterate rows) */
  close(): Promise<void>;
}

const SNIFF_BYTES = 8;

/**
 * Opens an uploaded table. Resolves once the header and the first data row are read; see the module
 * comment for which errors come from here and which from iterating `rows`.
 */
export async function openTable(input: OpenTableInput): Promise<OpenedTable> {
  const maxBytes = input.maxBytes ?? DEFAULT_MAX_BYTES;
  let bytesRead = 0;
  const onBytes = (length: number) => {
    bytesRead += length;
    if (bytesRead > maxBytes) throw new ParseError('TOO_LARGE', tooLargeMessage(maxBytes));
  };
  const { head, rest } = await peekStream(input.stream, SNIFF_BYTES, { onBytes });
  if (head.length === 0) {
    rest.destroy();
    throw new ParseError('EMPTY', MESSAGES.EMPTY);
  }
  const sniffed = detectFormat(head, input.filename);
  if (sniffed === 'ole') throw await classifyOle(rest);

  let header: (HeaderInfo & Partial<CsvHeaderInfo> & { sheetName?: string }) | undefined;
  const onHeader = (info: typeof header) => {
    header = info;
  };
  const generator: AsyncGenerator<ParsedRow, void, undefined> =
    sniffed === 'xlsx' ? readXlsx(rest, { onHeader, lazyRaw: input.lazyRaw }) : readCsv(rest, { onHeader, encoding: input.encoding, lazyRaw: input.lazyRaw });

  let first: IteratorResult<ParsedRow, void>;
  try {
    first = await generator.next();
  } catch (error) {
    await generator.return();
    throw error;
  }
  if (first.done || !header || header.headers.length === 0) {
    await generator.return();
    throw new ParseError('EMPTY', MESSAGES.EMPTY);
  }

  let rowCount = 0;
  const firstRow = first.value;
  async function* rows(): AsyncGenerator<ParsedRow, void, undefined> {
    try {
      rowCount++;
      yield firstRow;
      for (;;) {
        const next = await generator.next();
        if (next.done) return;
        rowCount++;
        yield next.value;
      }
    } finally {
      await generator.return();
    }
  }

  const info = header;
  return {
    format: sniffed,
    encoding: info.encoding ?? null,
    confidence: info.confidence ?? null,
    delimiter: info.delimiter ?? null,
    sheetName: info.sheetName ?? null,
    headers: info.headers,
    headerKeys: info.keys,
    headerRowNumber: info.rowNumber,
    rows: rows(),
    get rowCount() {
      return rowCount;
    },
    get bytesRead() {
      return bytesRead;
    },
    async close() {
      await generator.return();
    },
  };
}

/**
 * An OLE compound file is either a password-protected OOXML workbook (it has an "EncryptedPackage"
 * stream, whose name is stored in UTF-16LE in the directory) or a legacy BIFF .xls. The directory can
 * be anywhere in the file, so the stream is scanned (up to maxBytes) with an overlap between chunks.
 */
async function classifyOle(stream: Readable): Promise<ParseError> {
  const needle = ENCRYPTED_PACKAGE_UTF16;
  let carry: Buffer = Buffer.alloc(0);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const window = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
      if (window.includes(needle)) return new ParseError('XLSX_ENCRYPTED', MESSAGES.XLSX_ENCRYPTED);
      carry = window.subarray(Math.max(0, window.length - (needle.length - 1)));
    }
  } catch (error) {
    if (error instanceof ParseError) return error;
    throw error;
  } finally {
    stream.destroy();
  }
  return new ParseError('XLS_UNSUPPORTED', MESSAGES.XLS_UNSUPPORTED);
}
