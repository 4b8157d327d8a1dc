import { createReadStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_ITEMS } from '../../catalog/base-catalog';
import {
  ParseError,
  assertRequiredHeaders,
  detectDelimiter,
  detectEncoding,
  detectFormat,
  isFormulaLike,
  mapHeaders,
  neutraliseForExport,
  normaliseHeader,
  openTable,
  readCsv,
  type OpenedTable,
  type ParsedRow,
} from './index';
import { cellText, plainNumber } from './xlsx';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xinyong-parse-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

let fileCounter = 0;
async function fixture(content: Buffer | string, name = 'data.csv'): Promise<string> {
  const path = join(dir, `${++fileCounter}-${name}`);
  await writeFile(path, content);
  return path;
}

async function open(content: Buffer | string, name = 'data.csv', options: { maxBytes?: number } = {}): Promise<OpenedTable> {
  const path = await fixture(content, name);
  return openTable({ stream: createReadStream(path, { highWaterMark: 16 * 1024 }), filename: name, ...options });
}

async function collect(rows: AsyncIterable<ParsedRow>): Promise<ParsedRow[]> {
  const out: ParsedRow[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

async function expectParseError(promise: Promise<unknown>, code: string, message?: string | RegExp): Promise<ParseError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ParseError);
    const parseError = error as ParseError;
    expect(parseError.code).toBe(code);
    if (typeof message === 'string') expect(parseError.message).toBe(message);
    else if (message) expect(parseError.message).toMatch(message);
    return parseError;
  }
  throw new Error(`expected ParseError ${code}`);
}

const penalty = BASE_ITEMS.find((item) => item.code === 'penalty')!;

const HEADER = '行政相对人名称,行政处罚决定书文号,处罚类别,处罚决定日期,罚款金额（万元）';
const ROWS = ['北京某某科技有限公司,京市监罚〔2024〕12号,罚款,2024-01-15,0.2', '上海某某贸易有限公司,沪市监罚〔2024〕7号,警告,2024-02-01,'];

// ---------------------------------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------------------------------

