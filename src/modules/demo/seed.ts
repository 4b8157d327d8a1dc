import type { Logger } from 'pino';
import type { AppContext } from '../../http/context';
import type { Db } from '../../db/types';
import { SYSTEM_ACTOR, type Actor } from '../../shared/actor';
import { withAudit } from '../audit';
import { createUser } from '../auth/service';
import { getCurrentItem, setSubmittingDepartments, validateFields } from '../catalog';
import { countDepartments, createDepartment, registerRegions } from '../departments';
import { createSeededRandom, generateCitizenId, generateUscc } from '../identifiers';
import { storeRecordInTx, timelinessOf } from '../records';
import { loadCalendar } from '../calendar';
import { chinaDate } from '../../shared/time';
import { addRelation, createSubjectInTx, type NewSubject } from '../subjects';
import { DEMO_COUNTY_CODES, DEMO_DEPARTMENTS, DEMO_PASSWORD, DEMO_REGIONS, DEMO_SUBMITTERS, DEMO_USERS } from './fixtures';
import { companyName, personName, pick, shopName, type Random } from './names';
import { demoRecordFields, type DemoDepartmentInfo, type DemoSubject } from './record-fields';

export interface DemoSize {
  legalEntities: number;
  individualBusinesses: number;
  naturalPersons: number;
  /** records per department and item it submits */
  recordsPerItem: number;
}

export const DEFAULT_DEMO_SIZE: DemoSize = { legalEntities: 1100, individualBusinesses: 400, naturalPersons: 500, recordsPerItem: 40 };

const CHUNK = 250;
const TODAY = '2026-11-20';

/** Loads the fictional 示范市 (departments, logins, subjects, records) into an empty platform; returns counts. */
export async function loadDemoDataIfEmpty(ctx: AppContext, logger?: Logger, size: DemoSize = DEFAULT_DEMO_SIZE) {
  if ((await countDepartments(ctx.db)) > 0) return null;
  logger?.info('数据库为空，正在载入演示数据（示范市）……');
  const started = Date.now();
  const random = createSeededRandom(20261123);
  const db = ctx.db;
  await registerRegions(db, SYSTEM_ACTOR, DEMO_REGIONS);
  const departments = await createDemoDepartments(db, random);
  for (const [code, submitters] of Object.entries(DEMO_SUBMITTERS)) {
    await setSubmittingDepartments(db, SYSTEM_ACTOR, code, submitters, '演示数据：设置报送部门');
  }
  const subjects = await createDemoSubjects(db, random, size);
  await createDemoUsers(db, departments, subjects.find((subject) => subject.kind === 'legal_entity')?.id ?? null);
  const records = await createDemoRecords(db, random, departments, subjects, size.recordsPerItem);
  const counts = { departments: departments.length, subjects: subjects.length, records };
  logger?.info({ ...counts, seconds: Math.round((Date.now() - started) / 100) / 10 }, '演示数据已载入');
  return counts;
}

interface SeededDepartment extends DemoDepartmentInfo {
  id: string;
  items: string[];
}

async function createDemoDepartments(db: Db, random: Random): Promise<SeededDepartment[]> {
  const seeded: SeededDepartment[] = [];
  for (const department of DEMO_DEPARTMENTS) {
    const uscc = generateUscc({ authority: '1', category: '1', region: '459900', random });
    const row = await createDepartment(db, SYSTEM_ACTOR, { code: department.code, name: department.name, regionCode: '459900', kind: department.kind ?? 'department', uscc });
    seeded.push({ id: row.id, code: department.code, name: department.name, uscc, items: department.items });
  }
  return seeded;
}

/** One login per role; the subject account speaks for the first demo company. */
async function createDemoUsers(db: Db, departments: SeededDepartment[], companyId: string | null) {
  for (const user of DEMO_USERS) {
    const departmentId = user.department ? departments.find((d) => d.code === user.department)!.id : null;
    const subjectId = user.role === 'subject' ? companyId : null;
    await createUser(db, SYSTEM_ACTOR, { username: user.username, displayName: user.displayName, password: DEMO_PASSWORD, role: user.role, departmentId, subjectId });
  }
}

interface SeededSubject extends DemoSubject {
  id: string;
}

