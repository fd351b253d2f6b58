import { Column } from '@ant-design/plots';
import type { ReactElement } from 'react';
import type { MemberProfileView } from '~/types/functions/marketing-profiles';

/** Net spend by month, online and in store stacked, in yuan. Loaded on demand so the charts library stays out of the main chunk. */
export default function MemberValueChart({ months }: { months: MemberProfileView['valueByMonth'] }): ReactElement {
  const data = months.flatMap((row) => [
    { month: row.month, channel: '线上', value: row.onlineFen / 100 },
    { month: row.month, channel: '门店', value: row.storeFen / 100 },
  ]);
  return <Column data={data} xField="month" yField="value" colorField="channel" stack height={220} />;
}
