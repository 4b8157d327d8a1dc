import fs from 'node:fs';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Db } from '../../db/types';
import type { Actor } from '../../shared/actor';
import { AppError } from '../../shared/errors';
import { newId } from '../../shared/ids';
import { withAudit } from '../audit';
import { getCurrentItem } from '../catalog';
import { assertMaySubmit } from '../records';
import * as repo from './repository';

export type BatchContent =
  | { kind: 'rows'; rows: Record<string, unknown>[] }
  | { kind: 'stream'; stream: Readable; filename: string }
  | { kind: 'path'; path: string };

export interface SubmitInput {
  itemCode: string;
  mode?: 'lenient' | 'atomic';
  clientKey?: string | null;
  source: 'api' | 'file' | 'cli';
  content: BatchContent;
}

/**
 * Accepts a batch: checks the department may submit the item, stores the content where the processor
 * will read it, and queues the batch. A repeated client batch key returns the batch already accepted.
 */
export async function submitBatch(db: Db, actor: Actor, storage: { dataDir: string; maxUploadBytes?: number }, input: SubmitInput): Promise<{ batch: repo.BatchRow; existing: boolean }> {
  const item = await getCurrentItem(db, input.itemCode);
  assertMaySubmit(actor, item);
  const departmentId = actor.departmentId!;
  const clientKey = input.clientKey?.trim() || null;
  if (clientKey) {
    const existing = await repo.findBatchByClientKey(db, departmentId, clientKey);
    if (existing) {
      discard(input.content);
      if (existing.itemCode !== item.code) throw new AppError('CONFLICT', `批次号 ${clientKey} 已用于目录条目 ${existing.itemCode}`);
      return { batch: existing, existing: true };
    }
  }
  const id = newId();
  const stored = await storeContent(storage, id, input.content);
  const batch = await withAudit(db, actor, async (tx, audit) => {
    const row = await repo.insertBatch(tx, {
      id,
      departmentId,
      itemCode: item.code,
      clientKey,
      mode: input.mode ?? 'lenient',
      source: input.source,
      filename: stored.filename,
      contentPath: stored.path,
      format: stored.format,
      submittedBy: actor.label,
      submitterId: actor.id,
      submitterKind: actor.kind,
    });
    audit.record({ action: 'ingest.batch.submit', entityType: 'ingest_batch', entityId: id, after: { itemCode: item.code, mode: row.mode, source: row.source, filename: row.filename, clientKey } });
    return row;
  });
  return { batch, existing: false };
}

function discard(content: BatchContent): void {
  if (content.kind === 'stream') content.stream.resume();
}

async function storeContent({ dataDir, maxUploadBytes = 256 * 1024 * 1024 }: { dataDir: string; maxUploadBytes?: number }, id: string, content: BatchContent): Promise<{ path: string; filename: string | null; format: string | null }> {
  if (content.kind === 'path') {
    if (!fs.existsSync(content.path)) throw new AppError('NOT_FOUND', `文件不存在：${content.path}`);
    return { path: path.resolve(content.path), filename: path.basename(content.path), format: null };
  }
  const folder = path.join(dataDir, 'ingest');
  fs.mkdirSync(folder, { recursive: true });
  if (content.kind === 'rows') {
    if (content.rows.length === 0) throw new AppError('VALIDATION', '没有提交任何数据行');
    const file = path.join(folder, `${id}.ndjson`);
    fs.writeFileSync(file, content.rows.map((row) => JSON.stringify(row)).join('\n'));
    return { path: file, filename: null, format: 'ndjson' };
  }
  const file = path.join(folder, `${id}${path.extname(content.filename).toLowerCase() || '.bin'}`);
  // opened here, not lazily by the stream: a failed upload is then removed for sure (a late open would re-create it)
  const out = fs.createWriteStream(file, { fd: fs.openSync(file, 'w') });
  await pipeline(content.stream, limitBytes(maxUploadBytes), out).catch((error) => {
    fs.rmSync(file, { force: true });
    throw error;
  });
  if (fs.statSync(file).size === 0) {
    fs.rmSync(file, { force: true });
    throw new AppError('VALIDATION', '上传的文件为空');
  }
  return { path: file, filename: content.filename, format: null };
}

function limitBytes(max: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      if (seen > max) callback(new AppError('PAYLOAD_TOO_LARGE', `文件超过 ${Math.round(max / 1024 / 1024)} MB 上限，请拆分后分批上传`));
      else callback(null, chunk);
    },
  });
}