describe('CSV encodings', () => {
  it('reads UTF-8 without BOM', async () => {
    const table = await open([HEADER, ...ROWS].join('\n') + '\n');
    expect(table.format).toBe('csv');
    expect(table.encoding).toBe('utf8');
    expect(table.delimiter).toBe(',');
    expect(table.headers).toEqual(['行政相对人名称', '行政处罚决定书文号', '处罚类别', '处罚决定日期', '罚款金额（万元）']);
    const rows = await collect(table.rows);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual({
      rowNumber: 2,
      raw: { 行政相对人名称: '北京某某科技有限公司', 行政处罚决定书文号: '京市监罚〔2024〕12号', 处罚类别: '罚款', 处罚决定日期: '2024-01-15', '罚款金额（万元）': '0.2' },
      cells: ['北京某某科技有限公司', '京市监罚〔2024〕12号', '罚款', '2024-01-15', '0.2'],
    });
    expect(rows[1].rowNumber).toBe(3);
    expect(rows[1].raw['罚款金额（万元）']).toBe('');
    expect(table.rowCount).toBe(2);
  });

  it('reads UTF-8 with BOM and CRLF, stripping the BOM from the first header', async () => {
    const table = await open(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from([HEADER, ...ROWS].join('\r\n'))]));
    expect(table.encoding).toBe('utf8');
    expect(table.headers[0]).toBe('行政相对人名称');
    const rows = await collect(table.rows);
    expect(rows.map((r) => r.raw['行政相对人名称'])).toEqual(['北京某某科技有限公司', '上海某某贸易有限公司']);
  });

  it('detects GBK and decodes it as GB18030', async () => {
    const text = [HEADER, ...ROWS, '张䶮,京罚〔2024〕3号,罚款,2024-03-01,1'].join('\r\n');
    const table = await open(iconv.encode(text, 'gbk'));
    expect(table.encoding).toBe('gb18030');
    const rows = await collect(table.rows);
    expect(rows.map((r) => r.raw['行政相对人名称'])).toEqual(['北京某某科技有限公司', '上海某某贸易有限公司', '张䶮']);
  });

  it('decodes GB18030-only characters (four-byte 𠀀) in a name', async () => {
    const text = [HEADER, '𠀀记餐饮店,京罚〔2024〕9号,罚款,2024-03-01,0.5', ...ROWS].join('\n');
    const bytes = iconv.encode(text, 'gb18030');
    expect(bytes.includes(Buffer.from([0x95, 0x32, 0x82, 0x36]))).toBe(true); // the 4-byte sequence
    const table = await open(bytes);
    expect(table.encoding).toBe('gb18030');
    const rows = await collect(table.rows);
    expect(rows[0].raw['行政相对人名称']).toBe('𠀀记餐饮店');
  });

  it('reads UTF-16LE with BOM (Excel "Unicode text")', async () => {
    const text = [HEADER.replace(/,/g, '\t'), ROWS[0].replace(/,/g, '\t')].join('\r\n');
    const table = await open(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), 'data.txt');
    expect(table.encoding).toBe('utf16le');
    expect(table.delimiter).toBe('\t');
    const rows = await collect(table.rows);
    expect(rows[0].raw['行政处罚决定书文号']).toBe('京市监罚〔2024〕12号');
  });

  it('refuses binary data with ENCODING', async () => {
    let seed = 42;
    const random = Buffer.from(new Uint8Array(32 * 1024).map(() => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed & 0xff;
    }));
    await expectParseError(open(random, 'data.csv'), 'ENCODING', '文件编码无法识别，请另存为 UTF-8 或 GBK 编码的 CSV');
    expect(() => detectEncoding(Buffer.alloc(1000, 0))).toThrow(ParseError);
  });

  it('flags rows with invalid bytes in a UTF-8 file (GBK part appended after the 64 KiB sample)', async () => {
    const filler = Array.from({ length: 2000 }, (_, i) => `公司${i},文号${i},罚款,2024-01-01,1`).join('\n');
    expect(Buffer.byteLength(filler)).toBeGreaterThan(64 * 1024);
    const content = Buffer.concat([Buffer.from(`${HEADER}\n${filler}\n`), iconv.encode('张三,文号x,罚款,2024-01-01,1\n', 'gbk')]);
    const table = await open(content);
    expect(table.encoding).toBe('utf8');
    const rows = await collect(table.rows);
    expect(rows).toHaveLength(2001);
    expect(rows[1999].problems).toBeUndefined();
    expect(rows[2000]).toMatchObject({ rowNumber: 2002, problems: ['bad_encoding'] });
  });

  it('detectEncoding reports confidence', () => {
    expect(detectEncoding(Buffer.from('abc,def\n'))).toMatchObject({ encoding: 'utf8', confidence: 100 });
    expect(detectEncoding(iconv.encode(HEADER + '\n' + ROWS.join('\n'), 'gbk'))).toMatchObject({ encoding: 'gb18030' });
    expect(detectEncoding(iconv.encode(HEADER, 'gbk')).confidence).toBeGreaterThan(0);
  });
});

