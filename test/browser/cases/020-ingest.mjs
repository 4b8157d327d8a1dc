// A department clerk uploads a CSV of 行政处罚 records and reads the batch result.
import { assertNoUnmaskedCitizenId, expectText, loginToConsole, waitForIdle } from '../lib.mjs';

const HEADERS = ['行政相对人名称', '行政相对人类别', '统一社会信用代码', '法定代表人', '行政处罚决定书文号', '违法行为类型', '违法事实', '处罚依据', '处罚类别', '处罚内容', '处罚决定日期', '处罚有效期', '处罚机关', '处罚机关统一社会信用代码', '数据来源单位', '数据来源单位统一社会信用代码'];

function row(document, overrides = {}) {
  const values = {
    行政相对人名称: '浏览器测试贸易有限公司',
    行政相对人类别: '法人及非法人组织',
    统一社会信用代码: '91310110666007217T',
    法定代表人: '王伟',
    行政处罚决定书文号: document,
    违法行为类型: '未按规定公示年度报告',
    违法事实: '未按期公示年度报告',
    处罚依据: '《企业信息公示暂行条例》',
    处罚类别: '警告',
    处罚内容: '警告',
    处罚决定日期: '2026-11-18',
    处罚有效期: '2027-11-18',
    处罚机关: '示范市市场监督管理局',
    处罚机关统一社会信用代码: '91310115591693856A',
    数据来源单位: '示范市市场监督管理局',
    数据来源单位统一社会信用代码: '91310115591693856A',
    ...overrides,
  };
  return HEADERS.map((h) => values[h]).join(',');
}

export default [
  {
    name: 'console-ingest-upload',
    run: async ({ page, baseUrl }) => {
      await loginToConsole(page, baseUrl, 'scjg_op', 'Xinyong@2026');
      await expectText(page, '工作台', { timeout: 30_000 });
      await page.goto(`${baseUrl}/console/ingest?item=penalty`);
      await waitForIdle(page);
      await expectText(page, '行政处罚信息');
      const csv = [HEADERS.join(','), row('浏览器测罚〔2026〕1号'), row('浏览器测罚〔2026〕2号', { 处罚决定日期: '2026-02-30' })].join('\n');
      await page.locator('input[type=file]').setInputFiles({ name: '处罚.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await page.getByRole('button', { name: /提\s*交/ }).click();
      await page.waitForURL(/\/console\/ingest\/batches\//, { timeout: 30_000 });
      await expectText(page, '已完成', { timeout: 60_000 });
      await waitForIdle(page);
      await expectText(page, '处罚决定日期不是有效日期');
      await assertNoUnmaskedCitizenId(page);
    },
  },
];
