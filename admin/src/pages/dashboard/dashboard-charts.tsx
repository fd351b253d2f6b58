import { Bar, Column, Funnel, Line, Pie } from '@ant-design/plots';
import { Card, Col, Empty, Row } from 'antd';
import type { ReactNode } from 'react';
import { formatFen } from '~/core/money/format';
import type { DashboardView } from '~/types/functions/admin-dashboard';
import { chartData } from './chart-data';

const HEIGHT = 260;

function ChartCard({
  title,
  className,
  extra,
  empty,
  children,
}: {
  title: string;
  className: string;
  extra?: ReactNode;
  empty: boolean;
  children: ReactNode;
}) {
  return (
    <Col xs={24} xl={12}>
      <Card size="small" title={title} extra={extra} className={`dashboard-chart ${className}`}>
        {empty ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="该时间段没有数据" style={{ height: HEIGHT - 40 }} /> : children}
      </Card>
    </Col>
  );
}

/** The dashboard's charts: trends, tier distribution, the purchase funnel, points, coupons by template and channels. */
export function DashboardCharts({ view }: { view: DashboardView }) {
  const data = chartData(view);
  const { current } = view;
  return (
    <Row gutter={[12, 12]} className="dashboard-charts">
      <ChartCard title="成交额趋势（元）" className="chart-gmv" empty={current.daysWithFigures === 0}>
        <Line data={data.gmv} xField="day" yField="value" height={HEIGHT} point={{ size: 3 }} axis={{ y: { title: false } }} />
      </ChartCard>
      <ChartCard title="订单与新增会员趋势" className="chart-counts" empty={current.daysWithFigures === 0}>
        <Line data={data.counts} xField="day" yField="value" colorField="series" height={HEIGHT} point={{ size: 3 }} />
      </ChartCard>
      <ChartCard title="会员等级分布" className="chart-tiers" extra={`共 ${current.membersTotal} 人`} empty={data.tiers.length === 0}>
        <Pie
          data={data.tiers}
          angleField="value"
          colorField="tier"
          innerRadius={0.55}
          height={HEIGHT}
          label={{ text: (row: { tier: string; value: number }) => `${row.tier} ${row.value}`, position: 'outside' }}
        />
      </ChartCard>
      <ChartCard
        title="转化漏斗：入会 → 首单 → 复购"
        className="chart-funnel"
        empty={current.funnel.joined + current.funnel.firstPurchases === 0}
      >
        <Funnel data={data.funnel} xField="stage" yField="value" height={HEIGHT} />
      </ChartCard>
      <ChartCard title="积分发放 / 消耗 / 过期" className="chart-points" empty={current.daysWithFigures === 0}>
        <Column data={data.points} xField="day" yField="value" colorField="kind" group height={HEIGHT} />
      </ChartCard>
      <ChartCard
        title="各券发放与使用"
        className="chart-coupons"
        extra={`优惠成本 ${formatFen(current.couponDiscountFen)}`}
        empty={data.coupons.length === 0}
      >
        <Bar data={data.coupons} xField="template" yField="value" colorField="kind" group height={HEIGHT} />
      </ChartCard>
      <ChartCard
        title="线上与门店销售额（元）"
        className="chart-channels"
        extra={`线上 ${formatFen(current.onlineFen)} · 门店 ${formatFen(current.storeFen)}`}
        empty={current.daysWithFigures === 0}
      >
        <Column data={data.channels} xField="day" yField="value" colorField="channel" stack height={HEIGHT} />
      </ChartCard>
    </Row>
  );
}
