import type { Db } from '../../db/types';
import type { Actor } from '../../shared/actor';
import { AppError } from '../../shared/errors';
import { newId } from '../../shared/ids';
import { chinaDate } from '../../shared/time';
import { logPersonalDataAccess } from '../audit';
import { requireRole } from '../auth/policy';
import { addWorkingDaysFrom, assertValidDate } from '../calendar';
import { evidenceRecordIds, listingsOf, type Listings } from '../lists';
import { applicableMeasures, latestUntil, type DegreeLimit } from '../measures';
import { recordsUnderObjection } from '../objections';
import { recordsOfSubjectWithFields, type RecordWithFields } from '../records';
import { findSubjectByIdentifier, sameName, searchSubjects, type Subject } from '../subjects';
import { decideTreatment, treatmentPolicy, type TreatmentPolicy } from './policy';
import * as repo from './repository';
import type { Treatment } from './tables';

export interface SubjectRef {
  uscc?: string;
  citizenId?: string;
  name?: string;
}

export interface CheckInput {
  subject: SubjectRef;
  matterCode: string;
  matterCaseId?: string;
  purpose: string;
}

export interface CheckOptions {
  /** China date of the check (tests, back-dated entry); defaults to today */
  today?: string;
}

export interface CheckSubject {
  id: string;
  kind: Subject['kind'];
  name: string;
  /** an organisation's USCC; null for natural persons */
  uscc: string | null;
  /** masked (first 6 and last 4 kept); the unmasked number never leaves the service */
  citizenIdMasked: string | null;
  regionCode: string | null;
  status: Subject['status'];
}

export interface CheckGrade {
  grade: string;
  scheme: string | null;
  ratedOn: string;
  validUntil: string | null;
  recordId: string;
}

export interface CheckRecord {
  id: string;
  itemCode: string;
  departmentId: string;
  documentNumber: string;
  decisionDate: string;
  severity: string;
  /** a record under objection is shown but its measures are paused */
  underObjection: boolean;
}

export interface CheckMeasure {
  code: string;
  name: string;
  kind: 'sanction' | 'incentive';
  category: number;
  legalBasis: { document: string; article?: string }[];
  degree: string;
  degreeLimit: DegreeLimit | null;
  /** the last day it may last if applied now (its degree; null: no time limit) — feedback's `until` */
  latestUntil: string | null;
  /** why it applies: `list:<kind>` or `record:<severity>` */
  appliesVia: string[];
}

export interface CheckResult {
  id: string;
  matterCode: string;
  matterCaseId: string | null;
  purpose: string;
  checkedOn: string;
  subject: CheckSubject;
  listings: Listings;
  /** list entries whose evidence is under objection: shown, but their measures are paused */
  pausedListings: string[];
  grade: CheckGrade | null;
  records: CheckRecord[];
  measures: CheckMeasure[];
  treatment: Treatment;
  reason: string;
  feedbackDue: string | null;
}

/** Who may run a check: a department's staff or a department system's API key. */
export function assertMayCheck(actor: Actor): asserts actor is Actor & { departmentId: string } {
  requireRole(actor, ['dept_operator', 'dept_reviewer', 'office_admin'], '只有部门工作人员或部门业务系统可以进行信用核查');
  if (!actor.departmentId) throw new AppError('FORBIDDEN', '信用核查须以部门身份进行：该账户未关联部门');
}

function requireText(value: string | undefined, label: string, min = 2, max = 500): string {
  const text = (value ?? '').trim();
  if ([...text].length < min) throw new AppError('VALIDATION', `请填写${label}`);
  if ([...text].length > max) throw new AppError('VALIDATION', `${label}不能超过 ${max} 个字符`);
  return text;
}

/** Finds the subject by USCC, citizen ID, or an exact and unique name. */
export async function resolveCheckedSubject(db: Db, actor: Actor, ref: SubjectRef): Promise<Subject> {
  const uscc = ref.uscc?.trim();
  const citizenId = ref.citizenId?.trim();
  const name = ref.name?.trim();
  if (uscc || citizenId) {
    const subject = await findSubjectByIdentifier(db, { uscc: uscc || null, citizenId: citizenId || null });
    if (!subject) throw new AppError('NOT_FOUND', uscc ? `未找到统一社会信用代码为 ${uscc} 的信用主体` : '未找到该公民身份号码对应的信用主体');
    return subject;
  }
  if (!name || [...name].length < 2) throw new AppError('VALIDATION', '请提供核查对象的统一社会信用代码、公民身份号码或完整名称');
  const found = await searchSubjects(db, actor, { q: name, pageSize: 50 });
  const exact = found.items.filter((item) => sameName(item.name, name));
  if (exact.length === 0) throw new AppError('NOT_FOUND', `未找到名称为「${name}」的信用主体`);
  if (exact.length > 1) throw new AppError('IDENTIFIER_INVALID', `名称「${name}」对应 ${exact.length} 个信用主体，请提供统一社会信用代码或公民身份号码`);
  const subject = await findSubjectByIdentifier(db, { uscc: exact[0].uscc });
  if (subject && subject.id === exact[0].id) return subject;
  // a subject without a USCC (a natural person or an individual business): the list item has what we show
  return { ...exact[0], orgCode: null, registrationNo: exact[0].registrationNo, address: null, establishedOn: null, identifierFlags: [], createdAt: '', updatedAt: '' };
}

