import { Type, type TSchema } from 'typebox';

export const ErrorSchema = Type.Object(
  {
    code: Type.String({ description: '机器可读的错误码，如 VALIDATION、FORBIDDEN、NOT_FOUND' }),
    message: Type.String({ description: '中文错误说明' }),
    details: Type.Any({ description: '附加信息，如字段级错误列表' }),
  },
  { $id: 'Error', description: '错误响应' },
);

export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });

export const Page = Type.Object(
  {
    page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  },
  { additionalProperties: false },
);

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** Standard error responses documented on every route. */
export const errorResponses = {
  400: Type.Ref('Error'),
  401: Type.Ref('Error'),
  403: Type.Ref('Error'),
  404: Type.Ref('Error'),
  409: Type.Ref('Error'),
  422: Type.Ref('Error'),
};

export const Strict = { additionalProperties: false } as const;

/** A string enum as plain JSON Schema `enum` (TypeBox unions of literals type badly when built from arrays). */
export const StringEnum = <const T extends readonly string[]>(values: T, options: { description?: string; default?: T[number] } = {}) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });
