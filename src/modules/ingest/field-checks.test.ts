import { describe, expect, it } from 'vitest';
import { BASE_ITEMS, CODE_TABLES, validateFields, type FieldDef } from '../catalog';
import { createSeededRandom, generateCitizenId, generateUscc } from '../identifiers';
import { FieldChecker } from './field-checks';

describe('FieldChecker (validateFields remembering repeated values)', () => {
  it('gives exactly what validateFields gives, for every base item, on random rows', () => {
    const random = createSeededRandom(42);
    const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
    const usccs = [generateUscc({ region: '450403', random }), generateUscc({ region: '110105', random }), '91310110666007217X', '00000000000000000X', 'abc'];
    const citizenIds = [generateCitizenId({ region: '450403', birthDate: '1980-01-02', random }), '110105198001020011', '12345'];
    const valueFor = (field: FieldDef): unknown => {
      const common = [undefined, undefined, '', '  ', 7, ['x']];
      switch (field.type) {
        case 'date':
          return pick([...common, '2026-11-18', '2026/11/18', '20261118', '2026年11月18日', '2026-02-30', '1900-01-01', 'soon', ' 2025-1-5 ']);
        case 'decimal':
        case 'integer':
          return pick([...common, '0.2', '1,200.50', '-3', '12', 'abc', 3.5]);
        case 'boolean':
          return pick([...common, '是', '否', 'true', '0', 'maybe', true]);
        case 'code':
        case 'codes': {
          const table = CODE_TABLES[field.codeTable ?? '']?.entries ?? [];
          const labels = table.flatMap((entry) => [entry.code, entry.label]);
          return pick([...common, ...labels.slice(0, 6), `${labels[0] ?? 'a'}、${labels[2] ?? 'b'}`, '罚金', ' 警告 ']);
        }
        case 'uscc':
        case 'citizen_id':
        case 'identifier':
          return pick([...common, ...usccs, ...citizenIds, ' 91310110666007217t ']);
        default:
          return pick([...common, '某某有限公司', 'x'.repeat(field.maxLength ? field.maxLength + 1 : 5), '  文本  ']);
      }
    };
    for (const item of BASE_ITEMS) {
      const checker = new FieldChecker(item);
      for (let round = 0; round < 400; round++) {
        const input: Record<string, unknown> = {};
        for (const field of item.fields) {
          const value = valueFor(field);
          if (value !== undefined) input[field.key] = value;
        }
        if (round % 50 === 7) input.not_a_field = 'x';
        expect({ item: item.code, input, ...checker.check(input) }).toEqual({ item: item.code, input, ...validateFields(item, input) });
      }
    }
  });
});
