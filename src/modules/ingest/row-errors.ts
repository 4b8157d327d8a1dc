import type { ErrorRow } from './repository';

/** At most this many error rows are kept per batch; the count of the rest is still reported. */
export const MAX_STORED_ERRORS = 100_000;

/** Collects rejected rows' problems while a batch streams (written after its transaction ends). */
export class RowErrors {
  readonly rows: ErrorRow[] = [];
  private rejectedRows = 0;

  constructor(private readonly batchId: string) {}

  /** One rejected row with all its problems. */
  add(rowNumber: number, problems: { field?: string | null; code: string; message: string }[], raw: Record<string, unknown> | null): void {
    this.rejectedRows += 1;
    for (const problem of problems) {
      if (this.rows.length >= MAX_STORED_ERRORS) return;
      this.rows.push({ batchId: this.batchId, rowNumber, field: problem.field ?? null, code: problem.code, message: problem.message, raw });
    }
  }

  get rejected(): number {
    return this.rejectedRows;
  }
}
