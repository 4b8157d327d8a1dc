import { Button, Card, Space } from 'antd';
import { ArrowLeftOutlined, SolutionOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { canPropose, canSee } from './access';
import { PageTitle } from './PageTitle';
import { SubjectDetailView } from './SubjectDetailView';
import { useUser } from './userContext';

export default function SubjectPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const user = useUser();
  const subjectQuery = `subjectId=${encodeURIComponent(id)}`;
  return (
    <>
      <PageTitle
        title="信用主体详情"
        extra={
          <Space wrap>
            {canSee(user.role, 'lists') ? (
              <Link to={`/console/lists?${subjectQuery}`}>
                <Button>名单认定记录</Button>
              </Link>
            ) : null}
            {canPropose(user.role) ? (
              <Link to={`/console/lists/new?${subjectQuery}`}>
                <Button icon={<SolutionOutlined />}>发起名单认定</Button>
              </Link>
            ) : null}
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/console/subjects')}>
              返回列表
            </Button>
          </Space>
        }
      />
      <Card size="small">
        <SubjectDetailView id={id} />
      </Card>
    </>
  );
}
