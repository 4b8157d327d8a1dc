/**
 * Open data (开放数据): a daily bulk export of every currently disclosed record, as NDJSON and CSV, with a
 * manifest (date, counts, SHA-256 and size of each file). Each line is what the public API shows for the
 * record: its current version, the catalog's public fields only, personal data masked (the disclosure
 * service's publicFields). Records are read in pages by record id, never all at once; files are written
 * under a temporary name and renamed when complete, the manifest last, so a reader never sees half a file.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import type { Db } from '../../../db/types';
import { AppError, isAppError } from '../../../shared/errors';
import { chinaDate } from '../../../shared/time';
import { getDepartment } from '../../departments';
import { recordsWithCurrentFields, type RecordWithFields } from '../../records';
import { getPublicSubject } from '../../subjects';
import { ItemResolver } from '../items';
import { disclosedOn, disclosureWindow } from '../rules';
import { publicFields, type PublicField } from '../service';
import { disclosedStatesAfter, type DisclosedStateRow } from './repository';

export const MANIFEST_NAME = 'manifest.json';
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const PAGE_SIZE = 500;
/** Early ends that a newer record version does not undo (as in the public API). */
const STICKY_REASONS = new Set(['repaired']);

export interface OpenDataRecord {
  recordId: string;
  subjectId: string;
  subjectName: string;
  /** null for natural persons and individual businesses without a code */
  uscc: string | null;
  itemCode: string;
  itemName: string;
  departmentName: string;
  decisionDate: string;
  disclosureEndDate: string | null;
  version: number;
  fields: PublicField[];
}

export interface OpenDataFile {
  name: string;
  format: 'ndjson' | 'csv';
  /** data lines (the CSV header not counted) */
  records: number;
  bytes: number;
  sha256: string;
}

export interface OpenDataManifest {
  date: string;
  generatedAt: string;
  records: number;
  files: OpenDataFile[];
}

export const CSV_COLUMNS = [
  'record_id',
  'subject_id',
  'subject_name',
  'uscc',
  'item_code',
  'item_name',
  'department_name',
  'decision_date',
  'disclosure_end_date',
  'version',
  'fields',
] as const;

export function exportFileNames(date: string): { ndjson: string; csv: string } {
  return { ndjson: `disclosed-records-${date}.ndjson`, csv: `disclosed-records-${date}.csv` };
}

/** Writes the export of `date` into `dir` (created if missing) and returns its manifest. */
export async function exportDisclosed(db: Db, options: { dir: string; date?: string; pageSize?: number }): Promise<OpenDataManifest> {
  const date = options.date ?? chinaDate();
  if (!DATE_PATTERN.test(date)) throw new AppError('VALIDATION', '导出日期应为 YYYY-MM-DD');
  fs.mkdirSync(options.dir, { recursive: true });
  const names = exportFileNames(date);
  const ndjson = new HashedFile(path.join(options.dir, names.ndjson));
  const csv = new HashedFile(path.join(options.dir, names.csv));
  try {
    // UTF-8 with BOM: spreadsheet programs in zh-CN locales otherwise read the file as GBK
    await csv.write(`\uFEFF${CSV_COLUMNS.join(',')}\r\n`);
    const view = new OpenDataView(db, date);
    let count = 0;
    for (let afterId: string | null = null; ; ) {
      const states = await disclosedStatesAfter(db, afterId, options.pageSize ?? PAGE_SIZE);
      if (states.length === 0) break;
      afterId = states[states.length - 1].recordId;
      view.nextPage();
      const live = new Map((await recordsWithCurrentFields(db, states.map((state) => state.recordId))).map((record) => [record.id, record]));
      for (const state of states) {
        const record = live.get(state.recordId);
        const shown = record ? await view.render(record, state) : null;
        if (!shown) continue;
        await ndjson.write(`${JSON.stringify(shown)}\n`);
        await csv.write(`${csvLine(shown)}\r\n`);
        count++;
      }
    }
    const files = [await ndjson.finish('ndjson', count), await csv.finish('csv', count)];
    const manifest: OpenDataManifest = { date, generatedAt: new Date().toISOString(), records: count, files };
    const manifestPath = path.join(options.dir, MANIFEST_NAME);
    const temporary = `${manifestPath}.tmp-${process.pid}`;
    fs.writeFileSync(temporary, `${JSON.stringify(manifest, null, 2)}\n`);
    fs.renameSync(temporary, manifestPath);
    return manifest;
  } catch (error) {
    ndjson.abort();
    csv.abort();
    throw error;
  }
}

