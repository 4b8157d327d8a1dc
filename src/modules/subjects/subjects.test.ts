import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/support/database';
import type { Database } from '../../db/connection';
import type { Db } from '../../db/types';
import { queryRows } from '../../db/sql';
import type { Actor } from '../../shared/actor';
import { configurePersonalDataKey } from '../../shared/personal-data';
import { verifyChain, withAudit } from '../audit';
import { createSeededRandom, generateCitizenId, generateUscc, USCC_CHARSET } from '../identifiers';
import {
  addRelation,
  countSubjectsByKind,
  createSubject,
  createSubjectInTx,
  endRelation,
  findSubjectByIdentifier,
  getPublicSubject,
  getSubject,
  readPersonalData,
  renameSubject,
  resolveSubject,
  searchPublicSubjects,
  searchSubjects,
  PLACEHOLDER_USCC,
  type Subject,
} from './index';

function actor(role: Actor['role'], label: string = role): Actor {
  return { kind: 'user', id: `user-${role}`, role, departmentId: null, departmentCode: null, regionCode: null, label };
}

const admin = actor('office_admin', '信用办管理员');
const operator = actor('dept_operator', '部门经办人');
const auditor = actor('auditor');
const agency = actor('agency');
const subjectAccount = actor('subject');

const random = createSeededRandom(20240601);
const uscc = (region = '450403') => generateUscc({ region, random });
const citizenId = (region = '450403') => generateCitizenId({ region, random });

/** A code whose only fault is its check character. */
function breakCheckChar(code: string, charset: string): string {
  const last = code[code.length - 1];
  const other = [...charset].find((char) => char !== last)!;
  return code.slice(0, -1) + other;
}

async function expectAppError(promise: Promise<unknown>, code: string): Promise<{ message: string; details: unknown }> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught as { code: string; message: string; details: unknown },
  );
  expect(error, `expected ${code}`).not.toBeNull();
  expect(error!.code).toBe(code);
  return error!;
}

