import type { ReactNode } from 'react';
import { Alert, Button, Result, Spin } from 'antd';
import { ApiError, errorMessage } from '../api';

/** 403 → 无权访问; 404 → 未找到; anything else → an Alert with the server's message and a retry. */
export function ErrorView({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  if (error instanceof ApiError && error.status === 403) {
    return <Result status="403" title="无权访问" subTitle={error.message} />;
  }
  if (error instanceof ApiError && error.status === 404) {
    return <Result status="404" title="未找到" subTitle={error.message} />;
  }
  return (
    <Alert
      type="error"
      showIcon
      title="加载失败"
      description={errorMessage(error)}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            重试
          </Button>
        ) : undefined
      }
    />
  );
}

interface QueryLike<T> {
  data: T | undefined;
  error: unknown;
  isPending: boolean;
  refetch: () => unknown;
}

/** Render a TanStack query: spinner while loading, ErrorView on error, children with the data. */
export function QueryState<T>({ query, children }: { query: QueryLike<T>; children: (data: T) => ReactNode }) {
  if (query.isPending) {
    return (
      <div style={{ padding: 48, textAlign: 'center' }}>
        <Spin />
      </div>
    );
  }
  if (query.error || query.data === undefined) {
    return <ErrorView error={query.error} onRetry={() => void query.refetch()} />;
  }
  return <>{children(query.data)}</>;
}
