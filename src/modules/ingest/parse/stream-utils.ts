import { Readable } from 'node:stream';

function toBuffer(chunk: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (typeof chunk === 'string') return Buffer.from(chunk, 'utf8');
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  throw new TypeError('expected a byte stream');
}

export interface Peeked {
  /** the first bytes (at least `size` unless the stream is shorter) */
  head: Buffer;
  /** a byte stream with the whole content, head included: nothing is lost by peeking */
  rest: Readable;
}

export interface PeekOptions {
  /** called with each chunk's length as it is read from the source; may throw (e.g. a size limit) */
  onBytes?: (length: number) => void;
}

/**
 * Reads the first `size` bytes of a stream without losing them. The returned `rest` replays them
 * and then continues with the source, with backpressure (it pulls from the source only when read).
 * Destroying `rest` ends the source too.
 */
export async function peekStream(source: Readable | AsyncIterable<unknown>, size: number, options: PeekOptions = {}): Promise<Peeked> {
  const iterator = (source as AsyncIterable<unknown>)[Symbol.asyncIterator]();
  const next = async (): Promise<Buffer | null> => {
    const result = await iterator.next();
    if (result.done) return null;
    const buffer = toBuffer(result.value);
    options.onBytes?.(buffer.length);
    return buffer;
  };

  const chunks: Buffer[] = [];
  let length = 0;
  let ended = false;
  try {
    while (length < size) {
      const chunk = await next();
      if (chunk === null) {
        ended = true;
        break;
      }
      chunks.push(chunk);
      length += chunk.length;
    }
  } catch (error) {
    await iterator.return?.();
    throw error;
  }
  const head = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);

  async function* replay(): AsyncGenerator<Buffer> {
    let done = ended;
    try {
      if (head.length > 0) yield head;
      while (!done) {
        const chunk = await next();
        if (chunk === null) {
          done = true;
          break;
        }
        yield chunk;
      }
    } finally {
      // abandoned early (consumer destroyed the stream, or an error): release the source
      if (!done) await iterator.return?.();
    }
  }
  return { head, rest: Readable.from(replay(), { objectMode: false, highWaterMark: 64 * 1024 }) };
}
