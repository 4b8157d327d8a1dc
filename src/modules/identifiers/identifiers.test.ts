import { Command, CommanderError } from 'commander';
import Fastify from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../shared/errors.js';
import { registerIdCheckCommand } from '../../cli/id-check.js';
import {
  acceptFromAuthoritativeSource,
  checkAs,
  checkIdentifier,
  citizenIdCheckChar,
  createSeededRandom,
  decodeRegion,
  generateCitizenId,
  generateUscc,
  maskAddress,
  maskCitizenId,
  maskName,
  maskPhone,
  orgCodeCheckChar,
  registerIdentifierRoutes,
  usccCheckChar,
  type IdentifierCheck,
  type ProblemCode,
} from './index.js';

const codes = (check: IdentifierCheck, severity: 'error' | 'warning' = 'error'): ProblemCode[] =>
  check.problems.filter((problem) => problem.severity === severity).map((problem) => problem.code);

/** A USCC with correct check characters around the given first 8 characters and 8-character org body. */
const uscc = (head: string, body: string): string => {
  const first17 = `${head}${body}${orgCodeCheckChar(body)}`;
  return first17 + usccCheckChar(first17);
};

/** A citizen ID with a correct check character. */
const citizenId = (first17: string): string => first17 + citizenIdCheckChar(first17);

describe('uscc (GB 32100-2015)', () => {
  it.each(['91310110666007217T', '91310115591693856A'])('accepts the reference vector %s', (value) => {
    const check = checkIdentifier(value);
    expect(check).toMatchObject({ type: 'uscc', valid: true, problems: [], normalized: value });
    expect(check.details).toMatchObject({ authority: { code: '9', name: '工商' }, category: { code: '1', name: '企业' } });
  });

  it('decodes details and region of 91310110666007217T', () => {
    const check = checkIdentifier(' 91310110666007217t ');
    expect(check.normalized).toBe('91310110666007217T');
    expect(check.details).toEqual({ authority: { code: '9', name: '工商' }, category: { code: '1', name: '企业' }, orgCode: '666007217' });
    expect(check.region?.county?.name).toBe('杨浦区');
  });

  it('reports the checksum of the Xiamen pilot code 91350211M00013FA1N but accepts it from an authoritative source', () => {
    const check = checkIdentifier('91350211M00013FA1N');
    expect(check.type).toBe('uscc');
    expect(check.valid).toBe(false);
    expect(codes(check)).toEqual(['checksum']);
    expect(acceptFromAuthoritativeSource(check)).toEqual({ accepted: true, flags: ['checksum_failed_authoritative'] });
  });

  it('keeps every other failure rejected even from an authoritative source', () => {
    expect(acceptFromAuthoritativeSource(checkIdentifier('91310110666OO7217T'))).toEqual({ accepted: false, flags: [] });
    expect(acceptFromAuthoritativeSource(checkIdentifier('91350211M00013FA2N'))).toEqual({ accepted: false, flags: [] });
    expect(acceptFromAuthoritativeSource(checkIdentifier('91310110666007217T'))).toEqual({ accepted: true, flags: [] });
  });

  it('reports a wrong check character', () => {
    const check = checkIdentifier('91310110666007217U');
    expect(codes(check)).toEqual(['checksum']);
    expect(check.problems[0].message).toContain('应为“T”');
  });

  it('reports a wrong length when checked as uscc', () => {
    expect(codes(checkAs('uscc', '91310110666007217'))).toEqual(['length']);
    expect(codes(checkAs('uscc', '91310110666007217TT'))).toEqual(['length']);
  });

  it.each(['I', 'O', 'S', 'V', 'Z'])('rejects the excluded letter %s', (letter) => {
    const check = checkIdentifier(`913101106660${letter}7217T`);
    expect(check.type).toBe('uscc');
    expect(codes(check)).toEqual(['charset']);
    expect(check.problems[0].message).toContain(`第13位“${letter}”`);
  });

  it('rejects an unknown registration authority code', () => {
    expect(codes(checkIdentifier(uscc('B1450403', '12345678')))).toEqual(['authority']);
    expect(codes(checkIdentifier(uscc('01450403', 'A2345678')))).toEqual(['authority']);
  });

  it('rejects a category that does not belong to the authority', () => {
    const check = checkIdentifier(uscc('94450403', 'A2345678'));
    expect(codes(check)).toEqual(['category']);
    expect(check.details).toMatchObject({ authority: { code: '9' }, category: null });
    expect(checkIdentifier(uscc('52450403', 'A2345678')).details).toMatchObject({ category: { name: '民办非企业单位' } });
    expect(checkIdentifier(uscc('Y1450403', 'A2345678')).valid).toBe(true);
  });

  it('rejects letters in the region part and an unknown province prefix', () => {
    expect(codes(checkIdentifier(uscc('91AB0403', '12345678')))).toEqual(['region']);
    const unknownProvince = checkIdentifier(uscc('91990403', 'A2345678'));
    expect(codes(unknownProvince)).toEqual(['region']);
    expect(unknownProvince.region?.province).toBeNull();
  });

  it('only warns about a 6-digit region missing from the current list', () => {
    const check = checkIdentifier(uscc('91450499', 'A2345678'));
    expect(check.valid).toBe(true);
    expect(codes(check, 'warning')).toEqual(['region']);
    expect(check.problems[0].message).toContain('可能为已撤销的历史区划');
  });

  it('checks the embedded org code (positions 9-17)', () => {
    const first17 = '91450403666007218';
    const check = checkIdentifier(first17 + usccCheckChar(first17));
    expect(codes(check)).toEqual(['org_code']);
  });

  it('recognises an all-digit uscc whose birth-date part is implausible', () => {
    const body = Array.from({ length: 1000 }, (_, i) => String(10_000_000 + i)).find((candidate) =>
      /^\d{18}$/.test(uscc('91450403', candidate)),
    );
    const value = uscc('91450403', body as string);
    expect(checkIdentifier(value)).toMatchObject({ type: 'uscc', valid: true });
    const mistyped = value.slice(0, 17) + ((Number(value[17]) + 1) % 10);
    expect(checkIdentifier(mistyped)).toMatchObject({ type: 'uscc', valid: false });
    expect(codes(checkIdentifier(mistyped))).toEqual(['checksum']);
  });
});

