/**
 * Realistic credit subjects for the benchmarks (bench/search.ts, bench/portal-data.ts): names built like
 * registered names — region, trade name (字号), industry, organisational form; shops of individual
 * businesses named after their district and owner; natural persons. Frequent pieces (有限公司, 南宁市,
 * 科技) come up about as often as they do in real registers, which is what makes name search costly.
 */
import { generateCitizenId, generateUscc } from '../src/modules/identifiers';

export type Random = () => number;
export type BenchSubjectKind = 'legal_entity' | 'individual_business' | 'natural_person';

export interface BenchSubject {
  kind: BenchSubjectKind;
  name: string;
  /** null for natural persons */
  uscc: string | null;
  regionCode: string;
  status: 'active' | 'deregistered';
  /** natural persons only */
  citizenId: string | null;
}

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

export function pick<T>(random: Random, list: readonly T[]): T {
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

export function personName(random: Random): string {
  return pickSkewed(random, SURNAMES) + pick(random, GIVEN) + (random() < 0.7 ? pick(random, GIVEN) : '');
}

/** One subject: ~72 % legal entities, ~20 % individual businesses, ~8 % natural persons (never public). */
export function benchSubject(random: Random): BenchSubject {
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
    return { kind: 'legal_entity', name, uscc, regionCode, status: random() < 0.9 ? 'active' : 'deregistered', citizenId: null };
  }
  if (bucket < 0.92) {
    const owner = random() < 0.5 ? `${pick(random, SURNAMES)}记` : tradeName(random);
    const name = `${city}${pick(random, DISTRICTS)}${owner}${pick(random, SHOPS)}${random() < 0.3 ? '（个体工商户）' : ''}`;
    const uscc = generateUscc({ authority: '9', category: '2', region: regionCode, random });
    return { kind: 'individual_business', name, uscc, regionCode, status: 'active', citizenId: null };
  }
  return { kind: 'natural_person', name: personName(random), uscc: null, regionCode, status: 'active', citizenId: generateCitizenId({ region: regionCode, random }) };
}
