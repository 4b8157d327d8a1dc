/**
 * Public subject search benchmark: latency of searchPublicSubjects by query length, against a bare
 * indexed USCC look-up in the same run and database.
 *
 *   tsx bench/search.ts --subjects 100000 [--db pglite|postgres] [--queries 200] [--seed 1] [--keep]
 *
 * 1. Opens a fresh database: PGlite in a temporary directory, or a new PostgreSQL database
 *    xinyong_bench_search_<ts> on DATABASE_URL's server (default postgres://postgres@127.0.0.1:5432/test),
 *    migrated like the server (plus the bigram index, idempotently).
 * 2. Generates subjects with realistic names (region, trade name, industry, organisational form; shops
 *    of individual businesses; ~8 % natural persons, which public search must skip) and writes them with
 *    multi-row inserts into the real `subjects` table through Drizzle. The two name indexes are dropped
 *    during the load and rebuilt after it (timed), then ANALYZE.
 * 3. Samples queries from the generated names: a random 2-, 3-, 4- and 8-character piece of a random
 *    public subject's name (so frequent pieces such as 有限 or 公司 come up as often as they do in names),
 *    runs each through searchPublicSubjects (first page of 20, with the total), and as the baseline the
 *    bare `where uscc = $1 limit 1` look-up of random existing codes. Prints p50/p95/p99 and the ratio of
 *    each search p95 to the baseline p95, then one JSON line. Figures only: nothing fails on speed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase, type Database } from '../src/db/connection';
import { runMigrations } from '../src/db/migrate';
import { queryRows } from '../src/db/sql';
import { createSeededRandom, generateUscc } from '../src/modules/identifiers';
import { searchPublicSubjects } from '../src/modules/subjects';
import { subjects } from '../src/modules/subjects/tables';
import { parseArgs } from './generate';

type Random = () => number;
type NewSubject = typeof subjects.$inferInsert;

const REGIONS: [string, string][] = [
  ['南宁市', '450100'], ['柳州市', '450200'], ['桂林市', '450300'], ['梧州市', '450400'], ['北海市', '450500'], ['防城港市', '450600'],
  ['钦州市', '450700'], ['贵港市', '450800'], ['玉林市', '450900'], ['百色市', '451000'], ['贺州市', '451100'], ['河池市', '451200'],
  ['来宾市', '451300'], ['崇左市', '451400'], ['海口市', '460100'], ['三亚市', '460200'], ['儋州市', '460400'], ['广州市', '440100'],
  ['深圳市', '440300'], ['佛山市', '440600'], ['东莞市', '441900'], ['湛江市', '440800'], ['长沙市', '430100'], ['武汉市', '420100'],
  ['成都市', '510100'], ['杭州市', '330100'], ['宁波市', '330200'], ['南京市', '320100'], ['苏州市', '320500'], ['昆明市', '530100'],
  ['贵阳市', '520100'], ['福州市', '350100'], ['厦门市', '350200'], ['郑州市', '410100'], ['济南市', '370100'], ['青岛市', '370200'],
];
const DISTRICTS = ['青秀区', '兴宁区', '江南区', '西乡塘区', '良庆区', '邕宁区', '城中区', '鱼峰区', '秀峰区', '叠彩区', '象山区', '七星区', '万秀区', '长洲区', '龙圩区', '海城区', '银海区', '龙华区', '美兰区', '秀英区', '天河区', '越秀区', '福田区', '南山区', '武侯区', '锦江区', '西湖区', '鼓楼区', '岳麓区', '江岸区'];
/** characters seen in trade names (字号), roughly by frequency: earlier ones are drawn more often */
const TRADE_CHARS = [
  ...'华盛鑫泰源隆达恒信兴发通金宏德昌安顺丰瑞和祥福嘉永新中天博创远明辉宇鸿佳富荣汇聚诚海东大广利合正强龙凯美亚捷星光宝利伟旺益润升诚美乐',
  ...'锦川云江山峰林森禾青蓝绿晨阳春秋冬夏宁静清雅明月星辰鼎力卓越精工智能联创众邦汇通卓尔尚品优选万家百姓千禧万象九洲四海八方五洲',
  ...'桂邕柳榕象漓南北西湖滨城乡村田园家园嘉禾旭日朝阳蓝天白云碧水红星金鹰银河玉兰紫荆凤凰麒麟骏马雄鹰飞龙腾跃奥宇泽润鹏程锐思',
];
const INDUSTRIES = ['贸易', '商贸', '建筑工程', '建设工程', '装饰工程', '园林绿化工程', '市政工程', '食品', '餐饮管理', '餐饮服务', '物流', '供应链管理', '科技', '信息技术', '网络科技', '电子科技', '医药', '医疗器械', '房地产开发', '物业服务', '机械制造', '机电设备', '环保科技', '农业开发', '生态农业', '农业科技', '汽车销售', '汽车服务', '化工', '新材料', '文化传媒', '广告', '教育咨询', '企业管理咨询', '人力资源', '劳务', '酒店管理', '旅游开发', '电力工程', '能源', '水产养殖', '畜牧', '茶业', '糖业', '木业', '投资', '实业', '服饰', '家具', '印刷'];
const ORG_FORMS: [number, string][] = [[0.62, '有限公司'], [0.14, '有限责任公司'], [0.06, '股份有限公司'], [0.04, '集团有限公司'], [0.05, '有限公司分公司'], [0.04, '专业合作社'], [0.03, '合伙企业（有限合伙）'], [0.02, '经营部']];
const SHOPS = ['便利店', '小吃店', '五金店', '汽车修理部', '服装店', '水果店', '药店', '理发店', '粉店', '烧烤店', '副食店', '日用品店', '手机店', '建材店', '烟酒店', '茶庄', '饭店', '早餐店', '洗车行', '电器维修部', '养殖场', '种植场', '装饰部', '面馆'];
const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐韦覃蒙陆莫廖黎韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程苏魏吕丁任沈姚卢姜崔钟谭'];
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰建国志红文斌辉鹏飞玲燕丹海波宁东梅琳雪婷俊峰林云莉慧凯浩亮晓'];

