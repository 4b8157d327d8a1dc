/**
 * A full-scale public-portal dataset, loaded with COPY: N subjects and M credit records (with their
 * versions and the disclosure projection) into a fresh database, for the portal load benchmark
 * (bench/http-load.ts --subjects N) and for EXPLAIN work on realistic data.
 *
 *   tsx bench/portal-data.ts --subjects 1000000 --records 10000000 [--db postgres|pglite] [--name db | --data-dir dir] [--seed 1]
 *
 * The database is created (PostgreSQL: a new database on DATABASE_URL's server, default
 * postgres://postgres@127.0.0.1:5432/test; PGlite: a new data directory) and migrated exactly as the server
 * does it (`openContext`: migrations, base catalog, list kinds, measures), and kept: the load benchmark
 * reuses it with --database / --data-dir. What is loaded:
 *
 * - the demo regions and the 23 demo departments (normal service calls);
 * - subjects (bench/subject-names.ts): ~72 % legal entities, ~20 % individual businesses (5 % of them
 *   without a USCC, known by registration number), ~8 % natural persons with SM4-encrypted, hashed and
 *   masked citizen IDs as the platform stores them; one current name each in subject_names;
 * - records: one 登记注册 record per organisation (SCJG), the rest spread over the demo departments' items
 *   by realistic weights (licences, penalties, inspections, …; public items and shared-only ones such as
 *   levy, rating and law_compliance). Subjects are drawn skewed (index ∝ u^1.5: a few subjects have
 *   hundreds of records, the median about seven). Field values come from templates built by the demo
 *   generator (src/modules/demo/record-fields.ts) and validated by the catalog (validateFields), with the
 *   subject, its legal representative's ID number (personal, never public), the document number and the
 *   dates filled in per record; a sample is re-validated during the load. Decision dates go back up to six
 *   years (exponential, mean ~1.4 years), so many negative records are past their disclosure period;
 *   severity comes from the codes (severityOf), so minor penalties are not disclosed;
 * - versions: 3 % of records corrected (version 1 differs from the current version 2), 1 % revoked
 *   (version 2 is the revocation); 60 % of versions carry the raw row as ingest stores it;
 * - disclosure_state computed by the projection's own `project()` on the day of the load, then: 0.5 % of
 *   the disclosed negative records ended early (repaired), and 20 % of the revoked ones left stale as
 *   "disclosed" (revoked after the last sync: the live status check must hide them).
 *   The change feed (disclosure_changes) is not filled.
 *
 * Loading: secondary indexes of the loaded tables are dropped first and rebuilt afterwards from their own
 * definitions (pg_indexes), then ANALYZE; primary keys stay (ids are UUIDv7, so appends stay local).
 * PostgreSQL rows are streamed to `psql \copy … from pstdin` (one psql per table, text format; the
 * node-postgres COPY helper pg-copy-streams is not installed); PGlite gets `COPY … FROM '/dev/blob'` in
 * chunks.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { pathToFileURL } from 'node:url';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { PGlite } from '@electric-sql/pglite';
import { openContext } from '../src/app';
import { loadConfig } from '../src/config';
import { queryRows } from '../src/db/sql';
import type { Db } from '../src/db/types';
import type { AppContext } from '../src/http/context';
import { SYSTEM_ACTOR } from '../src/shared/actor';
import { canonicalJson } from '../src/shared/canonical-json';
import { newId } from '../src/shared/ids';
import { encryptPersonal, hashPersonal } from '../src/shared/personal-data';
import { chinaDate } from '../src/shared/time';
import { loadCalendar } from '../src/modules/calendar';
import { getCurrentCatalog, PLACEHOLDER_USCC, validateFields, type CatalogItem, type Severity } from '../src/modules/catalog';
import { createDepartment, registerRegions } from '../src/modules/departments';
import { DEMO_DEPARTMENTS, DEMO_REGIONS } from '../src/modules/demo';
import { demoRecordFields, type DemoSubject } from '../src/modules/demo/record-fields';
import { project } from '../src/modules/disclosure/projection';
import { createSeededRandom, generateCitizenId, generateUscc, maskCitizenId } from '../src/modules/identifiers';
import { severityOf, timelinessOf, type RecordWithFields } from '../src/modules/records';
import { parseArgs } from './generate';
import { benchSubject, personName, pick, type BenchSubjectKind, type Random } from './subject-names';

export interface PortalDataOptions {
  subjects: number;
  records: number;
  seed?: number;
  /** the day the projection is computed for (default today in China) */
  today?: string;
  log?: (message: string) => void;
}

