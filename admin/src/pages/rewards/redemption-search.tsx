import { SearchOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import type { AdminRewardRow } from '~/types/functions/admin-rewards';
import { REDEMPTION_STATUSES } from '~/types/functions/admin-rewards';
import type { RedemptionDoc } from '~/types/rewards';
import { REDEMPTION_STATUS } from './reward-labels';

/** What the redemption list is narrowed to: the server's listRedemptions search fields. */
export interface RedemptionSearch {
  rewardId?: string;
  status?: RedemptionDoc['status'];
  /** A 10-digit member number or an 11-digit mobile number. */
  member?: string;
  /** Days redeemed, `YYYY-MM-DD` (Shanghai), both included. */
  createdFrom?: string;
  createdTo?: string;
}

interface SearchValues {
  rewardId?: string;
  status?: RedemptionDoc['status'];
  member?: string;
  dates?: [Dayjs | null, Dayjs | null] | null;
}

const MEMBER = /^(?:[0-9]{10}|1[3-9][0-9]{9})$/;

/** The search the form's values ask for, without the fields left empty. */
function searchOf(values: SearchValues): RedemptionSearch {
  const member = values.member?.trim();
  const [from, to] = values.dates ?? [null, null];
  return {
    ...(values.rewardId ? { rewardId: values.rewardId } : {}),
    ...(values.status ? { status: values.status } : {}),
    ...(member ? { member } : {}),
    ...(from ? { createdFrom: from.format('YYYY-MM-DD') } : {}),
    ...(to ? { createdTo: to.format('YYYY-MM-DD') } : {}),
  };
}

/** 礼品 / 状态 / 会员号或手机号 / 兑换日期: narrows the redemption list; 重置 clears it. */
export function RedemptionSearchBar({
  rewards,
  onSearch,
}: {
  rewards: readonly AdminRewardRow[];
  onSearch: (search: RedemptionSearch) => void;
}) {
  const [form] = Form.useForm<SearchValues>();
  return (
    <Form<SearchValues>
      form={form}
      className="redemptions-search"
      layout="inline"
      onFinish={(values) => onSearch(searchOf(values))}
      style={{ marginBottom: 16, rowGap: 8 }}
    >
      <Form.Item name="rewardId">
        <Select
          className="redemptions-search-reward"
          aria-label="礼品"
          placeholder="全部礼品"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={rewards.map((reward) => ({ value: reward._id, label: reward.title }))}
          style={{ width: 180 }}
        />
      </Form.Item>
      <Form.Item name="status">
        <Select
          className="redemptions-search-status"
          aria-label="状态"
          placeholder="全部状态"
          allowClear
          options={REDEMPTION_STATUSES.map((status) => ({ value: status, label: REDEMPTION_STATUS[status].text }))}
          style={{ width: 130 }}
        />
      </Form.Item>
      <Form.Item
        name="member"
        rules={[
          {
            validator: (_: unknown, value: string | undefined) =>
              !value?.trim() || MEMBER.test(value.trim())
                ? Promise.resolve()
                : Promise.reject(new Error('请输入 10 位会员号或 11 位手机号')),
          },
        ]}
      >
        <Input className="redemptions-search-member" placeholder="会员号 / 手机号" allowClear style={{ width: 180 }} />
      </Form.Item>
      <Form.Item name="dates">
        <DatePicker.RangePicker className="redemptions-search-dates" placeholder={['兑换开始日期', '结束日期']} allowEmpty={[true, true]} />
      </Form.Item>
      <Form.Item>
        <Button className="redemptions-search-submit" type="primary" htmlType="submit" icon={<SearchOutlined />}>
          搜索
        </Button>
      </Form.Item>
      <Form.Item>
        <Button
          className="redemptions-search-reset"
          onClick={() => {
            form.resetFields();
            onSearch({});
          }}
        >
          重置
        </Button>
      </Form.Item>
    </Form>
  );
}
