import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Input, Space, Tag } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { api, errorMessage } from '../api';
import type { IdentifierResult } from '../shared/types';
import { IDENTIFIER_TYPE_LABELS, PROBLEM_SEVERITY_LABELS, label } from '../shared/labels';
import { formatRegion } from '../shared/format';

function name(v: unknown): string | null {
  if (typeof v === 'string' && v) return v;
  if (v && typeof v === 'object' && typeof (v as { name?: unknown }).name === 'string') return (v as { name: string }).name;
  return null;
}

/** The type-specific details (USCC: 登记管理部门, 机构类别, 组织机构代码; citizen ID: 出生日期, 性别). */
function detailRows(details: unknown): [string, string][] {
  if (!details || typeof details !== 'object') return [];
  const d = details as Record<string, unknown>;
  const rows: [string, string | null][] = [
    ['登记管理部门', name(d.authority)],
    ['机构类别', name(d.category)],
    ['组织机构代码', name(d.orgCode)],
    ['出生日期', name(d.birthDate)],
    ['性别', d.sex === 'male' ? '男' : d.sex === 'female' ? '女' : null],
  ];
  return rows.filter((r): r is [string, string] => r[1] !== null);
}

/** 证照校验: checks a USCC / citizen ID / org code with /api/v1/identifiers/:value. */
export function IdentifierTool() {
  const [value, setValue] = useState('');
  const check = useMutation({
    mutationFn: (code: string) => api.get<IdentifierResult>(`/identifiers/${encodeURIComponent(code)}`),
  });

  const submit = () => {
    const code = value.trim();
    if (code) check.mutate(code);
  };

  const result = check.data;
  return (
    <Card
      size="small"
      title={
        <span>
          <SafetyCertificateOutlined style={{ color: '#b7181e', marginRight: 8 }} />
          证照校验
        </span>
      }
      style={{ height: '100%' }}
    >
      <Space.Compact style={{ width: '100%' }}>
        <Input
          value={value}
          allowClear
          maxLength={64}
          onChange={(e) => setValue(e.target.value)}
          onPressEnter={submit}
          placeholder="请输入统一社会信用代码、组织机构代码等"
          aria-label="证照号码"
        />
        <Button type="primary" onClick={submit} loading={check.isPending} disabled={!value.trim()}>
          校验
        </Button>
      </Space.Compact>
      <div style={{ marginTop: 12 }}>
        {check.error ? <Alert type="error" showIcon title={errorMessage(check.error)} /> : null}
        {result && !check.error ? (
          <Descriptions size="small" column={1} bordered styles={{ label: { width: 96 } }}>
            <Descriptions.Item label="类型">{result.type ? label(IDENTIFIER_TYPE_LABELS, result.type) : '无法识别'}</Descriptions.Item>
            <Descriptions.Item label="是否有效">
              {result.valid ? <Tag color="green">有效</Tag> : <Tag color="red">无效</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label="问题">
              {result.problems?.length ? (
                <ul style={{ margin: 0, paddingLeft: 18 }}>
                  {result.problems.map((p, i) => (
                    <li key={`${p.code}-${i}`}>
                      {p.severity ? <Tag color={p.severity === 'error' ? 'red' : 'orange'}>{label(PROBLEM_SEVERITY_LABELS, p.severity)}</Tag> : null}
                      {p.message}
                    </li>
                  ))}
                </ul>
              ) : (
                '无'
              )}
            </Descriptions.Item>
            <Descriptions.Item label="所属地区">{formatRegion(result.region)}</Descriptions.Item>
            {detailRows(result.details).map(([k, v]) => (
              <Descriptions.Item key={k} label={k}>
                {v}
              </Descriptions.Item>
            ))}
            {result.normalized ? <Descriptions.Item label="规范化结果">{result.normalized}</Descriptions.Item> : null}
          </Descriptions>
        ) : null}
      </div>
    </Card>
  );
}
