import { useEffect, useState } from 'react';
import { Button, Input, Space } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';

export const SEARCH_PLACEHOLDER = '请输入企业名称、统一社会信用代码';

/** The big search box: navigates to /search?q=… */
export function SearchBox({ initial = '', size = 'large' }: { initial?: string; size?: 'large' | 'middle' }) {
  const navigate = useNavigate();
  const [value, setValue] = useState(initial);
  useEffect(() => setValue(initial), [initial]);

  const submit = () => {
    const q = value.trim();
    navigate(q ? `/search?q=${encodeURIComponent(q)}` : '/search');
  };

  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input
        size={size}
        allowClear
        value={value}
        onChange={(e) => setValue(e.target.value)}
        onPressEnter={submit}
        placeholder={SEARCH_PLACEHOLDER}
        aria-label="信用查询"
        prefix={<SearchOutlined style={{ color: '#999' }} />}
      />
      <Button size={size} type="primary" onClick={submit} style={{ background: '#b7181e', minWidth: 88 }}>
        查询
      </Button>
    </Space.Compact>
  );
}