describe('org code (GB 11714)', () => {
  it('accepts 66600721-7 with or without hyphen', () => {
    expect(checkIdentifier('66600721-7')).toMatchObject({ type: 'org_code', valid: true, normalized: '666007217', region: null });
    expect(checkIdentifier('666007217').valid).toBe(true);
  });

  it('rejects a wrong check character', () => {
    const check = checkIdentifier('66600721-8');
    expect(codes(check)).toEqual(['checksum']);
    expect(check.problems[0].message).toContain('应为“7”');
  });

  it('writes 10 as X and 11 as 0', () => {
    const bodies = Array.from({ length: 200 }, (_, i) => String(10_000_000 + i));
    const withX = bodies.find((body) => orgCodeCheckChar(body) === 'X') as string;
    const withZero = bodies.find((body) => orgCodeCheckChar(body) === '0') as string;
    expect(checkIdentifier(`${withX}-x`).valid).toBe(true);
    expect(checkIdentifier(`${withZero}0`).valid).toBe(true);
  });

  it('rejects characters outside the charset', () => {
    expect(codes(checkIdentifier('6660072!7'))).toEqual(['charset']);
    expect(codes(checkIdentifier('66600721Y'))).toEqual(['charset']);
  });
});

describe('citizen id (GB 11643-1999)', () => {
  it('accepts 11010519491231002X as a woman born 1949-12-31, also with a lower-case x', () => {
    const check = checkIdentifier('11010519491231002x');
    expect(check).toMatchObject({ type: 'citizen_id', valid: true, problems: [], normalized: '11010519491231002X' });
    expect(check.details).toEqual({ birthDate: '1949-12-31', sex: 'female' });
    expect(check.region?.county?.name).toBe('朝阳区');
  });

  it('accepts 440524188001010014 as a man, warning about the old region and the early date', () => {
    const check = checkIdentifier('440524188001010014');
    expect(check).toMatchObject({ type: 'citizen_id', valid: true });
    expect(check.details).toEqual({ birthDate: '1880-01-01', sex: 'male' });
    expect(codes(check, 'warning').sort()).toEqual(['birth_date', 'region']);
  });

  it('rejects 110105194912310021 (wrong check digit)', () => {
    const check = checkIdentifier('110105194912310021');
    expect(check.type).toBe('citizen_id');
    expect(codes(check)).toEqual(['checksum']);
  });

  it('rejects a birth date that does not exist', () => {
    const check = checkIdentifier(citizenId('11010520230230002'));
    expect(check.type).toBe('citizen_id');
    expect(codes(check)).toEqual(['birth_date']);
  });

  it('rejects a future birth date and one before 1800', () => {
    const nextYear = new Date().getFullYear() + 1;
    expect(codes(checkAs('citizen_id', citizenId(`110105${nextYear}0101002`)))).toEqual(['birth_date']);
    expect(codes(checkAs('citizen_id', citizenId('11010517990101002')))).toEqual(['birth_date']);
  });

  it('rejects an unknown province prefix and only warns about an unknown county', () => {
    expect(codes(checkIdentifier(citizenId('99010519900101002')))).toEqual(['region']);
    const unknownCounty = checkIdentifier(citizenId('11019919900101002'));
    expect(unknownCounty.valid).toBe(true);
    expect(codes(unknownCounty, 'warning')).toEqual(['region']);
  });

  it('rejects letters and wrong lengths', () => {
    expect(codes(checkAs('citizen_id', '1101051949123100AX'))).toEqual(['charset']);
    expect(codes(checkAs('citizen_id', '1101051949123100'))).toEqual(['length']);
  });

  it('format-checks 15-digit legacy numbers', () => {
    const check = checkIdentifier('110105491231002');
    expect(check).toMatchObject({ type: 'citizen_id', valid: true, problems: [] });
    expect(check.details).toEqual({ birthDate: '1949-12-31', sex: 'female', legacy: true });
    expect(codes(checkIdentifier('110105490230002'))).toEqual(['birth_date']);
    expect(codes(checkIdentifier('11010549123100A'))).toEqual(['charset']);
    expect(checkIdentifier('450524491231001').valid).toBe(true);
  });

  it('prefers the citizen id when an all-digit value validates as both', () => {
    const both = findDoublyValid();
    expect(checkAs('uscc', both).valid).toBe(true);
    expect(checkIdentifier(both)).toMatchObject({ type: 'citizen_id', valid: true });
  });
});

