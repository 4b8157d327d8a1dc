import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { CODE_TABLES, type CatalogItem } from '../catalog';
import { neutraliseForExport } from './parse';
import type * as repo from './repository';
import type { ingestErrors } from './tables';

/** An upload template: one column per field with its Chinese label, and a sheet explaining each field. */
export async function writeTemplate(item: CatalogItem, output: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true });
  const sheet = workbook.addWorksheet(item.name.slice(0, 31));
  sheet.columns = item.fields.map((field) => ({ header: field.label, key: field.key, width: Math.max(12, field.label.length * 2 + 2) }));
  const header = sheet.getRow(1);
  item.fields.forEach((field, index) => {
    const cell = header.getCell(index + 1);
    cell.font = { bold: true, color: { argb: field.required === true ? 'FFC00000' : 'FF000000' } };
  });
  header.commit();
  sheet.commit();
  const guide = workbook.addWorksheet('填写说明');
  guide.columns = [
    { header: '列名', key: 'label', width: 30 },
    { header: '字段标识', key: 'key', width: 28 },
    { header: '是否必填', key: 'required', width: 10 },
    { header: '类型', key: 'type', width: 12 },
    { header: '说明', key: 'description', width: 80 },
  ];
  for (const field of item.fields) {
    const codes = field.codeTable ? `可选值：${CODE_TABLES[field.codeTable].entries.map((e) => e.label).join('、')}` : '';
    guide.addRow({ label: field.label, key: field.key, required: field.required === true ? '必填' : field.required === 'conditional' ? '条件必填' : '选填', type: TYPE_LABELS[field.type], description: [field.unit ? `单位：${field.unit}` : '', field.description ?? '', codes].filter(Boolean).join(' ') }).commit();
  }
  guide.commit();
  await workbook.commit();
}

const TYPE_LABELS: Record<string, string> = {
  string: '文本',
  text: '长文本',
  date: '日期',
  decimal: '数字',
  integer: '整数',
  boolean: '是/否',
  code: '代码',
  codes: '代码（可多个）',
  uscc: '统一社会信用代码',
  citizen_id: '身份证号码',
  identifier: '证件号码',
};

/** The rejected rows as received plus their problems; cells that look like formulas are neutralised. */
export async function writeRejectedRows(errors: (typeof ingestErrors.$inferSelect)[], batch: repo.BatchRow, output: Writable): Promise<void> {
  const byRow = new Map<number, { raw: Record<string, unknown> | null; problems: string[] }>();
  for (const error of errors) {
    const entry = byRow.get(error.rowNumber) ?? { raw: error.raw ?? null, problems: [] };
    entry.problems.push(`${error.field ? `[${error.field}] ` : ''}${error.message}`);
    byRow.set(error.rowNumber, entry);
  }
  const headers = [...new Set([...byRow.values()].flatMap((entry) => Object.keys(entry.raw ?? {})))];
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output });
  const sheet = workbook.addWorksheet('未通过的行');
  sheet.columns = [{ header: '原行号', key: '__row', width: 8 }, { header: '错误原因', key: '__problems', width: 60 }, ...headers.map((h) => ({ header: neutraliseForExport(h), key: h, width: 18 }))];
  for (const [rowNumber, entry] of byRow) {
    const values: Record<string, unknown> = { __row: rowNumber, __problems: entry.problems.join('；') };
    for (const header of headers) {
      const value = entry.raw?.[header];
      values[header] = typeof value === 'string' ? neutraliseForExport(value) : value === undefined || value === null ? '' : JSON.stringify(value);
    }
    sheet.addRow(values).commit();
  }
  sheet.commit();
  workbook.addWorksheet('批次信息').addRow([`批次 ${batch.id}，目录条目 ${batch.itemCode}，共 ${batch.total} 行，未通过 ${batch.rejected} 行`]).commit();
  await workbook.commit();
}
