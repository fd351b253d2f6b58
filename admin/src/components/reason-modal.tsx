import { Alert, Form, Input, Modal, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useAdminAction } from '../api/use-admin-action';

/** The longest reason the server takes. */
const MAX_REASON = 100;

interface ReasonValues {
  reason: string;
}

/** Inputs of a reason dialog. */
export interface ReasonModalProps<T> {
  /** Names the dialog, for tests and styles. */
  className: string;
  /** Names the text box. */
  inputClassName: string;
  title: string;
  /** The text of the (danger) button that sends it. */
  okText: string;
  /** What is being decided, above the box. */
  summary: ReactNode;
  /** What the box asks for (驳回说明); the validation messages name it. */
  noun: string;
  /** Said after the noun in the box's label, e.g. who will read it. */
  labelNote?: string;
  placeholder: string;
  /** The fewest characters the server takes (2 unless said). */
  minLength?: number;
  /** Sends the reason, trimmed; a failure stays in the dialog, to be tried again. */
  send: (reason: string) => Promise<T>;
  onClose: () => void;
  onDone: (answer: T) => void;
}

/** Asks for a reason (2–100 characters unless `minLength` says otherwise), then takes a danger action with it (驳回 and the like). */
export function ReasonModal<T>({
  className,
  inputClassName,
  title,
  okText,
  summary,
  noun,
  labelNote,
  placeholder,
  minLength = 2,
  send,
  onClose,
  onDone,
}: ReasonModalProps<T>) {
  const [form] = Form.useForm<ReasonValues>();
  const { busy, error, run } = useAdminAction();

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (values === null) return;
    const outcome = await run(() => send(values.reason.trim()));
    if (outcome.ok) onDone(outcome.value);
  };

  return (
    <Modal
      open
      className={className}
      title={title}
      okText={okText}
      okButtonProps={{ danger: true }}
      cancelText="取消"
      confirmLoading={busy}
      onOk={submit}
      onCancel={onClose}
      mask={{ closable: false }}
    >
      <Typography.Paragraph type="secondary">{summary}</Typography.Paragraph>
      <Form<ReasonValues> form={form} layout="vertical" requiredMark={false}>
        <Form.Item
          name="reason"
          label={labelNote ? `${noun}（${labelNote}）` : noun}
          rules={[
            { required: true, whitespace: true, message: `请填写${noun}` },
            {
              validator: (_, value: string | undefined) => {
                const length = value?.trim().length ?? 0;
                return length === 0 || (length >= minLength && length <= MAX_REASON)
                  ? Promise.resolve()
                  : Promise.reject(new Error(`${noun}为 ${minLength}–${MAX_REASON} 个字`));
              },
            },
          ]}
        >
          <Input.TextArea className={inputClassName} rows={3} maxLength={MAX_REASON} showCount placeholder={placeholder} />
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon title={error} /> : null}
    </Modal>
  );
}
