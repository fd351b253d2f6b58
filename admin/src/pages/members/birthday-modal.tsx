import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useAdminApi } from '../../api/admin-api-context';
import { newRequestKey } from '../../api/request-key';
import { useAdminAction } from '../../api/use-admin-action';

interface BirthdayValues {
  birthday: string;
}

/** The date shape the server accepts (it also checks the day exists). */
const BIRTHDAY = /^(19|20)\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Inputs of the birthday dialog. */
export interface BirthdayModalProps {
  memberId: string;
  nickname: string;
  birthday: string | null;
  onClose: () => void;
  onDone: (birthday: string) => void;
}

/** Corrects a member's birthday (members set it once themselves); the birthday coupon follows the new date. */
export function BirthdayModal({ memberId, nickname, birthday, onClose, onDone }: BirthdayModalProps) {
  const { client, token } = useAdminApi();
  const [form] = Form.useForm<BirthdayValues>();
  const [requestKey] = useState(newRequestKey);
  const { busy, error, run } = useAdminAction();

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (values === null) return;
    const outcome = await run(() => client.call('setMemberBirthday', { token, memberId, birthday: values.birthday.trim(), requestKey }));
    if (outcome.ok) onDone(outcome.value.birthday);
  };

  return (
    <Modal
      open
      className="birthday-modal"
      title={`修改生日 · ${nickname}`}
      okText="保存"
      cancelText="取消"
      confirmLoading={busy}
      onOk={submit}
      onCancel={onClose}
      mask={{ closable: false }}
    >
      <Typography.Paragraph type="secondary">当前生日：{birthday ?? '未填写'}</Typography.Paragraph>
      <Form<BirthdayValues> form={form} layout="vertical" requiredMark={false} initialValues={{ birthday: birthday ?? '' }}>
        <Form.Item
          name="birthday"
          label="生日"
          rules={[
            { required: true, whitespace: true, message: '请填写生日' },
            { pattern: BIRTHDAY, message: '请按 YYYY-MM-DD 填写，例如 1990-05-20' },
          ]}
        >
          <Input className="birthday-input" maxLength={10} placeholder="YYYY-MM-DD" />
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon title={error} /> : null}
    </Modal>
  );
}
