import { describe, expect, it } from 'vitest';
import { ADMINISTRATIVE_ACTION_CODES, BASE_ITEMS, CATEGORIES } from './base-catalog';
import { CODE_TABLES } from './code-tables';
import type { CatalogItemDef, FieldDef } from './types';

function itemByCode(code: string): CatalogItemDef {
  const found = BASE_ITEMS.find((i) => i.code === code);
  if (!found) throw new Error(`no item ${code}`);
  return found;
}

function fieldByAlias(item: CatalogItemDef, alias: string): FieldDef | undefined {
  const wanted = alias.toLowerCase();
  return item.fields.find((f) => (f.aliases ?? []).some((a) => a.toLowerCase() === wanted));
}

const VALID_SEVERITIES = ['minor', 'general', 'serious'] as const;

describe('categories', () => {
  it('has the 13 categories of the 2024 edition with unique codes 01..13', () => {
    expect(CATEGORIES).toHaveLength(13);
    expect(new Set(CATEGORIES.map((c) => c.code)).size).toBe(13);
    expect(new Set(CATEGORIES.map((c) => c.name)).size).toBe(13);
    expect(CATEGORIES.map((c) => c.code)).toEqual(
      Array.from({ length: 13 }, (_, i) => String(i + 1).padStart(2, '0')),
    );
    expect(CATEGORIES.map((c) => c.ordinal)).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
  });

  it('uses the 2024 wording and marks the later additions', () => {
    const names = CATEGORIES.map((c) => c.name);
    expect(names).toContain('职称和职业信息');
    expect(names).toContain('经营主体自愿提供的信用信息');
    expect(CATEGORIES.find((c) => c.name === '遵守法律法规情况信息')?.since).toBe('2022');
    expect(CATEGORIES.find((c) => c.name === '知识产权信息')?.since).toBe('2024');
    expect(CATEGORIES.filter((c) => c.since === '2021')).toHaveLength(11);
  });

  it('has at least one base item in every category', () => {
    for (const c of CATEGORIES) {
      expect(BASE_ITEMS.some((i) => i.categoryCode === c.code), `category ${c.code}`).toBe(true);
    }
  });
});

describe('code tables', () => {
  it('have unique codes and unique labels within each table', () => {
    for (const [name, table] of Object.entries(CODE_TABLES)) {
      expect(table.entries.length, name).toBeGreaterThan(0);
      expect(new Set(table.entries.map((e) => e.code)).size, `${name} codes`).toBe(table.entries.length);
      expect(new Set(table.entries.map((e) => e.label)).size, `${name} labels`).toBe(table.entries.length);
      for (const e of table.entries) expect(e.code, `${name}: ${e.label}`).toMatch(/^[A-Za-z0-9_]+$/);
    }
  });

  it('accepts the 行政相对人类别 labels exactly as written in national data', () => {
    const entries = CODE_TABLES.subject_category.entries;
    expect(entries.map((e) => [e.code, e.label])).toEqual([
      ['legal_entity', '法人及非法人组织'],
      ['natural_person', '自然人'],
      ['individual_business', '个体工商户'],
    ]);
  });

  it('orders the 13 post-2021 penalty types light to heavy, plus 其他 and the legacy labels', () => {
    const entries = CODE_TABLES.penalty_type.entries;
    const ranked = entries.filter((e) => !e.code.startsWith('legacy_') && e.rank !== undefined);
    expect(ranked.map((e) => e.label)).toEqual([
      '警告',
      '通报批评',
      '罚款',
      '没收违法所得',
      '没收非法财物',
      '暂扣许可证件',
      '降低资质等级',
      '吊销许可证件',
      '限制开展生产经营活动',
      '责令停产停业',
      '责令关闭',
      '限制从业',
      '行政拘留',
    ]);
    expect(ranked.map((e) => e.rank)).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
    expect(entries.find((e) => e.label === '其他')?.severity).toBe('general');
    expect(entries.find((e) => e.label === '没收违法所得、没收非法财物')?.code).toMatch(/^legacy_/);
    expect(entries.find((e) => e.label === '暂扣或者吊销许可证、暂扣或者吊销执照')?.code).toMatch(/^legacy_/);
    // every penalty type suggests a severity, and severity never decreases with rank
    for (const e of entries) expect(e.severity, e.label).toBeDefined();
    const order = { none: 0, minor: 1, general: 2, serious: 3 };
    for (let i = 1; i < ranked.length; i++) {
      expect(order[ranked[i].severity!]).toBeGreaterThanOrEqual(order[ranked[i - 1].severity!]);
    }
  });

  it('has the six 许可类别 of the 双公示 standard', () => {
    expect(CODE_TABLES.licence_type.entries.map((e) => e.label)).toEqual(['普通', '特许', '认可', '核准', '登记', '其他']);
  });

  it('uses the certificate type codes seen in provincial systems', () => {
    const byCode = Object.fromEntries(CODE_TABLES.certificate_type.entries.map((e) => [e.code, e.label]));
    expect(byCode).toMatchObject({ '10': '身份证', '20': '军人证件', '50': '护照', '90': '其他' });
    expect(Object.values(byCode)).toContain('外国人永久居留身份证');
  });

  it('has the four commitment kinds of the glossary', () => {
    expect(CODE_TABLES.commitment_kind.entries.map((e) => e.code).sort()).toEqual(
      ['approval_substitute', 'repair', 'self_discipline', 'voluntary'],
    );
  });
});

