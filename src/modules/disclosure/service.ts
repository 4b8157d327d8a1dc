/**
 * Public reads of disclosed records (no actor: what anyone may see) and the console's timeliness list.
 * Public output is always the record's CURRENT version, filtered to the fields the catalog shows
 * (`publicVisible !== false`) and masked (natural persons' ID numbers, phones, addresses, names marked
 * personal; ID- and phone-shaped text in free-text fields). The records module's live status is checked
 * on every read, so a revoked record disappears at once even before the projection is synced.
 */
import type { Db } from '../../db/types';
import type { Actor } from '../../shared/actor';
import { AppError } from '../../shared/errors';
import { maskPersonalPatterns } from '../../shared/redact';
import { isUuid } from '../../shared/ids';
import { chinaDate, toIso } from '../../shared/time';
import { readsAllDepartments, requireStaff } from '../auth/policy';
import { findCodeEntry, getCurrentCatalog, type FieldDef } from '../catalog';
import { getDepartment } from '../departments';
import { lateRecords, maskPersonalFields, recordsWithCurrentFields, standingRecordsOfSubject, TIMELINESS_WORKING_DAYS, type StandingRecord } from '../records';
// the records module's read for disclosure (not re-exported by its index.ts yet)
import { getPublicSubject, subjectNamesByIds, type PublicSubject } from '../subjects';
import { ItemResolver } from './items';
import * as repo from './repository';
import { disclosedOn, disclosureWindow } from './rules';
import { DOUBLE_DISCLOSURE_ITEMS, SECTIONS, sectionOf, type DoubleDisclosureKind, type SectionCode } from './sections';

export interface PublicField {
  key: string;
  label: string;
  /** as stored (codes as codes), masked */
  value: unknown;
  /** for display: code labels, joined lists, masked text */
  text: string;
}

export interface PublicRecord {
  recordId: string;
  subjectId: string;
  itemCode: string;
  itemName: string;
  departmentId: string;
  departmentName: string;
  decisionDate: string;
  /** last day of disclosure (inclusive); null = while the record stands */
  disclosureEndDate: string | null;
  version: number;
  fields: PublicField[];
}

export interface PublicSection {
  code: SectionCode;
  name: string;
  records: PublicRecord[];
}

/** Early ends that a newer record version does not undo. */
const STICKY_REASONS = new Set(['repaired']);

/** Departments are never renamed (there is no update path), so their names are kept in memory by id. */
const departmentNames = new Map<string, Promise<string>>();

function departmentName(db: Db, id: string): Promise<string> {
  let name = departmentNames.get(id);
  if (!name) {
    name = getDepartment(db, id).then((department) => department.name);
    name.catch(() => departmentNames.delete(id));
    departmentNames.set(id, name);
  }
  return name.catch(() => '');
}

class PublicView {
  private readonly resolver: ItemResolver;

  constructor(
    private readonly db: Db,
    private readonly today: string,
  ) {
    this.resolver = new ItemResolver(db);
  }

  /**
   * The record as the public sees it, or null. The live record decides status, content and rules; the
   * projection can only hide more: an early end (repair) always, and its own decision (expiry by the
   * daily job, a not-yet-public version) for the version it was computed from.
   */
  async render(record: StandingRecord, state: Omit<repo.StateCheck, 'recordId'> | null): Promise<{ section: SectionCode; record: PublicRecord } | null> {
    if (record.status === 'revoked') return null;
    if (state && !state.disclosed && (STICKY_REASONS.has(state.endedReason ?? '') || state.recordVersion === record.currentVersion)) return null;
    const window = disclosureWindow(await this.resolver.rulesItem(record), record);
    if (!disclosedOn(window, this.today).disclosed) return null;
    const { item, fields } = await this.resolver.publicFields(record);
    return {
      section: sectionOf(item),
      record: {
        recordId: record.id,
        subjectId: record.subjectId,
        itemCode: record.itemCode,
        itemName: item.name,
        departmentId: record.departmentId,
        departmentName: await departmentName(this.db, record.departmentId),
        decisionDate: record.decisionDate,
        disclosureEndDate: window.end,
        version: record.currentVersion,
        fields: publicFields(fields, record.fields),
      },
    };
  }
}

/** The public fields of one version: hidden fields dropped, personal data masked, in catalog order. */
export function publicFields(defs: FieldDef[], values: Record<string, unknown>): PublicField[] {
  const masked = maskPersonalFields({ fields: defs }, values);
  const out: PublicField[] = [];
  for (const def of defs) {
    if (def.publicVisible === false || !(def.key in masked)) continue;
    const value = masked[def.key];
    if (value === null || value === undefined || value === '') continue;
    const freeText = def.type === 'string' || def.type === 'text';
    const safe = freeText && typeof value === 'string' ? maskPersonalPatterns(value) : value;
    out.push({ key: def.key, label: def.label, value: safe, text: displayText(def, safe) });
  }
  return out;
}

function displayText(def: FieldDef, value: unknown): string {
  const values = Array.isArray(value) ? value : [value];
  const texts = values.map((one) => (def.codeTable ? (findCodeEntry(def.codeTable, String(one))?.label ?? String(one)) : String(one)));
  return texts.join('、') + (def.unit ? ` ${def.unit}` : '');
}

/**
 * A subject's disclosed records in the sections of the national credit report, newest decision first
 * within each. Natural persons have no public page (NOT_FOUND, as in the subjects module).
 */
