export { checkIdentifier, checkAs, acceptFromAuthoritativeSource, type AuthoritativeAcceptance } from './check.js';
export { decodeRegion, regionProblems, divisionNamePrefix, divisionTree, type DivisionLevel, type Division } from './region.js';
export {
  validateUscc,
  usccCheckChar,
  generateUscc,
  createSeededRandom,
  isUsccAuthority,
  USCC_AUTHORITIES,
  USCC_CHARSET,
  type GenerateUsccOptions,
} from './uscc.js';
export { validateOrgCode, orgCodeCheckChar, normalizeOrgCode, formatOrgCode } from './org-code.js';
export {
  validateCitizenId,
  citizenIdCheckChar,
  generateCitizenId,
  maskCitizenId,
  maskPhone,
  maskAddress,
  maskName,
  type GenerateCitizenIdOptions,
} from './citizen-id.js';
export {
  IdentifierCheckSchema,
  IdentifierParamsSchema,
  ProblemSchema,
  RegionInfoSchema,
  type CodeName,
  type Problem,
  type ProblemCode,
  type RegionInfo,
  type UsccDetails,
  type CitizenIdDetails,
  type IdentifierDetails,
  type IdentifierType,
  type IdentifierCheck,
} from './schema.js';
export { registerIdentifierRoutes } from './routes.js';