/** A file written under a temporary name, hashed and counted as it goes, renamed by finish(). */
class HashedFile {
  private readonly temporary: string;
  private readonly stream: fs.WriteStream;
  private readonly hash = createHash('sha256');
  private bytes = 0;

  constructor(private readonly target: string) {
    this.temporary = `${target}.tmp-${process.pid}`;
    this.stream = fs.createWriteStream(this.temporary);
  }

  async write(text: string): Promise<void> {
    const chunk = Buffer.from(text, 'utf8');
    this.hash.update(chunk);
    this.bytes += chunk.length;
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  async finish(format: OpenDataFile['format'], records: number): Promise<OpenDataFile> {
    this.stream.end();
    await once(this.stream, 'close');
    fs.renameSync(this.temporary, this.target);
    return { name: path.basename(this.target), format, records, bytes: this.bytes, sha256: this.hash.digest('hex') };
  }

  abort(): void {
    this.stream.destroy();
    fs.rmSync(this.temporary, { force: true });
  }
}

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function csvLine(record: OpenDataRecord): string {
  const fields = Object.fromEntries(record.fields.map((field) => [field.key, field.text]));
  return [
    record.recordId,
    record.subjectId,
    record.subjectName,
    record.uscc,
    record.itemCode,
    record.itemName,
    record.departmentName,
    record.decisionDate,
    record.disclosureEndDate,
    record.version,
    JSON.stringify(fields),
  ]
    .map(csvCell)
    .join(',');
}

/**
 * The public view of one record, as the disclosure service renders it for the public API (same rules,
 * same field function), plus the subject's public name and code. Lookups are cached for one export.
 */
class OpenDataView {
  private readonly resolver: ItemResolver;
  private readonly departments = new Map<string, Promise<string>>();
  private readonly subjects = new Map<string, Promise<{ name: string | null; uscc: string | null }>>();

  constructor(
    private readonly db: Db,
    private readonly today: string,
  ) {
    this.resolver = new ItemResolver(db);
  }

  /** Subjects are cached for one page only: an export of millions of records keeps no growing map. */
  nextPage(): void {
    this.subjects.clear();
  }

  async render(record: RecordWithFields, state: DisclosedStateRow): Promise<OpenDataRecord | null> {
    if (record.status === 'revoked') return null;
    if (!state.disclosed && (STICKY_REASONS.has(state.endedReason ?? '') || state.recordVersion === record.currentVersion)) return null;
    const window = disclosureWindow(await this.resolver.rulesItem(record), record);
    if (!disclosedOn(window, this.today).disclosed) return null;
    const { item, fields: defs } = await this.resolver.publicFields(record);
    const fields = publicFields(defs, record.fields);
    const subject = await this.subject(record.subjectId);
    // a natural person has no public subject page: the name is the one the record's public fields show
    const shownName = fields.find((field) => field.key === 'subject_name')?.text ?? '';
    return {
      recordId: record.id,
      subjectId: record.subjectId,
      subjectName: subject.name ?? shownName,
      uscc: subject.uscc,
      itemCode: record.itemCode,
      itemName: item.name,
      departmentName: await this.departmentName(record.departmentId),
      decisionDate: record.decisionDate,
      disclosureEndDate: window.end,
      version: record.currentVersion,
      fields,
    };
  }

  private subject(id: string): Promise<{ name: string | null; uscc: string | null }> {
    let subject = this.subjects.get(id);
    if (!subject) {
      subject = getPublicSubject(this.db, id).then(
        (found) => ({ name: found.name, uscc: found.uscc }),
        (error: unknown) => {
          if (isAppError(error) && error.code === 'NOT_FOUND') return { name: null, uscc: null };
          throw error;
        },
      );
      this.subjects.set(id, subject);
    }
    return subject;
  }

  private departmentName(id: string): Promise<string> {
    let name = this.departments.get(id);
    if (!name) {
      name = getDepartment(this.db, id).then(
        (department) => department.name,
        () => '',
      );
      this.departments.set(id, name);
    }
    return name;
  }
}
