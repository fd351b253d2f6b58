import { SearchOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';

/** What the orders list is narrowed to, beside its status: the server's listOrders search fields. */
export interface OrderSearch {
  orderNo?: string;
  /** A 10-digit member number or an 11-digit mobile number. */
  member?: string;
  /** Days placed, `YYYY-MM-DD` (Shanghai), both included. */
  createdFrom?: string;
  createdTo?: string;
}

interface SearchValues {
  orderNo?: string;
  member?: string;
  dates?: [Dayjs | null, Dayjs | null] | null;
}

const ORDER_NO = /^[0-9]{6,32}$/;
const MEMBER = /^(?:[0-9]{10}|1[3-9][0-9]{9})$/;

/** The search the form's values ask for, without the fields left empty. */
function searchOf(values: SearchValues): OrderSearch {
  const orderNo = values.orderNo?.trim();
  const member = values.member?.trim();
  const [from, to] = values.dates ?? [null, null];
  return {
    ...(orderNo ? { orderNo } : {}),
    ...(member ? { member } : {}),
    ...(from ? { createdFrom: from.format('YYYY-MM-DD') } : {}),
    ...(to ? { createdTo: to.format('YYYY-MM-DD') } : {}),
  };
}

const patternRule = (pattern: RegExp, message: string) => ({
  validator: (_: unknown, value: string | undefined) =>
    !value?.trim() || pattern.test(value.trim()) ? Promise.resolve() : Promise.reject(new Error(message)),
});

/** 订单号 / 会员号或手机号 / 下单日期: narrows the orders list; 重置 clears it. */
export function OrderSearchBar({ onSearch }: { onSearch: (search: OrderSearch) => void }) {
  const [form] = Form.useForm<SearchValues>();
  return (
    <Form<SearchValues>
      form={form}
      className="orders-search"
      layout="inline"
      onFinish={(values) => onSearch(searchOf(values))}
      style={{ marginBottom: 16, rowGap: 8 }}
    >
      <Form.Item name="orderNo" rules={[patternRule(ORDER_NO, '订单号为 6–32 位数字')]}>
        <Input className="orders-search-no" placeholder="订单号" allowClear style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="member" rules={[patternRule(MEMBER, '请输入 10 位会员号或 11 位手机号')]}>
        <Input className="orders-search-member" placeholder="会员号 / 手机号" allowClear style={{ width: 180 }} />
      </Form.Item>
      <Form.Item name="dates">
        <DatePicker.RangePicker className="orders-search-dates" placeholder={['下单开始日期', '结束日期']} allowEmpty={[true, true]} />
      </Form.Item>
      <Form.Item>
        <Button className="orders-search-submit" type="primary" htmlType="submit" icon={<SearchOutlined />}>
          搜索
        </Button>
      </Form.Item>
      <Form.Item>
        <Button
          className="orders-search-reset"
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