/** 13 + 1101 + 19YYMMDD…: a citizen ID whose positions 3-8 (110119, 延庆区) also make a USCC region. */
function findDoublyValid(): string {
  for (let day = 1; day <= 28; day++) {
    for (let seq = 0; seq < 100; seq++) {
      const body = `9001${String(day).padStart(2, '0')}${String(seq).padStart(2, '0')}`;
      const first17 = `13110119${body}${orgCodeCheckChar(body)}`;
      if (/^\d{17}$/.test(first17) && usccCheckChar(first17) === citizenIdCheckChar(first17)) {
        return first17 + citizenIdCheckChar(first17);
      }
    }
  }
  throw new Error('no doubly valid value found');
}

describe('detection', () => {
  it('reports an unknown type for other lengths', () => {
    expect(checkIdentifier('abc')).toMatchObject({ type: null, valid: false, region: null, details: {} });
    expect(codes(checkIdentifier('abc'))).toEqual(['unknown_type', 'length']);
    expect(codes(checkIdentifier('   '))).toEqual(['unknown_type']);
  });

  it('treats the 双公示 placeholder 00000000000000000X as invalid', () => {
    expect(checkIdentifier('00000000000000000X').valid).toBe(false);
  });
});

describe('region (GB/T 2260)', () => {
  it('decodes 110101 as 北京市 东城区', () => {
    expect(decodeRegion('110101')).toEqual({
      code: '110101',
      province: { code: '110000', name: '北京市' },
      city: { code: '110100', name: '北京市' },
      county: { code: '110101', name: '东城区' },
      known: true,
    });
  });

  it('decodes 450403 as 广西壮族自治区 梧州市 万秀区', () => {
    const region = decodeRegion('450403');
    expect([region.province?.name, region.city?.name, region.county?.name]).toEqual(['广西壮族自治区', '梧州市', '万秀区']);
    expect(region.known).toBe(true);
  });

  it('decodes province- and city-level codes and shows the municipality name for 重庆 counties', () => {
    expect(decodeRegion('450000')).toMatchObject({ province: { name: '广西壮族自治区' }, city: null, county: null, known: true });
    expect(decodeRegion('450400')).toMatchObject({ city: { name: '梧州市' }, county: null, known: true });
    expect(decodeRegion('500229').city?.name).toBe('重庆市');
  });

  it('marks unknown codes', () => {
    expect(decodeRegion('450499')).toMatchObject({ province: { name: '广西壮族自治区' }, county: null, known: false });
    expect(decodeRegion('990000')).toMatchObject({ province: null, known: false });
    expect(decodeRegion('45040')).toMatchObject({ province: null, known: false });
  });
});

