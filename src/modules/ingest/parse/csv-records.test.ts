import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse, type Info } from 'csv-parse';
import { describe, expect, it } from 'vitest';
import { createSeededRandom } from '../../identifiers';
import { CsvRecords, type CsvRecord } from './csv-records';

type Outcome = { records: CsvRecord[]; error: { code: string; at: number } | null };

/** csv-parse as the upload path used it before CsvRecords: the reference. */
async function reference(text: string, delimiter: string, maxRecordSize: number): Promise<Outcome> {
  const records: CsvRecord[] = [];
  const parser = parse({ delimiter, relax_column_count: true, relax_quotes: true, bom: true, skip_empty_lines: true, trim: true, info: true, max_record_size: maxRecordSize });
  try {
    await pipeline(Readable.from([Buffer.from(text, 'utf8')]), parser, async (source: AsyncIterable<{ record: string[]; info: Info }>) => {
      for await (const { record, info } of source) records.push({ record, rowNumber: info.records + info.empty_lines });
    });
    return { records, error: null };
  } catch (error) {
    const e = error as { code: string; records?: number; empty_lines?: number };
    return { records, error: { code: e.code, at: (e.records ?? 0) + (e.empty_lines ?? 0) } };
  }
}

async function candidate(pieces: string[], delimiter: string, maxRecordSize: number): Promise<Outcome> {
  const records: CsvRecord[] = [];
  try {
    await pipeline(Readable.from(pieces, { objectMode: true }), new CsvRecords({ delimiter, maxRecordSize }), async (source: AsyncIterable<CsvRecord>) => {
      for await (const item of source) records.push(item);
    });
    return { records, error: null };
  } catch (error) {
    const e = error as { code: string; records?: number; empty_lines?: number };
    return { records, error: { code: e.code, at: (e.records ?? 0) + (e.empty_lines ?? 0) } };
  }
}

function cut(text: string, random: () => number): string[] {
  const pieces: string[] = [];
  let start = 0;
  while (start < text.length) {
    const length = 1 + Math.floor(random() * 12);
    pieces.push(text.slice(start, start + length));
    start += length;
  }
  return pieces;
}

describe('CsvRecords (native split of unquoted lines, csv-parse for the rest)', () => {
  it('gives csv-parse’s records, row numbers and errors on random text, whatever the chunking', async () => {
    const random = createSeededRandom(20261123);
    const alphabet = ['a', 'b', '中', '文', ',', ',', ';', '\t', ' ', ' ', '\u3000', '\u00a0', '\r', '\n', '\n', '\r\n', '"', '"', '\uFEFF', 'x"y'];
    for (let round = 0; round < 1500; round++) {
      const length = Math.floor(random() * 40);
      let text = '';
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      const delimiter = [',', ';', '\t'][round % 3];
      const maxRecordSize = round % 7 === 0 ? 12 : 1024;
      const expected = await reference(text, delimiter, maxRecordSize);
      const actual = await candidate(cut(text, random), delimiter, maxRecordSize);
      // after an error the batch is refused as a whole: which records got out before it depends on how
      // the input was cut (for csv-parse too), so only the error is compared then
      if (expected.error) expect({ text, error: actual.error }).toEqual({ text, error: expected.error });
      else expect({ text, ...actual }).toEqual({ text, ...expected });
    }
  });

  it('splits quote-free files natively and hands over at the first quote', async () => {
    const lines = ['名称,代码,备注', ' 甲公司 ,\u30001\u3000,', '', '   ', '乙,2,"引号,内"', '丙,3,x'];
    const text = `\uFEFF${lines.join('\r\n')}\r\n`;
    const expected = await reference(text, ',', 1024);
    expect(expected.records.map((r) => r.rowNumber)).toEqual([1, 2, 5, 6]);
    expect(await candidate([text], ',', 1024)).toEqual(expected);
    expect(await candidate(cut(text, createSeededRandom(3)), ',', 1024)).toEqual(expected);
  });
});
