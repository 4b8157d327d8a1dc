import { useEffect } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Col, Divider, Form, Input, InputNumber, Row, Select, Switch, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { api, errorMessage } from '../api';
import { EditDrawer } from './EditDrawer';
import { useDepartments } from './lookups';
import { LegalBasisList } from './LegalBasisList';
import type { Catalog, CatalogItem, CatalogVersionRef, FieldDef, LegalBasis } from '../shared/types';
import { FIELD_TYPE_LABELS, NATURE_LABELS, SCOPE_LABELS, SEVERITY_LABELS, SUBJECT_KIND_LABELS } from '../shared/labels';
import { PERIOD_KEYS, PERIOD_LABELS, type PeriodKey } from './catalogText';
import { CATALOG_QUERY_KEY } from './useCatalog';

interface FormValues {
  code: string;
  name: string;
  categoryCode: string;
  nature: string;
  subjectKinds: string[];
  disclosureScope: string;
  defaultSeverity: string;
  repairable: boolean;
  submittingDepartments: string[];
  legalBasis: LegalBasis[];
  fields: { key: string; label: string; type: string; required: 'true' | 'false' | 'conditional'; codeTable?: string; unit?: string }[];
  periods: Partial<Record<PeriodKey, { minMonths?: number | null; maxMonths?: number | null }>>;
  documentNumberField?: string;
  decisionDateField?: string;
  subjectNameField?: string;
  subjectIdentifierField?: string;
  description?: string;
  note: string;
}

const options = (map: Record<string, string>) => Object.entries(map).map(([value, label]) => ({ value, label }));

function toFormValues(item: CatalogItem | null): Partial<FormValues> {
  if (!item) {
    return {
      nature: 'negative',
      subjectKinds: ['legal_entity'],
      disclosureScope: 'public',
      defaultSeverity: 'general',
      repairable: true,
      submittingDepartments: [],
      legalBasis: [{ document: '', article: '' }],
      fields: [
        { key: 'subject_name', label: '主体名称', type: 'string', required: 'true' },
        { key: 'subject_uscc', label: '统一社会信用代码', type: 'uscc', required: 'conditional' },
        { key: 'document_number', label: '决定文书号', type: 'string', required: 'true' },
        { key: 'decision_date', label: '决定日期', type: 'date', required: 'true' },
      ],
      periods: {},
      subjectNameField: 'subject_name',
      subjectIdentifierField: 'subject_uscc',
      documentNumberField: 'document_number',
      decisionDateField: 'decision_date',
    };
  }
  const periods: FormValues['periods'] = {};
  for (const key of PERIOD_KEYS) {
    const p = item.disclosurePeriods?.[key];
    if (p) periods[key] = { minMonths: p.minMonths, maxMonths: p.maxMonths };
  }
  return {
    code: item.code,
    name: item.name,
    categoryCode: item.categoryCode,
    nature: item.nature,
    subjectKinds: item.subjectKinds ?? [],
    disclosureScope: item.disclosureScope,
    defaultSeverity: item.defaultSeverity,
    repairable: item.repairable,
    submittingDepartments: item.submittingDepartments ?? [],
    legalBasis: item.legalBasis?.length ? item.legalBasis : [{ document: '', article: '' }],
    fields: (item.fields ?? []).map((f) => ({
      key: f.key,
      label: f.label,
      type: f.type,
      required: f.required === 'conditional' ? 'conditional' : f.required ? 'true' : 'false',
      codeTable: f.codeTable,
      unit: f.unit,
    })),
    periods,
    documentNumberField: item.documentNumberField,
    decisionDateField: item.decisionDateField,
    subjectNameField: item.subjectNameField,
    subjectIdentifierField: item.subjectIdentifierField,
    description: item.description,
  };
}

