import { AppError } from '../../shared/errors';
import { CATEGORIES } from './base-catalog';
import { CODE_TABLES } from './code-tables';
import type { CatalogItemDef } from './types';

/**
 * What every catalog item must satisfy before it can be saved: a legal basis (no information outside
 * the catalog and no item without a basis), consistent fields, and sane disclosure periods.
 */
export function assertValidItem(item: CatalogItemDef): void {
  if (!item.legalBasis.length || item.legalBasis.some((basis) => !basis.document.trim())) {
    throw new AppError('LEGAL_BASIS_MISSING', `目录条目「${item.name}」必须载明法律、法规或政策依据`);
  }
  const problems = [...fieldProblems(item), ...periodProblems(item)];
  if (!CATEGORIES.some((category) => category.code === item.categoryCode)) problems.push(`信息类别 ${item.categoryCode} 不存在`);
  if (problems.length) throw new AppError('VALIDATION', `目录条目不合法：${problems[0]}`, problems.map((message) => ({ message })));
}

function fieldProblems(item: CatalogItemDef): string[] {
  const problems: string[] = [];
  const keys = new Set<string>();
  for (const field of item.fields) {
    if (!/^[a-z][a-z0-9_]{0,63}$/.test(field.key)) problems.push(`字段标识 ${field.key} 须为小写字母、数字和下划线`);
    if (keys.has(field.key)) problems.push(`字段 ${field.key} 重复`);
    keys.add(field.key);
    if ((field.type === 'code' || field.type === 'codes') && !CODE_TABLES[field.codeTable ?? '']) problems.push(`字段 ${field.label} 的代码表 ${field.codeTable ?? '（未指定）'} 不存在`);
  }
  const pointers = {
    documentNumberField: '决定文书号字段',
    decisionDateField: '决定日期字段',
    subjectNameField: '主体名称字段',
    subjectIdentifierField: '主体代码字段',
  } as const;
  for (const [pointer, label] of Object.entries(pointers)) {
    const key = item[pointer as keyof typeof pointers];
    if (!keys.has(key)) problems.push(`${label} ${key} 不在字段列表中`);
  }
  const dateField = item.fields.find((f) => f.key === item.decisionDateField);
  if (dateField && dateField.type !== 'date') problems.push('决定日期字段的类型必须为日期');
  return problems;
}

function periodProblems(item: CatalogItemDef): string[] {
  const problems: string[] = [];
  for (const [severity, period] of Object.entries(item.disclosurePeriods)) {
    if (!period) continue;
    if (period.minMonths < 0 || period.maxMonths < period.minMonths) problems.push(`${severity} 的公示期最短 ${period.minMonths} 个月不得长于最长 ${period.maxMonths} 个月`);
  }
  if (item.nature === 'negative' && item.defaultSeverity !== 'none' && !item.disclosurePeriods[item.defaultSeverity]) {
    problems.push('失信信息必须设置其默认严重程度对应的公示期');
  }
  return problems;
}
