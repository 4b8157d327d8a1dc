import { useQuery } from '@tanstack/react-query';
import { Button } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router-dom';
import { api } from '../api';
import type { CheckRow } from '../shared/types';
import { QueryState } from '../shared/QueryState';
import { CheckResultView } from './CheckResultView';
import { PageTitle } from './PageTitle';

/** One check as answered, with its feedback (the form while none was given). */
export default function CheckDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const check = useQuery({
    queryKey: ['check', id],
    queryFn: ({ signal }) => api.get<CheckRow>(`/checks/${encodeURIComponent(id)}`, undefined, signal),
  });
  return (
    <>
      <PageTitle
        title="核查详情"
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/console/checks/history')}>
            返回核查记录
          </Button>
        }
      />
      <QueryState query={check}>{(row) => <CheckResultView key={row.id} check={row.result} row={row} />}</QueryState>
    </>
  );
}
