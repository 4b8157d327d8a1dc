import smCrypto from 'sm-crypto';

const { sm3 } = smCrypto;
import { canonicalJson } from '../../shared/canonical-json';
import type { AuditRow } from './repository';

export const GENESIS_HASH = '0'.repeat(64);

/** The SM3 hash of one entry: covers every column and the previous entry's hash. */
export function hashEntry(row: Omit<AuditRow, 'hash'>): string {
  const { prevHash, ...content } = row;
  return sm3(`${prevHash}\n${canonicalJson(content)}`);
}
