import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { copyValue } from './raw-tx';

/** At most this many error rows are kept per batch; the count of the rest is still reported. */
export const MAX_STORED_ERRORS = 100_000;

/** Spooled text is written to disk in pieces of about this size. */
const FLUSH_BYTES = 1 << 20;

export interface RowProblemReport {
  field?: string | null;
  code: string;
  message: string;
}

/**
 * Collects rejected rows' problems while a batch streams. They are written to a temporary file as they
 * come (already in COPY text format for ingest_errors), so memory stays flat however many rows are
 * refused; the file is loaded into ingest_errors when the batch ends (its own transaction, so the errors
 * of a rolled-back atomic batch are kept too) and then removed.
 */
export class RowErrors {
  private rejectedRows = 0;
  private storedRows = 0;
  private pending: string[] = [];
  private pendingLength = 0;
  private fd: number | null = null;
  private dir: string | null = null;

  constructor(private readonly batchId: string) {}

  /** One rejected row with all its problems. */
  add(rowNumber: number, problems: RowProblemReport[], raw: Record<string, unknown> | null): void {
    this.rejectedRows += 1;
    if (this.storedRows >= MAX_STORED_ERRORS) return;
    const rawText = copyValue(raw === null ? null : JSON.stringify(raw));
    for (const problem of problems) {
      if (this.storedRows >= MAX_STORED_ERRORS) return;
      this.storedRows += 1;
      const line = `${this.batchId}\t${rowNumber}\t${copyValue(problem.field ?? null)}\t${copyValue(problem.code)}\t${copyValue(problem.message)}\t${rawText}\n`;
      this.pending.push(line);
      this.pendingLength += line.length;
      if (this.pendingLength >= FLUSH_BYTES) this.flush();
    }
  }

  get rejected(): number {
    return this.rejectedRows;
  }

  /** Error rows kept (at most MAX_STORED_ERRORS). */
  get stored(): number {
    return this.storedRows;
  }

  /** Columns of each spooled line, in order. */
  static readonly COLUMNS = 'ingest_errors (batch_id, row_number, field, code, message, raw)';

  /**
   * The spooled lines in pieces of about `pieceBytes` (whole lines), for COPY into ingest_errors.
   * Reads the file back piece by piece; the rows still in memory come last.
   */
  *pieces(pieceBytes = 8 << 20): Generator<string> {
    if (this.fd !== null) {
      fs.fsyncSync(this.fd);
      const size = fs.fstatSync(this.fd).size;
      const buffer = Buffer.allocUnsafe(Math.min(pieceBytes, Math.max(size, 1)));
      let position = 0;
      let carry = Buffer.alloc(0);
      while (position < size) {
        const read = fs.readSync(this.fd, buffer, 0, buffer.length, position);
        if (read <= 0) break;
        position += read;
        const bytes = carry.length ? Buffer.concat([carry, buffer.subarray(0, read)]) : buffer.subarray(0, read);
        // cut after the last LF: a byte that never occurs inside a multi-byte UTF-8 character
        const cut = bytes.lastIndexOf(0x0a) + 1;
        carry = Buffer.from(bytes.subarray(cut));
        if (cut > 0) yield bytes.toString('utf8', 0, cut);
      }
      if (carry.length) yield carry.toString('utf8');
    }
    if (this.pending.length) yield this.pending.join('');
  }

  /** Removes the spool file (the errors are in the database by then, or no longer wanted). */
  dispose(): void {
    if (this.fd !== null) fs.closeSync(this.fd);
    if (this.dir) fs.rmSync(this.dir, { recursive: true, force: true });
    this.fd = null;
    this.dir = null;
    this.pending = [];
    this.pendingLength = 0;
  }

  private flush(): void {
    if (this.fd === null) {
      this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xinyong-ingest-errors-'));
      this.fd = fs.openSync(path.join(this.dir, 'errors.copy'), 'w+');
    }
    fs.writeSync(this.fd, this.pending.join(''));
    this.pending = [];
    this.pendingLength = 0;
  }
}
