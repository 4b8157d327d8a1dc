import { Worker } from 'node:worker_threads';
import { AppError } from '../../shared/errors';
import type { CatalogItem } from '../catalog';
import { ParseError, type ParseErrorCode } from './parse';
import { ChunkPreparer, type PreparedChunk } from './prepare-chunks';
import type { BatchRow } from './repository';
import { FieldMapping, openBatchSource } from './source';

/** A batch's rows, checked and gathered into chunks (on the worker thread, or inline for small batches). */
export interface PreparedSource {
  format: string;
  encoding: string | null;
  /** header keys in column order */
  headers: string[];
  /** the header keys when rows carry their cells (CSV, XLSX); null for JSON rows */
  cellKeys: string[] | null;
  /** Chinese labels of required columns the file lacks (then `chunks` yields nothing) */
  missingRequired: string[];
  chunks: AsyncIterable<PreparedChunk>;
  /** stops reading (and the worker), e.g. when storing failed */
  close(): Promise<void>;
}

export interface WorkerInit {
  batch: Pick<BatchRow, 'contentPath' | 'format' | 'filename'>;
  item: CatalogItem;
  chunkSize: number;
}

export type WorkerMessage =
  | { type: 'header'; format: string; encoding: string | null; headers: string[]; cellKeys: string[] | null; missingRequired: string[] }
  | { type: 'chunk'; chunk: PreparedChunk }
  | { type: 'end' }
  | { type: 'error'; parse: boolean; name: string; code: string | null; message: string; rowNumber: number | null; stack: string | null };

/**
 * Opens a batch's content for storing. The rows are read and checked on this thread, overlapping the
 * database's writes (ChunkStore does not wait for them). `worker: true` (or XINYONG_INGEST_WORKER=1) moves
 * reading and checking to a worker thread instead: on the 2-core machine of docs/performance.md, where
 * PostgreSQL needs the other core (and PGlite runs on this thread), that cost more CPU (the worker loads
 * its own copy of the modules, chunks are copied between threads) than it saved, so it is off by default;
 * it can pay off with more cores or a database on another machine.
 */
export async function openPreparedSource(batch: BatchRow, item: CatalogItem, options: PrepareOptions): Promise<PreparedSource> {
  const worker = options.worker ?? process.env.XINYONG_INGEST_WORKER === '1';
  if (worker) return openWithWorker(batch, item, options);
  return openInline(batch, item, options);
}

export interface PrepareOptions {
  chunkSize: number;
  worker?: boolean;
  /** rows read so far, every `readEvery` rows (inline) or with each chunk (worker): live progress */
  onRead?: (rowsRead: number) => void;
  readEvery?: number;
}

async function openInline(batch: BatchRow, item: CatalogItem, { chunkSize, onRead, readEvery = 2000 }: PrepareOptions): Promise<PreparedSource> {
  const source = await openBatchSource(batch);
  const mapping = new FieldMapping(source.headers, item.fields);
  const cellKeys = source.cells ? source.headers : null;
  const missingRequired = mapping.missingRequired.map((field) => field.label);
  const iterator = source.rows[Symbol.asyncIterator]();
  async function* chunks(): AsyncGenerator<PreparedChunk> {
    if (missingRequired.length) return;
    const preparer = new ChunkPreparer(item, mapping, cellKeys, chunkSize);
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      const chunk = preparer.push(next.value);
      if (onRead && preparer.read % readEvery === 0) onRead(preparer.read);
      if (chunk) yield chunk;
    }
    yield preparer.flush();
  }
  return {
    format: source.format,
    encoding: source.encoding,
    headers: source.headers,
    cellKeys,
    missingRequired,
    chunks: chunks(),
    async close() {
      await iterator.return?.();
    },
  };
}

async function openWithWorker(batch: BatchRow, item: CatalogItem, { chunkSize, onRead }: PrepareOptions): Promise<PreparedSource> {
  const init: WorkerInit = { batch: { contentPath: batch.contentPath, format: batch.format, filename: batch.filename }, item, chunkSize };
  const worker = new Worker(new URL('./prepare-worker.mjs', import.meta.url), { workerData: init });
  const inbox: WorkerMessage[] = [];
  let waiting: (() => void) | null = null;
  let exited: Error | null = null;
  const deliver = () => {
    waiting?.();
    waiting = null;
  };
  worker.on('message', (message: WorkerMessage) => {
    inbox.push(message);
    deliver();
  });
  worker.on('error', (error) => {
    exited ??= error;
    deliver();
  });
  worker.on('exit', (code) => {
    exited ??= new Error(`导入工作线程意外退出（代码 ${code}）`);
    deliver();
  });
  const receive = async (): Promise<WorkerMessage> => {
    for (;;) {
      const message = inbox.shift();
      if (message) {
        if (message.type === 'error') throw rebuildError(message);
        return message;
      }
      if (exited) throw exited;
      await new Promise<void>((resolve) => (waiting = resolve));
    }
  };
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await worker.terminate();
  };
  let header: WorkerMessage;
  try {
    header = await receive();
  } catch (error) {
    await close();
    throw error;
  }
  if (header.type !== 'header') {
    await close();
    throw new Error('导入工作线程未先报告表头');
  }
  async function* chunks(): AsyncGenerator<PreparedChunk> {
    try {
      for (;;) {
        const message = await receive();
        if (message.type === 'end') return;
        if (message.type !== 'chunk') continue;
        onRead?.(message.chunk.rowsRead);
        yield message.chunk;
        worker.postMessage({ type: 'ack' });
      }
    } finally {
      await close();
    }
  }
  return { format: header.format, encoding: header.encoding, headers: header.headers, cellKeys: header.cellKeys, missingRequired: header.missingRequired, chunks: chunks(), close };
}

function rebuildError(message: Extract<WorkerMessage, { type: 'error' }>): Error {
  let error: Error;
  if (message.parse) error = new ParseError(message.code as ParseErrorCode, message.message, message.rowNumber === null ? {} : { rowNumber: message.rowNumber });
  else if (message.name === 'AppError' && message.code) error = new AppError(message.code as ConstructorParameters<typeof AppError>[0], message.message);
  else error = new Error(message.message);
  if (message.stack) error.stack = message.stack;
  return error;
}
