import { Card, Empty, Typography } from 'antd';

/**
 * 信用承诺专栏 (seed 002): commitments are not collected by the platform yet, so the column is an honest
 * empty state — no sample data — until the commitments capability lands.
 */
export function CommitmentsPage() {
  return (
    <div className="portal-container">
      <section className="portal-section">
        <h2 className="portal-section-title">信用承诺</h2>
        <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
          公示市场主体在办理行政许可、申请财政资金等事项时作出的信用承诺及其履约情况。
        </Typography.Paragraph>
        <Card>
          <Empty description="信用承诺功能尚未上线，目前没有公示的信用承诺。上线后承诺书将在此栏目公示，并计入主体的信用记录。" />
        </Card>
      </section>
    </div>
  );
}