export interface PortalDataSummary {
  subjects: number;
  publicSubjects: number;
  records: number;
  versions: number;
  disclosed: number;
  revoked: number;
  corrected: number;
  recordsByItem: Record<string, number>;
  recordsPerSubject: { median: number; p99: number; max: number };
  seconds: { subjects: number; records: number; indexes: number; analyze: number; total: number };
}

// ---------------------------------------------------------------------------------------------------
// COPY sinks

interface CopySink {
  /** queues one line (ending in \n); returns a promise only when the caller must wait (backpressure) */
  write(line: string): Promise<void> | undefined;
  end(): Promise<void>;
}

const BLOCK_LINES = 2000;

/** PostgreSQL: a `psql \copy … from pstdin` child fed through its stdin, honouring backpressure. */
function psqlCopy(url: string, table: string, columns: readonly string[]): CopySink {
  const child: ChildProcess = spawn('psql', [url, '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-c', `\\copy ${table} (${columns.join(', ')}) from pstdin`], { stdio: ['pipe', 'inherit', 'inherit'] });
  const exited = new Promise<void>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`psql \\copy ${table} exited with code ${code}`))));
  });
  exited.catch(() => undefined); // observed by write()/end()
  let block: string[] = [];
  const flush = async () => {
    if (block.length === 0) return;
    const text = block.join('');
    block = [];
    if (!child.stdin!.write(text)) await Promise.race([once(child.stdin!, 'drain'), exited]);
  };
  return {
    write(line) {
      block.push(line);
      return block.length >= BLOCK_LINES ? flush() : undefined;
    },
    async end() {
      await flush();
      child.stdin!.end();
      await exited;
    },
  };
}

/** PGlite: `COPY … FROM '/dev/blob'` per chunk of lines. */
function pgliteCopy(pglite: PGlite, table: string, columns: readonly string[], chunk = 20_000): CopySink {
  let block: string[] = [];
  const flush = async () => {
    if (block.length === 0) return;
    const blob = new Blob([block.join('')]);
    block = [];
    await pglite.query(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob'`, [], { blob });
  };
  return {
    write(line) {
      block.push(line);
      return block.length >= chunk ? flush() : undefined;
    },
    end: flush,
  };
}

/** One value in COPY text format. */
function cell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '\\N';
  const text = String(value);
  return /[\\\t\n\r]/.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r')) : text;
}

function line(values: (string | number | boolean | null | undefined)[]): string {
  return `${values.map(cell).join('\t')}\n`;
}

// ---------------------------------------------------------------------------------------------------
// Indexes

export interface IndexDefinition {
  name: string;
  definition: string;
}

/** Secondary indexes of these tables (not those backing a primary key or unique constraint). */
export async function secondaryIndexes(db: Db, tables: string[]): Promise<IndexDefinition[]> {
  return queryRows<{ name: string; definition: string }>(
    db,
    sql`select i.indexname as name, i.indexdef as definition from pg_indexes i
        where i.schemaname = 'public' and i.tablename in (${sql.join(tables.map((t) => sql`${t}`), sql`, `)})
          and not exists (select 1 from pg_constraint c where c.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)
        order by i.tablename, i.indexname`,
  );
}

// ---------------------------------------------------------------------------------------------------
// Subjects

interface SubjectPool {
  ids: string[];
  kinds: BenchSubjectKind[];
  names: string[];
  usccs: (string | null)[];
  registrationNos: (string | null)[];
  citizenIds: (string | null)[];
  representatives: ({ name: string; citizenId: string } | null)[];
  establishedOn: (string | null)[];
}

