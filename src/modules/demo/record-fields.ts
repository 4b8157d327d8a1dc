import type { CatalogItem, FieldDef } from '../catalog';
import { CODE_TABLES } from '../catalog';
import { PLACEHOLDER_USCC } from '../catalog';
import { pick, type Random } from './names';

export interface DemoSubject {
  kind: 'legal_entity' | 'individual_business' | 'natural_person';
  name: string;
  uscc?: string;
  registrationNo?: string;
  citizenId?: string;
  representative?: { name: string; citizenId: string };
}

export interface DemoDepartmentInfo {
  code: string;
  name: string;
  uscc: string;
}

const CATEGORY_LABELS = { legal_entity: '法人及非法人组织', individual_business: '个体工商户', natural_person: '自然人' } as const;

const PENALTY_CASES = [
  { type: '未按规定公示年度报告', facts: '当事人未按规定期限公示年度报告，经责令限期改正逾期未改正。', content: '警告', types: ['warning'] },
  { type: '销售不符合食品安全标准的食品', facts: '当事人经营的食品经抽样检验不合格，涉案货值较小。', content: '没收违法所得并处罚款', types: ['fine', 'confiscate_illegal_gains'] },
  { type: '超标排放大气污染物', facts: '经监测，当事人排放的大气污染物超过国家排放标准。', content: '罚款', types: ['fine'] },
  { type: '未取得施工许可证擅自施工', facts: '当事人未取得施工许可证即开工建设。', content: '责令停止施工，处以罚款', types: ['fine'] },
  { type: '未按规定进行安全生产教育和培训', facts: '当事人未对从业人员进行安全生产教育和培训。', content: '罚款', types: ['fine'] },
  { type: '无证经营道路运输', facts: '当事人未取得道路运输经营许可，擅自从事道路运输经营。', content: '责令停止经营，没收违法所得并处罚款', types: ['fine', 'confiscate_illegal_gains'] },
  { type: '违法排放水污染物情节严重', facts: '当事人通过暗管排放水污染物，情节严重。', content: '责令停产停业，处以罚款', types: ['suspend_production', 'fine'] },
  { type: '伪造许可证件', facts: '当事人以欺骗手段取得许可证件。', content: '吊销许可证件，处以罚款', types: ['revoke_licence', 'fine'] },
  { type: '消防设施未保持完好有效', facts: '当事人场所消防设施、器材未保持完好有效。', content: '罚款', types: ['fine'] },
];

const LICENCES = [
  { doc: '食品经营许可决定书', cert: '食品经营许可证', content: '预包装食品销售、散装食品销售', type: 'ordinary' },
  { doc: '排污许可决定书', cert: '排污许可证', content: '准予排放大气污染物、水污染物', type: 'ordinary' },
  { doc: '建筑工程施工许可决定书', cert: '建筑工程施工许可证', content: '准予建筑工程施工', type: 'ordinary' },
  { doc: '道路运输经营许可决定书', cert: '道路运输经营许可证', content: '普通货运', type: 'ordinary' },
  { doc: '安全生产许可决定书', cert: '安全生产许可证', content: '非煤矿山开采', type: 'ordinary' },
  { doc: '医疗机构执业许可决定书', cert: '医疗机构执业许可证', content: '内科、外科门诊', type: 'ordinary' },
  { doc: '取水许可决定书', cert: '取水许可证', content: '地表水取水', type: 'ordinary' },
];

export interface FieldContext {
  item: CatalogItem;
  subject: DemoSubject;
  department: DemoDepartmentInfo;
  decisionDate: string;
  sequence: number;
  random: Random;
}

/** Plausible field values for any catalog item, driven by its field schema. */
export function demoRecordFields(context: FieldContext): Record<string, unknown> {
  const { item, random } = context;
  const scenario = item.code === 'penalty' ? pick(random, PENALTY_CASES) : null;
  const licence = item.code === 'licence' ? pick(random, LICENCES) : null;
  const values: Record<string, unknown> = {};
  for (const field of item.fields) {
    const value = valueFor(field, context, scenario, licence);
    if (value !== undefined) values[field.key] = value;
  }
  return values;
}