function toBody(values: FormValues, original: CatalogItem | null): Record<string, unknown> {
  const disclosurePeriods: Record<string, { minMonths: number; maxMonths: number }> = {};
  for (const key of PERIOD_KEYS) {
    const p = values.periods?.[key];
    if (p && p.minMonths != null && p.maxMonths != null) disclosurePeriods[key] = { minMonths: p.minMonths, maxMonths: p.maxMonths };
  }
  const periods: Record<string, unknown> = disclosurePeriods;
  // 'none: null' means "public while valid" (licences); the form cannot express it, so keep it as it was
  if (!periods.none && original?.disclosurePeriods && 'none' in original.disclosurePeriods && original.disclosurePeriods.none === null) {
    periods.none = null;
  }
  const fields: FieldDef[] = (values.fields ?? []).map((f) => {
    // keep properties the form does not edit (aliases, personal, maxLength …) from the original field
    const before = original?.fields.find((o) => o.key === f.key) ?? {};
    const out: FieldDef = {
      ...before,
      key: f.key.trim(),
      label: f.label.trim(),
      type: f.type,
      required: f.required === 'conditional' ? 'conditional' : f.required === 'true',
    };
    if (f.codeTable?.trim()) out.codeTable = f.codeTable.trim();
    else delete out.codeTable;
    if (f.unit?.trim()) out.unit = f.unit.trim();
    else delete out.unit;
    return out;
  });
  const body: Record<string, unknown> = {
    code: values.code.trim(),
    name: values.name.trim(),
    categoryCode: values.categoryCode,
    nature: values.nature,
    legalBasis: (values.legalBasis ?? [])
      .filter((b) => b?.document?.trim())
      .map((b) => (b.article?.trim() ? { document: b.document.trim(), article: b.article.trim() } : { document: b.document.trim() })),
    fields,
    disclosureScope: values.disclosureScope,
    defaultSeverity: values.defaultSeverity,
    disclosurePeriods: periods,
    repairable: values.repairable,
    submittingDepartments: values.submittingDepartments?.length ? values.submittingDepartments : null,
    subjectKinds: values.subjectKinds,
    note: values.note.trim(),
  };
  for (const key of ['documentNumberField', 'decisionDateField', 'subjectNameField', 'subjectIdentifierField'] as const) {
    if (values[key]) body[key] = values[key];
  }
  if (values.description?.trim()) body.description = values.description.trim();
  return body;
}

