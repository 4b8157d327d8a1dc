/**
 * The ingest worker thread: reads the batch's file, checks every row against the catalog item and
 * hands prepared chunks to the main thread, which stores them. Parsing and validation (most of the
 * JavaScript work of an import) so run beside the database writes instead of before them. At most
 * MAX_AHEAD chunks wait for the main thread at a time; the file is read no faster than that.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { CatalogItem } from '../catalog';
import { ParseError } from './parse';
import { ChunkPreparer, type PreparedChunk } from './prepare-chunks';
import type { BatchRow } from './repository';
import { FieldMapping, openBatchSource } from './source';
import type { WorkerInit, WorkerMessage } from './prepared-source';

const MAX_AHEAD = 2;

const port = parentPort!;
const init = workerData as WorkerInit;
let ahead = 0;
let wake: (() => void) | null = null;

port.on('message', (message: { type: 'ack' }) => {
  if (message.type === 'ack') {
    ahead -= 1;
    wake?.();
    wake = null;
  }
});

function post(message: WorkerMessage): void {
  port.postMessage(message);
}

async function send(chunk: PreparedChunk): Promise<void> {
  // the rendered rows' bytes are moved to the main thread, not copied
  port.postMessage({ type: 'chunk', chunk } satisfies WorkerMessage, [chunk.tailBytes.buffer as ArrayBuffer]);
  ahead += 1;
  while (ahead >= MAX_AHEAD) await new Promise<void>((resolve) => (wake = resolve));
}

async function run(): Promise<void> {
  const source = await openBatchSource(init.batch as BatchRow);
  const item = init.item as CatalogItem;
  const mapping = new FieldMapping(source.headers, item.fields);
  const cellKeys = source.cells ? source.headers : null;
  post({ type: 'header', format: source.format, encoding: source.encoding, headers: source.headers, cellKeys, missingRequired: mapping.missingRequired.map((field) => field.label) });
  if (mapping.missingRequired.length) return;
  const preparer = new ChunkPreparer(item, mapping, cellKeys, init.chunkSize);
  for await (const row of source.rows) {
    const chunk = preparer.push(row);
    if (chunk) await send(chunk);
  }
  await send(preparer.flush());
}

run().then(
  () => post({ type: 'end' }),
  (error: unknown) => {
    const failure = error as Error & { code?: string; rowNumber?: number; details?: unknown };
    post({ type: 'error', parse: error instanceof ParseError, name: failure.name, code: failure.code ?? null, message: failure.message, rowNumber: failure.rowNumber ?? null, stack: failure.stack ?? null });
  },
);
