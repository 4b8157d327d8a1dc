import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Result, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { ApiError, api, errorMessage } from '../api';
import type { PublicRecord, PublicSection, PublicSubjectDetail, PublicSubjectRecords } from '../shared/types';
import { SUBJECT_KIND_LABELS, SUBJECT_STATUS_COLORS, SUBJECT_STATUS_LABELS, label } from '../shared/labels';
import { formatDate } from '../shared/format';
import { usePlatformName } from '../shared/platform';
import { PublicFieldsView, disclosureEndText, documentNumber } from './publicRecord';

/** A short name for the section summary (行政许可信息 → 行政许可). */
function shortName(name: string): string {
  return name.replace(/信息$/, '');
}

function sectionAnchor(code: string): string {
  return `section-${code}`;
}

function BasicInfo({ subject }: { subject: PublicSubjectDetail }) {
  return (
    <Card size="small" title="基本信息" className="portal-subject-card">
      <Descriptions size="small" bordered column={{ xs: 1, sm: 1, md: 2 }}>
        <Descriptions.Item label="名称" span={{ xs: 1, sm: 1, md: 2 }}>
          {subject.name}
        </Descriptions.Item>
        {subject.uscc || !subject.registrationNo ? (
          <Descriptions.Item label="统一社会信用代码">{subject.uscc || '—'}</Descriptions.Item>
        ) : (
          <Descriptions.Item label="注册号">{subject.registrationNo}</Descriptions.Item>
        )}
        <Descriptions.Item label="主体类型">{label(SUBJECT_KIND_LABELS, subject.kind)}</Descriptions.Item>
        <Descriptions.Item label="所属地区">{subject.regionName || '—'}</Descriptions.Item>
        <Descriptions.Item label="状态">
          <Tag color={SUBJECT_STATUS_COLORS[subject.status] ?? 'default'}>{label(SUBJECT_STATUS_LABELS, subject.status)}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label="成立日期">{formatDate(subject.establishedOn)}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

/** Counts per section; each jumps to its section. */
function SectionSummary({ sections }: { sections: PublicSection[] }) {
  const jump = (code: string) => document.getElementById(sectionAnchor(code))?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  return (
    <div className="portal-section-summary" aria-label="公示信息概览">
      {sections.map((s) => (
        <button key={s.code} type="button" className="portal-section-summary-item" onClick={() => jump(s.code)}>
          <span className="portal-section-summary-count" data-empty={s.records.length === 0 || undefined}>
            {s.records.length}
          </span>
          <span className="portal-section-summary-name">{shortName(s.name)}</span>
        </button>
      ))}
    </div>
  );
}

function RecordsTable({ records }: { records: PublicRecord[] }) {
  return (
    <Table<PublicRecord>
      rowKey="recordId"
      size="small"
      dataSource={records}
      pagination={records.length > 10 ? { pageSize: 10, showSizeChanger: false, size: 'small', showTotal: (t) => `共 ${t} 条` } : false}
      expandable={{
        expandedRowRender: (record) => <PublicFieldsView record={record} />,
        expandRowByClick: true,
      }}
      columns={[
        {
          title: '事项名称',
          key: 'item',
          render: (_: unknown, r) => {
            const doc = documentNumber(r);
            return (
              <Space orientation="vertical" size={0}>
                <span>{r.itemName}</span>
                {doc ? (
                  <Typography.Text type="secondary" className="portal-only-narrow" style={{ fontSize: 12 }}>
                    {doc}
                  </Typography.Text>
                ) : null}
              </Space>
            );
          },
        },
        {
          title: '决定文书号',
          key: 'document',
          width: 240,
          responsive: ['md'],
          render: (_: unknown, r) => documentNumber(r) ?? '—',
        },
        { title: '决定日期', dataIndex: 'decisionDate', width: 110, render: (v: string) => formatDate(v) },
        { title: '来源部门', dataIndex: 'departmentName', width: 220, responsive: ['lg'], render: (v: string) => v || '—' },
        {
          title: '公示截止日期',
          dataIndex: 'disclosureEndDate',
          width: 120,
          responsive: ['sm'],
          render: (v: string | null) => disclosureEndText(v),
        },
      ]}
    />
  );
}

function SectionCard({ section }: { section: PublicSection }) {
  return (
    <Card
      id={sectionAnchor(section.code)}
      size="small"
      className="portal-report-section"
      title={
        <Space size={8}>
          <span>{section.name}</span>
          <Tag color={section.records.length ? 'blue' : 'default'} style={{ marginInlineEnd: 0 }}>
            {section.records.length} 条
          </Tag>
        </Space>
      }
    >
      {section.records.length ? (
        <RecordsTable records={section.records} />
      ) : (
        <Typography.Text type="secondary" className="portal-section-empty">
          暂无公示信息
        </Typography.Text>
      )}
    </Card>
  );
}

function NotFoundSubject() {
  return (
    <Card>
      <Result
        status="404"
        title="未找到该信用主体"
        subTitle="该信用主体不存在，或其信息不在社会公开范围内。"
        extra={
          <Link to="/search">
            <Button type="primary">返回信用查询</Button>
          </Link>
        }
      />
    </Card>
  );
}

/** /subjects/:id: a subject's basic information and its disclosed records in the national report's sections. */
export function SubjectPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const siteName = usePlatformName();
  const report = useQuery({
    queryKey: ['public', 'subject-records', id],
    queryFn: ({ signal }) => api.get<PublicSubjectRecords>(`/public/subjects/${encodeURIComponent(id)}/records`, undefined, signal),
    enabled: id !== '',
  });

  const subjectName = report.data?.subject.name;
  useEffect(() => {
    if (!subjectName) return;
    const previous = document.title;
    document.title = `${subjectName} - ${siteName}`;
    return () => {
      document.title = previous;
    };
  }, [subjectName, siteName]);

  const notFound = report.error instanceof ApiError && (report.error.status === 404 || report.error.code === 'VALIDATION');

  return (
    <div className="portal-container">
      <section className="portal-section">
        <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => (location.key !== 'default' ? navigate(-1) : navigate('/search'))} style={{ paddingInline: 0 }}>
          返回
        </Button>
      </section>
      {notFound ? (
        <NotFoundSubject />
      ) : report.error ? (
        <Alert
          type="error"
          showIcon
          title="信用主体信息加载失败"
          description={errorMessage(report.error)}
          action={
            <Button size="small" onClick={() => void report.refetch()}>
              重试
            </Button>
          }
        />
      ) : !report.data ? (
        <Card>
          <Skeleton active paragraph={{ rows: 6 }} />
        </Card>
      ) : (
        <>
          <h2 className="portal-subject-name">{report.data.subject.name}</h2>
          <BasicInfo subject={report.data.subject} />
          <section className="portal-section">
            <h3 className="portal-section-title">公示信息</h3>
            <SectionSummary sections={report.data.sections} />
            <Typography.Paragraph type="secondary" style={{ margin: '12px 0' }}>
              以下信息按公共信用信息报告的栏目排列，仅包含公示期内、依法向社会公开的信息；点击记录可查看全部公开字段。
            </Typography.Paragraph>
            <Space orientation="vertical" size={16} style={{ width: '100%' }}>
              {report.data.sections.map((section) => (
                <SectionCard key={section.code} section={section} />
              ))}
            </Space>
          </section>
        </>
      )}
    </div>
  );
}