/** Add (item = null) or edit a supplement catalog item. Saving creates a new catalog version. */
export function CatalogItemForm({
  open,
  item,
  catalog,
  onClose,
}: {
  open: boolean;
  item: CatalogItem | null;
  catalog: Catalog;
  onClose: () => void;
}) {
  const [form] = Form.useForm<FormValues>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const departments = useDepartments(open);

  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue(toFormValues(item) as FormValues);
    }
  }, [open, item, form]);

  const save = useMutation({
    mutationFn: (values: FormValues) => {
      const body = toBody(values, item);
      return item
        ? api.put<{ version: CatalogVersionRef; item: CatalogItem }>(`/catalog/items/${encodeURIComponent(item.code)}`, body)
        : api.post<{ version: CatalogVersionRef; item: CatalogItem }>('/catalog/items', body);
    },
    onSuccess: (data) => {
      message.success(`已保存，目录已更新为第 ${data?.version?.number ?? '?'} 版`);
      void queryClient.invalidateQueries({ queryKey: CATALOG_QUERY_KEY });
      void queryClient.invalidateQueries({ queryKey: ['catalog-versions'] });
      onClose();
    },
    // braces: message.error returns a thenable the mutation would await until the toast closes (button stays loading)
    onError: (err) => {
      message.error(errorMessage(err));
    },
  });

  const fieldKeys: string[] = (Form.useWatch('fields', form) ?? []).map((f) => f?.key).filter((k): k is string => !!k);
  const keyOptions = fieldKeys.map((k) => ({ value: k, label: k }));

  return (
    <EditDrawer title={item ? `编辑补充目录条目：${item.name}` : '新增补充目录条目'} open={open} onClose={onClose} width={900} saving={save.isPending} onSave={() => form.submit()}>
      {save.error ? <Alert type="error" showIcon title={errorMessage(save.error)} style={{ marginBottom: 16 }} /> : null}
      <Form<FormValues> form={form} layout="vertical" onFinish={(v) => save.mutate(v)} scrollToFirstError>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="code"
              label="条目编码"
              rules={[
                { required: true, message: '请输入条目编码' },
                { pattern: /^[a-z][a-z0-9_]*$/, message: '只能使用小写字母、数字和下划线，以字母开头' },
              ]}
            >
              <Input disabled={!!item} placeholder="如 local_green_enterprise" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="name" label="条目名称" rules={[{ required: true, message: '请输入条目名称' }, { min: 2, message: '条目名称至少 2 个字' }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="categoryCode" label="信息类别" rules={[{ required: true, message: '请选择信息类别' }]}>
              <Select options={catalog.categories.map((c) => ({ value: c.code, label: `${c.code} ${c.name}` }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="nature" label="信息性质" rules={[{ required: true }]}>
              <Select options={options(NATURE_LABELS)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="disclosureScope" label="公开范围" rules={[{ required: true }]}>
              <Select options={options(SCOPE_LABELS)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="defaultSeverity" label="默认失信程度" rules={[{ required: true }]}>
              <Select options={options(SEVERITY_LABELS)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="subjectKinds" label="适用主体" rules={[{ required: true, message: '请选择适用主体' }]}>
              <Select mode="multiple" options={options(SUBJECT_KIND_LABELS)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="repairable" label="可信用修复" valuePropName="checked">
              <Switch checkedChildren="是" unCheckedChildren="否" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="submittingDepartments" label="报送部门" extra="不选表示任何部门均可报送">
              <Select
                mode="tags"
                loading={departments.isPending}
                options={(departments.data?.items ?? []).map((d) => ({ value: d.code, label: `${d.name}（${d.code}）` }))}
                placeholder="选择或输入部门编码"
              />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start">法律依据</Divider>
        <LegalBasisList noun="法律依据" documentPlaceholder="文件名称，如《中华人民共和国行政处罚法》" articlePlaceholder="条款，如第四十八条" />

        <Divider titlePlacement="start">公示期限（月）</Divider>
        {PERIOD_KEYS.map((key) => (
          <Row key={key} gutter={8} align="middle">
            <Col flex="110px">
              <Typography.Text>{PERIOD_LABELS[key]}</Typography.Text>
            </Col>
            <Col flex="1">
              <Form.Item name={['periods', key, 'minMonths']} style={{ marginBottom: 8 }}>
                <InputNumber min={0} max={120} placeholder="最短" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col flex="1">
              <Form.Item
                name={['periods', key, 'maxMonths']}
                style={{ marginBottom: 8 }}
                dependencies={[['periods', key, 'minMonths']]}
                rules={[
                  ({ getFieldValue }) => ({
                    validator: async (_, value: number | null | undefined) => {
                      const min = getFieldValue(['periods', key, 'minMonths']) as number | null | undefined;
                      if ((min == null) !== (value == null)) throw new Error('请同时填写最短和最长期限');
                      if (min != null && value != null && value < min) throw new Error('最长期限不能小于最短期限');
                    },
                  }),
                ]}
              >
                <InputNumber min={0} max={120} placeholder="最长" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
        ))}

        <Divider titlePlacement="start">信息项</Divider>
        <Form.List
          name="fields"
          rules={[
            {
              validator: async (_, value: unknown[] | undefined) => {
                if (!value || value.length === 0) throw new Error('至少需要一个信息项');
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map(({ key, name }) => (
                <Row key={key} gutter={8} align="top" wrap>
                  <Col xs={12} md={5}>
                    <Form.Item
                      name={[name, 'key']}
                      rules={[
                        { required: true, message: '字段键' },
                        { pattern: /^[a-z][a-z0-9_]*$/, message: '小写字母、数字、下划线' },
                      ]}
                    >
                      <Input placeholder="字段键" />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={5}>
                    <Form.Item name={[name, 'label']} rules={[{ required: true, message: '名称' }]}>
                      <Input placeholder="名称" />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={4}>
                    <Form.Item name={[name, 'type']} rules={[{ required: true, message: '类型' }]}>
                      <Select placeholder="类型" options={options(FIELD_TYPE_LABELS)} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={3}>
                    <Form.Item name={[name, 'required']} initialValue="false">
                      <Select
                        options={[
                          { value: 'true', label: '必填' },
                          { value: 'false', label: '选填' },
                          { value: 'conditional', label: '条件必填' },
                        ]}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={10} md={3}>
                    <Form.Item name={[name, 'codeTable']}>
                      <Input placeholder="代码表" />
                    </Form.Item>
                  </Col>
                  <Col xs={10} md={3}>
                    <Form.Item name={[name, 'unit']}>
                      <Input placeholder="单位" />
                    </Form.Item>
                  </Col>
                  <Col xs={4} md={1}>
                    <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(name)} aria-label="删除" />
                  </Col>
                </Row>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ key: '', label: '', type: 'string', required: 'false' })}>
                添加信息项
              </Button>
              <Form.ErrorList errors={errors} />
            </>
          )}
        </Form.List>

        <Divider titlePlacement="start">关键信息项</Divider>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="subjectNameField" label="主体名称字段" rules={[{ required: true, message: '请选择' }]}>
              <Select allowClear options={keyOptions} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="subjectIdentifierField" label="主体证件号码字段" rules={[{ required: true, message: '请选择' }]}>
              <Select allowClear options={keyOptions} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="documentNumberField" label="决定文书号字段" rules={[{ required: true, message: '请选择' }]}>
              <Select allowClear options={keyOptions} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="decisionDateField" label="决定日期字段" rules={[{ required: true, message: '请选择' }]}>
              <Select allowClear options={keyOptions} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="description" label="条目说明">
              <Input.TextArea rows={2} />
            </Form.Item>
          </Col>
        </Row>

        <Divider />
        <Form.Item
          name="note"
          label="变更说明"
          rules={[{ required: true, whitespace: true, message: '请填写变更说明' }, { min: 2, message: '变更说明至少 2 个字' }]}
          extra="保存后将生成新的目录版本，变更说明记入版本记录和审计日志"
        >
          <Input.TextArea rows={3} maxLength={500} showCount placeholder="请说明新增或修改的原因和依据" />
        </Form.Item>
        {save.error ? <Alert type="error" showIcon title={errorMessage(save.error)} data-testid="catalog-save-error" /> : null}
      </Form>
    </EditDrawer>
  );
}