function valueFor(field: FieldDef, context: FieldContext, scenario: (typeof PENALTY_CASES)[number] | null, licence: (typeof LICENCES)[number] | null): unknown {
  const { item, subject, department, decisionDate, sequence, random } = context;
  const person = subject.kind === 'natural_person';
  const specific: Record<string, () => unknown> = {
    subject_name: () => subject.name,
    subject_category: () => CATEGORY_LABELS[subject.kind],
    uscc: () => (person ? undefined : (subject.uscc ?? PLACEHOLDER_USCC)),
    business_registration_number: () => subject.registrationNo,
    org_code: () => subject.uscc?.slice(8, 17),
    legal_representative: () => subject.representative?.name,
    legal_representative_id_type: () => (subject.representative ? '身份证' : undefined),
    legal_representative_id_number: () => subject.representative?.citizenId,
    id_type: () => (person ? '身份证' : undefined),
    id_number: () => (person ? subject.citizenId : undefined),
    authority_name: () => department.name,
    authority_uscc: () => department.uscc,
    data_source_name: () => department.name,
    data_source_uscc: () => department.uscc,
    violation_type: () => scenario?.type,
    violation_facts: () => scenario?.facts,
    penalty_content: () => scenario?.content,
    penalty_types: () => scenario?.types,
    fine_amount: () => (scenario?.types.includes('fine') ? (Math.round(random() * 500) / 100 + 0.1).toFixed(2) : undefined),
    confiscation_amount: () => (scenario?.types.some((t) => t.startsWith('confiscate')) ? (Math.round(random() * 200) / 100 + 0.05).toFixed(2) : undefined),
    penalty_basis: () => '《中华人民共和国行政处罚法》及相关法律法规',
    penalty_valid_until: () => addYears(decisionDate, 1),
    disclosure_deadline: () => undefined,
    document_name: () => licence?.doc,
    certificate_name: () => licence?.cert,
    licence_content: () => licence?.content,
    licence_type: () => licence?.type ?? 'ordinary',
    licence_number: () => `${department.code}XK${decisionDate.slice(0, 4)}${String(sequence).padStart(6, '0')}`,
    valid_from: () => decisionDate,
    valid_until: () => (random() < 0.3 ? '2099-12-31' : addYears(decisionDate, 3 + Math.floor(random() * 3))),
    status: () => 'valid',
    registration_certificate_number: () => subject.uscc ?? subject.registrationNo,
    establishment_date: () => addYears(decisionDate, -Math.floor(random() * 10)),
    approval_date: () => decisionDate,
    remarks: () => undefined,
    removal_date: () => undefined,
    removal_reason: () => undefined,
    removal_document_number: () => undefined,
    removal_authority: () => undefined,
  };
  if (field.key in specific) return specific[field.key]();
  if (field.key === item.documentNumberField) return documentNumber(department.code, item.code, decisionDate, sequence);
  if (field.key === item.decisionDateField) return decisionDate;
  if (field.required !== true) return undefined;
  return genericValue(field, decisionDate, sequence, random, department);
}

function genericValue(field: FieldDef, decisionDate: string, sequence: number, random: Random, department: DemoDepartmentInfo): unknown {
  switch (field.type) {
    case 'date':
      return field.key.includes('until') || field.key.endsWith('_to') ? addYears(decisionDate, 1) : decisionDate;
    case 'decimal':
      return (Math.round(random() * 10000) / 100).toFixed(2);
    case 'integer':
      return Math.floor(random() * 100);
    case 'boolean':
      return true;
    case 'code':
      return pick(random, CODE_TABLES[field.codeTable!].entries).code;
    case 'codes':
      return [pick(random, CODE_TABLES[field.codeTable!].entries).code];
    case 'uscc':
      return department.uscc;
    case 'citizen_id':
    case 'identifier':
      return undefined;
    default: {
      const text = field.key.endsWith('number') ? `${department.code}-${decisionDate.slice(0, 4)}-${sequence}` : `${field.label}（演示数据）`;
      return field.maxLength ? text.slice(0, field.maxLength) : text;
    }
  }
}

const ITEM_LETTERS: Record<string, string> = { penalty: '罚', licence: '许', honour: '表', inspection: '检', registration: '登' };

function documentNumber(departmentCode: string, itemCode: string, decisionDate: string, sequence: number): string {
  return `示${departmentCode}${ITEM_LETTERS[itemCode] ?? '字'}〔${decisionDate.slice(0, 4)}〕${sequence}号`;
}

export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const result = new Date(Date.UTC(y + years, m - 1, Math.min(d, 28)));
  return result.toISOString().slice(0, 10);
}
