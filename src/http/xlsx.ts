import { PassThrough, type Writable } from 'node:stream';
import type { FastifyReply } from 'fastify';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Streams a workbook written by `write` as a download named `filename` (UTF-8 file names for Chinese). */
export function sendXlsx(reply: FastifyReply, filename: string, write: (output: Writable) => Promise<void>) {
  const stream = new PassThrough();
  write(stream).catch((error) => stream.destroy(error as Error));
  return reply
    .header('content-type', XLSX_TYPE)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`)
    .send(stream);
}
