import { Button, Card } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router-dom';
import { PageTitle } from './PageTitle';
import { SubjectDetailView } from './SubjectDetailView';

export default function SubjectPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  return (
    <>
      <PageTitle
        title="信用主体详情"
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/console/subjects')}>
            返回列表
          </Button>
        }
      />
      <Card size="small">
        <SubjectDetailView id={id} />
      </Card>
    </>
  );
}