describe('base items', () => {
  it('have unique codes and are all base items', () => {
    expect(new Set(BASE_ITEMS.map((i) => i.code)).size).toBe(BASE_ITEMS.length);
    for (const i of BASE_ITEMS) expect(i.kind, i.code).toBe('base');
  });

  it('cover every kind of information the seeds name', () => {
    const codes = new Set(BASE_ITEMS.map((i) => i.code));
    for (const code of [
      'registration',
      ...ADMINISTRATIVE_ACTION_CODES,
      'judicial_judgment',
      'judicial_enforcement',
      'professional_qualification',
      'abnormal_operation',
      'serious_dishonesty_list',
      'red_list',
      'watch_list',
      'contract_performance',
      'commitment',
      'commitment_fulfilment',
      'rating',
      'honour',
      'self_declared',
      'consumer_complaint',
      'law_compliance',
      'intellectual_property',
    ]) {
      expect(codes.has(code), code).toBe(true);
    }
  });

  it('include the ten administrative actions, all in category 03', () => {
    expect(ADMINISTRATIVE_ACTION_CODES).toHaveLength(10);
    for (const code of ADMINISTRATIVE_ACTION_CODES) expect(itemByCode(code).categoryCode, code).toBe('03');
  });

  it('belong to an existing category', () => {
    const categories = new Set(CATEGORIES.map((c) => c.code));
    for (const i of BASE_ITEMS) expect(categories.has(i.categoryCode), i.code).toBe(true);
  });

  it('name an existing code table in every code/codes field, and only there', () => {
    for (const i of BASE_ITEMS) {
      for (const f of i.fields) {
        if (f.type === 'code' || f.type === 'codes') {
          expect(f.codeTable, `${i.code}.${f.key}`).toBeDefined();
          expect(CODE_TABLES[f.codeTable!], `${i.code}.${f.key} → ${f.codeTable}`).toBeDefined();
        } else {
          expect(f.codeTable, `${i.code}.${f.key}`).toBeUndefined();
        }
      }
    }
  });

  it('point documentNumberField, decisionDateField, subjectNameField and subjectIdentifierField at real fields', () => {
    for (const i of BASE_ITEMS) {
      const byKey = new Map(i.fields.map((f) => [f.key, f]));
      const doc = byKey.get(i.documentNumberField);
      const date = byKey.get(i.decisionDateField);
      const name = byKey.get(i.subjectNameField);
      const id = byKey.get(i.subjectIdentifierField);
      expect(doc, `${i.code}.documentNumberField`).toBeDefined();
      expect(date, `${i.code}.decisionDateField`).toBeDefined();
      expect(name, `${i.code}.subjectNameField`).toBeDefined();
      expect(id, `${i.code}.subjectIdentifierField`).toBeDefined();
      expect(doc!.required, `${i.code}: document number required`).toBe(true);
      expect(date!.type, `${i.code}: decision date type`).toBe('date');
      expect(date!.required, `${i.code}: decision date required`).toBe(true);
      expect(name!.required, `${i.code}: subject name required`).toBe(true);
      expect(['uscc', 'citizen_id', 'identifier'], `${i.code}: identifier type`).toContain(id!.type);
    }
  });

  it('have at least one legal basis, each with a non-empty document', () => {
    for (const i of BASE_ITEMS) {
      expect(i.legalBasis.length, i.code).toBeGreaterThan(0);
      for (const b of i.legalBasis) {
        expect(b.document.trim().length, i.code).toBeGreaterThan(0);
        if (b.article !== undefined) expect(b.article.trim().length, i.code).toBeGreaterThan(0);
      }
    }
  });

  it('give negative items disclosure periods with min ≤ max ≤ 36 months', () => {
    for (const i of BASE_ITEMS) {
      const periods = i.disclosurePeriods;
      if (i.nature === 'negative' || i.defaultSeverity !== 'none') {
        expect(i.defaultSeverity, `${i.code}: negative items need a severity`).not.toBe('none');
        expect(periods[i.defaultSeverity as (typeof VALID_SEVERITIES)[number]], `${i.code}: period of default severity`).toBeDefined();
      }
      for (const s of VALID_SEVERITIES) {
        const p = periods[s];
        if (!p) continue;
        expect(p.minMonths, `${i.code}.${s}`).toBeGreaterThanOrEqual(0);
        expect(p.minMonths, `${i.code}.${s}`).toBeLessThanOrEqual(p.maxMonths);
        expect(p.maxMonths, `${i.code}.${s}`).toBeLessThanOrEqual(36);
      }
      if (periods.none) expect(periods.none.minMonths).toBeLessThanOrEqual(periods.none.maxMonths);
      if (i.nature !== 'negative' && i.defaultSeverity === 'none') {
        expect('none' in periods, `${i.code}: neutral/positive items state their own period`).toBe(true);
      }
    }
  });

  it('follow the national minimum/maximum periods for penalties', () => {
    expect(itemByCode('penalty').disclosurePeriods).toEqual({
      minor: { minMonths: 0, maxMonths: 3 },
      general: { minMonths: 3, maxMonths: 12 },
      serious: { minMonths: 12, maxMonths: 36 },
    });
  });

  it('make repairable exactly the negative items the platform can repair', () => {
    expect(itemByCode('penalty').repairable).toBe(true);
    expect(itemByCode('abnormal_operation').repairable).toBe(true);
    expect(itemByCode('serious_dishonesty_list').repairable).toBe(true);
    expect(itemByCode('judicial_enforcement').repairable).toBe(false);
    for (const i of BASE_ITEMS.filter((x) => x.nature === 'positive')) expect(i.repairable, i.code).toBe(false);
  });

  it('never share a key, label or alias between two fields of an item (case-insensitive)', () => {
    for (const i of BASE_ITEMS) {
      const owner = new Map<string, string>();
      for (const f of i.fields) {
        expect(f.key, `${i.code}.${f.key}`).toMatch(/^[a-z][a-z0-9_]*$/);
        const names = new Set([f.key, f.label, ...(f.aliases ?? [])].map((n) => n.toLowerCase()));
        for (const n of names) {
          const prev = owner.get(n);
          expect(prev, `${i.code}: "${n}" used by ${prev} and ${f.key}`).toBeUndefined();
          owner.set(n, f.key);
        }
      }
    }
  });

  it('hide every natural person identity number from public output', () => {
    for (const i of BASE_ITEMS) {
      for (const f of i.fields) {
        if (f.type === 'citizen_id' || f.personal === 'citizen_id') {
          expect(f.personal, `${i.code}.${f.key}`).toBe('citizen_id');
          expect(f.publicVisible, `${i.code}.${f.key}`).toBe(false);
        }
      }
    }
  });

  it('keep natural-person-only items out of public disclosure', () => {
    for (const i of BASE_ITEMS) {
      if (i.subjectKinds.length === 1 && i.subjectKinds[0] === 'natural_person') {
        expect(i.disclosureScope, i.code).not.toBe('public');
      }
    }
  });

  it('give amounts in 万元 as decimals', () => {
    for (const i of BASE_ITEMS) {
      for (const f of i.fields.filter((x) => x.unit !== undefined)) {
        expect(f.type, `${i.code}.${f.key}`).toBe('decimal');
        expect(f.unit, `${i.code}.${f.key}`).toBe('万元');
      }
    }
  });
});