function pick<T>(random: Random, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)];
}

/** skewed towards the start of the list, like real character frequencies */
function pickSkewed<T>(random: Random, list: readonly T[]): T {
  return list[Math.floor(random() * random() * list.length)];
}

function weighted(random: Random, choices: [number, string][]): string {
  let r = random();
  for (const [weight, value] of choices) if ((r -= weight) < 0) return value;
  return choices[choices.length - 1][1];
}

function tradeName(random: Random): string {
  const length = random() < 0.7 ? 2 : random() < 0.8 ? 3 : 4;
  return Array.from({ length }, () => pickSkewed(random, TRADE_CHARS)).join('');
}

function personName(random: Random): string {
  return pickSkewed(random, SURNAMES) + pick(random, GIVEN) + (random() < 0.7 ? pick(random, GIVEN) : '');
}

interface Generated {
  row: NewSubject;
  public: boolean;
}

function subjectAt(random: Random): Generated {
  const [city, cityCode] = pick(random, REGIONS);
  const regionCode = cityCode.replace(/00$/, String(2 + Math.floor(random() * 5)).padStart(2, '0'));
  const bucket = random();
  if (bucket < 0.72) {
    const form = weighted(random, ORG_FORMS);
    const trade = tradeName(random);
    const industry = pick(random, INDUSTRIES);
    const style = random();
    const name =
      style < 0.65
        ? `${city}${trade}${industry}${form}`
        : style < 0.85
          ? `${city.replace(/市$/, '')}${trade}${industry}${form}`
          : style < 0.95
            ? `${trade}（${city.replace(/市$/, '')}）${industry}${form}`
            : `${pick(random, ['广西', '海南', '广东', '湖南'])}${trade}${industry}${form}`;
    const uscc = generateUscc({ authority: '9', category: '1', region: regionCode, random });
    return { row: { id: randomUUID(), kind: 'legal_entity', name, uscc, regionCode, status: random() < 0.9 ? 'active' : 'deregistered' }, public: true };
  }
  if (bucket < 0.92) {
    const owner = random() < 0.5 ? `${pick(random, SURNAMES)}记` : tradeName(random);
    const name = `${city}${pick(random, DISTRICTS)}${owner}${pick(random, SHOPS)}${random() < 0.3 ? '（个体工商户）' : ''}`;
    const uscc = generateUscc({ authority: '9', category: '2', region: regionCode, random });
    return { row: { id: randomUUID(), kind: 'individual_business', name, uscc, regionCode, status: 'active' }, public: true };
  }
  const hash = Array.from({ length: 64 }, () => '0123456789abcdef'[Math.floor(random() * 16)]).join('');
  return { row: { id: randomUUID(), kind: 'natural_person', name: personName(random), citizenIdHash: hash, citizenIdMasked: `${regionCode}********000X`, regionCode, status: 'active' }, public: false };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

interface Stats {
  label: string;
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  meanHits: number;
  slowest: string[];
}

async function measure(label: string, inputs: string[], run: (input: string) => Promise<number>): Promise<Stats> {
  for (const input of inputs.slice(0, Math.min(10, inputs.length))) await run(input); // warm-up
  const timed: [number, string][] = [];
  let hits = 0;
  for (const input of inputs) {
    const started = performance.now();
    hits += await run(input);
    timed.push([performance.now() - started, input]);
  }
  timed.sort((a, b) => a[0] - b[0]);
  const times = timed.map(([ms]) => ms);
  const round = (ms: number) => Math.round(ms * 100) / 100;
  return { label, n: times.length, p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), p99: round(percentile(times, 99)), max: round(times[times.length - 1]), meanHits: Math.round(hits / inputs.length), slowest: timed.slice(-3).reverse().map(([ms, input]) => `${input} ${Math.round(ms)}ms`) };
}