describe('CSV structure', () => {
  it('detects tab and semicolon delimiters from the header line', async () => {
    expect(detectDelimiter('a\tb\tc\n1,2\t3')).toBe('\t');
    expect(detectDelimiter('"x,y";b;c\n')).toBe(';');
    expect(detectDelimiter('\n\na,b\n')).toBe(',');
    const table = await open([HEADER, ...ROWS].map((l) => l.replace(/,/g, '\t')).join('\n'), 'data.txt');
    expect(table.delimiter).toBe('\t');
    const rows = await collect(table.rows);
    expect(rows[0].raw['处罚类别']).toBe('罚款');
  });

  it('keeps quoted commas and line breaks; row numbers follow Excel rows, counting blank lines', async () => {
    const content = [
      HEADER,
      '"某某有限公司,分公司","京罚〔2024〕1号",罚款,2024-01-01,"1"',
      '',
      '"某某商店","京罚〔2024〕2号","罚款',
      '警告",2024-01-02,0.5',
      '   ',
      ',,,,',
      '"引号""内""",京罚〔2024〕3号,警告,2024-01-03,',
    ].join('\n');
    const rows = await collect((await open(content)).rows);
    expect(rows.map((r) => r.rowNumber)).toEqual([2, 4, 7]);
    expect(rows[0].raw['行政相对人名称']).toBe('某某有限公司,分公司');
    expect(rows[1].raw['处罚类别']).toBe('罚款\n警告');
    expect(rows[2].raw['行政相对人名称']).toBe('引号"内"');
  });

  it('ragged rows: extra cells are flagged, missing cells are empty, a trailing delimiter is not an error', async () => {
    const content = [HEADER, 'a,b,c,d,e,EXTRA', 'a,b', 'a,b,c,d,e,,', 'a,b,c,d,e'].join('\n');
    const rows = await collect((await open(content)).rows);
    expect(rows[0]).toMatchObject({ rowNumber: 2, problems: ['extra_cells'], cells: ['a', 'b', 'c', 'd', 'e', 'EXTRA'] });
    expect(rows[0].raw).not.toHaveProperty('EXTRA');
    expect(rows[1].raw).toEqual({ 行政相对人名称: 'a', 行政处罚决定书文号: 'b', 处罚类别: '', 处罚决定日期: '', '罚款金额（万元）': '' });
    expect(rows[1].problems).toBeUndefined();
    expect(rows[2].problems).toBeUndefined();
    expect(rows[2].cells).toHaveLength(5);
  });

  it('gives duplicate and empty headers distinct keys, so no cell is lost', async () => {
    const table = await open('备注,名称,,备注\n1,2,3,4\n');
    expect(table.headers).toEqual(['备注', '名称', '', '备注']);
    expect(table.headerKeys).toEqual(['备注', '名称', '第3列', '备注（第4列）']);
    const [row] = await collect(table.rows);
    expect(row.raw).toEqual({ 备注: '1', 名称: '2', 第3列: '3', '备注（第4列）': '4' });
  });

  it('keeps formula-looking cells as plain text (never evaluated)', async () => {
    const rows = await collect((await open(`${HEADER}\n"=1+1",=HYPERLINK("http://x"),@SUM(A1),+1,-0.2\n`)).rows);
    expect(rows[0].cells).toEqual(['=1+1', '=HYPERLINK("http://x")', '@SUM(A1)', '+1', '-0.2']);
    expect(rows[0].cells.map(neutraliseForExport)).toEqual(["'=1+1", `'=HYPERLINK("http://x")`, "'@SUM(A1)", '+1', '-0.2']);
  });

  it('an unclosed quote → CSV_MALFORMED naming the row', async () => {
    const content = `${HEADER}\n${ROWS[0]}\n"未闭合,京罚,罚款,2024-01-01,1\n${ROWS[1]}\n`;
    // small file: found while openTable reads ahead; in a big file it comes from iterating rows
    const error = await expectParseError((async () => collect((await open(content)).rows))(), 'CSV_MALFORMED', /第 3 行引号没有闭合/);
    expect(error.rowNumber).toBe(3);
    const filler = Array.from({ length: 3000 }, (_, i) => `公司${i},文号${i},罚款,2024-01-01,1`).join('\n');
    const late = await open(`${HEADER}\n${filler}\n"未闭合,x\n`);
    let seen = 0;
    await expectParseError(
      (async () => {
        for await (const _row of late.rows) seen++;
      })(),
      'CSV_MALFORMED',
      /第 3002 行/,
    );
    expect(seen).toBeGreaterThan(0);
  });

  it('empty file, blank lines only and header only → EMPTY', async () => {
    await expectParseError(open(''), 'EMPTY', '文件为空或只有表头，没有数据行');
    await expectParseError(open('\n\r\n   \n,,,\n'), 'EMPTY');
    await expectParseError(open(`${HEADER}\n\n`), 'EMPTY');
    await expectParseError(open(Buffer.from([0xef, 0xbb, 0xbf])), 'EMPTY');
  });

  it('readCsv can be used alone and yields nothing for an empty stream', async () => {
    const headers: string[][] = [];
    const rows = await collect(readCsv(Readable.from([Buffer.from('a;b\n1;2\n')]), { onHeader: (h) => headers.push(h.headers) }));
    expect(headers).toEqual([['a', 'b']]);
    expect(rows).toEqual([{ rowNumber: 2, raw: { a: '1', b: '2' }, cells: ['1', '2'] }]);
    expect(await collect(readCsv(Readable.from([])))).toEqual([]);
  });
});

