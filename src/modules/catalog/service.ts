import type { Db } from '../../db/types';
import type { Actor } from '../../shared/actor';
import { canonicalJson } from '../../shared/canonical-json';
import { AppError } from '../../shared/errors';
import { newId } from '../../shared/ids';
import { SYSTEM_ACTOR } from '../../shared/actor';
import { withAudit, type AuditWriter } from '../audit';
import { requireRole } from '../auth/policy';
import { BASE_ITEMS, CATEGORIES } from './base-catalog';
import { CODE_TABLES } from './code-tables';
import { assertValidItem } from './item-rules';
import * as repo from './repository';
import type { CatalogItemDef } from './types';

export type CatalogItem = CatalogItemDef & { id: string; versionId: string };

export function toItem(row: repo.CatalogItemRow): CatalogItem {
  return {
    id: row.id,
    versionId: row.versionId,
    code: row.code,
    name: row.name,
    categoryCode: row.categoryCode,
    kind: row.kind,
    nature: row.nature,
    legalBasis: row.legalBasis,
    fields: row.fields,
    documentNumberField: row.documentNumberField,
    decisionDateField: row.decisionDateField,
    subjectNameField: row.subjectNameField,
    subjectIdentifierField: row.subjectIdentifierField,
    disclosureScope: row.disclosureScope,
    defaultSeverity: row.defaultSeverity,
    disclosurePeriods: row.disclosurePeriods,
    repairable: row.repairable,
    submittingDepartments: row.submittingDepartments ?? null,
    subjectKinds: row.subjectKinds,
    description: row.description ?? undefined,
  };
}

function toRow(item: CatalogItemDef, versionId: string): repo.NewCatalogItemRow {
  return {
    id: newId(),
    versionId,
    code: item.code,
    name: item.name,
    categoryCode: item.categoryCode,
    kind: item.kind,
    nature: item.nature,
    legalBasis: item.legalBasis,
    fields: item.fields,
    documentNumberField: item.documentNumberField,
    decisionDateField: item.decisionDateField,
    subjectNameField: item.subjectNameField,
    subjectIdentifierField: item.subjectIdentifierField,
    disclosureScope: item.disclosureScope,
    defaultSeverity: item.defaultSeverity,
    disclosurePeriods: item.disclosurePeriods,
    repairable: item.repairable,
    submittingDepartments: item.submittingDepartments,
    subjectKinds: item.subjectKinds,
    description: item.description ?? null,
  };
}

function definitionOf(item: CatalogItem): CatalogItemDef {
  const { id: _id, versionId: _versionId, ...definition } = item;
  return definition;
}

/**
 * A version's items never change once written, so they are kept in memory by version id; only "which
 * version is current" is asked of the database each time.
 */
const versionItems = new Map<string, Promise<CatalogItem[]>>();

function itemsOfVersionCached(db: Db, versionId: string): Promise<CatalogItem[]> {
  let items = versionItems.get(versionId);
  if (!items) {
    items = repo.itemsOfVersion(db, versionId).then((rows) => rows.map(toItem));
    items.catch(() => versionItems.delete(versionId));
    versionItems.set(versionId, items);
  }
  return items;
}

export async function getCurrentCatalog(db: Db) {
  const version = await repo.latestVersion(db);
  if (!version) throw new AppError('NOT_FOUND', '目录尚未初始化');
  const items = await itemsOfVersionCached(db, version.id);
  return { version, categories: CATEGORIES, items, codeTables: CODE_TABLES };
}

/** The item as it stands in the newest catalog version; records are validated against this. */
export async function getCurrentItem(db: Db, code: string): Promise<CatalogItem> {
  const version = await repo.latestVersion(db);
  const item = version ? (await itemsOfVersionCached(db, version.id)).find((candidate) => candidate.code === code) : undefined;
  if (!item) throw new AppError('CATALOG_ITEM_UNKNOWN', `目录中不存在信息条目「${code}」`);
  return item;
}

/** The exact item version a record was validated against. */
export async function getItemVersion(db: Db, id: string): Promise<CatalogItem> {
  const row = await repo.itemById(db, id);
  if (!row) throw new AppError('NOT_FOUND', '未找到该目录条目版本');
  return toItem(row);
}

export async function listVersions(db: Db) {
  return repo.listVersions(db);
}

export async function listVersionItems(db: Db, versionId: string) {
  return itemsOfVersionCached(db, versionId);
}

/**
 * Keeps the stored base catalog equal to the one shipped in code: on first start it creates version 1;
 * after an upgrade that changed base items it creates a new version (supplements carried over).
 */
export async function syncBaseCatalog(db: Db): Promise<{ changed: boolean; version: number }> {
  const unchanged = await storedBaseIfCurrent(db);
  if (unchanged) return { changed: false, version: unchanged.number };
  return withAudit(db, SYSTEM_ACTOR, async (tx, audit) => {
    await repo.lockCatalog(tx);
    const current = await repo.latestVersion(tx);
    const items = current ? (await repo.itemsOfVersion(tx, current.id)).map(toItem) : [];
    const storedBase = items.filter((item) => item.kind === 'base').map(definitionOf);
    const supplements = items.filter((item) => item.kind === 'supplement').map(definitionOf);
    const base = BASE_ITEMS.map((item) => ({ ...item, submittingDepartments: storedBase.find((s) => s.code === item.code)?.submittingDepartments ?? item.submittingDepartments }));
    const note = current ? '随平台升级同步全国基础目录' : '初始化：全国公共信用信息基础目录（2024年版）';
    const version = await writeVersion(tx, audit, SYSTEM_ACTOR, [...base, ...supplements], note, current?.number ?? 0);
    return { changed: true, version: version.number };
  });
}

