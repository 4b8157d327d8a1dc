import { randomBytes } from 'node:crypto';
import smCrypto from 'sm-crypto';

const { sm3, sm4 } = smCrypto;

/**
 * Personal identifiers (citizen ID, phone, address of natural persons) are stored SM4-encrypted (CBC,
 * random IV) with an HMAC-SM3 beside them for equality look-ups. The key is set once at start-up from
 * PERSONAL_DATA_KEY.
 */
let key: string | null = null;

export function configurePersonalDataKey(hexKey: string): void {
  if (!/^[0-9a-fA-F]{32}$/.test(hexKey)) throw new Error('PERSONAL_DATA_KEY 必须是 32 位十六进制字符（128 位 SM4 密钥）');
  key = hexKey.toLowerCase();
}

function currentKey(): string {
  if (!key) throw new Error('personal data key not configured');
  return key;
}

export function encryptPersonal(value: string): string {
  const iv = randomBytes(16).toString('hex');
  return `${iv}:${sm4.encrypt(value, currentKey(), { mode: 'cbc', iv })}`;
}

export function decryptPersonal(stored: string): string {
  const [iv, cipher] = stored.split(':');
  return sm4.decrypt(cipher, currentKey(), { mode: 'cbc', iv }) as string;
}

/** Keyed hash for look-ups: equal inputs give equal hashes, and the table alone does not reveal the numbers. */
export function hashPersonal(value: string): string {
  return sm3(value, { key: currentKey() });
}