describe('size limit', () => {
  it('stops a stream larger than maxBytes with TOO_LARGE, without reading it all', async () => {
    let produced = 0;
    const line = Buffer.from('北京某某科技有限公司,京市监罚〔2024〕12号,罚款,2024-01-15,0.2\n');
    async function* generate() {
      yield Buffer.from(HEADER + '\n');
      while (produced < 2 * 1024 * 1024) {
        const chunk = Buffer.concat(Array.from({ length: 100 }, () => line));
        produced += chunk.length;
        yield chunk;
      }
    }
    const table = await openTable({ stream: Readable.from(generate()), maxBytes: 1024 * 1024 });
    let seen = 0;
    const error = await expectParseError(
      (async () => {
        for await (const _row of table.rows) seen++;
      })(),
      'TOO_LARGE',
      '文件超过 1 MB 上限，请拆分后上传',
    );
    expect(error).toBeInstanceOf(ParseError);
    expect(seen).toBeGreaterThan(1000);
    expect(produced).toBeLessThan(1.5 * 1024 * 1024); // the generator was not drained
  });

  it('the default limit is 256 MiB', async () => {
    async function* big() {
      yield Buffer.from('a,b\n1,2\n');
    }
    const table = await openTable({ stream: Readable.from(big()) });
    expect(table.bytesRead).toBe(8);
    await expectParseError(openTable({ stream: Readable.from([Buffer.alloc(2048, 0x41)]), maxBytes: 1024 }), 'TOO_LARGE', '文件超过 0.0 MB 上限，请拆分后上传');
    const { tooLargeMessage } = await import('./errors');
    expect(tooLargeMessage(256 * 1024 * 1024)).toBe('文件超过 256 MB 上限，请拆分后上传');
  });

  it('applies to XLSX too', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('数据');
    ws.addRow(['名称', '文号']);
    for (let i = 0; i < 3000; i++) ws.addRow([`某某公司${i}`, `文号${i}-${Math.random()}`]);
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    await expectParseError(
      (async () => collect((await openTable({ stream: Readable.from([buffer.subarray(0, 1000), buffer.subarray(1000)]), maxBytes: buffer.length - 1 })).rows))(),
      'TOO_LARGE',
    );
  });
});

// ---------------------------------------------------------------------------------------------------
// XLSX
// ---------------------------------------------------------------------------------------------------

