import { ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { AUDIT_ACTION_TEXT, AUDIT_TARGET_TEXT } from './audit-labels';
import { NameSelect } from './name-select';

/** What the log is narrowed to; every field is optional and days are Shanghai days (YYYY-MM-DD), inclusive. */
export interface AuditFilter {
  actorId?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  fromDay?: string;
  toDay?: string;
}

interface FilterValues {
  actorId?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  days?: [Dayjs | null, Dayjs | null] | null;
}

/** The filter of the form's values: blanks left out, the range as two days. */
function toFilter({ actorId, action, targetType, targetId, days }: FilterValues): AuditFilter {
  const text = (value: string | undefined) => value?.trim() || undefined;
  const day = (value: Dayjs | null | undefined) => value?.format('YYYY-MM-DD');
  const filter: AuditFilter = {
    actorId: text(actorId),
    action: text(action),
    targetType: text(targetType),
    targetId: text(targetId),
    fromDay: day(days?.[0]),
    toDay: day(days?.[1]),
  };
  return Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined));
}

/** The filter bar of 操作日志: who, what action, what target, which days; 查询 applies, 重置 clears. */
export function AuditFilters({ onApply }: { onApply: (filter: AuditFilter) => void }) {
  const [form] = Form.useForm<FilterValues>();
  return (
    <Form<FilterValues>
      form={form}
      name="auditFilter"
      layout="inline"
      className="audit-filters"
      onFinish={(values) => onApply(toFilter(values))}
      style={{ rowGap: 12, marginBottom: 16 }}
    >
      <Form.Item name="actorId">
        <Input className="audit-actor" placeholder="操作人（用户名或编号）" allowClear maxLength={128} style={{ width: 220 }} />
      </Form.Item>
      <Form.Item name="action">
        <NameSelect className="audit-action" labels={AUDIT_ACTION_TEXT} placeholder="操作" />
      </Form.Item>
      <Form.Item name="targetType">
        <NameSelect className="audit-target-type" labels={AUDIT_TARGET_TEXT} placeholder="对象类型" />
      </Form.Item>
      <Form.Item name="targetId">
        <Input className="audit-target-id" placeholder="对象编号" allowClear maxLength={200} style={{ width: 180 }} />
      </Form.Item>
      <Form.Item name="days">
        <DatePicker.RangePicker className="audit-days" placeholder={['开始日期', '结束日期']} allowEmpty={[true, true]} />
      </Form.Item>
      <Form.Item>
        <Button className="audit-search" type="primary" htmlType="submit" icon={<SearchOutlined />}>
          查询
        </Button>
      </Form.Item>
      <Form.Item>
        <Button
          className="audit-reset"
          icon={<ReloadOutlined />}
          onClick={() => {
            form.resetFields();
            onApply({});
          }}
        >
          重置
        </Button>
      </Form.Item>
    </Form>
  );
}
