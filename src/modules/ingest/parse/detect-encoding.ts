import chardet from 'chardet';
import iconv from 'iconv-lite';
import { MESSAGES, ParseError } from './errors';

/** Encodings the CSV reader decodes (iconv-lite names). GBK files are decoded as gb18030, its superset. */
export type TextEncoding = 'utf8' | 'utf16le' | 'utf16be' | 'gb18030';

export interface EncodingDetection {
  encoding: TextEncoding;
  /** 0–100 */
  confidence: number;
  /** bytes of a byte-order mark at the start of the sample (the decoder strips it) */
  bomLength: number;
}

export const DETECTION_SAMPLE_BYTES = 64 * 1024;

/** Share of suspicious characters (U+FFFD, control characters, private-use area) above which the sample is refused. */
const MAX_SUSPICIOUS_RATIO = 0.1;

/**
 * Detects the text encoding of a CSV from its first bytes (at most 64 KiB are looked at):
 * 1. BOM: EF BB BF → utf8, FF FE → utf16le, FE FF → utf16be;
 * 2. valid UTF-8 (a multi-byte sequence cut at the end of the sample is allowed) → utf8;
 * 3. UTF-16 without BOM when chardet is confident (≥ 50);
 * 4. otherwise gb18030 — chardet's GB18030/GBK/Big5 guesses all land here (GB18030 is a superset of
 *    GBK; Big5 files from Taiwan/Hong Kong are not expected and are not told apart).
 * The sample is then decoded; if more than 10 % of it is replacement, control or private-use
 * characters, the file is refused with ParseError('ENCODING').
 */
export function detectEncoding(sample: Uint8Array): EncodingDetection {
  const bytes = sample.subarray(0, DETECTION_SAMPLE_BYTES);
  let result: EncodingDetection;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    result = { encoding: 'utf8', confidence: 100, bomLength: 3 };
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    result = { encoding: 'utf16le', confidence: 100, bomLength: 2 };
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    result = { encoding: 'utf16be', confidence: 100, bomLength: 2 };
  } else if (isValidUtf8(bytes)) {
    result = { encoding: 'utf8', confidence: 100, bomLength: 0 };
  } else {
    result = guessWithChardet(bytes);
  }
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), result.encoding);
  if (suspiciousRatio(text) > MAX_SUSPICIOUS_RATIO) throw new ParseError('ENCODING', MESSAGES.ENCODING);
  return result;
}

function guessWithChardet(bytes: Uint8Array): EncodingDetection {
  const matches = chardet.analyse(bytes);
  const confidenceOf = (...names: string[]) =>
    Math.max(0, ...matches.filter((m) => names.includes(m.name)).map((m) => m.confidence));
  const top = matches[0];
  if (top && top.confidence >= 50 && (top.name === 'UTF-16LE' || top.name === 'UTF-16BE')) {
    return { encoding: top.name === 'UTF-16LE' ? 'utf16le' : 'utf16be', confidence: top.confidence, bomLength: 0 };
  }
  return { encoding: 'gb18030', confidence: confidenceOf('GB18030', 'GBK', 'GB2312', 'Big5'), bomLength: 0 };
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    // stream: true → an incomplete sequence at the very end (cut by the sample) is not an error
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

function suspiciousRatio(text: string): number {
  if (text.length === 0) return 0;
  let bad = 0;
  let total = 0;
  // the last character may be a cut multi-byte sequence: ignore it
  const end = text.length - 1;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    total++;
    if (c === 0xfffd) bad++;
    else if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) bad++;
    else if (c >= 0x7f && c < 0xa0) bad++;
    else if (c >= 0xe000 && c <= 0xf8ff) bad++;
  }
  return total === 0 ? 0 : bad / total;
}
