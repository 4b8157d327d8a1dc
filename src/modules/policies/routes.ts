import { Type } from 'typebox';
import type { App } from '../../http/types';
import { errorResponses, Nullable, StringEnum } from '../../http/schemas';
import { POLICY_DOCUMENTS } from './documents';

const PolicySchema = Type.Object({
  code: Type.String(),
  title: Type.String(),
  issuer: Type.String(),
  number: Nullable(Type.String()),
  date: Nullable(Type.String()),
  level: StringEnum(['national', 'local'] as const),
  status: StringEnum(['in_force', 'repealed'] as const),
  summary: Type.String(),
});

export function registerPolicyRoutes(app: App): void {
  app.get(
    '/public/policies',
    { schema: { tags: ['公示'], summary: '政策法规：平台规则所依据的国家和地方文件', response: { 200: Type.Object({ items: Type.Array(PolicySchema) }), ...errorResponses } } },
    async () => ({ items: POLICY_DOCUMENTS.map((document) => ({ ...document, number: document.number ?? null, date: document.date ?? null })) }),
  );
}
