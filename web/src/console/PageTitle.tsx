import type { ReactNode } from 'react';
import { Flex, Typography } from 'antd';

export function PageTitle({ title, extra }: { title: ReactNode; extra?: ReactNode }) {
  return (
    <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
      <Typography.Title level={4} className="console-page-title" style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      {extra ? <div>{extra}</div> : null}
    </Flex>
  );
}
