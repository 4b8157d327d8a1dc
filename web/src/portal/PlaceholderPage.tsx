import { Button, Card, Result } from 'antd';
import { Link } from 'react-router-dom';

/** A portal section not built yet: says so, shows no invented data. */
export function PlaceholderPage({ title, description }: { title: string; description: string }) {
  return (
    <div className="portal-container">
      <section className="portal-section">
        <h2 className="portal-section-title">{title}</h2>
        <Card>
          <Result
            status="info"
            title={`${title}栏目建设中`}
            subTitle={`${description}栏目正在建设中，敬请期待。`}
            extra={
              <Link to="/search">
                <Button type="primary">前往信用查询</Button>
              </Link>
            }
          />
        </Card>
      </section>
    </div>
  );
}
