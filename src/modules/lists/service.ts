import type { Db } from '../../db/types';
import { SYSTEM_ACTOR, type Actor } from '../../shared/actor';
import { AppError } from '../../shared/errors';
import { chinaDate } from '../../shared/time';
import { assertCanReadDepartment, readsAllDepartments, requireStaff } from '../auth/policy';
import { rolesHeldBy, subjectIdentitiesByIds, type RoleHeld } from '../subjects';
import { allowedActions, STATE_LABELS, type EntryAction } from './procedure';
import * as repo from './repository';
import { removeEntry } from './remove';
import { loadEntry } from './steps';

export interface EntryView extends repo.ListEntryRow {
  stateLabel: string;
  listKindName: string;
  subjectName: string;
  /** what the caller may do next (console buttons); date conditions are checked when the step is taken */
  allowedActions: EntryAction[];
  events: repo.ListEntryEventRow[];
  /** who proposed, and who decided or declined (their names as recorded in the history) */
  proposerName: string | null;
  reviewerName: string | null;
}

/** One entry with its history and the caller's next steps; a department reads its own entries only. */
export async function getEntry(db: Db, actor: Actor, id: string): Promise<EntryView> {
  requireStaff(actor);
  const entry = await loadEntry(db, id);
  assertCanReadDepartment(actor, entry.departmentId);
  const [events, kind, identities] = await Promise.all([repo.eventsOf(db, id), repo.findKind(db, entry.listKind), subjectIdentitiesByIds(db, [entry.subjectId])]);
  return {
    ...entry,
    stateLabel: STATE_LABELS[entry.state],
    listKindName: kind?.name ?? entry.listKind,
    subjectName: identities[0]?.name ?? '',
    allowedActions: allowedActions(entry, actor),
    events,
    proposerName: events.find((event) => event.toState === 'proposed')?.actor ?? null,
    reviewerName: events.findLast((event) => event.toState === 'decided' || event.toState === 'rejected')?.actor ?? null,
  };
}

export interface EntryQuery {
  state?: string;
  kind?: string;
  subjectId?: string;
  page?: number;
  pageSize?: number;
}

