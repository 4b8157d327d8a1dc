import { useEffect } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Col, Divider, Form, Input, InputNumber, Radio, Row, Select, Switch, Typography } from 'antd';
import { api, errorMessage } from '../api';
import { EditDrawer } from './EditDrawer';
import { LegalBasisList } from './LegalBasisList';
import type { LegalBasis, Measure, MeasureList } from '../shared/types';
import { MEASURE_CATEGORY_LABELS, MEASURE_KIND_LABELS, SEVERITY_LABELS } from '../shared/labels';
import { useListKindNames, useListKinds } from './listShared';
import { useDepartments, useMatterTypes } from './lookups';

interface FormValues {
  code: string;
  name: string;
  kind: 'sanction' | 'incentive';
  category: number;
  legalBasis: LegalBasis[];
  listKinds: string[];
  recordSeverities: string[];
  implementingDepartments: string[];
  matterTypes: string[];
  degree: string;
  maxMonths?: number | null;
  withinListValidity?: boolean;
  note: string;
}

export const MEASURES_QUERY_KEY = ['measures'] as const;

function toFormValues(m: Measure | null): Partial<FormValues> {
  if (!m) return { kind: 'sanction', category: 1, legalBasis: [{ document: '', article: '' }], listKinds: [], recordSeverities: [], implementingDepartments: [], matterTypes: [] };
  return {
    code: m.code,
    name: m.name,
    kind: m.kind,
    category: m.category,
    legalBasis: m.legalBasis.length ? m.legalBasis : [{ document: '', article: '' }],
    listKinds: m.targets.listKinds,
    recordSeverities: m.targets.recordSeverities ?? [],
    implementingDepartments: m.implementingDepartments ?? [],
    matterTypes: m.matterTypes ?? [],
    degree: m.degree,
    maxMonths: m.degreeLimit?.maxMonths ?? null,
    withinListValidity: m.degreeLimit?.withinListValidity ?? false,
  };
}

function toBody(v: FormValues): Record<string, unknown> {
  return {
    name: v.name.trim(),
    category: v.category,
    kind: v.kind,
    legalBasis: (v.legalBasis ?? [])
      .filter((b) => b?.document?.trim())
      .map((b) => (b.article?.trim() ? { document: b.document.trim(), article: b.article.trim() } : { document: b.document.trim() })),
    targets: { listKinds: v.listKinds ?? [], ...(v.recordSeverities?.length ? { recordSeverities: v.recordSeverities } : {}) },
    implementingDepartments: v.implementingDepartments?.length ? v.implementingDepartments : null,
    matterTypes: v.matterTypes?.length ? v.matterTypes : null,
    degree: v.degree.trim(),
    degreeLimit: v.maxMonths || v.withinListValidity ? { ...(v.maxMonths ? { maxMonths: v.maxMonths } : {}), ...(v.withinListValidity ? { withinListValidity: true } : {}) } : null,
    note: v.note.trim(),
  };
}

