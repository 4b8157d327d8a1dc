import type { Db } from '../../db/types';
import { SYSTEM_ACTOR, type Actor } from '../../shared/actor';
import { canonicalJson } from '../../shared/canonical-json';
import { AppError } from '../../shared/errors';
import { newId } from '../../shared/ids';
import { withAudit, type AuditWriter } from '../audit';
import { requireRole, requireStaff } from '../auth/policy';
import { isValidDate } from '../calendar';
import { BASE_MEASURES, type MeasureDef } from './base-measures';
import * as repo from './repository';
import { MEASURE_CATEGORIES, MEASURE_KINDS, TARGET_SEVERITIES, type DegreeLimit, type MeasureLegalBasis } from './tables';

export type Measure = MeasureDef & { id: string; versionId: string; scope: 'base' | 'supplement'; degreeLimit: DegreeLimit | null };
export type SupplementMeasureInput = MeasureDef;

const CODE_PATTERN = /^[A-Za-z][A-Za-z0-9_]{1,63}$/;

function toMeasure(row: repo.MeasureRow): Measure {
  return {
    id: row.id,
    versionId: row.versionId,
    code: row.code,
    name: row.name,
    category: row.category as 1 | 2 | 3,
    kind: row.kind,
    legalBasis: row.legalBasis,
    targets: row.targets,
    implementingDepartments: row.implementingDepartments ?? null,
    matterTypes: row.matterTypes ?? null,
    degree: row.degree,
    degreeLimit: row.degreeLimit ?? null,
    scope: row.scope,
  };
}

function definitionOf(measure: Measure | MeasureDef): MeasureDef {
  return {
    code: measure.code,
    name: measure.name,
    category: measure.category,
    kind: measure.kind,
    legalBasis: measure.legalBasis,
    targets: measure.targets,
    implementingDepartments: measure.implementingDepartments,
    matterTypes: measure.matterTypes,
    degree: measure.degree,
    degreeLimit: measure.degreeLimit ?? null,
  };
}

/** The current measure list (every measure of the newest version). */
/** A version's measures never change once written: kept in memory by version id (every check reads them). */
const versionMeasures = new Map<string, Promise<Measure[]>>();

export async function currentMeasures(db: Db): Promise<{ version: repo.MeasureVersionRow | null; measures: Measure[] }> {
  const version = await repo.latestVersion(db);
  if (!version) return { version: null, measures: [] };
  let measures = versionMeasures.get(version.id);
  if (!measures) {
    measures = repo.measuresOfVersion(db, version.id).then((rows) => rows.map(toMeasure));
    measures.catch(() => versionMeasures.delete(version.id));
    versionMeasures.set(version.id, measures);
  }
  return { version, measures: await measures };
}

export async function listMeasureVersions(db: Db, actor: Actor) {
  requireStaff(actor);
  return repo.listVersions(db);
}

export async function listMeasures(db: Db, actor: Actor) {
  requireStaff(actor);
  return currentMeasures(db);
}

/**
 * Keeps the stored base list equal to the one shipped in code (like the catalog's syncBaseCatalog): the
 * first start creates version 1; an upgrade that changed base measures creates a new version, carrying the
 * local supplements over. Idempotent.
 */
export async function syncBaseMeasures(db: Db): Promise<{ changed: boolean; version: number }> {
  const current = await currentMeasures(db);
  if (current.version && sameDefinitions(current.measures.filter((m) => m.scope === 'base').map(definitionOf), [...BASE_MEASURES])) {
    return { changed: false, version: current.version.number };
  }
  return withAudit(db, SYSTEM_ACTOR, async (tx, audit) => {
    await repo.lockMeasureList(tx);
    const latest = await currentMeasures(tx);
    const supplements = latest.measures.filter((m) => m.scope === 'supplement').map(definitionOf);
    const base = BASE_MEASURES.filter((m) => !supplements.some((s) => s.code === m.code));
    const note = latest.version ? '随平台升级同步全国失信惩戒措施基础清单' : '初始化：失信惩戒和守信激励措施基础清单';
    const version = await writeVersion(tx, audit, SYSTEM_ACTOR, { base, supplements }, note, latest.version?.number ?? 0);
    return { changed: true, version: version.number };
  });
}