describe('generators', () => {
  it('generate 1000 valid codes and ID numbers from a seeded random', () => {
    const random = createSeededRandom(20240601);
    const authorities = [['9', '1'], ['9', '2'], ['9', '3'], ['5', '2'], ['1', '1'], ['N', '2'], ['Y', '1']];
    for (let i = 0; i < 1000; i++) {
      const [authority, category] = authorities[i % authorities.length];
      const code = generateUscc({ authority, category, region: '450403', random });
      expect(checkIdentifier(code), code).toMatchObject({ type: 'uscc', valid: true, problems: [] });
      const id = generateCitizenId({ random });
      expect(checkIdentifier(id), id).toMatchObject({ type: 'citizen_id', valid: true, problems: [] });
    }
  });

  it('is deterministic for a seed', () => {
    const first = createSeededRandom(7);
    const second = createSeededRandom(7);
    expect([generateUscc({ random: first }), generateCitizenId({ random: first })]).toEqual([
      generateUscc({ random: second }),
      generateCitizenId({ random: second }),
    ]);
  });

  it('honours region, birth date and sex', () => {
    const random = createSeededRandom(1);
    const id = generateCitizenId({ region: '110101', birthDate: '1990-05-17', sex: 'male', random });
    expect(id.startsWith('11010119900517')).toBe(true);
    expect(checkIdentifier(id).details).toEqual({ birthDate: '1990-05-17', sex: 'male' });
    expect(checkIdentifier(generateCitizenId({ sex: 'female', random })).details).toMatchObject({ sex: 'female' });
    expect(generateUscc({ authority: '9', category: '2', region: '110101', random }).slice(0, 8)).toBe('92110101');
  });

  it('rejects impossible options', () => {
    expect(() => generateUscc({ authority: '9', category: '9' })).toThrow(AppError);
    expect(() => generateUscc({ region: '990000' })).toThrow(AppError);
    expect(() => generateCitizenId({ birthDate: '2023-02-30' })).toThrow(AppError);
    expect(() => generateCitizenId({ region: 'abc' })).toThrow(AppError);
  });
});

describe('masking', () => {
  it('masks citizen ids, keeping the first 6 and last 4', () => {
    expect(maskCitizenId('11010519491231002X')).toBe('110105********002X');
    expect(maskCitizenId('11010519491231002x')).toBe('110105********002X');
    expect(maskCitizenId('110105491231002')).toBe('110105*****1002');
    expect(maskCitizenId('12345')).toBe('*****');
  });

  it('masks phone numbers, keeping the first 3 and last 4', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('0774-3856123')).toBe('077*****6123');
    expect(maskPhone('12345')).toBe('*****');
  });

  it('masks names of natural persons, keeping the first character', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('张')).toBe('*');
    expect(maskName('')).toBe('');
  });

  it('masks addresses below the county level', () => {
    expect(maskAddress('广西壮族自治区梧州市万秀区新兴二路12号')).toBe('广西壮族自治区梧州市万秀区****');
    expect(maskAddress('北京市东城区东华门街道1号')).toBe('北京市东城区****');
    expect(maskAddress('江苏省镇江市京口区学府路3号')).toBe('江苏省镇江市京口区****');
    expect(maskAddress('梧州市万秀区新兴二路12号')).toBe('梧州市万秀区****');
    expect(maskAddress('内蒙古自治区呼伦贝尔市鄂温克族自治旗巴彦托海镇')).toBe('内蒙古自治区呼伦贝尔市鄂温克族自治旗****');
    expect(maskAddress('某省某某市新设区幸福路1号')).toBe('某省某某市新设区****');
  });

  it('falls back to the city, then to at most 6 characters', () => {
    expect(maskAddress('梧州市新兴二路幸福小区3栋')).toBe('梧州市****');
    expect(maskAddress('新兴二路幸福小区3栋201室')).toBe('新兴二路幸福****');
    expect(maskAddress('幸福路1号')).toBe('幸福****');
    expect(maskAddress('')).toBe('');
  });
});

describe('GET /api/v1/identifiers/:value', () => {
  const buildApp = async () => {
    const app = Fastify().withTypeProvider<TypeBoxTypeProvider>();
    await app.register(async (api) => registerIdentifierRoutes(api), { prefix: '/api/v1' });
    return app;
  };

  it.each(['91350211M00013FA1N', '11010519491231002X', '66600721-7', 'abc', '440524188001010014'])(
    'returns the check of %s with status 200',
    async (value) => {
      const app = await buildApp();
      const response = await app.inject({ method: 'GET', url: `/api/v1/identifiers/${encodeURIComponent(value)}` });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual(checkIdentifier(value));
      await app.close();
    },
  );
});

describe('cli: id check', () => {
  afterEach(() => vi.restoreAllMocks());

  const quiet = (command: Command): void => {
    command.exitOverride().configureOutput({ writeErr: () => {}, writeOut: () => {} });
    command.commands.forEach(quiet);
  };

  const program = () => {
    const root = new Command();
    registerIdCheckCommand(root);
    quiet(root);
    return root;
  };

  it('prints the check as JSON, also for an invalid value', async () => {
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    await program().parseAsync(['node', 'xinyong', 'id', 'check', '91350211M00013FA1N']);
    expect(JSON.parse(String(write.mock.calls[0][0]))).toEqual(checkIdentifier('91350211M00013FA1N'));
  });

  it('fails when the value is missing', async () => {
    const failure = program().parseAsync(['node', 'xinyong', 'id', 'check']);
    await expect(failure).rejects.toBeInstanceOf(CommanderError);
    await expect(failure).rejects.toMatchObject({ exitCode: 1, code: 'commander.missingArgument' });
  });
});