async function openFresh(kind: 'pglite' | 'postgres'): Promise<{ database: Database; describe: string; cleanup(): Promise<void> }> {
  if (kind === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xinyong-bench-search-'));
    const database = await openDatabase({ databaseUrl: null, dataDir: dir });
    return { database, describe: database.describe, cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const name = `xinyong_bench_search_${Date.now()}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), dataDir: null, poolSize: 4 });
  return { database, describe: database.describe, cleanup: () => admin(`drop database if exists ${name} with (force)`) };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const count = Number(args.subjects ?? 100_000);
  const kind = args.db === 'postgres' ? 'postgres' : 'pglite';
  const queriesPerLength = Number(args.queries ?? 200);
  const seed = Number(args.seed ?? 1);
  if (!Number.isInteger(count) || count <= 0) throw new Error('--subjects must be a positive integer');
  const random = createSeededRandom(seed);

  const { database, describe, cleanup } = await openFresh(kind);
  const { db } = database;
  const log = (message: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);
  try {
    log(`数据库：${describe}`);
    await runMigrations(database);
    await db.execute(sql`drop index if exists subjects_name_trgm_idx`);
    await db.execute(sql`drop index if exists subjects_name_bigram_idx`);

    // 1. load
    const publicNames: string[] = [];
    const usccs: string[] = [];
    const chunk = kind === 'pglite' ? 1000 : 2000;
    let started = performance.now();
    for (let done = 0; done < count; ) {
      const rows: NewSubject[] = [];
      for (; rows.length < chunk && done < count; done++) {
        const generated = subjectAt(random);
        rows.push(generated.row);
        if (generated.public) publicNames.push(generated.row.name);
        if (generated.row.uscc && random() < 0.01) usccs.push(generated.row.uscc);
      }
      await db.insert(subjects).values(rows).onConflictDoNothing();
      if (done % 100_000 < chunk) log(`已写入 ${done} 个主体`);
    }
    const loadSeconds = (performance.now() - started) / 1000;
    started = performance.now();
    await db.execute(sql`create index subjects_name_trgm_idx on subjects using gin (name gin_trgm_ops)`);
    await db.execute(sql`create index subjects_name_bigram_idx on subjects using gin (subject_name_bigrams(name))`);
    await db.execute(sql`analyze subjects`);
    const indexSeconds = (performance.now() - started) / 1000;
    const [{ n }] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from subjects`);
    log(`写入 ${n} 个主体 ${loadSeconds.toFixed(1)} s，建名称索引 ${indexSeconds.toFixed(1)} s`);

    // 2. queries sampled from the names
    const sampleQueries = (length: number): string[] => {
      const out: string[] = [];
      while (out.length < queriesPerLength) {
        const chars = [...pick(random, publicNames)];
        if (chars.length < length) continue;
        const start = Math.floor(random() * (chars.length - length + 1));
        out.push(chars.slice(start, start + length).join(''));
      }
      return out;
    };
    const results: Stats[] = [];
    const baseline = await measure('uscc 索引查找（基线）', usccs.slice(0, Math.max(queriesPerLength, 200)), async (uscc) => {
      const rows = await db.select({ id: subjects.id }).from(subjects).where(eq(subjects.uscc, uscc)).limit(1);
      return rows.length;
    });
    results.push(baseline);
    results.push(await measure('公开查询：统一社会信用代码', usccs.slice(0, queriesPerLength), async (q) => (await searchPublicSubjects(db, { q })).total));
    for (const length of [2, 3, 4, 8]) {
      const queries = sampleQueries(length);
      results.push(await measure(`公开查询：名称 ${length} 字`, queries, async (q) => (await searchPublicSubjects(db, { q })).total));
    }

    // 3. report
    console.log(`\n${kind}，${n} 个主体，每类 ${queriesPerLength} 次查询（第一页 20 条并计总数）`);
    console.log(['查询', 'n', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', '平均命中', 'p95 ÷ 基线 p95'].join('\t'));
    for (const stats of results) {
      const ratio = stats === baseline ? 1 : stats.p95 / baseline.p95;
      console.log([stats.label, stats.n, stats.p50, stats.p95, stats.p99, stats.max, stats.meanHits, ratio.toFixed(1)].join('\t'));
    }
    console.log('\n最慢的查询：');
    for (const stats of results.slice(2)) {
      console.log(`${stats.label}: ${stats.slowest.join('，')}`);
    }
    console.log(JSON.stringify({ bench: 'search', db: kind, subjects: n, loadSeconds, indexSeconds, results }));
  } finally {
    await database.close();
    if (!args.keep) await cleanup();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