async function buildWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const hidden = wb.addWorksheet('说明');
  hidden.state = 'hidden';
  hidden.addRow(['这是隐藏的说明页']);
  const ws = wb.addWorksheet('行政处罚');
  ws.addRow(['行政相对人名称', '处罚决定日期', '罚款金额（万元）', '公式', '富文本', '错误', '链接', '布尔', '公式日期', '大数']);
  ws.addRow([
    '某某有限公司',
    new Date(Date.UTC(2024, 0, 15)),
    0.2,
    { formula: '1+1', result: 2 },
    { richText: [{ text: '富' }, { font: { bold: true }, text: '文本' }] },
    { error: '#N/A' },
    { text: '官网', hyperlink: 'https://www.creditchina.gov.cn' },
    true,
    { formula: 'DATE(2024,2,1)', result: 45323 },
    Number('12345678901234567890'),
  ]);
  ws.getCell('I2').numFmt = 'yyyy"年"m"月"d"日"';
  ws.addRow([]); // blank row 3
  ws.addRow(['第二家', new Date(Date.UTC(2023, 11, 31, 23, 59, 59)), 12345678.9, { formula: '0.1+0.2', result: 0.1 + 0.2 }, '', '', '', false, '', 1e-7]);
  ws.addRow(['  带空格  ', null, 0, { formula: 'A1', result: undefined }, '', '', '', '', '', -0.5, '多出来']);
  wb.addWorksheet('第二页').addRow(['不读这一页']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('XLSX', () => {
  it('streams the first visible sheet with cell values as clerks see them', async () => {
    const buffer = await buildWorkbook();
    const table = await open(buffer, '处罚.xlsx');
    expect(table.format).toBe('xlsx');
    expect(table.encoding).toBeNull();
    expect(table.sheetName).toBe('行政处罚');
    expect(table.headers[0]).toBe('行政相对人名称');
    const rows = await collect(table.rows);
    expect(rows.map((r) => r.rowNumber)).toEqual([2, 4, 5]);
    expect(rows[0].cells).toEqual(['某某有限公司', '2024-01-15', '0.2', '2', '富文本', '', '官网', 'TRUE', '2024-02-01', '12345678901234600000']);
    expect(rows[0].problems).toEqual(['cell_error']);
    expect(rows[1].cells).toEqual(['第二家', '2023-12-31', '12345678.9', '0.3', '', '', '', 'FALSE', '', '0.0000001']);
    expect(rows[1].problems).toBeUndefined();
    expect(rows[2].cells.slice(0, 4)).toEqual(['  带空格  ', '', '0', '']);
    expect(rows[2].problems).toEqual(['formula_without_value', 'extra_cells']);
    expect(rows[2].raw['大数']).toBe('-0.5');
  });

  it('reads a formula cell as its cached result and never as the formula', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.addRow(['a', 'b']);
    ws.addRow([{ formula: 'HYPERLINK("http://evil","点我")', result: '点我' }, { formula: '1+1', result: 2 }]);
    const rows = await collect((await open(Buffer.from(await wb.xlsx.writeBuffer()), 'f.xlsx')).rows);
    expect(rows[0].cells).toEqual(['点我', '2']);
  });

  it('reads a workbook written with the streaming writer (inline strings, sheets before shared strings)', async () => {
    const path = join(dir, 'streamed.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true });
    const ws = writer.addWorksheet('数据');
    ws.addRow(['名称', '日期']).commit();
    const dateRow = ws.addRow(['甲', new Date(Date.UTC(2022, 5, 30))]);
    dateRow.getCell(2).numFmt = 'yyyy-mm-dd';
    dateRow.commit();
    await ws.commit();
    await writer.commit();
    const rows = await collect((await openTable({ stream: createReadStream(path) })).rows);
    expect(rows).toEqual([{ rowNumber: 2, raw: { 名称: '甲', 日期: '2022-06-30' }, cells: ['甲', '2022-06-30'] }]);
  });

  it('a header-only sheet and an empty sheet → EMPTY', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('S').addRow(['行政相对人名称', '处罚决定日期']);
    await expectParseError(open(Buffer.from(await wb.xlsx.writeBuffer()), 'h.xlsx'), 'EMPTY');
    const empty = new ExcelJS.Workbook();
    empty.addWorksheet('S');
    await expectParseError(open(Buffer.from(await empty.xlsx.writeBuffer()), 'e.xlsx'), 'EMPTY');
  });

  it('a truncated XLSX → XLSX_BROKEN', async () => {
    const buffer = await buildWorkbook();
    const message = 'XLSX 文件已损坏或不是有效的 Excel 文件';
    await expectParseError(
      (async () => collect((await open(buffer.subarray(0, Math.floor(buffer.length / 2)), 'cut.xlsx')).rows))(),
      'XLSX_BROKEN',
      message,
    );
    await expectParseError((async () => collect((await open(buffer.subarray(0, 200), 'cut.xlsx')).rows))(), 'XLSX_BROKEN', message);
  });

  it('a non-zip file named .xlsx → XLSX_BROKEN', async () => {
    await expectParseError(open('这不是 Excel 文件，只是文本', 'fake.xlsx'), 'XLSX_BROKEN');
    await expectParseError(open(Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100, 7)]), 'x.bin'), 'XLSX_BROKEN');
  });

  it('a password-protected workbook → XLSX_ENCRYPTED; a legacy .xls → XLS_UNSUPPORTED', async () => {
    const magic = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const encrypted = Buffer.concat([magic, Buffer.alloc(70_000, 0), Buffer.from('EncryptedPackage', 'utf16le'), Buffer.alloc(512, 0)]);
    await expectParseError(open(encrypted, '加密.xlsx'), 'XLSX_ENCRYPTED', 'XLSX 文件设置了密码保护，请取消密码后重新上传');
    // the name split across two chunks is still found
    const at = 8 + 70_000 + 10;
    await expectParseError(
      openTable({ stream: Readable.from([encrypted.subarray(0, at), encrypted.subarray(at)]) }),
      'XLSX_ENCRYPTED',
    );
    const xls = Buffer.concat([magic, Buffer.alloc(4096, 0), Buffer.from('Workbook', 'utf16le')]);
    await expectParseError(open(xls, '旧版.xls'), 'XLS_UNSUPPORTED', '不支持旧版 .xls 格式，请另存为 .xlsx 或 CSV');
  });

  it('cellText and plainNumber', () => {
    expect(plainNumber(0.2)).toBe('0.2');
    expect(plainNumber(0.1 + 0.2)).toBe('0.3');
    expect(plainNumber(12345678.9)).toBe('12345678.9');
    expect(plainNumber(1e21)).toBe('1000000000000000000000');
    expect(plainNumber(-1.5e-8)).toBe('-0.000000015');
    expect(plainNumber(-0)).toBe('0');
    expect(plainNumber(110105194912310020)).toBe('110105194912310000');
    expect(cellText(45306, 'yyyy/m/d').text).toBe('2024-01-15');
    expect(cellText(45306.75, 'yyyy-mm-dd hh:mm').text).toBe('2024-01-15 18:00:00');
    expect(cellText(45306, '0.00').text).toBe('45306');
    expect(cellText({ formula: 'NA()', result: { error: '#N/A' } }, undefined)).toEqual({ text: '', problem: 'cell_error' });
    expect(cellText({ text: { richText: [{ text: 'a' }, { text: 'b' }] }, hyperlink: 'x' }, undefined).text).toBe('ab');
  });
});