function yearsBefore(date: string, years: number): string {
  return `${String(Number(date.slice(0, 4)) - years).padStart(4, '0')}${date.slice(4)}`;
}

function currentGrade(records: RecordWithFields[], today: string, underObjection: Set<string>): CheckGrade | null {
  const ratings = records
    .filter((record) => record.itemCode === 'rating' && record.status === 'active' && !underObjection.has(record.id))
    .filter((record) => typeof record.fields.rating_grade === 'string')
    .filter((record) => typeof record.fields.valid_until !== 'string' || record.fields.valid_until >= today)
    .sort((a, b) => b.decisionDate.localeCompare(a.decisionDate));
  const newest = ratings[0];
  if (!newest) return null;
  return {
    grade: String(newest.fields.rating_grade),
    scheme: typeof newest.fields.rating_scheme === 'string' ? newest.fields.rating_scheme : null,
    ratedOn: newest.decisionDate,
    validUntil: typeof newest.fields.valid_until === 'string' ? newest.fields.valid_until : null,
    recordId: newest.id,
  };
}

/** Everything a check answers, read without writing (the caller stores it). */
export async function assessSubject(
  db: Db,
  actor: Actor & { departmentId: string },
  subject: Subject,
  input: { matterCode: string; matterCaseId: string | null; purpose: string },
  today: string,
  policy: TreatmentPolicy = treatmentPolicy(),
): Promise<Omit<CheckResult, 'id' | 'feedbackDue'>> {
  const [listings, all] = await Promise.all([listingsOf(db, subject.id, today), recordsOfSubjectWithFields(db, subject.id)]);
  const { underObjection, pausedListings } = await objectionsAffecting(db, listings, all);
  const since = yearsBefore(today, policy.recordLookbackYears);
  const negative = all.filter((record) => record.status === 'active' && record.severity !== 'none' && record.decisionDate >= since && record.decisionDate <= today);
  const records: CheckRecord[] = negative.map((record) => ({
    id: record.id,
    itemCode: record.itemCode,
    departmentId: record.departmentId,
    documentNumber: record.documentNumber,
    decisionDate: record.decisionDate,
    severity: record.severity,
    underObjection: underObjection.has(record.id),
  }));
  const severities = [...new Set(records.filter((record) => !record.underObjection).map((record) => record.severity))];
  const grade = currentGrade(all, today, underObjection);
  const effective = (listing: { entryId: string }) => !pausedListings.includes(listing.entryId);
  const ownListKinds = [...new Set(listings.own.filter(effective).map((listing) => listing.listKind))];
  const responsibleListKinds = [...new Set(listings.asResponsiblePerson.filter(effective).map((listing) => listing.listKind))];
  const measures = await applicableMeasures(db, {
    listKinds: [...new Set([...ownListKinds, ...responsibleListKinds])],
    severities,
    matterCode: input.matterCode,
    departmentCode: actor.departmentCode,
  });
  const { treatment, reason } = decideTreatment({ ownListKinds, responsibleListKinds, grade: grade?.grade ?? null, severities }, policy);
  return {
    matterCode: input.matterCode,
    matterCaseId: input.matterCaseId,
    purpose: input.purpose,
    checkedOn: today,
    subject: {
      id: subject.id,
      kind: subject.kind,
      name: subject.name,
      uscc: subject.kind === 'natural_person' ? null : subject.uscc,
      citizenIdMasked: subject.citizenIdMasked,
      regionCode: subject.regionCode,
      status: subject.status,
    },
    listings,
    pausedListings,
    grade,
    records,
    // an incentive is not offered alongside caution or sanction; sanctions follow the lists and records found
    measures: measures
      .filter((measure) => measure.kind === 'sanction' || treatment === 'green_channel')
      .map((measure) => ({
        code: measure.code,
        name: measure.name,
        kind: measure.kind,
        category: measure.category,
        legalBasis: measure.legalBasis,
        degree: measure.degree,
        degreeLimit: measure.degreeLimit,
        latestUntil: latestUntil(measure, { appliedOn: today, listValidUntil: listValidUntil(listings, pausedListings, measure.targets.listKinds) }),
        appliesVia: measure.appliesVia,
      })),
    treatment,
    reason,
  };
}

