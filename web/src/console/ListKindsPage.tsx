import { useState } from 'react';
import { Button, Card, Descriptions, Drawer, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import type { ListKind } from '../shared/types';
import { ErrorView } from '../shared/QueryState';
import { LIST_SCOPE_LABELS, label } from '../shared/labels';
import { formatDate, formatDateTime } from '../shared/format';
import { canEditStandards } from './access';
import { ListKindForm } from './ListKindForm';
import { BasisLines, ListKindKindTag, basisText, useListKinds } from './listShared';
import { PageTitle } from './PageTitle';
import { useUser } from './userContext';

/** The full designation standard of one kind. */
function KindStandard({ kind }: { kind: ListKind }) {
  return (
    <Descriptions size="small" bordered column={1} className="list-kind-standard">
      <Descriptions.Item label="名单类型">
        <Space size={8} wrap>
          {kind.name}
          <Typography.Text code>{kind.code}</Typography.Text>
          <ListKindKindTag kind={kind.kind} />
          <Tag color={kind.scope === 'local' ? 'purple' : 'blue'}>{label(LIST_SCOPE_LABELS, kind.scope)}</Tag>
        </Space>
      </Descriptions.Item>
      <Descriptions.Item label="认定依据">
        <BasisLines basis={kind.legalBasis} />
      </Descriptions.Item>
      {kind.localRegulation ? <Descriptions.Item label="地方性法规依据">{basisText(kind.localRegulation)}</Descriptions.Item> : null}
      {kind.publicComment ? (
        <Descriptions.Item label="公开征求意见">
          {formatDate(kind.publicComment.from)} 至 {formatDate(kind.publicComment.to)}；
          <Typography.Link href={kind.publicComment.url} target="_blank" rel="noreferrer">
            征求意见公告
          </Typography.Link>
          <div className="list-kind-text">{kind.publicComment.summary}</div>
        </Descriptions.Item>
      ) : null}
      <Descriptions.Item label="认定标准">
        <span className="list-kind-text">{kind.criteria}</span>
      </Descriptions.Item>
      <Descriptions.Item label="措施提示">
        <span className="list-kind-text">{kind.description || '—'}</span>
      </Descriptions.Item>
      <Descriptions.Item label="有效期">{kind.validityMonths} 个月（自认定决定之日起）</Descriptions.Item>
      <Descriptions.Item label="程序期限">
        陈述申辩 {kind.statementWorkingDays} 个工作日（自告知书送达之日起）；陈述申辩结束后 {kind.decisionWorkingDays} 个工作日内作出决定；决定后 7 个工作日内公示
      </Descriptions.Item>
      <Descriptions.Item label="移出条件">
        <span className="list-kind-text">{kind.removalConditions}</span>
      </Descriptions.Item>
      <Descriptions.Item label="移出程序">
        <span className="list-kind-text">{kind.removalProcedure}</span>
      </Descriptions.Item>
      <Descriptions.Item label="救济措施">
        <span className="list-kind-text">{kind.remedies}</span>
      </Descriptions.Item>
      <Descriptions.Item label="更新时间">{formatDateTime(kind.updatedAt)}</Descriptions.Item>
    </Descriptions>
  );
}

/** 名单类型与认定标准: every kind's standard; the credit office adds local kinds and edits standards. */
export default function ListKindsPage() {
  const user = useUser();
  const kinds = useListKinds();
  const canEdit = canEditStandards(user.role);
  const [viewing, setViewing] = useState<ListKind | null>(null);
  const [editing, setEditing] = useState<{ kind: ListKind | null } | null>(null);

  return (
    <>
      <PageTitle
        title="名单类型与认定标准"
        extra={
          canEdit ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ kind: null })}>
              新增名单类型
            </Button>
          ) : null
        }
      />
      <Typography.Paragraph type="secondary">
        信用名单的认定依据、认定标准、有效期、移出条件和程序及救济措施。全国统一的名单随平台提供；仅在本地实施的名单须有地方性法规依据并经不少于 30 日的公开征求意见，由信用办设置。
        {canEdit ? '修改认定标准不影响已作出的认定。' : ''}
        <Link to="/console/lists" style={{ marginInlineStart: 8 }}>
          查看名单认定
        </Link>
      </Typography.Paragraph>
      <Card size="small">
        {kinds.error ? (
          <ErrorView error={kinds.error} onRetry={() => void kinds.refetch()} />
        ) : (
          <Table<ListKind>
            rowKey="code"
            size="small"
            className="list-kinds-table"
            loading={kinds.isPending}
            dataSource={kinds.data ?? []}
            pagination={false}
            scroll={{ x: 1100 }}
            locale={{ emptyText: '暂无名单类型' }}
            expandable={{ expandedRowRender: (k) => <KindStandard kind={k} />, expandRowByClick: false }}
            columns={[
              {
                title: '名单名称',
                dataIndex: 'name',
                width: 200,
                render: (v: string, r) => <Typography.Link onClick={() => setViewing(r)}>{v}</Typography.Link>,
              },
              { title: '性质', dataIndex: 'kind', width: 90, render: (v: string) => <ListKindKindTag kind={v} /> },
              { title: '适用范围', dataIndex: 'scope', width: 100, render: (v: string) => <Tag color={v === 'local' ? 'purple' : 'blue'}>{label(LIST_SCOPE_LABELS, v)}</Tag> },
              {
                title: '认定依据',
                dataIndex: 'legalBasis',
                ellipsis: true,
                render: (_: unknown, r) => {
                  const all = r.localRegulation ? [r.localRegulation, ...r.legalBasis] : r.legalBasis;
                  return <span title={all.map(basisText).join('\n')}>{all.length ? `${basisText(all[0])}${all.length > 1 ? ` 等 ${all.length} 项` : ''}` : '—'}</span>;
                },
              },
              { title: '有效期', dataIndex: 'validityMonths', width: 90, align: 'right', render: (v: number) => `${v} 个月` },
              {
                title: '程序期限（工作日）',
                key: 'periods',
                width: 190,
                render: (_: unknown, r) => `陈述申辩 ${r.statementWorkingDays}，作出决定 ${r.decisionWorkingDays}`,
              },
              {
                title: '操作',
                key: 'op',
                width: 140,
                fixed: 'right',
                render: (_: unknown, r) => (
                  <Space size={8}>
                    <Typography.Link onClick={() => setViewing(r)}>查看</Typography.Link>
                    {canEdit ? <Typography.Link onClick={() => setEditing({ kind: r })}>编辑</Typography.Link> : null}
                    <Link to={`/console/lists?kind=${encodeURIComponent(r.code)}`}>认定</Link>
                  </Space>
                ),
              },
            ]}
          />
        )}
      </Card>
      <Drawer
        title={viewing ? `认定标准：${viewing.name}` : '认定标准'}
        open={viewing !== null}
        onClose={() => setViewing(null)}
        size={Math.min(860, window.innerWidth)}
        destroyOnHidden
        extra={
          canEdit && viewing ? (
            <Button
              onClick={() => {
                setEditing({ kind: viewing });
                setViewing(null);
              }}
            >
              编辑
            </Button>
          ) : null
        }
      >
        {viewing ? <KindStandard kind={viewing} /> : null}
      </Drawer>
      {canEdit ? <ListKindForm open={editing !== null} kind={editing?.kind ?? null} onClose={() => setEditing(null)} /> : null}
    </>
  );
}
