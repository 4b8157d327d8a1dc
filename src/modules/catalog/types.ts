/** Domain types of the public credit information catalog (公共信用信息目录). */

export type SubjectKind = 'legal_entity' | 'individual_business' | 'natural_person';

/** 社会公开 / 政务共享 / 授权查询 */
export type DisclosureScope = 'public' | 'shared' | 'authorised';

/** 轻微 / 一般 / 严重 失信; `none` for neutral or positive information (licences, honours). */
export type Severity = 'none' | 'minor' | 'general' | 'serious';

/** 信息性质: dishonesty (negative), integrity (positive), or neutral facts such as registrations and licences. */
export type Nature = 'negative' | 'positive' | 'neutral';

export type FieldType =
  | 'string' // one line of text
  | 'text' // long text
  | 'date' // YYYY-MM-DD (also accepts YYYY/MM/DD and YYYYMMDD on input)
  | 'decimal' // e.g. amounts in 万元, kept as a decimal string
  | 'integer'
  | 'boolean'
  | 'code' // one value of a code table
  | 'codes' // one or more values of a code table (several penalty types in one decision)
  | 'uscc' // GB 32100 code
  | 'citizen_id' // GB 11643 number (personal data)
  | 'identifier'; // uscc or citizen_id or other certificate number, checked by kind at run time

export interface FieldDef {
  /** machine key, snake_case English, stable across versions */
  key: string;
  /** Chinese label, used as the XLSX template header */
  label: string;
  type: FieldType;
  /** true, false, or 'conditional' (the item's rules decide, e.g. USCC required for legal entities) */
  required: boolean | 'conditional';
  /** name of a table in CODE_TABLES, for 'code' and 'codes' */
  codeTable?: string;
  /** other header names accepted on ingest: national 双公示 Chinese headers and column codes (CF_*, XK_*) */
  aliases?: string[];
  maxLength?: number;
  /** unit shown after the label, e.g. 万元 */
  unit?: string;
  /** personal data of a natural person (ID number, phone, address): masked in every public output */
  personal?: 'citizen_id' | 'phone' | 'address' | 'name';
  /** false hides the field from public output even when the item is public */
  publicVisible?: boolean;
  description?: string;
}

export interface LegalBasis {
  /** document name, e.g. 《中华人民共和国行政处罚法》 */
  document: string;
  /** article, e.g. 第四十八条 */
  article?: string;
}

export interface DisclosurePeriod {
  minMonths: number;
  maxMonths: number;
}

export type DisclosurePeriods = Partial<Record<Exclude<Severity, 'none'>, DisclosurePeriod>> & {
  /** disclosure period for neutral/positive items (e.g. licences: while valid), in months; null = indefinite while valid */
  none?: DisclosurePeriod | null;
};

export interface CategoryDef {
  code: string; // '01'..'13'
  name: string;
  ordinal: number;
  /** the catalogue edition that introduced it */
  since: '2021' | '2022' | '2024';
}

export interface CatalogItemDef {
  /** stable machine code, e.g. 'penalty', 'licence', 'judicial_enforcement' */
  code: string;
  name: string;
  categoryCode: string;
  kind: 'base' | 'supplement';
  nature: Nature;
  legalBasis: LegalBasis[];
  fields: FieldDef[];
  /** key of the field holding the decision document number (idempotency key with department + item) */
  documentNumberField: string;
  /** key of the field holding the decision date (timeliness and disclosure periods count from it) */
  decisionDateField: string;
  /** key of the field naming the subject, and of the field with its identifier */
  subjectNameField: string;
  subjectIdentifierField: string;
  disclosureScope: DisclosureScope;
  /** severity used when the record does not say; rules in later issues may refine it per record */
  defaultSeverity: Severity;
  disclosurePeriods: DisclosurePeriods;
  repairable: boolean;
  /** department codes allowed to submit; null = any department */
  submittingDepartments: string[] | null;
  subjectKinds: SubjectKind[];
  description?: string;
}

export interface CodeTableEntry {
  code: string;
  label: string;
  /** order from light to heavy, where the table has one (penalty types) */
  rank?: number;
  /** severity suggested by this value (e.g. 吊销许可证件 → serious) */
  severity?: Severity;
}

export type CodeTables = Record<string, { name: string; entries: CodeTableEntry[] }>;
