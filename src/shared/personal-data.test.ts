import { beforeAll, describe, expect, it } from 'vitest';
import { configurePersonalDataKey, decryptPersonal, encryptPersonal, hashPersonal } from './personal-data';

describe('personal data encryption', () => {
  beforeAll(() => configurePersonalDataKey('00112233445566778899aabbccddeeff'));

  it('round-trips and never stores the plain value', () => {
    const stored = encryptPersonal('11010519491231002X');
    expect(stored).not.toContain('11010519491231002X');
    expect(decryptPersonal(stored)).toBe('11010519491231002X');
  });

  it('uses a fresh IV each time but a stable keyed hash', () => {
    expect(encryptPersonal('13800138000')).not.toBe(encryptPersonal('13800138000'));
    expect(hashPersonal('11010519491231002X')).toBe(hashPersonal('11010519491231002X'));
    expect(hashPersonal('11010519491231002X')).not.toBe(hashPersonal('440524188001010014'));
  });

  it('depends on the key', () => {
    const first = hashPersonal('11010519491231002X');
    configurePersonalDataKey('ffeeddccbbaa99887766554433221100');
    expect(hashPersonal('11010519491231002X')).not.toBe(first);
  });

  it('rejects a malformed key', () => {
    expect(() => configurePersonalDataKey('short')).toThrow(/PERSONAL_DATA_KEY/);
  });
});
