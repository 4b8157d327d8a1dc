import { useMemo, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Collapse, Empty, Flex, Form, Input, Radio, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { CloudUploadOutlined, DownloadOutlined, HistoryOutlined, InboxOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { download, errorMessage, isApiError, upload } from '../api';
import type { BatchMode, CatalogItem, FieldDef, IngestBatch } from '../shared/types';
import { QueryState } from '../shared/QueryState';
import { FIELD_TYPE_LABELS, label } from '../shared/labels';
import { canSubmit } from './access';
import { maySubmitItem } from './ingestShared';
import { PageTitle } from './PageTitle';
import { useCatalog } from './useCatalog';
import { useUser } from './userContext';

const ACCEPT = '.csv,.xlsx';
/** The server's limit (256 MB); checked here too so a large mistake fails before the upload starts. */
const MAX_BYTES = 256 * 1024 * 1024;

function requiredText(required: FieldDef['required']) {
  if (required === true) return <Tag color="red">必填</Tag>;
  if (required === 'conditional') return <Tag color="orange">条件必填</Tag>;
  return <Typography.Text type="secondary">选填</Typography.Text>;
}

function FieldsTable({ item }: { item: CatalogItem }) {
  return (
    <Table
      rowKey="key"
      size="small"
      pagination={false}
      scroll={{ x: 720, y: 360 }}
      dataSource={item.fields}
      columns={[
        { title: '列名（表头）', dataIndex: 'label', width: 200 },
        { title: '类型', dataIndex: 'type', width: 130, render: (v: string, f) => `${label(FIELD_TYPE_LABELS, v)}${f.unit ? `（${f.unit}）` : ''}` },
        { title: '必填', dataIndex: 'required', width: 90, render: requiredText },
        { title: '说明', dataIndex: 'description', render: (v: unknown) => (typeof v === 'string' && v ? v : '—') },
      ]}
    />
  );
}

export default function IngestPage() {
  const user = useUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const catalog = useCatalog();
  const [params, setParams] = useSearchParams();
  const itemCode = params.get('item') ?? undefined;
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<BatchMode>('lenient');
  const [clientBatchKey, setClientBatchKey] = useState('');
  const [downloading, setDownloading] = useState(false);
  const submitter = canSubmit(user.role);
  const departmentCode = user.department?.code;

  // the items this user's department may submit (the credit office sees all: it only downloads templates)
  const allowed = useMemo(
    () => (catalog.data?.items ?? []).filter((i) => !submitter || maySubmitItem(i, departmentCode)),
    [catalog.data, submitter, departmentCode],
  );
  const options = useMemo(() => {
    const categories = [...(catalog.data?.categories ?? [])].sort((a, b) => a.ordinal - b.ordinal);
    return categories
      .map((c) => ({
        label: `${c.code} ${c.name}`,
        title: c.name,
        options: allowed.filter((i) => i.categoryCode === c.code).map((i) => ({ value: i.code, label: i.name })),
      }))
      .filter((g) => g.options.length > 0);
  }, [catalog.data, allowed]);
  const item = allowed.find((i) => i.code === itemCode);

  const submit = useMutation({
    mutationFn: () => upload<IngestBatch>('/ingest/batches', { catalogItem: item!.code, mode, clientBatchKey: clientBatchKey.trim() || undefined }, file!, file!.name),
    onSuccess: ({ status, data }) => {
      void queryClient.invalidateQueries({ queryKey: ['ingest-batches'] });
      if (status === 200) message.info(`批次号「${data.clientKey ?? clientBatchKey.trim()}」已提交过，已打开原批次`);
      else message.success('文件已提交，正在处理');
      navigate(`/console/ingest/batches/${encodeURIComponent(data.id)}`);
    },
  });

  async function downloadTemplate() {
    if (!item) return;
    setDownloading(true);
    try {
      await download(`/ingest/templates/${encodeURIComponent(item.code)}`, undefined, `${item.name}-报送模板.xlsx`);
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setDownloading(false);
    }
  }

  const fileList: UploadFile[] = file ? [{ uid: 'file', name: file.name, size: file.size, status: 'done', originFileObj: file as UploadFile['originFileObj'] }] : [];
  const tooLarge = !!file && file.size > MAX_BYTES;

  return (
    <>
      <PageTitle
        title="数据报送"
        extra={
          <Link to="/console/ingest/batches">
            <Button icon={<HistoryOutlined />}>批次历史</Button>
          </Link>
        }
      />
      {!submitter ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="数据由各数据提供部门的经办人或审核人报送"
          description="您可以在此查看各目录条目的报送模板，并在「批次历史」中查看各部门的报送批次。"
        />
      ) : null}
      <QueryState query={catalog}>
        {() => (
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card size="small" title="第一步：选择目录条目">
              {allowed.length === 0 ? (
                <Empty description="本部门暂无可报送的目录条目" />
              ) : (
                <Space orientation="vertical" size={12} style={{ width: '100%' }}>
                  <Flex wrap gap={12} align="center">
                    <Select
                      showSearch={{
                        // match items by name or code; never a whole category by its title
                        filterOption: (input, option) => {
                          const o = option as { label?: unknown; value?: unknown; options?: unknown } | undefined;
                          if (!o || o.options) return false;
                          const text = input.trim();
                          return String(o.label).includes(text) || String(o.value).includes(text.toLowerCase());
                        },
                      }}
                      allowClear
                      placeholder="请选择要报送的目录条目"
                      style={{ width: 360, maxWidth: '100%' }}
                      value={item?.code}
                      options={options}
                      onChange={(v: string | undefined) => {
                        setParams(v ? { item: v } : {}, { replace: true });
                        submit.reset();
                      }}
                      aria-label="目录条目"
                    />
                    <Button icon={<DownloadOutlined />} disabled={!item} loading={downloading} onClick={() => void downloadTemplate()}>
                      下载模板
                    </Button>
                  </Flex>
                  {item ? (
                    <>
                      <Typography.Text type="secondary">
                        条目编码 <Typography.Text code>{item.code}</Typography.Text>，共 {item.fields.length} 列，其中必填{' '}
                        {item.fields.filter((f) => f.required === true).length} 列。模板第一行为中文表头，「填写说明」工作表列出每列的要求。
                      </Typography.Text>
                      <Collapse
                        size="small"
                        items={[{ key: 'fields', label: `查看模板字段（${item.fields.length}）`, children: <FieldsTable item={item} /> }]}
                      />
                    </>
                  ) : null}
                </Space>
              )}
            </Card>

            {submitter ? (
              <Card size="small" title="第二步：上传文件并提交">
                <Form layout="vertical" onFinish={() => submit.mutate()} disabled={submit.isPending}>
                  <Form.Item style={{ marginBottom: 16 }}>
                    <Upload.Dragger
                      accept={ACCEPT}
                      multiple={false}
                      maxCount={1}
                      fileList={fileList}
                      beforeUpload={(f) => {
                        setFile(f);
                        submit.reset();
                        return false;
                      }}
                      onRemove={() => {
                        setFile(null);
                        submit.reset();
                      }}
                    >
                      <p className="ant-upload-drag-icon">
                        <InboxOutlined />
                      </p>
                      <p className="ant-upload-text">点击或将文件拖拽到此处</p>
                      <p className="ant-upload-hint">支持 CSV（UTF-8 或 GBK 编码）和 XLSX 文件；第一行为表头，请使用模板中的列名。</p>
                    </Upload.Dragger>
                  </Form.Item>
                  {tooLarge ? <Alert type="error" showIcon style={{ marginBottom: 16 }} title="文件超过 256 MB，请拆分后分批提交" /> : null}
                  <Form.Item label="处理方式" style={{ marginBottom: 16 }}>
                    <Radio.Group
                      value={mode}
                      onChange={(e) => setMode(e.target.value as BatchMode)}
                      options={[
                        { value: 'lenient', label: '容错模式：有效行入库、错误行报告' },
                        { value: 'atomic', label: '整批模式：有错误则整批不入库' },
                      ]}
                      style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
                    />
                  </Form.Item>
                  <Form.Item
                    label="批次号（选填）"
                    extra="本部门自编的批次号。同一批次号再次提交时不会重复入库，而是打开已提交的批次。"
                    style={{ marginBottom: 16 }}
                  >
                    <Input
                      value={clientBatchKey}
                      onChange={(e) => setClientBatchKey(e.target.value)}
                      maxLength={128}
                      placeholder="例如 2026-11-第3批"
                      style={{ maxWidth: 360 }}
                    />
                  </Form.Item>
                  {submit.error ? (
                    <Alert
                      type="error"
                      showIcon
                      style={{ marginBottom: 16 }}
                      title={isApiError(submit.error) && submit.error.status === 403 ? '无权报送' : '提交失败'}
                      description={errorMessage(submit.error)}
                    />
                  ) : null}
                  <Button
                    type="primary"
                    htmlType="submit"
                    icon={<CloudUploadOutlined />}
                    loading={submit.isPending}
                    disabled={!item || !file || tooLarge}
                  >
                    提交
                  </Button>
                  {!item || !file ? (
                    <Typography.Text type="secondary" style={{ marginLeft: 12 }}>
                      {!item ? '请先选择目录条目' : '请选择要上传的文件'}
                    </Typography.Text>
                  ) : null}
                </Form>
              </Card>
            ) : null}
          </Space>
        )}
      </QueryState>
    </>
  );
}