function sameDefinitions(a: MeasureDef[], b: MeasureDef[]): boolean {
  const key = (list: MeasureDef[]) => canonicalJson([...list].sort((x, y) => x.code.localeCompare(y.code)).map((m) => JSON.parse(JSON.stringify(definitionOf(m)))));
  return key(a) === key(b);
}

async function writeVersion(tx: Db, audit: AuditWriter, actor: Actor, list: { base: MeasureDef[]; supplements: MeasureDef[] }, note: string, previousNumber: number) {
  const version = await repo.insertVersion(tx, { id: newId(), number: previousNumber + 1, note, createdBy: actor.label });
  const rows = [...list.base.map((m) => ({ m, scope: 'base' as const })), ...list.supplements.map((m) => ({ m, scope: 'supplement' as const }))].map(({ m, scope }) => ({
    id: newId(),
    versionId: version.id,
    ...definitionOf(m),
    scope,
  }));
  await repo.insertMeasures(tx, rows);
  audit.record({
    action: 'measure_list.version.create',
    entityType: 'measure_list_version',
    entityId: version.id,
    after: { number: version.number, note, measureCount: rows.length, supplements: list.supplements.map((m) => m.code) },
  });
  return version;
}

/** Refuses a measure definition without a legal basis, category, target or degree. */
export function assertValidMeasure(input: MeasureDef): MeasureDef {
  if (!input.code || !CODE_PATTERN.test(input.code)) throw new AppError('VALIDATION', '措施代码应为字母开头的字母、数字、下划线（2–64 位）');
  const name = input.name?.trim() ?? '';
  if (name.length < 2) throw new AppError('VALIDATION', '请填写措施名称');
  if (!MEASURE_CATEGORIES.includes(input.category)) throw new AppError('VALIDATION', '措施类别应为 1（减损权益或增加义务）、2（管理措施）或 3（其他组织自主实施）');
  if (!MEASURE_KINDS.includes(input.kind)) throw new AppError('VALIDATION', '措施性质应为 sanction（惩戒）或 incentive（激励）');
  const legalBasis: MeasureLegalBasis[] = (input.legalBasis ?? []).map((basis) => ({
    document: basis.document?.trim() ?? '',
    ...(basis.article?.trim() ? { article: basis.article.trim() } : {}),
  }));
  if (legalBasis.length === 0 || legalBasis.some((basis) => basis.document.length < 2)) {
    throw new AppError('LEGAL_BASIS_MISSING', '每项措施必须载明设定依据（法律、法规或党中央、国务院政策文件名称及条款）');
  }
  const listKinds = [...new Set((input.targets?.listKinds ?? []).map((kind) => kind.trim()).filter(Boolean))];
  const severities = [...new Set(input.targets?.recordSeverities ?? [])];
  if (severities.some((severity) => !TARGET_SEVERITIES.includes(severity))) throw new AppError('VALIDATION', '实施对象的失信程度应为 general（一般）或 serious（严重）');
  if (listKinds.length === 0 && severities.length === 0) throw new AppError('VALIDATION', '请填写实施对象（名单类型或失信记录程度）');
  const degree = input.degree?.trim() ?? '';
  if (degree.length < 2) throw new AppError('VALIDATION', '请填写措施的实施幅度（不得超过的程度或期限）');
  const codes = (values: string[] | null | undefined) => (values && values.length > 0 ? [...new Set(values.map((v) => v.trim()).filter(Boolean))] : null);
  return {
    code: input.code,
    name,
    category: input.category,
    kind: input.kind,
    legalBasis,
    targets: { listKinds, ...(severities.length > 0 ? { recordSeverities: severities } : {}) },
    implementingDepartments: codes(input.implementingDepartments),
    matterTypes: codes(input.matterTypes),
    degree,
    degreeLimit: validDegreeLimit(input.degreeLimit),
  };
}

function validDegreeLimit(limit: MeasureDef['degreeLimit']): MeasureDef['degreeLimit'] {
  if (!limit) return null;
  const { maxMonths, withinListValidity } = limit;
  if (maxMonths !== undefined && (!Number.isInteger(maxMonths) || maxMonths < 1 || maxMonths > 120)) throw new AppError('VALIDATION', '实施期限上限应为 1–120 个月');
  if (maxMonths === undefined && !withinListValidity) return null;
  return { ...(maxMonths !== undefined ? { maxMonths } : {}), ...(withinListValidity ? { withinListValidity: true } : {}) };
}