const SUBJECT_COLUMNS = ['id', 'kind', 'name', 'uscc', 'org_code', 'registration_no', 'citizen_id_enc', 'citizen_id_hash', 'citizen_id_masked', 'address', 'region_code', 'status', 'established_on', 'created_at', 'updated_at'] as const;
const NAME_COLUMNS = ['id', 'subject_id', 'name', 'valid_from', 'valid_to', 'source', 'created_at'] as const;
const STREETS = ['人民路', '建设路', '解放大道', '青禾大道', '江滨路', '民族大道', '朝阳路', '新华街', '友谊路', '金湖路'];

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function addDays(date: string, days: number): string {
  return isoDay(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

async function loadSubjects(count: number, random: Random, open: (table: string, columns: readonly string[]) => CopySink): Promise<SubjectPool> {
  const pool: SubjectPool = { ids: [], kinds: [], names: [], usccs: [], registrationNos: [], citizenIds: [], representatives: [], establishedOn: [] };
  const subjects = open('subjects', SUBJECT_COLUMNS);
  const now = new Date().toISOString();
  for (let i = 0; i < count; i++) {
    const subject = benchSubject(random);
    const id = newId();
    const establishedOn = isoDay(Date.UTC(1995, 0, 1) + Math.floor(random() * 30 * 365) * 86_400_000);
    const codeless = subject.kind === 'individual_business' && random() < 0.05;
    const uscc = codeless ? null : subject.uscc;
    const registrationNo = codeless ? `${subject.regionCode}${String(600000000 + i).padStart(9, '0')}` : null;
    const person = subject.kind === 'natural_person';
    const citizenId = subject.citizenId;
    pool.ids.push(id);
    pool.kinds.push(subject.kind);
    pool.names.push(subject.name);
    pool.usccs.push(uscc);
    pool.registrationNos.push(registrationNo);
    pool.citizenIds.push(citizenId);
    pool.representatives.push(person ? null : { name: personName(random), citizenId: generateCitizenId({ region: subject.regionCode, random }) });
    const address = person ? null : `${subject.name.slice(0, 3)}${pick(random, STREETS)}${1 + Math.floor(random() * 300)}号`;
    pool.establishedOn.push(person ? null : establishedOn);
    const wait = subjects.write(
      line([
        id,
        subject.kind,
        subject.name,
        uscc,
        uscc && subject.kind === 'legal_entity' ? uscc.slice(8, 17) : null,
        registrationNo,
        citizenId ? encryptPersonal(citizenId) : null,
        citizenId ? hashPersonal(citizenId) : null,
        citizenId ? maskCitizenId(citizenId) : null,
        address,
        subject.regionCode,
        subject.status,
        person ? null : establishedOn,
        now,
        now,
      ]),
    );
    if (wait) await wait;
  }
  await subjects.end();
  // after the subjects are committed: subject_names references them
  const names = open('subject_names', NAME_COLUMNS);
  for (let i = 0; i < count; i++) {
    const wait = names.write(line([newId(), pool.ids[i], pool.names[i], pool.establishedOn[i], null, '基准测试数据', now]));
    if (wait) await wait;
  }
  await names.end();
  return pool;
}

// ---------------------------------------------------------------------------------------------------
// Records

/** Share of the non-registration records per item (split evenly between the departments submitting it). */
const ITEM_WEIGHTS: Record<string, number> = {
  licence: 0.34,
  penalty: 0.26,
  inspection: 0.12,
  levy: 0.04,
  consumer_complaint: 0.03,
  law_compliance: 0.03,
  contract_performance: 0.03,
  rating: 0.03,
  abnormal_operation: 0.02,
  honour: 0.02,
  professional_qualification: 0.02,
  benefit: 0.02,
  reward: 0.01,
  confirmation: 0.01,
  judicial_enforcement: 0.01,
  judicial_judgment: 0.01,
};

const TEMPLATES_PER_KIND = 48;
const TEMPLATE_DATE = '2025-06-16';
const KINDS: BenchSubjectKind[] = ['legal_entity', 'individual_business', 'natural_person'];
const RECORD_COLUMNS = ['id', 'subject_id', 'department_id', 'item_code', 'catalog_item_id', 'document_number', 'decision_date', 'received_at', 'status', 'severity', 'current_version', 'region_code', 'arrival_working_days', 'late', 'updated_at'] as const;
const VERSION_COLUMNS = ['record_id', 'version', 'subject_id', 'kind', 'catalog_item_id', 'fields', 'raw', 'reason', 'batch_id', 'row_number', 'submitted_by', 'submitter_id', 'created_at'] as const;
const STATE_COLUMNS = ['record_id', 'subject_id', 'item_code', 'department_id', 'disclosed', 'start_date', 'end_date', 'ended_reason', 'record_version', 'record_updated_at', 'updated_at'] as const;

interface Department {
  id: string;
  code: string;
  name: string;
  uscc: string;
}

interface Template {
  values: Record<string, unknown>;
  severity: Severity;
  /** date fields and their offset in days from the decision date ('2099-12-31' stays as it is) */
  dates: [string, number][];
}

interface Pair {
  department: Department;
  item: CatalogItem;
  templates: Partial<Record<BenchSubjectKind, Template[]>>;
  /** labels of the item's fields, for the raw row */
  labels: Map<string, string>;
}

function templateSubject(kind: BenchSubjectKind, random: Random): DemoSubject {
  const region = '459902';
  if (kind === 'natural_person') return { kind, name: personName(random), citizenId: generateCitizenId({ region, random }) };
  const representative = { name: personName(random), citizenId: generateCitizenId({ region, random }) };
  return { kind, name: '模板主体', uscc: generateUscc({ authority: '9', category: kind === 'legal_entity' ? '1' : '2', region, random }), representative };
}

function buildPair(department: Department, item: CatalogItem, random: Random): Pair {
  const templates: Pair['templates'] = {};
  const dateKeys = item.fields.filter((field) => field.type === 'date').map((field) => field.key);
  for (const kind of KINDS) {
    if (!item.subjectKinds.includes(kind) || (item.code === 'registration' && kind === 'natural_person')) continue;
    const list: Template[] = [];
    for (let n = 0; n < TEMPLATES_PER_KIND; n++) {
      const fields = demoRecordFields({ item, subject: templateSubject(kind, random), department, decisionDate: TEMPLATE_DATE, sequence: n + 1, random });
      const { values, errors } = validateFields(item, fields);
      if (errors.length) throw new Error(`template for ${department.code}/${item.code} is invalid: ${JSON.stringify(errors[0])}`);
      const dates = dateKeys.filter((key) => typeof values[key] === 'string' && values[key] !== '2099-12-31').map((key): [string, number] => [key, daysBetween(TEMPLATE_DATE, values[key] as string)]);
      list.push({ values, severity: severityOf(item, values), dates });
    }
    templates[kind] = list;
  }
  return { department, item, templates, labels: new Map(item.fields.map((field) => [field.key, field.label])) };
}

/** The fields of one record: a template with this subject, document number and dates. */
function recordFields(pair: Pair, template: Template, pool: SubjectPool, index: number, documentNumber: string, decisionDate: string): Record<string, unknown> {
  const values: Record<string, unknown> = { ...template.values };
  const { item } = pair;
  const has = (key: string) => key in values;
  values.subject_name = pool.names[index];
  const uscc = pool.usccs[index];
  if (has('uscc')) values.uscc = uscc ?? PLACEHOLDER_USCC;
  if (pool.registrationNos[index] && item.fields.some((field) => field.key === 'business_registration_number')) values.business_registration_number = pool.registrationNos[index];
  if (has('org_code')) values.org_code = uscc ? uscc.slice(8, 17) : undefined;
  if (has('registration_certificate_number')) values.registration_certificate_number = uscc ?? pool.registrationNos[index];
  const representative = pool.representatives[index];
  if (has('legal_representative') && representative) values.legal_representative = representative.name;
  if (has('legal_representative_id_number') && representative) values.legal_representative_id_number = representative.citizenId;
  if (has('id_number')) values.id_number = pool.citizenIds[index];
  if (values.org_code === undefined) delete values.org_code;
  values[item.documentNumberField] = documentNumber;
  for (const [key, offset] of template.dates) values[key] = offset === 0 ? decisionDate : addDays(decisionDate, offset);
  values[item.decisionDateField] = decisionDate;
  return values;
}

function rawRow(pair: Pair, values: Record<string, unknown>): Record<string, string> {
  const raw: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) raw[pair.labels.get(key) ?? key] = Array.isArray(value) ? value.join('、') : String(value);
  return raw;
}

/** Cumulative weights of the pairs a subject kind may have records under. */
function chooser(pairs: { pair: Pair; weight: number }[], kind: BenchSubjectKind): (random: Random) => Pair {
  const allowed = pairs.filter(({ pair }) => pair.templates[kind]);
  const total = allowed.reduce((sum, { weight }) => sum + weight, 0);
  let running = 0;
  const bounds = allowed.map(({ weight }) => (running += weight / total));
  return (random) => {
    const r = random();
    let lo = 0;
    let hi = bounds.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (bounds[mid] < r) lo = mid + 1;
      else hi = mid;
    }
    return allowed[lo].pair;
  };
}

