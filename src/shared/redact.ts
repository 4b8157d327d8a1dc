const CITIZEN_ID_PATTERN = /(?<![0-9A-Za-z])(\d{6})\d{8}(\d{3}[\dXx])(?![0-9A-Za-z])/g;
const PHONE_PATTERN = /(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)/g;

/** Masks anything in free text shaped like a citizen ID number or a mobile number (logs, raw rows). */
export function maskPersonalPatterns(text: string): string {
  return text.replace(CITIZEN_ID_PATTERN, '$1********$2').replace(PHONE_PATTERN, '$1****$2');
}
