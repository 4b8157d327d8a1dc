import type { ReactNode } from 'react';
import { Descriptions, Drawer, List, Space, Table, Tag, Typography } from 'antd';
import type { Catalog, CatalogItem } from '../shared/types';
import {
  FIELD_TYPE_LABELS,
  NATURE_LABELS,
  SCOPE_COLORS,
  SCOPE_LABELS,
  SEVERITY_LABELS,
  SUBJECT_KIND_LABELS,
  label,
} from '../shared/labels';
import { PERIOD_KEYS, PERIOD_LABELS, legalBasisText, periodText } from './catalogText';

export function CatalogItemDrawer({
  item,
  catalog,
  onClose,
  extra,
}: {
  item: CatalogItem | null;
  catalog: Catalog;
  onClose: () => void;
  extra?: ReactNode;
}) {
  const category = item ? catalog.categories.find((c) => c.code === item.categoryCode) : undefined;
  return (
    <Drawer
      title={item ? `目录条目：${item.name}` : '目录条目'}
      open={item !== null}
      onClose={onClose}
      size={Math.min(860, window.innerWidth)}
      extra={extra}
      destroyOnHidden
    >
      {item ? (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions size="small" bordered column={{ xs: 1, sm: 1, md: 2 }}>
            <Descriptions.Item label="条目编码">{item.code}</Descriptions.Item>
            <Descriptions.Item label="目录类型">
              {item.kind === 'base' ? <Tag>基础目录</Tag> : <Tag color="purple">补充目录</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label="信息类别">{category ? `${category.code} ${category.name}` : item.categoryCode}</Descriptions.Item>
            <Descriptions.Item label="信息性质">{label(NATURE_LABELS, item.nature)}</Descriptions.Item>
            <Descriptions.Item label="公开范围">
              <Tag color={SCOPE_COLORS[item.disclosureScope]}>{label(SCOPE_LABELS, item.disclosureScope)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label="默认失信程度">{label(SEVERITY_LABELS, item.defaultSeverity)}</Descriptions.Item>
            <Descriptions.Item label="可信用修复">{item.repairable ? '是' : '否'}</Descriptions.Item>
            <Descriptions.Item label="适用主体">
              {(item.subjectKinds ?? []).map((k) => (
                <Tag key={k}>{label(SUBJECT_KIND_LABELS, k)}</Tag>
              ))}
            </Descriptions.Item>
            <Descriptions.Item label="报送部门" span={2}>
              {item.submittingDepartments?.length ? item.submittingDepartments.join('、') : '不限'}
            </Descriptions.Item>
            <Descriptions.Item label="公示期限" span={2}>
              {PERIOD_KEYS.filter((k) => k in (item.disclosurePeriods ?? {})).length === 0
                ? '—'
                : PERIOD_KEYS.filter((k) => k in (item.disclosurePeriods ?? {})).map((k) => (
                    <div key={k}>
                      {PERIOD_LABELS[k]}：{periodText(item.disclosurePeriods[k])}
                    </div>
                  ))}
            </Descriptions.Item>
            {item.description ? (
              <Descriptions.Item label="说明" span={2}>
                {item.description}
              </Descriptions.Item>
            ) : null}
          </Descriptions>

          <div>
            <Typography.Title level={5}>法律依据</Typography.Title>
            <List
              size="small"
              bordered
              dataSource={item.legalBasis ?? []}
              locale={{ emptyText: '暂无数据' }}
              renderItem={(b) => <List.Item>{legalBasisText(b)}</List.Item>}
            />
          </div>

          <div>
            <Typography.Title level={5}>信息项（{item.fields?.length ?? 0}）</Typography.Title>
            <Table
              rowKey="key"
              size="small"
              pagination={false}
              scroll={{ x: 640 }}
              dataSource={item.fields ?? []}
              locale={{ emptyText: '暂无数据' }}
              columns={[
                { title: '名称', dataIndex: 'label' },
                {
                  title: '字段键',
                  dataIndex: 'key',
                  render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
                },
                { title: '类型', dataIndex: 'type', width: 130, render: (v: string) => label(FIELD_TYPE_LABELS, v) },
                {
                  title: '必填',
                  dataIndex: 'required',
                  width: 90,
                  render: (v: boolean | 'conditional') =>
                    v === 'conditional' ? <Tag color="gold">条件必填</Tag> : v ? <Tag color="red">必填</Tag> : '选填',
                },
                {
                  title: '代码表 / 单位',
                  key: 'extra',
                  render: (_: unknown, f) => [f.codeTable, f.unit].filter(Boolean).join(' / ') || '—',
                },
              ]}
            />
          </div>
        </Space>
      ) : null}
    </Drawer>
  );
}
