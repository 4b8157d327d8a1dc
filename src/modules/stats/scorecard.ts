import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Db } from '../../db/types';
import type { Actor } from '../../shared/actor';
import { AppError } from '../../shared/errors';
import { readsAllDepartments, requireStaff } from '../auth/policy';
import { listDepartments } from '../departments';
import { monthlyBatchStats } from '../ingest';
import { monthlyRecordStats } from '../records';

export interface ScorecardRow {
  departmentId: string;
  departmentCode: string;
  departmentName: string;
  /** records received this month (all channels) */
  volume: number;
  /** rows submitted in batches this month */
  rowsSubmitted: number;
  rejected: number;
  rejectionRate: number | null;
  late: number;
  timelinessRate: number | null;
  completeness: number | null;
  duplicates: number;
}

/** China's month [from, to) as instants: a month is counted in Beijing time. */
export function monthRange(month: string): { from: string; to: string } {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new AppError('VALIDATION', '月份格式应为 YYYY-MM');
  const [year, m] = month.split('-').map(Number);
  const next = m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
  return { from: `${month}-01T00:00:00+08:00`, to: `${next}-01T00:00:00+08:00` };
}

/** 数据质量评估: per department and month, volume, rejection, timeliness, completeness and duplicates. */
export async function scorecard(db: Db, actor: Actor, month: string): Promise<{ month: string; items: ScorecardRow[] }> {
  requireStaff(actor);
  const range = monthRange(month);
  const [departments, records, batches] = await Promise.all([listDepartments(db, actor), monthlyRecordStats(db, range), monthlyBatchStats(db, range)]);
  const visible = departments.filter((d) => d.kind === 'department' && (readsAllDepartments(actor) || d.id === actor.departmentId));
  const items = visible.map((department): ScorecardRow => {
    const r = records.find((row) => row.departmentId === department.id);
    const b = batches.find((row) => row.departmentId === department.id);
    const volume = r?.records ?? 0;
    const rowsSubmitted = b?.rowsSubmitted ?? 0;
    return {
      departmentId: department.id,
      departmentCode: department.code,
      departmentName: department.name,
      volume,
      rowsSubmitted,
      rejected: b?.rejected ?? 0,
      rejectionRate: rowsSubmitted ? (b?.rejected ?? 0) / rowsSubmitted : null,
      late: r?.late ?? 0,
      timelinessRate: volume ? 1 - (r?.late ?? 0) / volume : null,
      completeness: r?.completeness ?? null,
      duplicates: b?.duplicates ?? 0,
    };
  });
  return { month, items };
}

const PERCENT = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(1)}%`);

export async function writeScorecard(result: { month: string; items: ScorecardRow[] }, output: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output });
  const sheet = workbook.addWorksheet(`${result.month} 数据质量`);
  sheet.columns = [
    { header: '部门编码', key: 'code', width: 10 },
    { header: '部门', key: 'name', width: 36 },
    { header: '报送量（条）', key: 'volume', width: 12 },
    { header: '批次行数', key: 'rows', width: 10 },
    { header: '拒收行数', key: 'rejected', width: 10 },
    { header: '拒收率', key: 'rejectionRate', width: 10 },
    { header: '超时条数', key: 'late', width: 10 },
    { header: '及时率', key: 'timelinessRate', width: 10 },
    { header: '完整率', key: 'completeness', width: 10 },
    { header: '重复数', key: 'duplicates', width: 10 },
  ];
  for (const row of result.items) {
    sheet
      .addRow({ code: row.departmentCode, name: row.departmentName, volume: row.volume, rows: row.rowsSubmitted, rejected: row.rejected, rejectionRate: PERCENT(row.rejectionRate), late: row.late, timelinessRate: PERCENT(row.timelinessRate), completeness: PERCENT(row.completeness), duplicates: row.duplicates })
      .commit();
  }
  sheet.commit();
  await workbook.commit();
}