describe('early stop', () => {
  it('breaking out of rows releases the input (CSV and XLSX)', async () => {
    const csvSource = createReadStream(await fixture(`${HEADER}\n${ROWS.join('\n')}\n${ROWS.join('\n')}\n`));
    const csv = await openTable({ stream: csvSource });
    for await (const _row of csv.rows) break;
    await new Promise((resolve) => setImmediate(resolve));
    expect(csvSource.destroyed).toBe(true);

    const xlsxSource = createReadStream(await fixture(await buildWorkbook(), 'b.xlsx'));
    const xlsx = await openTable({ stream: xlsxSource });
    for await (const _row of xlsx.rows) break;
    await new Promise((resolve) => setImmediate(resolve));
    expect(xlsxSource.destroyed).toBe(true);
    await xlsx.close();
  });
});

describe('detectFormat', () => {
  it('uses magic bytes first, then the file name', () => {
    expect(detectFormat(Buffer.from('PK\x03\x04rest'), 'a.csv')).toBe('xlsx');
    expect(detectFormat(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'a.xlsx')).toBe('ole');
    expect(detectFormat(Buffer.from('a,b'), 'a.XLSX')).toBe('xlsx');
    expect(detectFormat(Buffer.from('a,b'), 'a.csv')).toBe('csv');
    expect(detectFormat(Buffer.from('a\tb'), '导出.xls')).toBe('csv');
    expect(detectFormat(Buffer.from('a,b'))).toBe('csv');
  });
});

