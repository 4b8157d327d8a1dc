import { useState } from 'react';
import { Alert, Card, Input, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { PageTitle } from './PageTitle';

/** 信用记录: open a record by its number; records are normally reached from a subject's file. */
export default function RecordsPage() {
  const navigate = useNavigate();
  const [value, setValue] = useState('');
  return (
    <>
      <PageTitle title="信用记录" />
      <Card size="small">
        <Typography.Paragraph>
          信用记录按信用主体归档。请在 <Link to="/console/subjects">信用主体</Link> 中查找主体，在其档案中打开记录；
          也可以直接输入记录编号查看记录详情和版本历史。
        </Typography.Paragraph>
        <Input.Search
          value={value}
          onChange={(e) => setValue(e.target.value)}
          onSearch={(v) => {
            const id = v.trim();
            if (id) navigate(`/console/records/${encodeURIComponent(id)}`);
          }}
          placeholder="记录编号"
          enterButton="查看"
          style={{ maxWidth: 480 }}
        />
        <Alert
          style={{ marginTop: 16 }}
          type="info"
          showIcon
          title="信用记录只追加不修改：每次更正、撤销、修复或异议处理都会形成新的版本，并保留原因、提交人和批次来源。"
        />
      </Card>
    </>
  );
}
