import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Empty, Flex, Segmented, Spin, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { formatFen } from '~/core/money/format';
import { DASHBOARD_MAX_DAYS } from '~/types/functions/admin-dashboard';
import type { CouponDayFigures } from '~/types/stats';
import { formatDateTime } from '../../format/format-time';
import { DashboardCharts } from './dashboard-charts';
import { lastDays } from './dashboard-range';
import type { DayRange, RangePreset } from './dashboard-range';
import { KpiCards } from './kpi-cards';
import { LifecycleCard } from './lifecycle-card';
import { useDashboard } from './use-dashboard';

const couponColumns: TableColumnsType<CouponDayFigures> = [
  { title: '优惠券', dataIndex: 'title', key: 'title', ellipsis: true },
  { title: '发放', dataIndex: 'issued', key: 'issued', width: 100, align: 'right' },
  { title: '使用', dataIndex: 'used', key: 'used', width: 100, align: 'right' },
  { title: '优惠成本', dataIndex: 'discountFen', key: 'discountFen', width: 140, align: 'right', render: (fen: number) => formatFen(fen) },
];

/** The range chooser: the last 7 or 30 days, or any days up to a year long. */
function RangeChooser({ range, onChange }: { range: DayRange; onChange: (range: DayRange) => void }) {
  const [preset, setPreset] = useState<RangePreset>('7');
  return (
    <Flex gap={8} wrap align="center" className="dashboard-range">
      <Segmented<RangePreset>
        value={preset}
        options={[
          { label: '近 7 天', value: '7' },
          { label: '近 30 天', value: '30' },
          { label: '自定义', value: 'custom' },
        ]}
        onChange={(value) => {
          setPreset(value);
          if (value !== 'custom') onChange(lastDays(Number(value)));
        }}
      />
      {preset === 'custom' ? (
        <DatePicker.RangePicker
          className="dashboard-days"
          allowClear={false}
          value={[dayjs(range.from), dayjs(range.to)]}
          disabledDate={(day: Dayjs, info) => {
            if (day.isAfter(dayjs(), 'day')) return true;
            const from = info?.from;
            return !!from && Math.abs(day.diff(from, 'day')) >= DASHBOARD_MAX_DAYS;
          }}
          onChange={(days) => {
            const [from, to] = days ?? [];
            if (from && to) onChange({ from: from.format('YYYY-MM-DD'), to: to.format('YYYY-MM-DD') });
          }}
        />
      ) : null}
    </Flex>
  );
}

/** 数据看板: the programme's figures for a range beside the previous period, from the daily rollups. */
export function DashboardPage() {
  const [range, setRange] = useState<DayRange>(() => lastDays(7));
  const { view, loading, error, reload } = useDashboard(range);
  const empty = view !== null && view.current.daysWithFigures === 0 && view.previous.daysWithFigures === 0;

  return (
    <Card
      title="数据看板"
      className="dashboard-page"
      extra={
        <Button icon={<ReloadOutlined />} onClick={reload} disabled={loading} className="dashboard-reload">
          刷新
        </Button>
      }
    >
      <Flex vertical gap={16}>
        <Flex gap={12} wrap align="center" justify="space-between">
          <RangeChooser range={range} onChange={setRange} />
          {view ? (
            <Flex gap={8} align="center" className="dashboard-period">
              <Typography.Text type="secondary">
                {view.current.from} 至 {view.current.to}，对比上期 {view.previous.from} 至 {view.previous.to}
              </Typography.Text>
              {view.partial ? (
                <Tag color="orange" className="dashboard-partial">
                  今日为部分数据
                </Tag>
              ) : null}
            </Flex>
          ) : null}
        </Flex>
        {error ? (
          <Alert
            type="error"
            showIcon
            className="dashboard-error"
            title="数据看板加载失败"
            description={error}
            action={
              <Button size="small" onClick={reload}>
                重试
              </Button>
            }
          />
        ) : null}
        {loading && !view ? <Spin className="dashboard-loading" style={{ display: 'block', margin: '64px auto' }} /> : null}
        {empty ? (
          <Empty className="dashboard-empty" description="该时间段还没有统计数据：统计任务每 15 分钟汇总一次，入会和下单后即可看到" />
        ) : null}
        {view && !empty ? (
          <Spin spinning={loading}>
            <Flex vertical gap={16}>
              <KpiCards current={view.current} previous={view.previous} />
              <DashboardCharts view={view} />
              {view.stages ? <LifecycleCard stages={view.stages} /> : null}
              <Card size="small" title="各券发放、使用与成本" className="dashboard-coupons">
                <Table<CouponDayFigures>
                  rowKey="templateId"
                  size="small"
                  columns={couponColumns}
                  dataSource={view.coupons}
                  locale={{ emptyText: '该时间段没有发券或用券' }}
                  pagination={view.coupons.length > 10 ? { pageSize: 10, showTotal: (total) => `共 ${total} 种券` } : false}
                />
              </Card>
              {view.asOf !== null ? (
                <Typography.Text type="secondary" className="dashboard-as-of">
                  数据截至 {formatDateTime(view.asOf)}（每 15 分钟更新）
                </Typography.Text>
              ) : null}
            </Flex>
          </Spin>
        ) : null}
      </Flex>
    </Card>
  );
}
