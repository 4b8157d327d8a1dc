import { describe, expect, it } from 'vitest';
import { maskPersonalPatterns } from './redact';

describe('maskPersonalPatterns', () => {
  it('masks citizen IDs and mobile numbers inside free text', () => {
    expect(maskPersonalPatterns('/api/v1/identifiers/11010519491231002X')).toBe('/api/v1/identifiers/110105********002X');
    expect(maskPersonalPatterns('联系电话13800138000，')).toBe('联系电话138****8000，');
  });

  it('leaves USCCs, amounts and short numbers alone', () => {
    expect(maskPersonalPatterns('91310110666007217T 罚款 2000 元 文号〔2026〕12号')).toBe('91310110666007217T 罚款 2000 元 文号〔2026〕12号');
  });
});
