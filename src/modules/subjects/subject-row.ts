import { encryptPersonal, hashPersonal } from '../../shared/personal-data';
import { maskCitizenId } from '../identifiers';
import type { PreparedSubject } from './prepare';
import type { NewSubjectRow } from './repository';

/** The stored form of a validated subject: personal identifiers only encrypted, hashed and masked. */
export function toSubjectRow(prepared: PreparedSubject, id: string): NewSubjectRow {
  const isPerson = prepared.kind === 'natural_person';
  return {
    id,
    kind: prepared.kind,
    name: prepared.name,
    uscc: prepared.uscc,
    orgCode: prepared.orgCode,
    registrationNo: prepared.registrationNo,
    citizenIdEnc: prepared.citizenId ? encryptPersonal(prepared.citizenId) : null,
    citizenIdHash: prepared.citizenId ? hashPersonal(prepared.citizenId) : null,
    citizenIdMasked: prepared.citizenId ? maskCitizenId(prepared.citizenId) : null,
    // A phone number is personal data whoever it belongs to; only organisations' addresses are public.
    phoneEnc: prepared.phone ? encryptPersonal(prepared.phone) : null,
    addressEnc: isPerson && prepared.address ? encryptPersonal(prepared.address) : null,
    address: isPerson ? null : prepared.address,
    regionCode: prepared.regionCode,
    identifierFlags: prepared.identifierFlags.length > 0 ? prepared.identifierFlags : null,
    status: prepared.status,
    establishedOn: prepared.establishedOn,
  };
}