// ---------------------------------------------------------------------------------------------------
// The load

export async function loadPortalData(ctx: AppContext, options: PortalDataOptions): Promise<PortalDataSummary> {
  const started = performance.now();
  const log = options.log ?? (() => undefined);
  const { db, database } = ctx;
  const random = createSeededRandom(options.seed ?? 1);
  const today = options.today ?? chinaDate();
  const open = (table: string, columns: readonly string[]): CopySink => {
    if (database.pglite) return pgliteCopy(database.pglite, table, columns);
    if (!ctx.config.databaseUrl) throw new Error('no database URL');
    return psqlCopy(ctx.config.databaseUrl, table, columns);
  };

  // Regions and departments go through the services, as an operator would set them up.
  await registerRegions(db, SYSTEM_ACTOR, DEMO_REGIONS);
  const departments = new Map<string, Department>();
  for (const department of DEMO_DEPARTMENTS) {
    const uscc = generateUscc({ authority: '1', category: '1', region: '459900', random });
    const row = await createDepartment(db, SYSTEM_ACTOR, { code: department.code, name: department.name, regionCode: '459900', kind: department.kind ?? 'department', uscc });
    departments.set(department.code, { id: row.id, code: department.code, name: department.name, uscc });
  }

  const tables = ['subjects', 'subject_names', 'records', 'record_versions', 'disclosure_state'];
  const indexes = await secondaryIndexes(db, tables);
  for (const index of indexes) await db.execute(sql.raw(`drop index ${index.name}`));
  log(`dropped ${indexes.length} secondary indexes for the load: ${indexes.map((index) => index.name).join(', ')}`);

  let mark = performance.now();
  const pool = await loadSubjects(options.subjects, random, open);
  const subjectSeconds = (performance.now() - mark) / 1000;
  log(`${options.subjects} subjects in ${subjectSeconds.toFixed(1)} s`);

  // Records
  mark = performance.now();
  const { items } = await getCurrentCatalog(db);
  const itemByCode = new Map(items.map((item) => [item.code, item]));
  const submitters = new Map<string, Department[]>();
  for (const department of DEMO_DEPARTMENTS) {
    for (const code of department.items) submitters.set(code, [...(submitters.get(code) ?? []), departments.get(department.code)!]);
  }
  const weighted: { pair: Pair; weight: number }[] = [];
  for (const [code, weight] of Object.entries(ITEM_WEIGHTS)) {
    const by = submitters.get(code) ?? [];
    for (const department of by) weighted.push({ pair: buildPair(department, itemByCode.get(code)!, random), weight: weight / by.length });
  }
  const choose = Object.fromEntries(KINDS.map((kind) => [kind, chooser(weighted, kind)])) as Record<BenchSubjectKind, (random: Random) => Pair>;
  const registration = buildPair(departments.get('SCJG')!, itemByCode.get('registration')!, random);
  const calendar = await loadCalendar(db);
  const records = open('records', RECORD_COLUMNS);
  const versions = open('record_versions', VERSION_COLUMNS);
  const states = open('disclosure_state', STATE_COLUMNS);
  const perSubject = new Uint32Array(options.subjects);
  const summary = { records: 0, versions: 0, disclosed: 0, revoked: 0, corrected: 0, byItem: {} as Record<string, number> };
  const todayMs = Date.parse(`${today}T00:00:00Z`);
  const batchIds = Array.from({ length: 64 }, () => newId());

  const organisations = pool.kinds.reduce((n, kind) => n + (kind === 'natural_person' ? 0 : 1), 0);
  const registrations = Math.min(organisations, Math.floor(options.records / 10));
  let nextOrganisation = 0;
  for (let n = 0; n < options.records; n++) {
    let index: number;
    let pair: Pair;
    if (n < registrations) {
      while (pool.kinds[nextOrganisation] === 'natural_person') nextOrganisation++;
      index = nextOrganisation++;
      pair = registration;
    } else {
      index = Math.min(options.subjects - 1, Math.floor(options.subjects * Math.pow(random(), 1.5)));
      pair = choose[pool.kinds[index]](random);
    }
    const kind = pool.kinds[index];
    const { item, department } = pair;
    const templates = pair.templates[kind]!;
    const template = templates[Math.floor(random() * templates.length)];
    const daysBack = Math.min(6 * 365, 1 + Math.floor(-Math.log(1 - random()) * 500));
    const decisionDate = isoDay(todayMs - daysBack * 86_400_000);
    const year = decisionDate.slice(0, 4);
    // a registration's document number is the licence number, which is the USCC since 2015
    const documentNumber = pair === registration ? (pool.usccs[index] ?? pool.registrationNos[index]!) : `示${department.code}${item.code === 'penalty' ? '罚' : item.code === 'licence' ? '许' : '字'}〔${year}〕${n + 1}号`;
    const fields = recordFields(pair, template, pool, index, documentNumber, decisionDate);
    if (n % 50_000 === 0) {
      const { values, errors } = validateFields(item, fields);
      if (errors.length || canonicalJson(values) !== canonicalJson(fields)) throw new Error(`generated record ${n} (${item.code}) does not validate: ${JSON.stringify(errors[0] ?? { values })}`);
    }
    const arrival = [addDays(decisionDate, 1 + Math.floor(random() * (random() < 0.9 ? 7 : 30))), today].sort()[0];
    const timeliness = timelinessOf(calendar, decisionDate, arrival);
    const receivedAt = `${arrival}T${String(1 + Math.floor(random() * 9)).padStart(2, '0')}:${String(Math.floor(random() * 60)).padStart(2, '0')}:00.000Z`;
    const roll = random();
    const revoked = roll < 0.01;
    const corrected = !revoked && roll < 0.04;
    const currentVersion = revoked || corrected ? 2 : 1;
    const updatedAt = currentVersion === 1 ? receivedAt : `${[addDays(arrival, 1 + Math.floor(random() * 60)), today].sort()[0]}T03:00:00.000Z`;
    const id = newId();
    const subjectId = pool.ids[index];
    const fromFile = random() < 0.6;
    const batchId = fromFile ? batchIds[n % batchIds.length] : null;
    const submittedBy = fromFile ? `${department.name}（批量归集）` : `${department.name}（接口报送）`;
    const record = {
      id,
      subjectId,
      departmentId: department.id,
      itemCode: item.code,
      catalogItemId: item.id,
      documentNumber,
      decisionDate,
      receivedAt,
      status: revoked ? 'revoked' : 'active',
      severity: template.severity,
      currentVersion,
      regionCode: '459900',
      arrivalWorkingDays: timeliness.arrivalWorkingDays,
      late: timeliness.late,
      updatedAt,
      fields,
    } as RecordWithFields;
    const pending: (Promise<void> | undefined)[] = [];
    pending.push(records.write(line([id, subjectId, department.id, item.code, item.id, documentNumber, decisionDate, receivedAt, record.status, record.severity, currentVersion, '459900', timeliness.arrivalWorkingDays, timeliness.late, updatedAt])));
    const original = corrected ? { ...fields, remarks: '原报送内容' } : fields;
    pending.push(versions.write(line([id, 1, subjectId, 'create', item.id, JSON.stringify(original), fromFile ? JSON.stringify(rawRow(pair, original)) : null, null, batchId, fromFile ? 2 + (n % 50_000) : null, submittedBy, null, receivedAt])));
    if (currentVersion === 2) {
      pending.push(versions.write(line([id, 2, subjectId, revoked ? 'revocation' : 'correction', item.id, JSON.stringify(fields), null, revoked ? '行政决定被依法撤销' : '更正报送内容', null, null, `${department.name}（接口报送）`, null, updatedAt])));
    }
    let { row } = project(item, record, null, today);
    if (revoked && random() < 0.2) {
      // revoked after the last sync: the projection still shows the previous version as disclosed
      row = project(item, { ...record, status: 'active', currentVersion: 1, updatedAt: receivedAt } as RecordWithFields, null, today).row;
    } else if (row.disclosed && record.severity !== 'none' && random() < 0.005) {
      row = { ...row, disclosed: false, endedReason: 'repaired' };
    }
    pending.push(states.write(line([id, subjectId, item.code, department.id, row.disclosed, row.startDate, row.endDate, row.endedReason, row.recordVersion, row.recordUpdatedAt, updatedAt])));
    for (const wait of pending) if (wait) await wait;
    perSubject[index] += 1;
    summary.records += 1;
    summary.versions += currentVersion;
    if (row.disclosed) summary.disclosed += 1;
    if (revoked) summary.revoked += 1;
    if (corrected) summary.corrected += 1;
    summary.byItem[item.code] = (summary.byItem[item.code] ?? 0) + 1;
    if ((n + 1) % 1_000_000 === 0) log(`${n + 1} records (${((performance.now() - mark) / 1000).toFixed(0)} s)`);
  }
  await Promise.all([records.end(), versions.end(), states.end()]);
  const recordSeconds = (performance.now() - mark) / 1000;
  log(`${summary.records} records, ${summary.versions} versions in ${recordSeconds.toFixed(1)} s`);

  mark = performance.now();
  if (database.pool) {
    const client = await database.pool.connect();
    try {
      await client.query(`set maintenance_work_mem = '512MB'`);
      for (const index of indexes) await client.query(index.definition);
    } finally {
      client.release();
    }
  } else {
    for (const index of indexes) await db.execute(sql.raw(index.definition));
  }
  const indexSeconds = (performance.now() - mark) / 1000;
  log(`rebuilt ${indexes.length} indexes in ${indexSeconds.toFixed(1)} s`);
  mark = performance.now();
  for (const table of tables) await db.execute(sql.raw(`analyze ${table}`));
  const analyzeSeconds = (performance.now() - mark) / 1000;

  const counts = [...perSubject].sort((a, b) => a - b);
  return {
    subjects: options.subjects,
    publicSubjects: organisations,
    records: summary.records,
    versions: summary.versions,
    disclosed: summary.disclosed,
    revoked: summary.revoked,
    corrected: summary.corrected,
    recordsByItem: summary.byItem,
    recordsPerSubject: { median: counts[Math.floor(counts.length / 2)], p99: counts[Math.floor(counts.length * 0.99)], max: counts[counts.length - 1] },
    seconds: { subjects: subjectSeconds, records: recordSeconds, indexes: indexSeconds, analyze: analyzeSeconds, total: (performance.now() - started) / 1000 },
  };
}