/** Add (measure = null) or edit a local supplement measure; saving creates a new version of the list. */
export function MeasureForm({ open, measure, onClose }: { open: boolean; measure: Measure | null; onClose: () => void }) {
  const [form] = Form.useForm<FormValues>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const creating = measure === null;
  const kinds = useListKinds();
  const kindNames = useListKindNames();
  const matters = useMatterTypes();
  const departments = useDepartments(open);

  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue(toFormValues(measure) as FormValues);
    }
  }, [open, measure, form]);

  const save = useMutation({
    mutationFn: (v: FormValues) =>
      measure === null
        ? api.post<MeasureList>('/measures/supplements', { code: v.code.trim(), ...toBody(v) })
        : api.put<MeasureList>(`/measures/supplements/${encodeURIComponent(measure.code)}`, toBody(v)),
    onSuccess: (list) => {
      message.success(`已保存，措施清单更新为第 ${list.version?.number ?? '—'} 版`);
      queryClient.setQueryData(MEASURES_QUERY_KEY, list);
      void queryClient.invalidateQueries({ queryKey: ['measure-versions'] });
      onClose();
    },
    // braces: message.error returns a thenable the mutation would await until the toast closes (button stays loading)
    onError: (err) => {
      message.error(errorMessage(err));
    },
  });

  return (
    <EditDrawer title={creating ? '新增本地补充措施' : `编辑补充措施：${measure.name}`} open={open} onClose={onClose} width={860} saving={save.isPending} onSave={() => form.submit()} onClosed={() => save.reset()}>
      {save.error ? <Alert type="error" showIcon title="未能保存" description={errorMessage(save.error)} style={{ marginBottom: 16 }} /> : null}
      <Typography.Paragraph type="secondary">
        每项措施须载明设定依据、实施对象和实施幅度（不得超过的程度或期限）；保存后生成新的措施清单版本，已作出的核查仍按原版本。
      </Typography.Paragraph>
      <Form<FormValues> form={form} layout="vertical" onFinish={(v) => save.mutate(v)} scrollToFirstError className="measure-form">
        <Row gutter={16}>
          <Col xs={24} md={10}>
            <Form.Item
              name="code"
              label="措施代码"
              rules={[
                { required: true, message: '请输入措施代码' },
                { pattern: /^[A-Za-z][A-Za-z0-9_]{1,63}$/, message: '字母开头的字母、数字、下划线（2–64 位）' },
              ]}
            >
              <Input disabled={!creating} placeholder="如 L01_LOCAL_SUBSIDY" autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={14}>
            <Form.Item name="name" label="措施名称" rules={[{ required: true, whitespace: true, message: '请输入措施名称' }, { max: 200 }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item name="kind" label="措施性质" rules={[{ required: true }]}>
              <Radio.Group options={Object.entries(MEASURE_KIND_LABELS).map(([value, l]) => ({ value, label: l }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={14}>
            <Form.Item name="category" label="措施类别" rules={[{ required: true }]}>
              <Select aria-label="措施类别" options={Object.entries(MEASURE_CATEGORY_LABELS).map(([value, l]) => ({ value: Number(value), label: `${value} ${l}` }))} />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start">设定依据</Divider>
        <LegalBasisList noun="设定依据" documentPlaceholder="法律、法规或党中央、国务院政策文件名称" articlePlaceholder="条款" />

        <Divider titlePlacement="start">实施对象和范围</Divider>
        <Row gutter={16}>
          <Col xs={24} md={14}>
            <Form.Item name="listKinds" label="实施对象：名单" extra="列入这些名单的主体（名单或失信记录程度至少填一项）">
              <Select mode="multiple" aria-label="实施对象名单" loading={kinds.isPending} options={[...kindNames].map(([value, l]) => ({ value, label: l }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item name="recordSeverities" label="实施对象：有效失信记录程度">
              <Select mode="multiple" aria-label="失信记录程度" options={(['general', 'serious'] as const).map((s) => ({ value: s, label: SEVERITY_LABELS[s] }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="implementingDepartments" label="实施部门" extra="不选表示各部门">
              <Select
                mode="multiple"
                aria-label="实施部门"
                loading={departments.isPending}
                showSearch={{ optionFilterProp: 'label' }}
                options={(departments.data?.items ?? []).map((d) => ({ value: d.code, label: `${d.name}（${d.code}）` }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="matterTypes" label="适用事项" extra="不选表示全部事项；可输入本部门的权力事项编码">
              <Select mode="tags" aria-label="适用事项" options={[...matters].map(([value, l]) => ({ value, label: l }))} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="degree" label="实施幅度（不得超过的程度或期限）" rules={[{ required: true, whitespace: true, message: '请填写实施幅度' }, { max: 500 }]}>
              <Input placeholder="如：限制期限不超过 3 年" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="maxMonths" label="最长实施期限（月）" extra="自核查之日起计算；实施反馈的截止日期不得超过。不填表示无期限限制">
              <InputNumber min={1} max={120} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="withinListValidity" label="不得超过名单有效期" valuePropName="checked" extra="对名单主体实施时，截止日期不得晚于名单有效期">
              <Switch />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start">修订说明</Divider>
        <Form.Item name="note" label="本次修订说明（记入版本记录）" rules={[{ required: true, whitespace: true, message: '请填写修订说明' }, { min: 2, message: '请填写修订说明' }, { max: 500 }]}>
          <Input.TextArea rows={2} placeholder="如：依据《示范市社会信用条例》第二十条增补" />
        </Form.Item>
      </Form>
    </EditDrawer>
  );
}