/** The latest end of the listings (not paused) of these kinds, or null when the subject is on none of them. */
export function listValidUntil(listings: Listings, paused: readonly string[], listKinds: string[]): string | null {
  const ends = [...listings.own, ...listings.asResponsiblePerson]
    .filter((listing) => !paused.includes(listing.entryId) && listKinds.includes(listing.listKind))
    .map((listing) => listing.validUntil)
    .sort();
  return ends.at(-1) ?? null;
}

/**
 * 异议期间暂停惩戒: the subject's records under objection, and the list entries resting on one of them
 * (their measures are paused too while the objection is verified).
 */
async function objectionsAffecting(db: Db, listings: Listings, records: RecordWithFields[]): Promise<{ underObjection: Set<string>; pausedListings: string[] }> {
  const entryIds = [...listings.own, ...listings.asResponsiblePerson].map((listing) => listing.entryId);
  const evidence = await evidenceRecordIds(db, entryIds);
  const candidates = [...new Set([...records.map((record) => record.id), ...[...evidence.values()].flat()])];
  const underObjection = await recordsUnderObjection(db, candidates);
  const pausedListings = entryIds.filter((id) => (evidence.get(id) ?? []).some((recordId) => underObjection.has(recordId)));
  return { underObjection, pausedListings };
}

export function normaliseCheckInput(input: Omit<CheckInput, 'subject'>): { matterCode: string; matterCaseId: string | null; purpose: string } {
  return {
    matterCode: requireText(input.matterCode, '事项代码', 1, 64),
    matterCaseId: input.matterCaseId?.trim() ? requireText(input.matterCaseId, '办件编号', 1, 128) : null,
    purpose: requireText(input.purpose, '核查用途（至少2个字）'),
  };
}

export function todayOf(options: CheckOptions): string {
  if (options.today === undefined) return chinaDate();
  assertValidDate(options.today, '核查日期');
  return options.today;
}

export async function feedbackDueFor(db: Db, treatment: Treatment, today: string, policy: TreatmentPolicy = treatmentPolicy()): Promise<string | null> {
  if (treatment === 'normal') return null;
  return (await addWorkingDaysFrom(db, today, policy.feedbackWorkingDays)).date;
}

export function checkRow(id: string, actor: Actor & { departmentId: string }, result: CheckResult): repo.NewCheckRow {
  return {
    id,
    subjectId: result.subject.id,
    departmentId: actor.departmentId,
    actorKind: actor.kind,
    actorId: actor.id,
    actorLabel: actor.label,
    matterCode: result.matterCode,
    matterCaseId: result.matterCaseId,
    purpose: result.purpose,
    result: result as unknown as Record<string, unknown>,
    treatment: result.treatment,
    feedbackDue: result.feedbackDue,
  };
}

/**
 * 信用核查: resolves the subject, gathers lists (incl. personal accountability), active negative records,
 * the grade and the measures that apply to the matter, recommends a treatment, and stores the check
 * (audited). A look-up by citizen ID is written to the access log with its purpose.
 */
export async function runCheck(db: Db, actor: Actor, input: CheckInput, options: CheckOptions = {}): Promise<CheckResult> {
  assertMayCheck(actor);
  const today = todayOf(options);
  const normalised = normaliseCheckInput(input);
  const subject = await resolveCheckedSubject(db, actor, input.subject ?? {});
  const assessed = await assessSubject(db, actor, subject, normalised, today);
  const id = newId();
  const result: CheckResult = { id, ...assessed, feedbackDue: await feedbackDueFor(db, assessed.treatment, today) };
  // The checks table is the check log itself (who, department, matter, purpose, answer): written without the
  // audit chain's lock, which would serialise every check, and sealed into the chain every minute (audit/seals.ts).
  await db.transaction(async (tx) => {
    await repo.insertChecks(tx as Db, [checkRow(id, actor, result)]);
    if (input.subject?.citizenId?.trim() && !input.subject.uscc?.trim()) {
      await logPersonalDataAccess(tx as Db, actor, { subjectId: subject.id, dataKind: 'citizen_id', entityType: 'check', entityId: id, purpose: `信用核查（${normalised.matterCode}）：${normalised.purpose}` });
    }
  });
  return result;
}
