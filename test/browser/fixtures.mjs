// Data the browser cases set up through the API (demo logins, a fresh company with a serious penalty).

export const PASSWORD = 'Xinyong@2026';

/** A valid USCC (GB 32100 and the embedded GB 11714 org code) for a new company in the demo region. */
export function newUscc() {
  const body = String(Math.floor(Math.random() * 1e8)).padStart(8, '0');
  const sum = [...body].reduce((acc, c, i) => acc + Number(c) * [3, 7, 9, 10, 5, 8, 4, 2][i], 0);
  const orgCheck = { 10: 'X', 11: '0' }[11 - (sum % 11)] ?? String(11 - (sum % 11));
  const first17 = `91459900${body}${orgCheck}`;
  const charset = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const total = [...first17].reduce((acc, c, i) => acc + charset.indexOf(c) * (3 ** i % 31), 0);
  return first17 + charset[(31 - (total % 31)) % 31];
}

/** Log in through the API and return the session cookie header. */
export async function apiLogin(api, username) {
  const res = await api.post('/api/v1/auth/login', { username, password: PASSWORD });
  if (res.status !== 200) throw new Error(`login ${username} answered HTTP ${res.status}: ${res.text.slice(0, 200)}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  if (!cookie) throw new Error(`login ${username} set no cookie`);
  return cookie;
}

/** A fresh company with a serious penalty of SCJG (a legally effective document a sanction list needs). */
export async function companyWithSeriousPenalty(api) {
  const cookie = await apiLogin(api, 'scjg_op');
  const suffix = Date.now().toString(36).slice(-5).toUpperCase();
  const name = `示范市测认${suffix}食品有限公司`;
  const uscc = newUscc();
  const documentNumber = `示市监罚〔2026〕T${suffix}号`;
  const res = await api.post(
    '/api/v1/records',
    {
      itemCode: 'penalty',
      fields: {
        subject_name: name,
        subject_category: '法人及非法人组织',
        uscc,
        legal_representative: '测试人',
        document_number: documentNumber,
        violation_type: '生产销售不合格食品',
        violation_facts: '当事人生产销售不符合食品安全标准的食品，情节严重。',
        penalty_basis: '《中华人民共和国食品安全法》第一百二十四条',
        penalty_types: '吊销许可证件',
        penalty_content: '吊销食品生产许可证',
        decision_date: '2026-11-02',
        penalty_valid_until: '2029-11-02',
        authority_name: '示范市市场监督管理局',
        authority_uscc: '91310115591693856A',
        data_source_name: '示范市市场监督管理局',
        data_source_uscc: '91310115591693856A',
      },
    },
    { cookie },
  );
  if (res.status !== 201) throw new Error(`POST /api/v1/records answered HTTP ${res.status}: ${res.text.slice(0, 300)}`);
  if (res.body.record.severity !== 'serious') throw new Error(`the penalty record is ${res.body.record.severity}, not serious`);
  return { name, uscc, documentNumber, subjectId: res.body.record.subjectId, recordId: res.body.record.id };
}

