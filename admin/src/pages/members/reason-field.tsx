import { Form, Input } from 'antd';

/** The reason a member-desk change is made for: 2–100 characters, kept with the change and its audit entry. */
export function ReasonField({ label, className, placeholder }: { label: string; className: string; placeholder: string }) {
  return (
    <Form.Item
      name="reason"
      label={label}
      rules={[
        { required: true, whitespace: true, message: '请填写原因' },
        { min: 2, max: 100, message: '原因为 2–100 个字' },
      ]}
    >
      <Input className={className} maxLength={100} placeholder={placeholder} />
    </Form.Item>
  );
}
