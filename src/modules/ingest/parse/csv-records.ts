import { Transform, type TransformCallback } from 'node:stream';
import { parse, type CsvError } from 'csv-parse';

/** One CSV record with its row number as Excel shows it (records and blank lines counted; header = 1). */
export interface CsvRecord {
  record: string[];
  rowNumber: number;
}

export interface CsvRecordsOptions {
  delimiter: string;
  /** longest record in bytes; longer → csv-parse's CSV_MAX_RECORD_SIZE */
  maxRecordSize: number;
}

interface CsvParseApi {
  parse(buffer: Buffer | undefined, end: boolean, push: (item: { record: string[]; info: { records: number; empty_lines: number } }) => void, close: () => void): Error | undefined;
}

/**
 * Decoded CSV text → records, with csv-parse's semantics for the options the upload path uses
 * (relax_column_count, relax_quotes, skip_empty_lines, trim, BOM, first line ending found is the record
 * delimiter, max_record_size).
 *
 * Department files rarely quote anything, and csv-parse walks every byte of the re-encoded text. So
 * lines are cut and split here with native string search while no double quote has been seen: an
 * unquoted field's value is then simply the text between delimiters, trimmed (csv-parse trims the same
 * characters as String.prototype.trim). From the first line containing a quote on (or a line too long
 * to judge cheaply), the rest of the text goes to csv-parse itself, its row numbers offset by the
 * records and blank lines already counted. Errors are csv-parse's, with the same counts.
 */
export class CsvRecords extends Transform {
  private text = '';
  private started = false;
  private recordDelimiter: string | null = null;
  private records = 0;
  private emptyLines = 0;
  private slow: CsvParseApi | null = null;
  private readonly longLine: number;

  constructor(private readonly options: CsvRecordsOptions) {
    super({ writableObjectMode: false, readableObjectMode: true, decodeStrings: false });
    // a line longer than this may exceed maxRecordSize bytes (3 bytes per UTF-8 character at most)
    this.longLine = Math.floor(options.maxRecordSize / 3);
  }

  override _transform(chunk: string | Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    const text = typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    callback(this.slow ? this.feedSlow(text, false) : this.feedFast(text, false));
  }

  override _flush(callback: TransformCallback): void {
    callback(this.slow ? this.feedSlow('', true) : this.feedFast('', true));
  }

  private feedFast(chunk: string, end: boolean): Error | undefined {
    let text = this.text + chunk;
    if (!this.started) {
      if (text.length === 0 && !end) return undefined;
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (this.recordDelimiter === null) {
      // a line ending inside a quoted field does not count: look only before the first quote
      const quote = text.indexOf('"');
      const found = findRecordDelimiter(quote === -1 ? text : text.slice(0, quote + 1), end);
      if (found === undefined) {
        // no line ending yet: wait for more (or hand over when the line is long or quoted)
        if (!end && text.length <= this.longLine && !text.includes('"')) {
          this.text = text;
          return undefined;
        }
        return this.toSlow(text, end);
      }
      this.recordDelimiter = found;
    }
    const delimiter = this.recordDelimiter;
    let start = 0;
    for (;;) {
      const stop = text.indexOf(delimiter, start);
      const line = stop === -1 ? (end ? text.slice(start) : null) : text.slice(start, stop);
      if (line === null) break;
      if (line.length > this.longLine || line.includes('"')) return this.toSlow(text.slice(start), end);
      if (stop === -1 && line.length === 0) {
        start = text.length;
        break;
      }
      this.line(line);
      if (stop === -1) {
        start = text.length;
        break;
      }
      start = stop + delimiter.length;
    }
    const rest = text.slice(start);
    if (rest.length > this.longLine || rest.includes('"')) return this.toSlow(rest, end);
    this.text = rest;
    return undefined;
  }

  private line(line: string): void {
    const delimiter = this.options.delimiter;
    if (!line.includes(delimiter)) {
      if (line.trim() === '') {
        this.emptyLines += 1;
        return;
      }
      this.records += 1;
      this.push({ record: [line.trim()], rowNumber: this.records + this.emptyLines } satisfies CsvRecord);
      return;
    }
    const record = line.split(delimiter);
    for (let i = 0; i < record.length; i++) record[i] = record[i].trim();
    this.records += 1;
    this.push({ record, rowNumber: this.records + this.emptyLines } satisfies CsvRecord);
  }

  /** Hands the rest of the text (from the start of a line) to csv-parse. */
  private toSlow(text: string, end: boolean): Error | undefined {
    this.text = '';
    const parser = parse({
      delimiter: this.options.delimiter,
      ...(this.recordDelimiter ? { record_delimiter: this.recordDelimiter } : {}),
      relax_column_count: true,
      relax_quotes: true,
      bom: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
      max_record_size: this.options.maxRecordSize,
    }) as unknown as { api: CsvParseApi };
    this.slow = parser.api;
    return this.feedSlow(text, end);
  }

  private feedSlow(text: string, end: boolean): Error | undefined {
    const records = this.records;
    const emptyLines = this.emptyLines;
    const error = this.slow!.parse(
      text.length ? Buffer.from(text, 'utf8') : undefined,
      end,
      (item) => this.push({ record: item.record, rowNumber: records + emptyLines + item.info.records + item.info.empty_lines } satisfies CsvRecord),
      () => undefined,
    );
    if (error) {
      const counts = error as Partial<CsvError> & { records?: number; empty_lines?: number };
      counts.records = (counts.records ?? 0) + records;
      counts.empty_lines = (counts.empty_lines ?? 0) + emptyLines;
    }
    return error;
  }
}

/**
 * The record delimiter csv-parse would settle on: the first CRLF, LF or CR in the text. `undefined`
 * when there is none yet (or a CR is the last character and more text may follow).
 */
function findRecordDelimiter(text: string, end: boolean): string | undefined {
  const lf = text.indexOf('\n');
  const cr = text.indexOf('\r');
  if (cr === -1 && lf === -1) return undefined;
  if (cr === -1 || (lf !== -1 && lf < cr)) return '\n';
  if (cr === text.length - 1) return end ? '\r' : undefined;
  return text.charCodeAt(cr + 1) === 10 ? '\r\n' : '\r';
}