// ---------------------------------------------------------------------------------------------------
// Bench databases

export const DEFAULT_SERVER_URL = 'postgres://postgres@127.0.0.1:5432/test';

export function serverUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_SERVER_URL;
}

/** The URL of database `name` on the benchmark server. */
export function databaseUrl(name: string): string {
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

export async function adminQuery(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export type BenchTarget = { kind: 'postgres'; name: string } | { kind: 'pglite'; dataDir: string };

/** The environment the server (and openContext) needs to open a bench database. */
export function targetEnv(target: BenchTarget, dataDir: string): NodeJS.ProcessEnv {
  return target.kind === 'postgres' ? { DATABASE_URL: databaseUrl(target.name), DATA_DIR: dataDir } : { DATABASE_URL: '', DATA_DIR: target.dataDir };
}

/** Creates the database (or data directory), loads the dataset and closes it again. */
export async function createPortalDatabase(target: BenchTarget, options: PortalDataOptions): Promise<PortalDataSummary> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'xinyong-portal-'));
  if (target.kind === 'postgres') await adminQuery(`create database ${target.name}`);
  try {
    const ctx = await openContext(loadConfig({ ...targetEnv(target, scratch), DEMO_DATA: '0' }));
    try {
      return await loadPortalData(ctx, options);
    } finally {
      await ctx.database.close();
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const subjects = Number(args.subjects ?? 100_000);
  const records = Number(args.records ?? subjects * 10);
  if (!Number.isInteger(subjects) || subjects <= 0 || !Number.isInteger(records) || records < 0) throw new Error('--subjects and --records must be positive integers');
  const target: BenchTarget =
    args.db === 'pglite'
      ? { kind: 'pglite', dataDir: path.resolve(typeof args['data-dir'] === 'string' ? args['data-dir'] : path.join('bench', 'out', `portal-${subjects}`)) }
      : { kind: 'postgres', name: typeof args.name === 'string' ? args.name : `xinyong_portal_${subjects}_${Date.now()}` };
  const log = (message: string) => process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${message}\n`);
  log(`loading ${subjects} subjects and ${records} records into ${target.kind === 'postgres' ? `PostgreSQL database ${target.name}` : `PGlite ${target.dataDir}`}`);
  const summary = await createPortalDatabase(target, { subjects, records, seed: args.seed !== undefined ? Number(args.seed) : undefined, log });
  process.stdout.write(`${JSON.stringify({ target, ...summary })}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error) => {
    process.stderr.write(`${(error as Error).stack ?? error}\n`);
    process.exit(1);
  });
}
