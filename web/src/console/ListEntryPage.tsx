import { useMemo, useState, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Empty, Flex, Row, Space, Steps, Tabs, Tag, Timeline, Typography } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api } from '../api';
import type { EntryAction, ListEntryDetail, ListEntryEvent } from '../shared/types';
import { ENTRY_EVENT_LABELS, REMOVAL_REASON_LABELS, label } from '../shared/labels';
import { formatDate, formatDateTime } from '../shared/format';
import { QueryState } from '../shared/QueryState';
import { chinaToday } from './CheckResultView';
import { ActionButtons, ActionModal } from './ListEntryActions';
import { BasisLines, EntryStateTag, ListKindKindTag, useActorName, useListKinds } from './listShared';
import { useDepartmentNames } from './lookups';
import { PageTitle } from './PageTitle';
import { useCatalog } from './useCatalog';
import { useUser } from './userContext';

const TERMINAL = new Set(['removed', 'withdrawn', 'rejected']);

/** The procedure as steps (申请 → 告知 → 陈述申辩 → 决定 → 公示 → 移出); `current` is the step now waited for. */
function progress(entry: ListEntryDetail): { current: number; status: 'process' | 'finish' | 'error' | 'wait' } {
  const index: Record<string, number> = { proposed: 1, noticed: 2, statement_received: 3, statement_expired: 3, decided: 4, published: 5, removed: 5 };
  if (entry.state === 'withdrawn' || entry.state === 'rejected') {
    const reached = entry.statement ? 2 : entry.notice ? 1 : 0;
    return { current: reached + 1, status: 'error' };
  }
  if (entry.state === 'removed') return { current: 5, status: 'finish' };
  return { current: index[entry.state] ?? 0, status: 'process' };
}

/** A document as the server generated it: title and number centred, signature and date at the right. */
function DocumentView({ text, signatureLines = 2 }: { text: string; signatureLines?: number }) {
  const lines = text.split('\n');
  const centred = lines.length > 1 && /〔\d{4}〕|号$/.test(lines[1]) ? 2 : 1;
  return (
    <div className="list-document">
      {lines.map((line, i) => {
        const cls = i < centred ? 'list-document-title' : i >= lines.length - signatureLines ? 'list-document-sign' : undefined;
        return (
          <p key={i} className={cls}>
            {line}
          </p>
        );
      })}
    </div>
  );
}