/** Changes the supplements of the list as a new version (信用办管理员, audited). */
async function changeSupplements(db: Db, actor: Actor, note: string, change: (supplements: MeasureDef[], base: MeasureDef[]) => MeasureDef[]) {
  requireRole(actor, ['office_admin'], '只有信用办管理员可以编辑措施清单');
  const text = note?.trim() ?? '';
  if (text.length < 2) throw new AppError('VALIDATION', '请填写本次修订说明');
  return withAudit(db, actor, async (tx, audit) => {
    await repo.lockMeasureList(tx);
    const latest = await currentMeasures(tx);
    if (!latest.version) throw new AppError('CONFLICT', '措施基础清单尚未初始化');
    const base = latest.measures.filter((m) => m.scope === 'base').map(definitionOf);
    const supplements = change(latest.measures.filter((m) => m.scope === 'supplement').map(definitionOf), base);
    const version = await writeVersion(tx, audit, actor, { base, supplements }, text, latest.version.number);
    return { version, measures: (await repo.measuresOfVersion(tx, version.id)).map(toMeasure) };
  });
}

/** 地方补充清单: adds a measure (a new version results). */
export async function addSupplementMeasure(db: Db, actor: Actor, input: SupplementMeasureInput, note: string) {
  const measure = assertValidMeasure(input);
  return changeSupplements(db, actor, note, (supplements, base) => {
    if ([...base, ...supplements].some((m) => m.code === measure.code)) throw new AppError('CONFLICT', `措施代码 ${measure.code} 已存在`);
    return [...supplements, measure];
  });
}

/** Replaces a supplement measure (a new version results; checks already made keep the version they used). */
export async function updateSupplementMeasure(db: Db, actor: Actor, code: string, input: Omit<SupplementMeasureInput, 'code'>, note: string) {
  const measure = assertValidMeasure({ ...input, code });
  return changeSupplements(db, actor, note, (supplements, base) => {
    if (base.some((m) => m.code === code)) throw new AppError('FORBIDDEN', '基础清单中的措施不能在本地修改');
    if (!supplements.some((m) => m.code === code)) throw new AppError('NOT_FOUND', `补充清单中没有措施 ${code}`);
    return supplements.map((m) => (m.code === code ? measure : m));
  });
}

/** Removes a supplement measure (a new version results). */
export async function removeSupplementMeasure(db: Db, actor: Actor, code: string, note: string) {
  return changeSupplements(db, actor, note, (supplements, base) => {
    if (base.some((m) => m.code === code)) throw new AppError('FORBIDDEN', '基础清单中的措施不能在本地删除');
    if (!supplements.some((m) => m.code === code)) throw new AppError('NOT_FOUND', `补充清单中没有措施 ${code}`);
    return supplements.filter((m) => m.code !== code);
  });
}

export interface ApplicabilityQuery {
  /** list kinds the subject is on (own or as responsible person) */
  listKinds: string[];
  /** severities of the subject's active, not paused, negative records */
  severities: string[];
  matterCode: string;
  departmentCode: string | null;
}

/** Whether a measure's target, matter and department fit; the reason it applies when it does. */
export function measureFits(measure: MeasureDef, query: ApplicabilityQuery): { fits: boolean; via: string[] } {
  const via = [
    ...measure.targets.listKinds.filter((kind) => query.listKinds.includes(kind)).map((kind) => `list:${kind}`),
    ...(measure.targets.recordSeverities ?? []).filter((severity) => query.severities.includes(severity)).map((severity) => `record:${severity}`),
  ];
  const matterOk = measure.matterTypes === null || measure.matterTypes.includes(query.matterCode);
  const departmentOk = measure.implementingDepartments === null || (query.departmentCode !== null && measure.implementingDepartments.includes(query.departmentCode));
  return { fits: via.length > 0 && matterOk && departmentOk, via };
}

export type ApplicableMeasure = Measure & { appliesVia: string[] };