async function storedBaseIfCurrent(db: Db) {
  const current = await repo.latestVersion(db);
  if (!current) return null;
  const storedBase = (await repo.itemsOfVersion(db, current.id)).map(toItem).filter((item) => item.kind === 'base').map(definitionOf);
  return sameDefinitions(storedBase, BASE_ITEMS) ? current : null;
}

function sameDefinitions(a: CatalogItemDef[], b: CatalogItemDef[]): boolean {
  const key = (items: CatalogItemDef[]) => canonicalJson([...items].sort((x, y) => x.code.localeCompare(y.code)).map(normaliseDefinition));
  return key(a) === key(b);
}

/** Compares what the nation defines; which local departments submit an item is local and kept. */
function normaliseDefinition(item: CatalogItemDef): unknown {
  const { submittingDepartments: _local, ...national } = item;
  return JSON.parse(JSON.stringify({ ...national, description: item.description ?? null }));
}

async function writeVersion(tx: Db, audit: AuditWriter, actor: Actor, items: CatalogItemDef[], note: string, previousNumber: number) {
  const version = await repo.insertVersion(tx, { id: newId(), number: previousNumber + 1, note, createdBy: actor.label });
  await repo.insertItems(tx, items.map((item) => toRow(item, version.id)));
  audit.record({ action: 'catalog.version.create', entityType: 'catalog_version', entityId: version.id, after: { number: version.number, note, itemCount: items.length } });
  return version;
}

export type SupplementItemInput = Omit<CatalogItemDef, 'kind'>;

/** The credit office adds a local supplement item (地方补充目录); a new catalog version results. */
export async function createSupplementItem(db: Db, actor: Actor, input: SupplementItemInput, note: string) {
  requireRole(actor, ['office_admin'], '只有信用办管理员可以编辑补充目录');
  const item: CatalogItemDef = { ...input, kind: 'supplement' };
  assertValidItem(item);
  return changeCatalog(db, actor, note, (items) => {
    if (items.some((existing) => existing.code === item.code)) throw new AppError('CONFLICT', `目录条目代码 ${item.code} 已存在`);
    return [...items, item];
  }, item.code);
}

/** Edits a supplement item; base items come from the national catalog and are read-only here. */
export async function updateSupplementItem(db: Db, actor: Actor, code: string, input: SupplementItemInput, note: string) {
  requireRole(actor, ['office_admin'], '只有信用办管理员可以编辑补充目录');
  if (input.code !== code) throw new AppError('VALIDATION', '不能修改目录条目代码');
  const item: CatalogItemDef = { ...input, kind: 'supplement' };
  assertValidItem(item);
  return changeCatalog(db, actor, note, (items) => {
    const existing = items.find((candidate) => candidate.code === code);
    if (!existing) throw new AppError('NOT_FOUND', `目录中不存在信息条目「${code}」`);
    if (existing.kind === 'base') throw new AppError('FORBIDDEN', '基础目录条目由国家统一发布，不能在本地修改；请新增补充目录条目');
    return items.map((candidate) => (candidate.code === code ? item : candidate));
  }, code);
}

/**
 * Which local departments may submit an item is local configuration, also for base items (the national
 * catalog names the kind of department, the city names its own bodies). null = any department.
 */
export async function setSubmittingDepartments(db: Db, actor: Actor, code: string, departmentCodes: string[] | null, note: string) {
  requireRole(actor, ['office_admin', 'system'], '只有信用办管理员可以设置报送部门');
  return changeCatalog(db, actor, note, (items) => {
    if (!items.some((candidate) => candidate.code === code)) throw new AppError('NOT_FOUND', `目录中不存在信息条目「${code}」`);
    return items.map((candidate) => (candidate.code === code ? { ...candidate, submittingDepartments: departmentCodes } : candidate));
  }, code);
}

async function changeCatalog(db: Db, actor: Actor, note: string, change: (items: CatalogItemDef[]) => CatalogItemDef[], code: string) {
  if (note.trim().length < 2) throw new AppError('VALIDATION', '请填写变更说明');
  return withAudit(db, actor, async (tx, audit) => {
    await repo.lockCatalog(tx);
    const current = await repo.latestVersion(tx);
    if (!current) throw new AppError('NOT_FOUND', '目录尚未初始化');
    const before = (await repo.itemsOfVersion(tx, current.id)).map(toItem).map(definitionOf);
    const after = change(before);
    const version = await writeVersion(tx, audit, actor, after, note.trim(), current.number);
    const item = toItem((await repo.itemOfVersion(tx, version.id, code))!);
    audit.record({
      action: 'catalog.item.save',
      entityType: 'catalog_item',
      entityId: code,
      before: before.find((candidate) => candidate.code === code) ?? null,
      after: definitionOf(item),
    });
    return { version, item };
  });
}
