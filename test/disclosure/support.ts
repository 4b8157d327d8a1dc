import { orgCodeCheckChar, usccCheckChar } from '../../src/modules/identifiers';

/** A valid USCC for test subject number n. */
export function testUscc(n: number): string {
  const body = `7${String(n).padStart(7, '0')}`;
  const first17 = `91310110${body}${orgCodeCheckChar(body)}`;
  return first17 + usccCheckChar(first17);
}
