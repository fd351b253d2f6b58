import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { formatFen, formatPoints } from '~/core/money/format';
import type { PeriodFigures } from '~/types/functions/admin-dashboard';
import { changeText, percentText, rateChangeText } from './dashboard-range';

interface Kpi {
  key: string;
  title: string;
  value: (figures: PeriodFigures) => number;
  format: (value: number) => string;
  /** Rates change in percentage points, amounts in percent. */
  rate?: boolean;
  /** A standing at the end of the range rather than a sum over it. */
  standing?: boolean;
}

const count = (n: number) => formatPoints(n);

const KPIS: readonly Kpi[] = [
  { key: 'gmv', title: '成交额（GMV）', value: (f) => f.gmvFen, format: formatFen },
  { key: 'orders', title: '支付订单', value: (f) => f.paidOrders, format: count },
  { key: 'aov', title: '客单价', value: (f) => f.averageOrderFen, format: formatFen },
  { key: 'repurchase', title: '复购率（老客订单占比）', value: (f) => f.repurchaseRate, format: percentText, rate: true },
  { key: 'members', title: '会员总数', value: (f) => f.membersTotal, format: count, standing: true },
  { key: 'new-members', title: '新增会员', value: (f) => f.newMembers, format: count },
  { key: 'active', title: '近 30 天活跃会员', value: (f) => f.active30, format: count, standing: true },
  { key: 'dormant', title: '沉睡会员（90 天未消费）', value: (f) => f.dormant, format: count, standing: true },
  { key: 'tier-moves', title: '等级升级 / 降级', value: (f) => f.tierUps, format: count },
  { key: 'points-issued', title: '积分发放', value: (f) => f.pointsIssued, format: count },
  { key: 'points-redeemed', title: '积分消耗', value: (f) => f.pointsRedeemed, format: count },
  { key: 'points-expired', title: '积分过期', value: (f) => f.pointsExpired, format: count },
  { key: 'points-outstanding', title: '未使用积分', value: (f) => f.pointsOutstanding, format: count, standing: true },
  { key: 'liability', title: '积分负债（按抵扣比例）', value: (f) => f.liabilityFen, format: formatFen, standing: true },
  { key: 'coupons', title: '发券 / 用券', value: (f) => f.couponsIssued, format: count },
  { key: 'coupon-cost', title: '优惠券成本', value: (f) => f.couponDiscountFen, format: formatFen },
  { key: 'check-in', title: '签到参与率', value: (f) => f.checkInRate, format: percentText, rate: true },
  { key: 'store-share', title: '门店销售额', value: (f) => f.storeFen, format: formatFen },
];

/** The second line of a few cards, naming the other half of a pair. */
function detailOf(key: string, figures: PeriodFigures): string | null {
  if (key === 'tier-moves') return `降级 ${count(figures.tierDowns)}`;
  if (key === 'coupons') return `用券 ${count(figures.couponsUsed)}`;
  if (key === 'check-in') return `签到 ${count(figures.checkIns)} 次`;
  if (key === 'store-share') return `线上 ${formatFen(figures.onlineFen)}`;
  return null;
}

/** The KPI cards: each figure of the range with its change from the previous period of the same length. */
export function KpiCards({ current, previous }: { current: PeriodFigures; previous: PeriodFigures }) {
  return (
    <Row gutter={[12, 12]} className="dashboard-kpis">
      {KPIS.map((kpi) => {
        const now = kpi.value(current);
        const before = kpi.value(previous);
        const change = kpi.rate ? rateChangeText(now, before) : changeText(now, before);
        const detail = detailOf(kpi.key, current);
        const color = change.direction === 'up' ? '#cf1322' : change.direction === 'down' ? '#389e0d' : undefined;
        return (
          <Col key={kpi.key} xs={12} md={8} xl={6} xxl={4}>
            <Card size="small" className={`dashboard-kpi dashboard-kpi-${kpi.key}`}>
              <Statistic title={kpi.title} value={kpi.format(now)} />
              {detail ? <Typography.Text type="secondary">{detail}</Typography.Text> : null}
              <div className="dashboard-kpi-change">
                <Typography.Text type="secondary">{kpi.standing ? '较上期末 ' : '较上期 '}</Typography.Text>
                <Typography.Text style={{ color }}>
                  {change.direction === 'up' ? <ArrowUpOutlined /> : change.direction === 'down' ? <ArrowDownOutlined /> : null}{' '}
                  {change.text}
                </Typography.Text>
              </div>
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
