import { Type } from 'typebox';
import { Nullable, Strict, StringEnum } from '../../http/schemas';
import { ROLES } from './tables';

export const RoleSchema = StringEnum(ROLES, { description: '角色' });

export const DepartmentRefSchema = Nullable(Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() }));

export const UserSchema = Type.Object(
  {
    id: Type.String(),
    username: Type.String(),
    displayName: Type.String(),
    role: RoleSchema,
    department: DepartmentRefSchema,
    regionCode: Nullable(Type.String()),
    subjectId: Nullable(Type.String({ description: '信用主体账户所代表的主体' })),
    active: Type.Boolean(),
    lockedUntil: Nullable(Type.String()),
    lastLoginAt: Nullable(Type.String()),
  },
  { $id: 'User' },
);

export const LoginBody = Type.Object(
  { username: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 256 }) },
  Strict,
);

export const NewUserBody = Type.Object(
  {
    username: Type.String({ minLength: 3, maxLength: 32 }),
    displayName: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 8, maxLength: 256 }),
    role: RoleSchema,
    departmentId: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
  },
  Strict,
);

export const UserChangesBody = Type.Object(
  {
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    role: Type.Optional(RoleSchema),
    active: Type.Optional(Type.Boolean()),
    password: Type.Optional(Type.String({ minLength: 8, maxLength: 256 })),
    departmentId: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
  },
  Strict,
);

export const NewApiKeyBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 64 }),
    role: RoleSchema,
    departmentId: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
  },
  Strict,
);

export const ApiKeySchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  prefix: Type.String(),
  role: RoleSchema,
  departmentId: Nullable(Type.String()),
  createdAt: Type.String(),
  revokedAt: Nullable(Type.String()),
  lastUsedAt: Nullable(Type.String()),
});
