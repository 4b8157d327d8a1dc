import type { PGlite, Transaction as PgliteTransaction } from '@electric-sql/pglite';
import type pg from 'pg';
import type { Db } from '../../db/types';

/**
 * The open transaction's own driver handle, for bulk ingest's hot path: COPY into staging tables and
 * several statements in one round trip, without building SQL through drizzle per chunk.
 *
 * A script is a list of statements run in order in the caller's transaction. `{ copy, data }` loads
 * `data` (COPY text format, see copyLine) into `copy` (`table (columns)`). On PostgreSQL the whole
 * script is ONE simple-protocol message: each `COPY … FROM STDIN` in it is fed its data when the server
 * asks for it (no pg-copy-streams needed). On PGlite each COPY reads its data from a blob ('/dev/blob').
 */
export type ScriptStep = string | { copy: string; data: string | Uint8Array };

export interface RawTx {
  readonly kind: 'pglite' | 'postgres';
  /** one statement with $1… parameters (strings; build arrays with pgArray) */
  query<T extends Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** statements and COPYs in order; no result rows */
  script(steps: ScriptStep[]): Promise<void>;
}

interface DrizzleTx {
  session?: { client?: unknown };
}

/** The driver handle under a drizzle transaction (node-postgres PoolClient or PGlite Transaction). */
export function rawTx(tx: Db): RawTx {
  const client = (tx as unknown as DrizzleTx).session?.client;
  if (!client) throw new Error('rawTx: no driver client under this transaction');
  if (typeof (client as pg.PoolClient).release === 'function' || typeof (client as pg.Client).connect === 'function') {
    return postgresTx(client as pg.ClientBase);
  }
  return pgliteTx(client as PgliteTransaction | PGlite);
}

function postgresTx(client: pg.ClientBase): RawTx {
  return {
    kind: 'postgres',
    async query<T extends Record<string, unknown>>(text: string, params: unknown[] = []) {
      const result = await client.query<T>(text, params);
      return result.rows;
    },
    script(steps) {
      if (steps.length === 0) return Promise.resolve();
      const texts: string[] = [];
      const payloads: (string | Uint8Array)[] = [];
      for (const step of steps) {
        if (typeof step === 'string') texts.push(step);
        else {
          texts.push(`COPY ${step.copy} FROM STDIN`);
          payloads.push(step.data);
        }
      }
      return new Promise<void>((resolve, reject) => {
        client.query(new CopyScript(`${texts.join(';\n')};`, payloads, (error) => (error ? reject(error) : resolve())) as unknown as pg.QueryConfig);
      });
    },
  };
}

/**
 * A pg "submittable": pg's Client hands it the connection when its turn comes and routes the server's
 * messages to it. It sends the script as one simple query and answers every CopyInResponse with the next
 * payload followed by CopyDone.
 */
class CopyScript {
  private next = 0;
  private error: Error | null = null;

  constructor(
    private readonly text: string,
    private readonly payloads: (string | Uint8Array)[],
    public callback: (error: Error | null) => void,
  ) {}

  submit(connection: PgConnection): void {
    connection.query(this.text);
  }

  handleCopyInResponse(connection: PgConnection): void {
    const payload = this.payloads[this.next++];
    if (payload === undefined) {
      connection.sendCopyFail('ingest: no data for this COPY');
      return;
    }
    if (payload.length > 0) connection.sendCopyFromChunk(typeof payload === 'string' ? Buffer.from(payload, 'utf8') : Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength));
    connection.endCopyFrom();
  }

  handleError(error: Error): void {
    // pg forgets this query on an error message and does not pass on the ReadyForQuery that follows
    this.error ??= error;
    this.callback(this.error);
  }

  handleReadyForQuery(): void {
    this.callback(this.error);
  }

  handleCommandComplete(): void {}
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
  handleCopyData(): void {}
}

interface PgConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
  sendCopyFail(message: string): void;
}

function pgliteTx(client: PgliteTransaction | PGlite): RawTx {
  // Calls run one after another in call order, like a PostgreSQL connection's queue: a look-up sent
  // after a script must see what the script wrote.
  let tail: Promise<unknown> = Promise.resolve();
  const serial = <T>(run: () => Promise<T>): Promise<T> => {
    const next = tail.then(run, run);
    tail = next.catch(() => undefined);
    return next;
  };
  return {
    kind: 'pglite',
    query<T extends Record<string, unknown>>(text: string, params: unknown[] = []) {
      return serial(async () => (await client.query<T>(text, params)).rows);
    },
    script(steps) {
      return serial(async () => {
        let pending: string[] = [];
        const flush = async () => {
          if (pending.length) await client.exec(`${pending.join(';\n')};`);
          pending = [];
        };
        for (const step of steps) {
          if (typeof step === 'string') {
            pending.push(step);
            continue;
          }
          await flush();
          if (step.data.length > 0) await client.query(`COPY ${step.copy} FROM '/dev/blob'`, [], { blob: new Blob([step.data as string | Uint8Array<ArrayBuffer>]) });
        }
        await flush();
      });
    },
  };
}

// COPY text format: columns separated by TAB, rows by LF, NULL as \N; backslash, TAB, LF and CR escaped.
const COPY_SPECIAL = /[\\\t\n\r]/;
const COPY_SPECIAL_ALL = /[\\\t\n\r]/g;
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** One value in COPY text format (null/undefined → \N). */
export function copyValue(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value !== 'string') return String(value);
  return COPY_SPECIAL.test(value) ? value.replace(COPY_SPECIAL_ALL, (c) => COPY_ESCAPES[c]) : value;
}

const ARRAY_SPECIAL = /["\\]/g;

/** A text[] literal ('{"a","b"}'): for array parameters and array columns in COPY data. */
export function pgArray(values: readonly string[]): string {
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (i > 0) out += ',';
    out += `"${value.includes('"') || value.includes('\\') ? value.replace(ARRAY_SPECIAL, '\\$&') : value}"`;
  }
  return `${out}}`;
}

/** A SQL string literal, for the few constants of a script (ids, codes, labels). */
export function sqlLiteral(value: string | null): string {
  if (value === null) return 'null';
  return `'${value.replace(/'/g, "''")}'`;
}