/** Opens the document alone in a new window and prints it. */
function printDocument(title: string, text: string) {
  const win = window.open('', '_blank');
  if (!win) return;
  const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
  const lines = text.split('\n');
  const body = lines
    .map((l, i) => `<p style="${i === 0 ? 'text-align:center;font-size:20px;font-weight:bold' : i >= lines.length - 2 ? 'text-align:right' : ''}">${esc(l)}</p>`)
    .join('');
  win.document.write(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}</title></head><body style="font-family:'Noto Serif CJK SC','SimSun',serif;max-width:720px;margin:40px auto;line-height:1.9;font-size:16px">${body}</body></html>`);
  win.document.close();
  win.focus();
  win.print();
}

function Overdue({ date, today }: { date: string | null | undefined; today: string }) {
  if (!date || today <= date) return null;
  return (
    <Tag color="red" style={{ marginInlineStart: 6 }}>
      已逾期
    </Tag>
  );
}

/** What one step of the history recorded (dates, deadlines, reasons). */
function eventDetail(event: ListEntryEvent, entry: ListEntryDetail): ReactNode {
  const p = (event.payload ?? {}) as Record<string, unknown>;
  const str = (key: string) => (typeof p[key] === 'string' ? (p[key] as string) : null);
  const late = p.late === true;
  switch (event.toState) {
    case 'proposed': {
      const evidence = Array.isArray(p.evidence) ? (p.evidence as { documentNumber?: string }[]) : [];
      return evidence.length ? `引用生效文书：${evidence.map((e) => e.documentNumber).join('、')}` : '未引用生效文书';
    }
    case 'noticed':
      return `送达日期 ${formatDate(str('servedOn'))}；陈述申辩期限 ${String(p.statementWorkingDays ?? '—')} 个工作日，至 ${formatDate(str('statementDeadline'))}`;
    case 'statement_received':
      return `收到陈述申辩 ${formatDate(str('receivedOn'))}；应于 ${formatDate(str('decisionDue'))} 前作出决定`;
    case 'statement_expired':
      return `陈述申辩期限 ${formatDate(str('statementDeadline'))} 已届满，当事人未提出；应于 ${formatDate(str('decisionDue'))} 前作出决定`;
    case 'decided': {
      const ban = p.ban as { sector?: string; until?: string } | null | undefined;
      return (
        <>
          决定书 {str('documentNumber') ?? '—'}，决定日期 {formatDate(str('decidedOn'))}，有效期至 {formatDate(str('validUntil'))}
          {ban?.sector ? `；${ban.sector}领域禁入至 ${formatDate(ban.until)}` : ''}
          {late ? (
            <Tag color="red" style={{ marginInlineStart: 6 }}>
              超过决定期限
            </Tag>
          ) : null}
        </>
      );
    }
    case 'published':
      return (
        <>
          公示日期 {formatDate(str('publishedOn'))}（应于 {formatDate(str('due'))} 前公示）
          {late ? (
            <Tag color="red" style={{ marginInlineStart: 6 }}>
              超期公示
            </Tag>
          ) : null}
        </>
      );
    case 'removed':
      return (
        <>
          移出原因：{label(REMOVAL_REASON_LABELS, str('reason'))}，移出日期 {formatDate(str('removedOn'))}
          {entry.removal?.document ? `；${entry.removal.document.name} ${entry.removal.document.number}` : ''}
          {entry.removal?.basis ? `；依据：${entry.removal.basis}` : ''}
        </>
      );
    case 'withdrawn':
    case 'rejected':
      return `理由：${str('reason') ?? '—'}`;
    default:
      return null;
  }
}

/** The step the procedure waits for, with its deadline (the last, grey item of the timeline). */
function pendingStep(entry: ListEntryDetail, publishDue: string | null, today: string): ReactNode {
  switch (entry.state) {
    case 'proposed':
      return '待送达认定事先告知书';
    case 'noticed':
      return (
        <>
          陈述申辩期内：当事人可于 {formatDate(entry.notice?.statement_deadline)} 前提出陈述、申辩；期满后登记期满未提出
          {entry.notice && today > entry.notice.statement_deadline ? <Tag color="orange" style={{ marginInlineStart: 6 }}>已期满</Tag> : null}
        </>
      );
    case 'statement_received':
    case 'statement_expired':
      return (
        <>
          待审核人作出认定决定或不予认定：应于 {formatDate(entry.statement?.decision_due)} 前
          <Overdue date={entry.statement?.decision_due} today={today} />
        </>
      );
    case 'decided':
      return (
        <>
          待公示：认定决定后 7 个工作日内{publishDue ? `（${publishDue} 前）` : ''}
          <Overdue date={publishDue} today={today} />
        </>
      );
    case 'published':
      return `名单有效期至 ${formatDate(entry.validUntil)}，届满后移出（平台每日自动移出到期名单）`;
    default:
      return null;
  }
}

/** One designation: subject, list kind, basis, documents, history with deadlines, and the user's next steps. */
export default function ListEntryPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const user = useUser();
  const [action, setAction] = useState<EntryAction | null>(null);
  const entry = useQuery({
    queryKey: ['list-entry', id],
    queryFn: ({ signal }) => api.get<ListEntryDetail>(`/lists/entries/${encodeURIComponent(id)}`, undefined, signal),
  });
  const kinds = useListKinds();
  const catalog = useCatalog();
  const departments = useDepartmentNames();
  const itemNames = useMemo(() => new Map((catalog.data?.items ?? []).map((i) => [i.code, i.name])), [catalog.data]);
  const actorName = useActorName(user, entry.data);
  const decidedOn = entry.data?.state === 'decided' ? (entry.data.decision?.decided_on ?? null) : null;
  // the 7-working-day publication deadline, from the platform's working-day calendar
  const publishDueQuery = useQuery({
    queryKey: ['calendar', 'working-days', decidedOn, 7],
    queryFn: ({ signal }) => api.get<{ date: string }>('/calendar/working-days', { from: decidedOn, days: 7 }, signal),
    enabled: !!decidedOn,
    staleTime: Infinity,
  });
  const publishDue = publishDueQuery.data?.date ?? null;
  const today = chinaToday();

  return (
    <>
      <PageTitle
        title="名单认定详情"
        extra={
          <Space>
            <Button icon={<ReloadOutlined />} loading={entry.isFetching} onClick={() => void entry.refetch()}>
              刷新
            </Button>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/console/lists')}>
              返回名单认定
            </Button>
          </Space>
        }
      />
      <QueryState query={entry}>
        {(e) => {
          const kind = (kinds.data ?? []).find((k) => k.code === e.listKind);
          const steps = progress(e);
          const stopped = e.state === 'withdrawn' || e.state === 'rejected';
          const pending = pendingStep(e, publishDue, today);
          const sameDepartment = user.department?.id === e.departmentId;
          return (
            <Space orientation="vertical" size={16} style={{ width: '100%' }}>
              <Card size="small" className="list-entry-summary">
                <Flex gap={16} align="center" wrap justify="space-between">
                  <Space orientation="vertical" size={4} style={{ minWidth: 240 }}>
                    <Typography.Text strong style={{ fontSize: 18 }}>
                      {e.subjectName}
                    </Typography.Text>
                    <Space size={8} wrap>
                      <span>{e.listKindName}</span>
                      {kind ? <ListKindKindTag kind={kind.kind} /> : null}
                      <EntryStateTag state={e.state} text={e.stateLabel} />
                    </Space>
                  </Space>
                  <div style={{ flex: 1, minWidth: 260, maxWidth: 560 }}>{pending ? <Typography.Text>{pending}</Typography.Text> : null}</div>
                </Flex>
                <Steps
                  size="small"
                  style={{ marginTop: 16 }}
                  current={steps.current}
                  status={steps.status}
                  items={[
                    { title: '提出申请', content: formatDate(e.createdAt) },
                    { title: '送达告知书', content: e.notice ? formatDate(e.notice.served_on) : undefined },
                    { title: '陈述申辩', content: e.statement ? `${e.statement.kind === 'received' ? '已提出' : '期满未提出'} ${formatDate(e.statement.closed_on)}` : e.notice ? `至 ${formatDate(e.notice.statement_deadline)}` : undefined },
                    { title: stopped ? label(ENTRY_EVENT_LABELS, e.state) : '认定决定', content: e.decision ? formatDate(e.decision.decided_on) : undefined },
                    { title: '公示', content: e.publishedAt ? formatDate(e.publishedAt) : undefined },
                    { title: '移出', content: e.removal ? formatDate(e.removal.removed_on) : e.validUntil ? `有效期至 ${formatDate(e.validUntil)}` : undefined },
                  ]}
                />
              </Card>

              <Card size="small" title="办理" className="list-entry-actions">
                {e.allowedActions.length > 0 ? (
                  <Space orientation="vertical" size={8} style={{ width: '100%' }}>
                    <ActionButtons entry={e} onPick={setAction} />
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      按钮是您现在可以办理的步骤；办理日期为今日（{today}），期限按工作日历计算。
                    </Typography.Text>
                  </Space>
                ) : (
                  <Typography.Text type="secondary">
                    {TERMINAL.has(e.state)
                      ? '认定程序已结束。'
                      : !sameDepartment
                        ? '名单认定由认定部门办理，您可以查看办理情况。'
                        : '您当前没有可办理的步骤（下一步由本部门其他人员办理：认定决定和不予认定由审核人作出，且不得为认定申请的经办人）。'}
                  </Typography.Text>
                )}
              </Card>

              <Row gutter={[16, 16]}>
                <Col xs={24} xl={14}>
                  <Card size="small" title="认定信息" style={{ height: '100%' }}>
                    <Descriptions size="small" bordered column={1} className="list-entry-info">
                      <Descriptions.Item label="被认定主体">
                        <Link to={`/console/subjects/${encodeURIComponent(e.subjectId)}`}>{e.subjectName || e.subjectId}</Link>
                      </Descriptions.Item>
                      <Descriptions.Item label="名单类型">
                        <Link to="/console/lists/kinds">{e.listKindName}</Link>
                        {kind ? <Typography.Text type="secondary">（有效期 {kind.validityMonths} 个月）</Typography.Text> : null}
                      </Descriptions.Item>
                      <Descriptions.Item label="认定部门">{departments.get(e.departmentId) ?? (sameDepartment ? user.department?.name : '—')}</Descriptions.Item>
                      <Descriptions.Item label="认定事由">{e.reasons}</Descriptions.Item>
                      <Descriptions.Item label="认定依据">
                        <BasisLines basis={e.legalBasis} />
                      </Descriptions.Item>
                      <Descriptions.Item label="生效文书">
                        {e.evidence.length === 0 ? (
                          <Typography.Text type="secondary">未引用</Typography.Text>
                        ) : (
                          <Space orientation="vertical" size={2}>
                            {e.evidence.map((ev) => (
                              <span key={ev.recordId}>
                                <Link to={`/console/records/${encodeURIComponent(ev.recordId)}`}>{ev.documentNumber}</Link>
                                <Typography.Text type="secondary">（{itemNames.get(ev.itemCode) ?? ev.itemCode}）</Typography.Text>
                              </span>
                            ))}
                          </Space>
                        )}
                      </Descriptions.Item>
                      <Descriptions.Item label="认定申请经办人">{e.proposerName ?? actorName(e.proposerId)}</Descriptions.Item>
                      {e.reviewerId ? <Descriptions.Item label="审核人">{e.reviewerName ?? actorName(e.reviewerId)}</Descriptions.Item> : null}
                      {e.decision ? (
                        <Descriptions.Item label="认定决定">
                          {e.decision.number}，{formatDate(e.decision.decided_on)}，有效期至 {formatDate(e.decision.valid_until)}
                        </Descriptions.Item>
                      ) : null}
                      {e.ban ? (
                        <Descriptions.Item label="市场和行业禁入">
                          {e.ban.sector}领域，至 {formatDate(e.ban.until)}
                        </Descriptions.Item>
                      ) : null}
                      {e.publishedAt ? <Descriptions.Item label="公示时间">{formatDateTime(e.publishedAt)}</Descriptions.Item> : null}
                      {e.removal ? (
                        <Descriptions.Item label="移出">
                          {label(REMOVAL_REASON_LABELS, e.removal.reason)}，{formatDate(e.removal.removed_on)}
                          {e.removal.document ? `；${e.removal.document.name} ${e.removal.document.number}` : ''}
                          {e.removal.basis ? `；${e.removal.basis}` : ''}
                        </Descriptions.Item>
                      ) : null}
                    </Descriptions>
                  </Card>
                </Col>
                <Col xs={24} xl={10}>
                  <Card size="small" title="办理历史" style={{ height: '100%' }} className="list-entry-history">
                    <Timeline
                      items={[
                        ...e.events.map((ev) => ({
                          key: ev.seq,
                          color: ev.toState === 'rejected' || ev.toState === 'withdrawn' ? 'red' : ev.toState === 'removed' ? 'gray' : 'green',
                          content: (
                            <div>
                              <Typography.Text strong>{label(ENTRY_EVENT_LABELS, ev.toState)}</Typography.Text>
                              <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                                {formatDateTime(ev.at)} · {actorName(ev.actor)}
                              </Typography.Text>
                              <div style={{ fontSize: 13 }}>{eventDetail(ev, e)}</div>
                            </div>
                          ),
                        })),
                        ...(pending ? [{ key: 'pending', color: 'gray', content: <Typography.Text type="secondary">{pending}</Typography.Text> }] : []),
                      ]}
                    />
                    {e.notice?.assumed_years?.length ? (
                      <Alert
                        type="warning"
                        showIcon
                        title={`${e.notice.assumed_years.join('、')} 年的节假日安排尚未确认，陈述申辩期限暂按周一至周五计算。`}
                      />
                    ) : null}
                  </Card>
                </Col>
              </Row>

              <Card size="small" title="文书" className="list-entry-documents">
                {!e.notice && !e.decision && !e.statement ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="送达告知书后生成《认定事先告知书》，作出决定后生成《认定决定书》" />
                ) : (
                  <Tabs
                    key={e.state}
                    defaultActiveKey={e.decision ? 'decision' : e.statement ? 'statement' : 'notice'}
                    items={[
                      ...(e.notice
                        ? [
                            {
                              key: 'notice',
                              label: '认定事先告知书',
                              children: (
                                <>
                                  <Button size="small" icon={<PrinterOutlined />} style={{ marginBottom: 8 }} onClick={() => printDocument(`${e.listKindName}认定事先告知书`, e.notice!.text)}>
                                    打印
                                  </Button>
                                  <DocumentView text={e.notice.text} />
                                </>
                              ),
                            },
                          ]
                        : []),
                      ...(e.statement
                        ? [
                            {
                              key: 'statement',
                              label: '陈述申辩',
                              children:
                                e.statement.kind === 'received' ? (
                                  <div className="list-document">
                                    <p className="list-document-title">陈述申辩（{formatDate(e.statement.closed_on)} 收到）</p>
                                    {(e.statement.text ?? '').split('\n').map((line, i) => (
                                      <p key={i}>{line}</p>
                                    ))}
                                  </div>
                                ) : (
                                  <Typography.Paragraph>当事人在陈述申辩期限（至 {formatDate(e.notice?.statement_deadline)}）内未提出陈述、申辩意见，{formatDate(e.statement.closed_on)} 登记期满。</Typography.Paragraph>
                                ),
                            },
                          ]
                        : []),
                      ...(e.decision
                        ? [
                            {
                              key: 'decision',
                              label: '认定决定书',
                              children: (
                                <>
                                  <Button size="small" icon={<PrinterOutlined />} style={{ marginBottom: 8 }} onClick={() => printDocument(`${e.listKindName}认定决定书 ${e.decision!.number}`, e.decision!.text)}>
                                    打印
                                  </Button>
                                  <DocumentView text={e.decision.text} />
                                </>
                              ),
                            },
                          ]
                        : []),
                    ]}
                  />
                )}
              </Card>
              <ActionModal action={action} entry={e} kind={kind} publishDue={publishDue} onClose={() => setAction(null)} />
            </Space>
          );
        }}
      </QueryState>
    </>
  );
}
