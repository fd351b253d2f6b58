import { Line } from '@ant-design/plots';
import type { CampaignResults } from '~/types/campaigns';
import { GROUP_NAMES } from './campaign-labels';

/** Each group's cumulative GMV per member (yuan) by day since launch; loaded lazily with the charting library. */
export default function CampaignChart({ series }: { series: CampaignResults['series'] }) {
  const data = series.map((row) => ({ day: row.day, group: GROUP_NAMES[row.group] ?? row.group, yuan: row.gmvPerMemberFen / 100 }));
  return (
    <Line
      data={data}
      xField="day"
      yField="yuan"
      colorField="group"
      height={260}
      axis={{ y: { title: '人均 GMV（元）' }, x: { title: '启动后天数' } }}
    />
  );
}
