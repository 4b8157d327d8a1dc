import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Checkbox, Select, Space, Table, Tag, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { api } from '../api';
import { ErrorView } from '../shared/QueryState';
import { formatDate } from '../shared/format';
import { useServerPaging } from '../shared/paging';
import { CHANNEL_LABELS, OBJECTION_STATE_LABELS, ObjectionStateTag, type ObjectionPage, type ObjectionState, type ObjectionSummary } from './objectionShared';
import { PageTitle } from './PageTitle';
import { useUser } from './userContext';

/** 异议处理: objections to records — the credit office accepts, the source department verifies and concludes. */
export default function ObjectionsPage() {
  const user = useUser();
  const [state, setState] = useState<ObjectionState | undefined>(user.role === 'office_admin' ? 'submitted' : user.role === 'dept_reviewer' ? 'verifying' : undefined);
  const [overdue, setOverdue] = useState(false);
  const { page, pageSize, pagination, resetPage } = useServerPaging();
  const objections = useQuery({
    queryKey: ['objections', state, overdue, page, pageSize],
    queryFn: ({ signal }) => api.get<ObjectionPage>('/objections', { state, overdue: overdue || undefined, page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <PageTitle
        title="异议处理"
        extra={
          <Button icon={<ReloadOutlined />} loading={objections.isFetching} onClick={() => void objections.refetch()}>
            刷新
          </Button>
        }
      />
      <Typography.Paragraph type="secondary">
        信用主体对信用记录提出的异议：信用办在受理期限内决定是否受理并转数据提供部门核查；核查期间该记录标注为“异议处理中”，相关惩戒措施暂停；数据提供部门的审核人在核查期限内作出结论（成立的更正或撤销记录）。
        {user.role === 'office_admin' ? '窗口、信函、电话受理的异议，请在信用记录详情页“登记异议”。' : ''}
      </Typography.Paragraph>
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <Select<ObjectionState>
            allowClear
            placeholder="全部状态"
            style={{ width: 160 }}
            value={state}
            aria-label="办理状态"
            options={Object.entries(OBJECTION_STATE_LABELS).map(([value, text]) => ({ value: value as ObjectionState, label: text }))}
            onChange={(value) => {
              setState(value);
              resetPage();
            }}
          />
          <Checkbox
            checked={overdue}
            onChange={(event) => {
              setOverdue(event.target.checked);
              resetPage();
            }}
          >
            只看已超期
          </Checkbox>
        </Space>
        {objections.error ? (
          <ErrorView error={objections.error} onRetry={() => void objections.refetch()} />
        ) : (
          <Table<ObjectionSummary>
            rowKey="id"
            size="small"
            loading={objections.isFetching}
            dataSource={objections.data?.items ?? []}
            scroll={{ x: 1100 }}
            locale={{ emptyText: '暂无异议申请' }}
            pagination={pagination(objections.data?.total)}
            columns={[
              { title: '提出日期', dataIndex: 'submittedOn', width: 110, render: (v: string, r) => <Link to={`/console/objections/${r.id}`}>{formatDate(v)}</Link> },
              { title: '信用主体', dataIndex: 'subjectName', width: 220, ellipsis: true },
              { title: '申请人', key: 'applicant', width: 200, ellipsis: true, render: (_: unknown, r) => `${r.applicant.name}（${CHANNEL_LABELS[r.applicant.channel] ?? r.applicant.channel}）` },
              { title: '异议理由', dataIndex: 'reasons', ellipsis: true },
              { title: '状态', dataIndex: 'state', width: 110, render: (v: ObjectionState) => <ObjectionStateTag state={v} /> },
              {
                title: '办理期限',
                dataIndex: 'due',
                width: 130,
                render: (v: string | null, r) => (v ? <Space size={4}>{formatDate(v)}{r.overdue ? <Tag color="red">超期</Tag> : null}</Space> : '—'),
              },
              { title: '操作', key: 'op', width: 70, fixed: 'right', render: (_: unknown, r) => <Link to={`/console/objections/${r.id}`}>{r.allowedActions.length > 0 ? '办理' : '查看'}</Link> },
            ]}
          />
        )}
      </Card>
    </>
  );
}
