import { Descriptions } from 'antd';
import type { PublicField, PublicRecord } from '../shared/types';
import { formatDate } from '../shared/format';

/** The display text of one public field of a record, or null when the record does not show it. */
export function fieldText(record: PublicRecord, key: string): string | null {
  const field = record.fields.find((f) => f.key === key);
  return field && field.text ? field.text : null;
}

/** The record's decision document number (决定文书号) when it is among its public fields. */
export function documentNumber(record: PublicRecord): string | null {
  const field =
    record.fields.find((f) => f.key === 'document_number') ?? record.fields.find((f) => /(文书号|文号|决定书号)$/.test(f.label));
  return field && field.text ? field.text : null;
}

/** 公示截止日期: a date, or 长期 when the record is disclosed while it stands. */
export function disclosureEndText(date: string | null): string {
  return date ? formatDate(date) : '长期';
}

/** The 行政相对人 of a 双公示 record: its name and whether it is a natural person (no public page). */
export function partyOf(record: PublicRecord): { name: string; naturalPerson: boolean } {
  const category = record.fields.find((f) => f.key === 'subject_category');
  return {
    name: fieldText(record, 'subject_name') ?? '—',
    naturalPerson: category?.value === 'natural_person',
  };
}

function FieldValue({ field }: { field: PublicField }) {
  return <span style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{field.text || '—'}</span>;
}

/** All public fields of a record (label: text), with its source department and disclosure end date. */
export function PublicFieldsView({ record }: { record: PublicRecord }) {
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, sm: 1, md: 2 }}
      className="portal-record-fields"
    >
      <Descriptions.Item label="信息类别">{record.itemName}</Descriptions.Item>
      <Descriptions.Item label="来源部门">{record.departmentName || '—'}</Descriptions.Item>
      <Descriptions.Item label="决定日期">{formatDate(record.decisionDate)}</Descriptions.Item>
      <Descriptions.Item label="公示截止日期">{disclosureEndText(record.disclosureEndDate)}</Descriptions.Item>
      {record.fields.map((field) => (
        <Descriptions.Item key={field.key} label={field.label}>
          <FieldValue field={field} />
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}
