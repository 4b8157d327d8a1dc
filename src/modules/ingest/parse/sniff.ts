/** File format from the first bytes (magic numbers), falling back to the file name. */
export type SniffedFormat = 'xlsx' | 'csv' | 'ole';

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/**
 * - `PK\x03\x04` (zip local header; also `PK\x05\x06`, an empty zip) → 'xlsx'
 * - `D0 CF 11 E0 A1 B1 1A E1` (OLE compound file: legacy .xls, or an encrypted .xlsx) → 'ole'
 * - otherwise by name: .xlsx/.xlsm/.xltx/.xltm → 'xlsx' (it will then be reported as broken),
 *   anything else → 'csv' (text exports named .xls or .txt are common; the encoding check refuses
 *   binary data)
 */
export function detectFormat(firstBytes: Uint8Array, filename?: string): SniffedFormat {
  const b = firstBytes;
  if (b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && ((b[2] === 3 && b[3] === 4) || (b[2] === 5 && b[3] === 6))) {
    return 'xlsx';
  }
  if (b.length >= 8 && OLE_MAGIC.every((byte, i) => b[i] === byte)) return 'ole';
  const ext = filename?.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  if (ext === 'xlsx' || ext === 'xlsm' || ext === 'xltx' || ext === 'xltm') return 'xlsx';
  return 'csv';
}

/** 'EncryptedPackage' as it appears in an OLE directory entry name (UTF-16LE). */
export const ENCRYPTED_PACKAGE_UTF16 = Buffer.from('EncryptedPackage', 'utf16le');