/** The measures of the current list that apply to a subject's lists/records for this matter and department. */
export async function applicableMeasures(db: Db, query: ApplicabilityQuery): Promise<ApplicableMeasure[]> {
  const { measures } = await currentMeasures(db);
  return measures.flatMap((measure) => {
    const { fits, via } = measureFits(measure, query);
    return fits ? [{ ...measure, appliesVia: via }] : [];
  });
}

/**
 * The clean-list rule (清单制管理): refuses a measure that is not on the current list, or not on it for
 * any of these list kinds (or record severities), or not for this matter. Returns the measure.
 */
export async function assertMeasureAllowed(db: Db, input: { measureCode: string; listKinds: string[]; severities?: string[]; matterCode: string }): Promise<Measure> {
  const { measures } = await currentMeasures(db);
  const measure = measures.find((m) => m.code === input.measureCode);
  if (!measure) throw new AppError('VALIDATION', `措施 ${input.measureCode} 不在失信惩戒（守信激励）措施清单内，不得实施`);
  const targeted =
    measure.targets.listKinds.some((kind) => input.listKinds.includes(kind)) || (measure.targets.recordSeverities ?? []).some((severity) => (input.severities ?? []).includes(severity));
  if (!targeted) throw new AppError('FORBIDDEN', `措施「${measure.name}」在清单中不适用于该主体所在的名单（${input.listKinds.join('、') || '无'}），不得实施`);
  if (measure.matterTypes !== null && !measure.matterTypes.includes(input.matterCode)) {
    throw new AppError('FORBIDDEN', `措施「${measure.name}」在清单中不适用于事项 ${input.matterCode}，不得实施`);
  }
  return measure;
}

/**
 * The last day a measure may last when applied on `appliedOn`: its maximum months from then, and for a
 * measure tied to a list, the end of the listing it follows. Null when the list states no time limit.
 */
export function latestUntil(measure: Pick<Measure, 'degreeLimit'>, applied: { appliedOn: string; listValidUntil: string | null }): string | null {
  const limit = measure.degreeLimit ?? null;
  const ends = [
    limit?.maxMonths ? addMonthsClamped(applied.appliedOn, limit.maxMonths) : null,
    limit?.withinListValidity ? applied.listValidUntil : null,
  ].filter((end): end is string => end !== null);
  return ends.length > 0 ? ends.sort()[0] : null;
}

/**
 * 不得超过措施的实施幅度: an applied measure with a time limit must say until when it applies (`until`), no later
 * than `latestUntil`.
 */
export function assertWithinDegree(measure: Pick<Measure, 'name' | 'degree' | 'degreeLimit'>, applied: { appliedOn: string; until?: string; listValidUntil: string | null }): void {
  const until = applied.until;
  if (until !== undefined && !isValidDate(until)) throw new AppError('VALIDATION', `措施「${measure.name}」的实施截止日期格式应为 YYYY-MM-DD`);
  if (until !== undefined && until < applied.appliedOn) throw new AppError('VALIDATION', `措施「${measure.name}」的实施截止日期不能早于核查日期 ${applied.appliedOn}`);
  const limit = measure.degreeLimit ?? null;
  if (!limit || (!limit.maxMonths && !limit.withinListValidity)) return;
  if (until === undefined) throw new AppError('VALIDATION', `措施「${measure.name}」有实施期限（${measure.degree}），请填写实施截止日期`);
  if (limit.maxMonths) {
    const latest = addMonthsClamped(applied.appliedOn, limit.maxMonths);
    if (until > latest) throw new AppError('FORBIDDEN', `措施「${measure.name}」的实施期限超出清单规定的幅度（${measure.degree}）：最迟至 ${latest}`, { latest });
  }
  if (limit.withinListValidity && applied.listValidUntil !== null && until > applied.listValidUntil) {
    throw new AppError('FORBIDDEN', `措施「${measure.name}」只能在名单有效期内实施（至 ${applied.listValidUntil}），不得延长`, { latest: applied.listValidUntil });
  }
}

/** `date` plus `months`, the day before the same day-of-month (a 3-year limit from 2026-11-23 ends 2029-11-22). */
function addMonthsClamped(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  target.setUTCDate(target.getUTCDate() - 1);
  return target.toISOString().slice(0, 10);
}
