import { useState } from 'react';
import type { TablePaginationConfig } from 'antd';
import { formatNumber } from './format';

/** Server-side paging for a console table: page and size state, and the table's pagination settings. */
export function useServerPaging() {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const pagination = (total: number | undefined): TablePaginationConfig => ({
    current: page,
    pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: [20, 50, 100],
    showTotal: (t) => `共 ${formatNumber(t)} 条`,
    onChange: (p, size) => {
      setPage(size !== pageSize ? 1 : p);
      setPageSize(size);
    },
  });
  /** back to the first page (after a filter changed) */
  const resetPage = () => setPage(1);
  return { page, pageSize, pagination, resetPage };
}
