// Brings in the swagger typing of `tags` and `summary` on route schemas.
import type {} from '@fastify/swagger';
import type { App } from '../../http/types.js';
import { checkIdentifier } from './check.js';
import { IdentifierCheckSchema, IdentifierParamsSchema } from './schema.js';

export function registerIdentifierRoutes(app: App): void {
  app.get(
    '/identifiers/:value',
    {
      schema: {
        tags: ['identifiers'],
        summary: '校验统一社会信用代码、公民身份号码或组织机构代码',
        description: '按格式识别证件类型并校验；不合法也返回 200，问题列在 problems 中。',
        params: IdentifierParamsSchema,
        response: { 200: IdentifierCheckSchema },
      },
    },
    async (request) => checkIdentifier(request.params.value),
  );
}
