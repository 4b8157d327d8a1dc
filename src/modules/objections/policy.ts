/**
 * Deadlines of the objection procedure in working days. The national figures were not confirmed
 * (REFERENCE §8.1 [U]); the defaults follow 信用广州: acceptance within 2 working days, the data provider's
 * verification within 10, one extension for complex cases. Override with `setObjectionPolicy` at start-up.
 */
export interface ObjectionPolicy {
  acceptWorkingDays: number;
  verifyWorkingDays: number;
  maxExtensionWorkingDays: number;
}

export const DEFAULT_OBJECTION_POLICY: ObjectionPolicy = { acceptWorkingDays: 2, verifyWorkingDays: 10, maxExtensionWorkingDays: 10 };

let active: ObjectionPolicy = DEFAULT_OBJECTION_POLICY;

export function objectionPolicy(): ObjectionPolicy {
  return active;
}

export function setObjectionPolicy(overrides: Partial<ObjectionPolicy>): ObjectionPolicy {
  active = { ...DEFAULT_OBJECTION_POLICY, ...overrides };
  return active;
}
