import { Button, Col, Form, Input, Row } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { LegalBasis } from '../shared/types';

/**
 * The editable list of legal bases (document + article) of a form field `legalBasis`: at least one document is
 * required. `noun` names it in the messages (法律依据, 设定依据, 认定依据).
 */
export function LegalBasisList({ noun, documentPlaceholder, articlePlaceholder = '条款' }: { noun: string; documentPlaceholder: string; articlePlaceholder?: string }) {
  return (
    <Form.List
      name="legalBasis"
      rules={[
        {
          validator: async (_, value: LegalBasis[] | undefined) => {
            if (!value || !value.some((b) => b?.document?.trim())) throw new Error(`至少填写一项${noun}`);
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map(({ key, name }) => (
            <Row key={key} gutter={8} align="top">
              <Col flex="auto">
                <Form.Item name={[name, 'document']} rules={[{ required: true, whitespace: true, message: '请输入文件名称' }]}>
                  <Input placeholder={documentPlaceholder} />
                </Form.Item>
              </Col>
              <Col flex="160px">
                <Form.Item name={[name, 'article']}>
                  <Input placeholder={articlePlaceholder} />
                </Form.Item>
              </Col>
              <Col flex="32px">
                <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(name)} aria-label="删除" />
              </Col>
            </Row>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ document: '', article: '' })}>
            添加{noun}
          </Button>
          <Form.ErrorList errors={errors} />
        </>
      )}
    </Form.List>
  );
}