// ---------------------------------------------------------------------------------------------------
// Headers
// ---------------------------------------------------------------------------------------------------

describe('mapHeaders', () => {
  const nationalHeaders = [
    '行政相对人名称',
    '行政相对人类别',
    '行政相对人代码_1（统一社会信用代码）',
    '行政处罚决定书文号',
    '违法行为类型',
    '违法事实',
    '处罚依据',
    '处罚类别',
    '处罚内容',
    '罚款金额（万元）',
    '处罚决定日期',
    '处罚有效期',
    '处罚机关',
    '处罚机关统一社会信用代码',
    '数据来源单位',
    '数据来源单位统一社会信用代码',
  ];

  it('accepts the national Chinese headers, with full-width or ASCII brackets and decorations', () => {
    const full = mapHeaders(nationalHeaders, penalty.fields);
    expect(full.unknown).toEqual([]);
    expect(full.missingRequired).toEqual([]);
    expect(full.mapping.get(2)).toBe('uscc');
    expect(full.mapping.get(9)).toBe('fine_amount');
    expect(full.mapping.get(10)).toBe('decision_date');

    const ascii = nationalHeaders.map((h) => h.replace('（', '(').replace('）', ')'));
    const decorated = ascii.map((h, i) => (i === 0 ? ' *行政相对人 名称 ' : i === 3 ? '行政处罚决定书文号：' : i === 7 ? '处罚类别*' : h));
    const result = mapHeaders(decorated, penalty.fields);
    expect(result.unknown).toEqual([]);
    expect(result.missingRequired).toEqual([]);
    expect([...result.mapping.values()]).toEqual([...full.mapping.values()]);
    expect(normaliseHeader('ＣＦ＿ＷＳＨ')).toBe('cf_wsh');
  });

  it('accepts the CF_* column codes in any case', () => {
    const codes = ['CF_XDR_MC', 'cf_xdr_lb', 'CF_XDR_SHXYM', 'CF_WSH', 'CF_WFXW', 'CF_SY', 'CF_YJ', 'CF_CFLB', 'CF_NR', 'CF_NR_FK', 'CF_JDRQ', 'CF_YXQ', 'CF_CFJG', 'CF_CFJGDM', 'CF_SJLY', 'CF_SJLYDM', 'BZ'];
    const result = mapHeaders(codes, penalty.fields);
    expect(result.unknown).toEqual([]);
    expect(result.missingRequired).toEqual([]);
    expect(result.mapping.get(3)).toBe('document_number');
    expect(result.mapping.get(16)).toBe('remarks');
  });

  it('reports unknown and duplicate columns, and missing required ones', () => {
    const result = mapHeaders(['行政相对人名称', 'CF_XDR_MC', '联系电话', '', '处罚类别', '备注', '备 注'], penalty.fields);
    expect(result.mapping.get(0)).toBe('subject_name');
    expect(result.mapping.has(1)).toBe(false);
    expect(result.duplicates).toEqual(['CF_XDR_MC', '备 注']);
    expect(result.unknown).toEqual(['联系电话']);
    expect(result.missingRequired.map((f) => f.key)).toContain('document_number');
  });

  it('assertRequiredHeaders lists the missing Chinese labels', () => {
    const headers = nationalHeaders.filter((h) => h !== '行政处罚决定书文号' && h !== '处罚决定日期');
    const result = mapHeaders(headers, penalty.fields);
    expect(() => assertRequiredHeaders(result)).toThrow(new ParseError('HEADERS_MISSING', '缺少必填列：行政处罚决定书文号、处罚决定日期'));
    try {
      assertRequiredHeaders(result);
    } catch (error) {
      expect((error as ParseError).code).toBe('HEADERS_MISSING');
    }
    expect(() => assertRequiredHeaders(mapHeaders(nationalHeaders, penalty.fields))).not.toThrow();
  });
});