async function createDemoSubjects(db: Db, random: Random, size: DemoSize): Promise<SeededSubject[]> {
  const persons = Array.from({ length: size.naturalPersons }, (): NewSubject => {
    const region = pick(random, DEMO_COUNTY_CODES);
    return { kind: 'natural_person', name: personName(random), citizenId: generateCitizenId({ region, random }), regionCode: region };
  });
  const seededPersons = await insertSubjects(db, persons);
  const entities = Array.from({ length: size.legalEntities }, (_, i): NewSubject => {
    const region = pick(random, DEMO_COUNTY_CODES);
    return { kind: 'legal_entity', name: companyName(random, i, '示范市'), uscc: generateUscc({ authority: '9', category: '1', region, random }), regionCode: region, establishedOn: randomDate(random, 2000, 2025), address: `示范市${pick(random, ['人民路', '建设路', '解放大道', '青禾大道', '江滨路'])}${1 + Math.floor(random() * 300)}号` };
  });
  const businesses = Array.from({ length: size.individualBusinesses }, (_, i): NewSubject => {
    const region = pick(random, DEMO_COUNTY_CODES);
    const owner = seededPersons[i % seededPersons.length];
    const countyName = DEMO_REGIONS.find((r) => r.code === region)!.name.replace('示范市', '');
    const codeless = i % 20 === 0;
    return {
      kind: 'individual_business',
      name: shopName(random, countyName, owner.name),
      uscc: codeless ? '00000000000000000X' : generateUscc({ authority: '9', category: '2', region, random }),
      registrationNo: codeless ? `4599${String(100000000 + i).slice(0, 11)}` : null,
      regionCode: region,
      establishedOn: randomDate(random, 2010, 2025),
    };
  });
  const organisations = await insertSubjects(db, [...entities, ...businesses]);
  await linkRepresentatives(db, organisations, seededPersons);
  return [...seededPersons, ...organisations];
}

async function insertSubjects(db: Db, inputs: NewSubject[]): Promise<SeededSubject[]> {
  const seeded: SeededSubject[] = [];
  for (let start = 0; start < inputs.length; start += CHUNK) {
    const chunk = inputs.slice(start, start + CHUNK);
    await withAudit(db, SYSTEM_ACTOR, async (tx, audit) => {
      for (const input of chunk) {
        const subject = await createSubjectInTx(tx, audit, { ...input, nameSource: '演示数据' });
        seeded.push({ id: subject.id, kind: subject.kind, name: subject.name, uscc: input.uscc ?? undefined, registrationNo: input.registrationNo ?? undefined, citizenId: input.citizenId ?? undefined });
      }
    });
  }
  return seeded;
}

async function linkRepresentatives(db: Db, organisations: SeededSubject[], persons: SeededSubject[]) {
  for (const [index, organisation] of organisations.entries()) {
    const person = persons[(index * 7) % persons.length];
    organisation.representative = { name: person.name, citizenId: person.citizenId! };
    if (organisation.kind !== 'legal_entity' || index % 4 !== 0) continue;
    await addRelation(db, SYSTEM_ACTOR, { subjectId: organisation.id, personId: person.id, role: 'legal_representative' });
  }
}

async function createDemoRecords(db: Db, random: Random, departments: SeededDepartment[], subjects: SeededSubject[], perItem: number): Promise<number> {
  let total = 0;
  let sequence = 1000;
  const calendar = await loadCalendar(db);
  for (const department of departments) {
    const actor: Actor = { ...SYSTEM_ACTOR, departmentId: department.id, departmentCode: department.code, regionCode: '459900', label: `演示数据（${department.name}）` };
    for (const itemCode of department.items) {
      const item = await getCurrentItem(db, itemCode);
      const candidates = subjects.filter((subject) => item.subjectKinds.includes(subject.kind) && (itemCode !== 'registration' || subject.kind !== 'natural_person'));
      const count = itemCode === 'registration' ? Math.min(candidates.length, department.code === 'SCJG' ? 1500 : 60) : perItem;
      const chosen = itemCode === 'registration' ? candidates.filter((s) => s.kind !== 'natural_person').slice(0, count) : Array.from({ length: count }, () => pick(random, candidates));
      await withAudit(db, actor, async (tx, audit) => {
        for (const subject of chosen) {
          const decisionDate = randomDate(random, 2024, 2026);
          const fields = demoRecordFields({ item, subject, department, decisionDate, sequence: sequence++, random });
          const { values, errors } = validateFields(item, fields);
          if (errors.length) throw new Error(`演示数据不符合目录条目 ${itemCode}：${JSON.stringify(errors[0])}`);
          // Departments usually deliver within a few days; about one record in ten arrives late.
          const arrival = [addDays(decisionDate, 1 + Math.floor(random() * (random() < 0.9 ? 7 : 30))), chinaDate()].sort()[0];
          const timeliness = timelinessOf(calendar, decisionDate, arrival);
          const receivedAt = `${arrival}T${String(8 + Math.floor(random() * 10)).padStart(2, '0')}:00:00+08:00`;
          const result = await storeRecordInTx(tx, audit, actor, item, values, { itemCode, fields: values, provenance: { raw: fields }, receivedAt, timeliness });
          if (result.outcome === 'created') total += 1;
        }
      });
    }
  }
  return total;
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function randomDate(random: Random, fromYear: number, toYear: number): string {
  const from = Date.UTC(fromYear, 0, 1);
  const to = Math.min(Date.UTC(toYear, 11, 31), Date.parse(TODAY));
  return new Date(from + Math.floor(random() * (to - from))).toISOString().slice(0, 10);
}