describe('双公示 fields', () => {
  const penalty = itemByCode('penalty');
  const licence = itemByCode('licence');

  it('penalty accepts the national column codes and full Chinese headers', () => {
    expect(fieldByAlias(penalty, 'CF_WSH')?.key).toBe(penalty.documentNumberField);
    expect(fieldByAlias(penalty, 'CF_JDRQ')?.key).toBe(penalty.decisionDateField);
    expect(fieldByAlias(penalty, 'cf_xdr_mc')?.key).toBe(penalty.subjectNameField);
    const types = fieldByAlias(penalty, 'CF_CFLB');
    expect(types?.type).toBe('codes');
    expect(types?.codeTable).toBe('penalty_type');
    const fine = fieldByAlias(penalty, 'CF_NR_FK');
    expect(fine?.type).toBe('decimal');
    expect(fine?.unit).toBe('万元');
    expect(fieldByAlias(penalty, '行政相对人代码_1（统一社会信用代码）')?.key).toBe('uscc');
    expect(fieldByAlias(penalty, 'CF_XDR_SHXYM')?.key).toBe('uscc');
    const personId = fieldByAlias(penalty, 'CF_XDR_ZJHM');
    expect(personId?.personal).toBe('citizen_id');
    expect(personId?.publicVisible).toBe(false);
    for (const code of ['CF_XDR_LB', 'CF_XDR_GSZC', 'CF_XDR_ZZJG', 'CF_XDR_SWDJ', 'CF_XDR_SYDW', 'CF_XDR_SHZZ', 'CF_FRDB',
      'CF_FR_ZJLX', 'CF_FR_ZJHM', 'CF_XDR_ZJLX', 'CF_WFXW', 'CF_SY', 'CF_YJ', 'CF_NR', 'CF_NR_WFFF', 'CF_NR_ZKDX', 'CF_YXQ',
      'CF_GSJZQ', 'CF_CFJG', 'CF_CFJGDM', 'CF_SJLY', 'CF_SJLYDM', 'BZ']) {
      expect(fieldByAlias(penalty, code), code).toBeDefined();
    }
  });

  it('licence accepts the national column codes', () => {
    expect(fieldByAlias(licence, 'XK_WSH')?.key).toBe(licence.documentNumberField);
    expect(fieldByAlias(licence, 'XK_JDRQ')?.key).toBe(licence.decisionDateField);
    const type = fieldByAlias(licence, 'XK_XKLB');
    expect(type?.type).toBe('code');
    expect(type?.codeTable).toBe('licence_type');
    const until = fieldByAlias(licence, 'XK_YXQZI');
    expect(until?.type).toBe('date');
    expect(until?.description).toContain('2099-12-31');
    expect(fieldByAlias(licence, 'XK_YXQZ')?.key).not.toBe(until?.key);
    for (const code of ['XK_XDR_MC', 'XK_XDR_LB', 'XK_XDR_SHXYM', 'XK_XKWS', 'XK_XKZS', 'XK_XKBH', 'XK_NR', 'XK_XKJG',
      'XK_XKJGDM', 'XK_ZT', 'XK_LYDW', 'XK_LYDWDM', 'XK_FR_SFZH']) {
      expect(fieldByAlias(licence, code), code).toBeDefined();
    }
  });

  it('requires the fields the standard marks as mandatory', () => {
    for (const code of ['CF_XDR_MC', 'CF_XDR_LB', 'CF_WSH', 'CF_CFLB', 'CF_NR', 'CF_JDRQ', 'CF_CFJG']) {
      expect(fieldByAlias(penalty, code)?.required, code).toBe(true);
    }
    expect(fieldByAlias(penalty, 'CF_XDR_SHXYM')?.required).toBe('conditional');
    for (const code of ['XK_XDR_MC', 'XK_WSH', 'XK_XKLB', 'XK_NR', 'XK_JDRQ', 'XK_XKJG']) {
      expect(fieldByAlias(licence, code)?.required, code).toBe(true);
    }
  });
});