export async function publicRecordsOfSubject(db: Db, subjectId: string, options: { today?: string } = {}): Promise<{ subject: PublicSubject; sections: PublicSection[] }> {
  if (!isUuid(subjectId)) throw new AppError('NOT_FOUND', '未找到该信用主体');
  // Three independent reads at once (an unknown id or a natural person fails in the first: the others are discarded).
  const [subject, records, states] = await Promise.all([getPublicSubject(db, subjectId), standingRecordsOfSubject(db, subjectId), repo.statesOfSubject(db, subjectId)]);
  const stateById = new Map(states.map((state) => [state.recordId, state]));
  const view = new PublicView(db, options.today ?? chinaDate());
  const bySection = new Map<SectionCode, PublicRecord[]>();
  for (const record of records) {
    const shown = await view.render(record, stateById.get(record.id) ?? null);
    if (!shown) continue;
    const section = bySection.get(shown.section);
    if (section) section.push(shown.record);
    else bySection.set(shown.section, [shown.record]);
  }
  return { subject, sections: SECTIONS.map((section) => ({ code: section.code, name: section.name, records: bySection.get(section.code) ?? [] })) };
}

export interface ChangeItem {
  cursor: string;
  recordId: string;
  subjectId: string;
  change: repo.DisclosureChange;
  at: string;
}

/**
 * The public change feed after a cursor (exclusive), oldest first. `next` is the cursor to resume from:
 * the last item's, or the given one when nothing is new. Items say what changed, never the content:
 * a subscriber reads the subject's public records for that.
 */
export async function publicChanges(db: Db, after: string | null | undefined, limit = 100): Promise<{ items: ChangeItem[]; next: string }> {
  const from = after === null || after === undefined || after === '' ? 0 : Number(after);
  if (!/^\d{1,18}$/.test(String(after ?? '0')) || !Number.isSafeInteger(from)) throw new AppError('VALIDATION', '游标 after 必须是非负整数');
  const rows = await repo.changesAfter(db, from, Math.min(Math.max(limit, 1), 1000));
  const items = rows.map((row) => ({ cursor: String(row.seq), recordId: row.recordId, subjectId: row.subjectId, change: row.change, at: toIso(row.at) }));
  return { items, next: items.length ? items[items.length - 1].cursor : String(from) };
}

export interface ListQuery {
  kind: DoubleDisclosureKind;
  departmentId?: string | null;
  from?: string | null;
  to?: string | null;
  page?: number;
  pageSize?: number;
}

/**
 * The 双公示 lists: disclosed licences or penalties, newest decision first, optionally of one department
 * and a decision-date range. `total` counts the projection; a record revoked since the last sync is
 * left out of its page at once.
 */
export async function licencePenaltyList(db: Db, query: ListQuery, options: { today?: string } = {}): Promise<{ items: PublicRecord[]; total: number; page: number; pageSize: number }> {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  if (query.from && query.to && query.from > query.to) throw new AppError('VALIDATION', '起始日期不能晚于截止日期');
  const { items: states, total } = await repo.disclosedList(db, {
    itemCodes: [...DOUBLE_DISCLOSURE_ITEMS[query.kind]],
    departmentId: query.departmentId,
    from: query.from,
    to: query.to,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  const live = new Map((await recordsWithCurrentFields(db, states.map((state) => state.recordId))).map((record) => [record.id, record]));
  const view = new PublicView(db, options.today ?? chinaDate());
  const items: PublicRecord[] = [];
  for (const state of states) {
    const record = live.get(state.recordId);
    const shown = record ? await view.render(record, state) : null;
    if (shown) items.push(shown.record);
  }
  return { items, total, page, pageSize };
}

export interface LateRecord {
  recordId: string;
  subjectId: string;
  subjectName: string;
  itemCode: string;
  itemName: string;
  departmentId: string;
  departmentName: string;
  documentNumber: string;
  decisionDate: string;
  receivedAt: string;
  arrivalWorkingDays: number | null;
}

/**
 * Records that reached the platform more than 7 working days after their decision (归集时限), newest
 * arrival first: a department sees its own, the credit office and auditors all.
 */
export async function lateRecordsForConsole(db: Db, actor: Actor, query: { page?: number; pageSize?: number } = {}): Promise<{ items: LateRecord[]; total: number; page: number; pageSize: number; limitWorkingDays: number }> {
  requireStaff(actor);
  const all = readsAllDepartments(actor);
  if (!all && !actor.departmentId) throw new AppError('FORBIDDEN', '仅限数据提供部门或信用办查看');
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const { items, total } = await lateRecords(db, { departmentId: all ? null : actor.departmentId, limit: pageSize, offset: (page - 1) * pageSize });
  const [names, { items: catalogItems }] = await Promise.all([subjectNamesByIds(db, items.map((row) => row.subjectId)), getCurrentCatalog(db)]);
  const itemNames = new Map(catalogItems.map((item) => [item.code, item.name]));
  const departmentIds = [...new Set(items.map((row) => row.departmentId))];
  const departmentNameById = new Map(await Promise.all(departmentIds.map(async (id) => [id, await departmentName(db, id)] as const)));
  return {
    items: items.map((row) => ({
      recordId: row.id,
      subjectId: row.subjectId,
      subjectName: names.get(row.subjectId) ?? '',
      itemCode: row.itemCode,
      itemName: itemNames.get(row.itemCode) ?? row.itemCode,
      departmentId: row.departmentId,
      departmentName: departmentNameById.get(row.departmentId) ?? '',
      documentNumber: row.documentNumber,
      decisionDate: row.decisionDate,
      receivedAt: toIso(row.receivedAt),
      arrivalWorkingDays: row.arrivalWorkingDays,
    })),
    total,
    page,
    pageSize,
    limitWorkingDays: TIMELINESS_WORKING_DAYS,
  };
}