/** The console's list: own department's entries; the credit office (and auditors) see all. */
export async function listEntries(db: Db, actor: Actor, query: EntryQuery) {
  requireStaff(actor);
  const page = query.page ?? 1;
  const pageSize = Math.min(query.pageSize ?? 20, 100);
  const { rows, total } = await repo.listEntryRows(db, {
    departmentId: readsAllDepartments(actor) ? null : actor.departmentId,
    state: query.state,
    kind: query.kind,
    subjectId: query.subjectId,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  const names = new Map((await subjectIdentitiesByIds(db, rows.map((row) => row.subjectId))).map((identity) => [identity.id, identity.name]));
  return {
    total,
    page,
    pageSize,
    items: rows.map((row) => ({ ...row, stateLabel: STATE_LABELS[row.state], subjectName: names.get(row.subjectId) ?? '', allowedActions: allowedActions(row, actor) })),
  };
}

export interface PublicListing {
  entryId: string;
  listKind: string;
  listKindName: string;
  subjectId: string;
  subjectName: string;
  /** the USCC of an organisation; never a natural person's identifier */
  uscc: string | null;
  decisionNumber: string;
  decidedOn: string;
  publishedAt: string;
  validUntil: string;
  reasons: string;
  ban: { sector: string; until: string } | null;
}

function toPublic(entry: repo.ListEntryRow, kindName: string, identity: { name: string; uscc: string | null } | undefined): PublicListing {
  return {
    entryId: entry.id,
    listKind: entry.listKind,
    listKindName: kindName,
    subjectId: entry.subjectId,
    subjectName: identity?.name ?? '',
    uscc: identity?.uscc ?? null,
    decisionNumber: entry.decision!.number,
    decidedOn: entry.decision!.decided_on,
    publishedAt: new Date(entry.publishedAt!).toISOString(),
    validUntil: entry.validUntil!,
    reasons: entry.reasons,
    ban: entry.ban ?? null,
  };
}

/** The public list of one kind: published entries within their validity only. */
export async function publicList(db: Db, kindCode: string, query: { page?: number; pageSize?: number } = {}, today = chinaDate()) {
  const kind = await repo.findKind(db, kindCode);
  if (!kind) throw new AppError('NOT_FOUND', `未找到名单类型：${kindCode}`);
  // 重点关注名单 is shared among government bodies only (catalog item watch_list: scope shared).
  if (kind.kind === 'watch') throw new AppError('NOT_FOUND', `${kind.name}不向社会公开`);
  const page = query.page ?? 1;
  const pageSize = Math.min(query.pageSize ?? 20, 100);
  const { rows, total } = await repo.publishedOfKind(db, kind.code, today, pageSize, (page - 1) * pageSize);
  const identities = new Map((await subjectIdentitiesByIds(db, rows.map((row) => row.subjectId))).map((identity) => [identity.id, identity]));
  return { listKind: kind.code, listKindName: kind.name, total, page, pageSize, items: rows.map((row) => toPublic(row, kind.name, identities.get(row.subjectId))) };
}

export interface Listings {
  /** the subject's own published entries */
  own: PublicListing[];
  /** for a person: entries of organisations where the person is legal representative, principal or controller */
  asResponsiblePerson: (PublicListing & { role: RoleHeld['role'] })[];
}

/**
 * Personal accountability (seed 000 (十五)): a subject's own published listings and, for a natural person,
 * the published listings of the organisations where the person currently holds a responsible role.
 */
export async function listingsOf(db: Db, subjectId: string, today = chinaDate()): Promise<Listings> {
  const roles = await rolesHeldBy(db, subjectId, today);
  const entries = await repo.publishedOfSubjects(db, [subjectId, ...roles.map((role) => role.subjectId)], today);
  if (entries.length === 0) return { own: [], asResponsiblePerson: [] };
  const [identities, kinds] = await Promise.all([subjectIdentitiesByIds(db, entries.map((entry) => entry.subjectId)), repo.listKindRows(db)]);
  const byId = new Map(identities.map((identity) => [identity.id, identity]));
  const kindNames = new Map(kinds.map((kind) => [kind.code, kind.name]));
  const view = (entry: repo.ListEntryRow) => toPublic(entry, kindNames.get(entry.listKind) ?? entry.listKind, byId.get(entry.subjectId));
  return {
    own: entries.filter((entry) => entry.subjectId === subjectId).map(view),
    asResponsiblePerson: roles.flatMap((role) => entries.filter((entry) => entry.subjectId === role.subjectId && entry.subjectId !== subjectId).map((entry) => ({ ...view(entry), role: role.role }))),
  };
}

/** Staff read of a subject's listings (the check and report modules use listingsOf directly). */
export async function listingsForStaff(db: Db, actor: Actor, subjectId: string): Promise<Listings> {
  requireStaff(actor);
  return listingsOf(db, subjectId);
}

/** The daily sweep: removes published entries whose validity ended (reason 'expired'); returns how many. */
export async function removeExpiredEntries(db: Db, today = chinaDate(), batch = 500): Promise<number> {
  let removed = 0;
  for (let page = await repo.expiredPublished(db, today, batch); page.length > 0; page = await repo.expiredPublished(db, today, batch)) {
    for (const entry of page) await removeEntry(db, SYSTEM_ACTOR, entry.id, { reason: 'expired' }, { today });
    removed += page.length;
  }
  return removed;
}

/** The record ids each entry rests on (its evidence), e.g. to pause an entry's measures while one is under objection. */
export async function evidenceRecordIds(db: Db, entryIds: string[]): Promise<Map<string, string[]>> {
  return repo.evidenceOfEntries(db, entryIds);
}