describe('subjects registry', () => {
  let database: Database;
  let db: Db;

  async function auditCount(): Promise<number> {
    const result = await verifyChain(db);
    expect(result.ok).toBe(true);
    return result.checked;
  }

  beforeAll(async () => {
    configurePersonalDataKey('00112233445566778899aabbccddeeff');
    database = await createTestDatabase();
    db = database.db;
  });
  afterAll(async () => database?.close());

  describe('registration', () => {
    it('registers a legal entity with its first name and derived org code and region', async () => {
      const before = await auditCount();
      const code = uscc('450403');
      const subject = await createSubject(db, admin, { kind: 'legal_entity', name: '梧州市万秀区示例科技有限公司', uscc: code, establishedOn: '2015-03-01', address: '广西梧州市万秀区示例路1号' });
      expect(subject).toMatchObject({ kind: 'legal_entity', uscc: code, orgCode: code.slice(8, 17), regionCode: '450403', status: 'active', identifierFlags: [] });
      const detail = await getSubject(db, operator, subject.id);
      expect(detail.names).toEqual([{ name: '梧州市万秀区示例科技有限公司', validFrom: '2015-03-01', validTo: null, source: null }]);
      expect(await auditCount()).toBe(before + 1);
    });

    it('registers an individual business with a USCC, or with the placeholder and a registration number', async () => {
      const withCode = await createSubject(db, operator, { kind: 'individual_business', name: '万秀区老张米粉店', uscc: generateUscc({ category: '2', random }) });
      expect(withCode.kind).toBe('individual_business');
      const placeholder = await createSubject(db, operator, { kind: 'individual_business', name: '万秀区小李五金店', uscc: PLACEHOLDER_USCC, registrationNo: '450403600123456', regionCode: '450403' });
      expect(placeholder).toMatchObject({ uscc: null, registrationNo: '450403600123456' });
      // A second placeholder business does not collide on the unique USCC index.
      await createSubject(db, operator, { kind: 'individual_business', name: '万秀区小王修车铺', uscc: PLACEHOLDER_USCC, registrationNo: '450403600654321' });
      await expectAppError(createSubject(db, operator, { kind: 'individual_business', name: '无证个体户', uscc: PLACEHOLDER_USCC }), 'VALIDATION');
      await expectAppError(createSubject(db, operator, { kind: 'legal_entity', name: '占位公司', uscc: PLACEHOLDER_USCC }), 'IDENTIFIER_INVALID');
    });

    it('registers a natural person with the citizen ID encrypted, hashed and masked, never in plain text', async () => {
      const id = citizenId('450403');
      const person = await createSubject(db, admin, { kind: 'natural_person', name: '张三', citizenId: id, phone: '13800138000', address: '广西壮族自治区梧州市万秀区某小区3栋' });
      expect(person.citizenIdMasked).toBe(`${id.slice(0, 6)}********${id.slice(-4)}`);
      expect(person.regionCode).toBe('450403');
      expect(person.address).toBeNull();
      expect(JSON.stringify(person)).not.toContain(id);
      const [raw] = await queryRows<Record<string, unknown>>(db, sql`select * from subjects where id = ${person.id}`);
      const rawText = JSON.stringify(raw);
      expect(rawText).not.toContain(id);
      expect(rawText).not.toContain('13800138000');
      expect(rawText).not.toContain('某小区');
      expect(raw.citizen_id_enc).toBeTruthy();
      expect(raw.citizen_id_hash).toBeTruthy();
      expect(raw.address).toBeNull();
      const entries = await queryRows<{ after: unknown }>(db, sql`select after from audit_entries where entity_id = ${person.id}`);
      expect(JSON.stringify(entries)).not.toContain(id);
    });

    it('refuses invalid identifiers with IDENTIFIER_INVALID and the problems found', async () => {
      const badChecksum = breakCheckChar(uscc(), USCC_CHARSET);
      const error = await expectAppError(createSubject(db, admin, { kind: 'legal_entity', name: '校验码错误公司', uscc: badChecksum }), 'IDENTIFIER_INVALID');
      expect(error.message).toContain('校验码');
      expect(error.details).toMatchObject({ problems: [expect.objectContaining({ field: 'uscc', code: 'checksum' })] });
      await expectAppError(createSubject(db, admin, { kind: 'legal_entity', name: '太短公司', uscc: '91450403ABC' }), 'IDENTIFIER_INVALID');
      const badId = breakCheckChar(citizenId(), '0123456789X');
      const personError = await expectAppError(createSubject(db, admin, { kind: 'natural_person', name: '李四', citizenId: badId }), 'IDENTIFIER_INVALID');
      expect(personError.message).not.toContain(badId);
      // A citizen ID typed into the USCC field is personal data in the wrong place.
      await expectAppError(createSubject(db, admin, { kind: 'legal_entity', name: '填错公司', uscc: citizenId() }), 'IDENTIFIER_INVALID');
      await expectAppError(createSubject(db, admin, { kind: 'legal_entity', name: '无代码公司' }), 'VALIDATION');
      await expectAppError(createSubject(db, admin, { kind: 'natural_person', name: '王五' }), 'VALIDATION');
      await expectAppError(createSubject(db, admin, { kind: 'legal_entity', name: '带身份证的公司', uscc: uscc(), citizenId: citizenId() }), 'VALIDATION');
      const mismatch = uscc();
      await expectAppError(createSubject(db, admin, { kind: 'legal_entity', name: '机构代码不符公司', uscc: mismatch, orgCode: '12345678-5' }), 'IDENTIFIER_INVALID');
    });

    it('accepts a checksum-only failure from an authoritative source and keeps the flag', async () => {
      const badChecksum = breakCheckChar(uscc('350203'), USCC_CHARSET);
      const subject = await createSubject(db, admin, { kind: 'legal_entity', name: '厦门早期试点公司', uscc: badChecksum, fromAuthoritativeSource: true });
      expect(subject.identifierFlags).toEqual(['uscc:checksum_failed_authoritative']);
      expect((await getSubject(db, admin, subject.id)).identifierFlags).toEqual(['uscc:checksum_failed_authoritative']);
      // Authoritative or not, a code with other faults is refused.
      await expectAppError(createSubject(db, admin, { kind: 'legal_entity', name: '错误太多公司', uscc: 'Z1450403MA5L00000X', fromAuthoritativeSource: true }), 'IDENTIFIER_INVALID');
    });

    it('refuses a duplicate USCC or citizen ID (also in its 15-digit form) with CONFLICT', async () => {
      const code = uscc();
      await createSubject(db, admin, { kind: 'legal_entity', name: '原公司', uscc: code });
      await expectAppError(createSubject(db, admin, { kind: 'legal_entity', name: '重复公司', uscc: code.toLowerCase() }), 'CONFLICT');
      const legacy = '450403800101123';
      await createSubject(db, admin, { kind: 'natural_person', name: '赵六', citizenId: legacy });
      const eighteen = `45040319800101123`;
      const { citizenIdCheckChar } = await import('../identifiers');
      await expectAppError(createSubject(db, admin, { kind: 'natural_person', name: '赵六', citizenId: eighteen + citizenIdCheckChar(eighteen) }), 'CONFLICT');
    });

    it('lets only staff who write register subjects', async () => {
      for (const who of [auditor, agency, subjectAccount]) {
        await expectAppError(createSubject(db, who, { kind: 'legal_entity', name: '越权公司', uscc: uscc() }), 'FORBIDDEN');
      }
    });
  });

  describe('personal data', () => {
    let person: Subject;
    const id = generateCitizenId({ region: '450421', random: createSeededRandom(7) });

    beforeAll(async () => {
      person = await createSubject(db, admin, { kind: 'natural_person', name: '钱七', citizenId: id, phone: '13912345678', address: '广西壮族自治区梧州市苍梧县某村' });
    });

    it('masks the citizen ID in every staff response', async () => {
      const detail = await getSubject(db, admin, person.id);
      const list = await searchSubjects(db, admin, { q: id });
      for (const response of [detail, list, person]) expect(JSON.stringify(response)).not.toContain(id);
      expect(list.items[0].citizenIdMasked).toBe(detail.citizenIdMasked);
    });

    it('returns unmasked data to the credit office and departments, logging the purpose first', async () => {
      const data = await readPersonalData(db, operator, person.id, '行政许可办理前核查');
      expect(data).toEqual({ citizenId: id, phone: '13912345678', address: '广西壮族自治区梧州市苍梧县某村' });
      const rows = await queryRows<{ purpose: string; actor_label: string; data_kind: string }>(
        db,
        sql`select purpose, actor_label, data_kind from access_log where subject_id = ${person.id}`,
      );
      expect(rows).toEqual([{ purpose: '行政许可办理前核查', actor_label: '部门经办人', data_kind: 'citizen_id,phone,address' }]);
      await readPersonalData(db, admin, person.id, '异议核实');
    });

    it('refuses auditors, agencies and subject accounts, and a read without purpose', async () => {
      for (const who of [auditor, agency, subjectAccount]) await expectAppError(readPersonalData(db, who, person.id, '随便看看'), 'FORBIDDEN');
      await expectAppError(readPersonalData(db, admin, person.id, ''), 'VALIDATION');
      await expectAppError(readPersonalData(db, admin, person.id, ' 看 '), 'VALIDATION');
      const [{ n }] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from access_log where subject_id = ${person.id}`);
      expect(Number(n)).toBe(2);
    });
  });

  describe('names', () => {
    it('keeps the name history on rename', async () => {
      const subject = await createSubject(db, admin, { kind: 'legal_entity', name: '梧州旧名商贸有限公司', uscc: uscc(), establishedOn: '2010-05-01' });
      const before = await auditCount();
      const renamed = await renameSubject(db, operator, subject.id, { name: '梧州新名商贸有限公司', validFrom: '2020-01-01', source: '市场监管局变更通知' });
      expect(renamed.name).toBe('梧州新名商贸有限公司');
      const detail = await getSubject(db, admin, subject.id);
      expect(detail.names).toEqual([
        { name: '梧州旧名商贸有限公司', validFrom: '2010-05-01', validTo: '2020-01-01', source: null },
        { name: '梧州新名商贸有限公司', validFrom: '2020-01-01', validTo: null, source: '市场监管局变更通知' },
      ]);
      expect(await auditCount()).toBe(before + 1);
      await expectAppError(renameSubject(db, operator, subject.id, { name: '梧州再名商贸有限公司', validFrom: '2019-01-01' }), 'VALIDATION');
      await expectAppError(renameSubject(db, operator, subject.id, { name: '梧州新名商贸有限公司', validFrom: '2021-01-01' }), 'VALIDATION');
      await expectAppError(renameSubject(db, auditor, subject.id, { name: '审计改名', validFrom: '2021-01-01' }), 'FORBIDDEN');
      await expectAppError(renameSubject(db, operator, '00000000-0000-0000-0000-000000000000', { name: '不存在', validFrom: '2021-01-01' }), 'NOT_FOUND');
    });
  });

  describe('related persons', () => {
    let company: Subject;
    let shop: Subject;
    let personA: Subject;
    let personB: Subject;

    beforeAll(async () => {
      company = await createSubject(db, admin, { kind: 'legal_entity', name: '梧州关联测试有限公司', uscc: uscc() });
      shop = await createSubject(db, admin, { kind: 'individual_business', name: '关联测试个体店', uscc: generateUscc({ category: '2', random }) });
      personA = await createSubject(db, admin, { kind: 'natural_person', name: '孙八', citizenId: citizenId() });
      personB = await createSubject(db, admin, { kind: 'natural_person', name: '周九', citizenId: citizenId() });
    });

    it('links a natural person to an organisation and shows the masked ID number', async () => {
      const before = await auditCount();
      const relation = await addRelation(db, operator, { subjectId: company.id, personId: personA.id, role: 'legal_representative', validFrom: '2018-01-01' });
      const detail = await getSubject(db, admin, company.id);
      expect(detail.relations).toEqual([
        { id: relation.id, role: 'legal_representative', personId: personA.id, personName: '孙八', citizenIdMasked: personA.citizenIdMasked, validFrom: '2018-01-01', validTo: null },
      ]);
      expect(await auditCount()).toBe(before + 1);
    });

    it('enforces the relation rules', async () => {
      // one legal representative at a time
      await expectAppError(addRelation(db, operator, { subjectId: company.id, personId: personB.id, role: 'legal_representative' }), 'CONFLICT');
      // the person must be a natural person, the subject must not be one
      await expectAppError(addRelation(db, operator, { subjectId: company.id, personId: shop.id, role: 'controller' }), 'VALIDATION');
      await expectAppError(addRelation(db, operator, { subjectId: personA.id, personId: personB.id, role: 'controller' }), 'VALIDATION');
      // individual businesses have a principal, not a legal representative
      await expectAppError(addRelation(db, operator, { subjectId: shop.id, personId: personB.id, role: 'legal_representative' }), 'VALIDATION');
      await addRelation(db, operator, { subjectId: shop.id, personId: personB.id, role: 'principal' });
      // several controllers are fine, the same one twice is not
      await addRelation(db, operator, { subjectId: company.id, personId: personA.id, role: 'controller' });
      await addRelation(db, operator, { subjectId: company.id, personId: personB.id, role: 'controller' });
      await expectAppError(addRelation(db, operator, { subjectId: company.id, personId: personB.id, role: 'controller' }), 'CONFLICT');
      await expectAppError(addRelation(db, auditor, { subjectId: company.id, personId: personB.id, role: 'principal' }), 'FORBIDDEN');
    });

    it('ends a relation, after which a new legal representative may be registered', async () => {
      const current = (await getSubject(db, admin, company.id)).relations.find((r) => r.role === 'legal_representative' && r.validTo === null)!;
      await expectAppError(endRelation(db, operator, { subjectId: company.id, relationId: current.id, validTo: '2017-01-01' }), 'VALIDATION');
      await expectAppError(endRelation(db, operator, { subjectId: shop.id, relationId: current.id, validTo: '2023-01-01' }), 'NOT_FOUND');
      const ended = await endRelation(db, operator, { subjectId: company.id, relationId: current.id, validTo: '2023-06-30' });
      expect(ended.validTo).toBe('2023-06-30');
      await expectAppError(endRelation(db, operator, { subjectId: company.id, relationId: current.id, validTo: '2023-07-01' }), 'CONFLICT');
      await addRelation(db, operator, { subjectId: company.id, personId: personB.id, role: 'legal_representative', validFrom: '2023-07-01' });
      const reps = (await getSubject(db, admin, company.id)).relations.filter((r) => r.role === 'legal_representative');
      expect(reps.map((r) => [r.personName, r.validTo])).toEqual([
        ['周九', null],
        ['孙八', '2023-06-30'],
      ]);
    });
  });

  describe('search', () => {
    let person: Subject;
    const personId = generateCitizenId({ region: '450403', random: createSeededRandom(99) });
    const code = generateUscc({ region: '450403', random: createSeededRandom(98) });

    beforeAll(async () => {
      await createSubject(db, admin, { kind: 'legal_entity', name: '梧州绿源环保科技有限公司', uscc: code });
      await createSubject(db, admin, { kind: 'legal_entity', name: '绿源', uscc: uscc() });
      await createSubject(db, admin, { kind: 'legal_entity', name: '广西绿源食品有限公司', uscc: uscc('450100') });
      await createSubject(db, admin, { kind: 'individual_business', name: '绿源水果店', uscc: generateUscc({ category: '2', random }) });
      person = await createSubject(db, admin, { kind: 'natural_person', name: '绿源', citizenId: personId });
    });

    it('finds subjects for staff by part of the name, by USCC and by citizen ID', async () => {
      const byName = await searchSubjects(db, operator, { q: '绿源' });
      expect(byName.total).toBe(5);
      expect(byName.items.map((item) => item.name)).toContain('梧州绿源环保科技有限公司');
      expect(byName.items.slice(0, 2).map((item) => item.name)).toEqual(['绿源', '绿源']);
      const people = await searchSubjects(db, operator, { q: '绿源', kind: 'natural_person' });
      expect(people.items.map((item) => item.id)).toEqual([person.id]);
      const byCode = await searchSubjects(db, operator, { q: code.toLowerCase() });
      expect(byCode.items.map((item) => item.uscc)).toEqual([code]);
      const byId = await searchSubjects(db, operator, { q: personId });
      expect(byId.items).toEqual([expect.objectContaining({ id: person.id, citizenIdMasked: person.citizenIdMasked })]);
      const paged = await searchSubjects(db, operator, { q: '绿源', page: 2, pageSize: 2 });
      expect(paged).toMatchObject({ total: 5 });
      expect(paged.items).toHaveLength(2);
      await expectAppError(searchSubjects(db, operator, { q: '绿' }), 'VALIDATION');
      await expectAppError(searchSubjects(db, subjectAccount, { q: '绿源' }), 'FORBIDDEN');
      expect((await searchSubjects(db, operator, { q: '100%' })).total).toBe(0);
    });

    it('never shows natural persons to the public and ranks exact, then prefix, then the rest', async () => {
      const result = await searchPublicSubjects(db, { q: '绿源' });
      expect(result.total).toBe(4);
      expect(result.items.map((item) => item.name)).toEqual(['绿源', '绿源水果店', expect.any(String), expect.any(String)]);
      expect(result.items.every((item) => item.kind !== ('natural_person' as string))).toBe(true);
      expect(result.items.find((item) => item.name === '梧州绿源环保科技有限公司')?.regionName).toBe('广西壮族自治区梧州市万秀区');
      expect((await searchPublicSubjects(db, { q: personId })).total).toBe(0);
      expect((await searchPublicSubjects(db, { q: code })).items.map((item) => item.uscc)).toEqual([code]);
      await expectAppError(searchPublicSubjects(db, { q: '绿' }), 'VALIDATION');
      await expectAppError(searchPublicSubjects(db, { q: ' ' }), 'VALIDATION');
    });

    it('finds a query with punctuation (the bigram path) and 2 characters in any case, without false matches', async () => {
      await createSubject(db, admin, { kind: 'legal_entity', name: '华盛（长沙）绿源贸易有限公司', uscc: uscc('430100') });
      await createSubject(db, admin, { kind: 'legal_entity', name: '长沙华盛商贸有限公司', uscc: uscc('430100') });
      await createSubject(db, admin, { kind: 'legal_entity', name: 'GX绿源（有限合伙）', uscc: uscc() });
      const names = async (q: string) => (await searchPublicSubjects(db, { q })).items.map((item) => item.name);
      expect(await names('盛（长')).toEqual(['华盛（长沙）绿源贸易有限公司']);
      expect(await names('（长沙）')).toEqual(['华盛（长沙）绿源贸易有限公司']);
      expect(await names('盛（长沙')).toEqual(['华盛（长沙）绿源贸易有限公司']);
      expect(await names('（有限合伙')).toEqual(['GX绿源（有限合伙）']);
      expect(await names('gx')).toEqual(['GX绿源（有限合伙）']);
      expect(await names('华 盛')).toEqual([]);
      expect((await searchPublicSubjects(db, { q: '沙）' })).total).toBe(1);
    });

    it('shows public basic information, but not natural persons', async () => {
      const found = await searchPublicSubjects(db, { q: '梧州绿源环保' });
      const info = await getPublicSubject(db, found.items[0].id);
      expect(info).toMatchObject({ name: '梧州绿源环保科技有限公司', uscc: code, regionName: '广西壮族自治区梧州市万秀区', kind: 'legal_entity' });
      expect(info).not.toHaveProperty('citizenIdMasked');
      await expectAppError(getPublicSubject(db, person.id), 'NOT_FOUND');
      await expectAppError(getPublicSubject(db, 'not-a-uuid'), 'NOT_FOUND');
    });

    it('counts subjects by kind', async () => {
      const counts = await countSubjectsByKind(db);
      expect(counts.total).toBe(counts.legal_entity + counts.individual_business + counts.natural_person);
      expect(counts.natural_person).toBeGreaterThanOrEqual(1);
    });
  });

  describe('resolveSubject (for ingest)', () => {
    it('finds an existing subject, reports a name mismatch, or creates one — in the caller’s transaction', async () => {
      const code = uscc();
      const before = await auditCount();
      const created = await withAudit(db, operator, (tx, audit) => resolveSubject(tx, audit, { kind: 'legal_entity', name: '梧州归集测试（有限）公司', uscc: code }));
      expect(created).toMatchObject({ created: true, nameMismatch: false });
      const same = await withAudit(db, operator, async (tx, audit) => {
        const result = await resolveSubject(tx, audit, { kind: 'legal_entity', name: '梧州归集测试(有限)公司', uscc: code });
        audit.record({ action: 'test.ingest', entityType: 'subject', entityId: result.subject.id });
        return result;
      });
      expect(same).toMatchObject({ created: false, nameMismatch: false, subject: { id: created.subject.id } });
      const other = await withAudit(db, operator, async (tx, audit) => {
        const result = await resolveSubject(tx, audit, { kind: 'legal_entity', name: '完全不同的名称公司', uscc: code });
        audit.record({ action: 'test.ingest', entityType: 'subject', entityId: result.subject.id });
        return result;
      });
      expect(other).toMatchObject({ created: false, nameMismatch: true, subject: { name: '梧州归集测试（有限）公司' } });

      const id = citizenId();
      const person = await withAudit(db, operator, (tx, audit) => resolveSubject(tx, audit, { kind: 'natural_person', name: '吴十', citizenId: id }));
      expect(person.created).toBe(true);
      expect((await findSubjectByIdentifier(db, { citizenId: id.toLowerCase() }))?.id).toBe(person.subject.id);
      expect((await findSubjectByIdentifier(db, { uscc: code }))?.id).toBe(created.subject.id);
      expect(await findSubjectByIdentifier(db, { uscc: uscc() })).toBeNull();

      const shop = await withAudit(db, operator, (tx, audit) =>
        resolveSubject(tx, audit, { kind: 'individual_business', name: '归集个体店', uscc: PLACEHOLDER_USCC, registrationNo: '450403600999999' }),
      );
      const shopAgain = await withAudit(db, operator, async (tx, audit) => {
        const result = await resolveSubject(tx, audit, { kind: 'individual_business', name: '归集个体店', uscc: PLACEHOLDER_USCC, registrationNo: '450403600999999' });
        audit.record({ action: 'test.ingest', entityType: 'subject', entityId: result.subject.id });
        return result;
      });
      expect(shopAgain).toMatchObject({ created: false, subject: { id: shop.subject.id } });
      expect(await auditCount()).toBe(before + 6);
    });

    it('rolls the new subject back with the caller’s failed transaction', async () => {
      const code = uscc();
      await expect(
        withAudit(db, operator, async (tx, audit) => {
          await createSubjectInTx(tx, audit, { kind: 'legal_entity', name: '回滚公司', uscc: code });
          throw new Error('batch failed');
        }),
      ).rejects.toThrow('batch failed');
      expect(await findSubjectByIdentifier(db, { uscc: code })).toBeNull();
    });

    it('refuses invalid identifiers', async () => {
      await expectAppError(
        withAudit(db, operator, (tx, audit) => resolveSubject(tx, audit, { kind: 'legal_entity', name: '坏代码公司', uscc: breakCheckChar(uscc(), USCC_CHARSET) })),
        'IDENTIFIER_INVALID',
      );
    });
  });

  it('leaves an intact audit chain', async () => {
    const result = await verifyChain(db);
    expect(result.ok).toBe(true);
    expect(result.checked).toBeGreaterThan(20);
  });
});