// ---------------------------------------------------------------------------------------------------
// Formula injection
// ---------------------------------------------------------------------------------------------------

describe('formula-like cells', () => {
  it('detects the OWASP trigger characters', () => {
    for (const text of ['=1+1', '+cmd|x', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '=HYPERLINK("http://x","y")', '\tabc']) {
      expect(isFormulaLike(text)).toBe(true);
    }
    for (const text of ['', '罚款', '1+1', '-0.2', '+86', '1e5', 'a=b', '＝1']) {
      expect(isFormulaLike(text)).toBe(false);
    }
  });

  it('neutralises for export with a single quote', () => {
    expect(neutraliseForExport('=1+1')).toBe("'=1+1");
    expect(neutraliseForExport('@x')).toBe("'@x");
    expect(neutraliseForExport('正常文本')).toBe('正常文本');
    expect(neutraliseForExport('-5')).toBe('-5');
  });
});

// ---------------------------------------------------------------------------------------------------
// Memory and throughput
// ---------------------------------------------------------------------------------------------------

describe('streaming at scale', () => {
  it('streams 200k CSV rows with bounded heap', async () => {
    const total = 200_000;
    async function* generate() {
      yield Buffer.from('\uFEFF' + HEADER + ',违法事实\n');
      for (let i = 0; i < total; i += 1000) {
        let chunk = '';
        for (let j = i; j < i + 1000; j++) {
          chunk += `某某市某某区某某科技有限公司第${j}分公司,某市监罚〔2024〕${j}号,罚款,2024-01-15,${(j % 1000) / 10},"违法事实描述，含逗号，第${j}条"\n`;
        }
        yield Buffer.from(chunk);
      }
    }
    // a real GC makes the measure about retained memory, not about when V8 chose to collect
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as (() => void) | undefined;
    gc?.();
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    let count = 0;
    let lastRow = 0;
    const started = performance.now();
    for await (const row of readCsv(Readable.from(generate()))) {
      count++;
      lastRow = row.rowNumber;
      if (count % 50_000 === 0) {
        gc?.();
        peak = Math.max(peak, process.memoryUsage().heapUsed);
      }
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(`CSV: ${count} rows in ${seconds.toFixed(2)} s = ${Math.round(count / seconds)} rows/s; heap growth ${((peak - before) / 1048576).toFixed(1)} MB (gc ${gc ? 'on' : 'off'})`);
    expect(count).toBe(total);
    expect(lastRow).toBe(total + 1);
    expect(peak - before).toBeLessThan(100 * 1024 * 1024);
  });

  it('streams a 30k-row XLSX', async () => {
    const path = join(dir, 'big.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true });
    const ws = writer.addWorksheet('数据');
    ws.addRow(['行政相对人名称', '行政处罚决定书文号', '处罚类别', '处罚决定日期', '罚款金额（万元）']).commit();
    const total = 30_000;
    for (let i = 0; i < total; i++) {
      const row = ws.addRow([`某某科技有限公司第${i}分公司`, `某市监罚〔2024〕${i}号`, '罚款', new Date(Date.UTC(2024, 0, 1 + (i % 300))), (i % 100) / 10]);
      row.getCell(4).numFmt = 'yyyy-mm-dd';
      row.commit();
    }
    await ws.commit();
    await writer.commit();
    const started = performance.now();
    const table = await openTable({ stream: createReadStream(path), filename: 'big.xlsx' });
    let count = 0;
    let last: ParsedRow | undefined;
    for await (const row of table.rows) {
      count++;
      last = row;
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(`XLSX: ${count} rows in ${seconds.toFixed(2)} s = ${Math.round(count / seconds)} rows/s`);
    expect(count).toBe(total);
    expect(last?.rowNumber).toBe(total + 1);
    expect(last?.raw['处罚决定日期']).toBe('2024-10-26');
    expect(last?.raw['罚款金额（万元）']).toBe('9.9');
  });
});
