/** Fictional names for demo subjects. */

const TRADE_NAMES = '青禾 云川 江口 同信 恒远 正诚 立德 鑫源 华泰 宏图 启明 嘉禾 瑞丰 安泰 长青 远航 金穗 德润 信达 天成 润泽 博雅 康宁 盛世 和顺 汇通 锦程 泰和 祥云 新元 东方 南山 北辰 西岭 中联 永盛 卓越 明德 睿智 星河'.split(' ');
const INDUSTRIES = '建筑工程 贸易 食品 物流 科技 医药 餐饮 农业开发 环保科技 电子 机械制造 文化传媒 旅游 房地产开发 物业管理 教育咨询 劳务 运输 化工 纺织 家具 建材 信息技术 酒店管理 汽车服务'.split(' ');
const FORMS = ['有限公司', '有限责任公司', '股份有限公司', '合作社', '有限公司'];
const SHOP_KINDS = '便利店 小吃店 五金店 理发店 水果店 修车铺 服装店 药店 茶行 面馆 快餐店 百货商行'.split(' ');
const SURNAMES = '王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 林 罗 高 梁 郑 谢 宋 唐 韦 覃 蒙 莫 陆'.split(' ');
const GIVEN = '伟 芳 娜 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀 霞 平 刚 桂 华 建 文 斌 宁 红 玉 兰 海 波 辉 鹏 婷'.split(' ');

export type Random = () => number;

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

export function companyName(random: Random, index: number, cityName: string): string {
  const trade = pick(random, TRADE_NAMES) + (index % 7 === 0 ? pick(random, TRADE_NAMES).slice(0, 1) : '');
  return `${cityName}${trade}${pick(random, INDUSTRIES)}${pick(random, FORMS)}`;
}

export function shopName(random: Random, countyName: string, ownerName: string): string {
  return `${countyName}${ownerName.slice(0, 1)}记${pick(random, SHOP_KINDS)}`;
}

export function personName(random: Random): string {
  const given = pick(random, GIVEN) + (random() < 0.6 ? pick(random, GIVEN) : '');
  return pick(random, SURNAMES) + given;
}
