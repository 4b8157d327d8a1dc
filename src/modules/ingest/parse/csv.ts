import { pipeline, type Readable } from 'node:stream';
import type { CsvError } from 'csv-parse';
import iconv from 'iconv-lite';
import { DETECTION_SAMPLE_BYTES, detectEncoding, type EncodingDetection, type TextEncoding } from './detect-encoding';
import { ParseError } from './errors';
import { CsvRecords, type CsvRecord } from './csv-records';
import { buildRow, isBlankRow, makeHeaderInfo } from './rows';
import { peekStream } from './stream-utils';
import type { HeaderInfo, ParsedRow, RowProblem } from './types';

export type CsvDelimiter = ',' | '\t' | ';';

export interface CsvHeaderInfo extends HeaderInfo {
  encoding: TextEncoding;
  confidence: number;
  delimiter: CsvDelimiter;
}

export interface ReadCsvOptions {
  /** skip detection (the caller knows the encoding) */
  encoding?: TextEncoding;
  /** skip delimiter detection */
  delimiter?: CsvDelimiter;
  /** called once, before the first row is yielded, with the header row and what was detected */
  onHeader?: (info: CsvHeaderInfo) => void;
  /** longest record in characters (default 1 MiB); longer → CSV_MALFORMED (usually an unclosed quote) */
  maxRecordSize?: number;
  /** build each row's `raw` object only when it is read (see buildRow) */
  lazyRaw?: boolean;
}

const DEFAULT_MAX_RECORD_SIZE = 1024 * 1024;

/**
 * Streams a CSV: detects the encoding on the first 64 KiB (nothing is lost: the sample is replayed),
 * decodes with iconv-lite, parses with csv-parse's rules (CsvRecords: unquoted lines are split
 * natively, the rest by csv-parse), and yields one ParsedRow per non-blank record,
 * with backpressure (the file is read only as fast as the caller iterates).
 *
 * - The first non-blank record is the header (reported through `onHeader`, not yielded).
 * - rowNumber counts records and blank lines as Excel shows them: header = 1; a quoted cell with
 *   line breaks stays one row.
 * - Blank records (empty lines, or only delimiters) are skipped but counted.
 * - Extra non-empty cells → problem 'extra_cells'; missing cells → ''.
 * - Cells are trimmed; nothing is evaluated (`=1+1` stays the text `=1+1`).
 * - An empty input yields nothing and never calls onHeader (the caller decides it is EMPTY).
 * Throws ParseError ENCODING (before any row) or CSV_MALFORMED (at the broken record), and passes on
 * errors of the source stream (e.g. TOO_LARGE).
 */
export async function* readCsv(stream: Readable, options: ReadCsvOptions = {}): AsyncGenerator<ParsedRow, void, undefined> {
  const { head, rest } = await peekStream(stream, DETECTION_SAMPLE_BYTES);
  if (head.length === 0) {
    rest.destroy();
    return;
  }
  let detection: EncodingDetection;
  try {
    detection = options.encoding ? { encoding: options.encoding, confidence: 100, bomLength: 0 } : detectEncoding(head);
  } catch (error) {
    rest.destroy();
    throw error;
  }
  const delimiter = options.delimiter ?? detectDelimiter(iconv.decode(head, detection.encoding));

  const decoder = iconv.decodeStream(detection.encoding) as unknown as NodeJS.ReadWriteStream;
  const parser = new CsvRecords({ delimiter, maxRecordSize: options.maxRecordSize ?? DEFAULT_MAX_RECORD_SIZE });
  let pipelineError: unknown;
  pipeline(rest, decoder, parser, (error) => {
    if (error) pipelineError = error;
  });

  let header: HeaderInfo | undefined;
  const checkEncoding = detection.encoding !== 'gb18030';
  try {
    for await (const item of parser as AsyncIterable<CsvRecord>) {
      const { record, rowNumber } = item;
      if (isBlankRow(record)) continue;
      if (!header) {
        header = makeHeaderInfo(record, rowNumber);
        options.onHeader?.({ ...header, encoding: detection.encoding, confidence: detection.confidence, delimiter });
        continue;
      }
      const problems: RowProblem[] = [];
      if (checkEncoding && record.some((cell) => cell.includes('\uFFFD'))) problems.push('bad_encoding');
      yield buildRow(header, rowNumber, record, problems, options.lazyRaw === true);
    }
  } catch (error) {
    throw translateCsvError(pipelineError ?? error);
  } finally {
    // stops reading when the caller breaks out early
    if (!rest.destroyed) rest.destroy();
    if (!parser.destroyed) parser.destroy();
  }
  if (pipelineError) throw translateCsvError(pipelineError);
}

function translateCsvError(error: unknown): unknown {
  if (error instanceof ParseError) return error;
  const csvError = error as Partial<CsvError> & { records?: number; empty_lines?: number };
  if (typeof csvError.code === 'string' && csvError.code.startsWith('CSV_')) {
    const rowNumber = (csvError.records ?? 0) + (csvError.empty_lines ?? 0) + 1;
    const reason =
      csvError.code === 'CSV_QUOTE_NOT_CLOSED'
        ? '引号没有闭合'
        : csvError.code === 'CSV_MAX_RECORD_SIZE'
          ? '单行内容过长（通常是引号没有闭合）'
          : '引号使用不正确';
    return new ParseError('CSV_MALFORMED', `CSV 格式错误：第 ${rowNumber} 行${reason}，请检查该行或另存为 XLSX 后上传`, {
      rowNumber,
      cause: error,
    });
  }
  return error;
}

/** The delimiter among , TAB ; that occurs most often (outside quotes) in the first non-blank line. */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts: Record<CsvDelimiter, number> = { ',': 0, '\t': 0, ';': 0 };
  let inQuotes = false;
  let seenContent = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) {
      if (seenContent) break;
    } else if (!inQuotes && (ch === ',' || ch === '\t' || ch === ';')) {
      counts[ch]++;
      seenContent = true;
    } else if (ch.trim() !== '' && ch !== '\uFEFF') seenContent = true;
  }
  let best: CsvDelimiter = ',';
  for (const d of ['\t', ';'] as const) if (counts[d] > counts[best]) best = d;
  return best;
}
