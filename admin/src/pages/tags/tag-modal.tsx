import { Alert, Form, Input, Modal, Select, Switch } from 'antd';
import type { TagDefinitionView } from '~/types/functions/marketing-tags';
import { normaliseTagValues, TAG_ID_PATTERN, TAG_LIMITS } from '~/core/marketing/tag-rules';
import { useAdminApi } from '../../api/admin-api-context';
import { useAdminAction } from '../../api/use-admin-action';

interface TagValues {
  tagId: string;
  name: string;
  values: string[];
  staffCanSet: boolean;
}

/** 新建标签 / 编辑标签: name, id (fixed once created), allowed values, and whether staff may set it at the till. */
export function TagModal({
  tag,
  onClose,
  onSaved,
}: {
  tag: TagDefinitionView | null;
  onClose: () => void;
  onSaved: (tag: TagDefinitionView, created: boolean) => void;
}) {
  const { client, token } = useAdminApi();
  const [form] = Form.useForm<TagValues>();
  const { busy, error, run } = useAdminAction();

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (values === null) return;
    const tagId = values.tagId.trim();
    const outcome = await run(() =>
      client.call('saveTagDefinition', {
        token,
        mode: tag ? 'update' : 'create',
        ...(tagId ? { tagId } : {}),
        name: values.name.trim(),
        values: values.values,
        staffCanSet: values.staffCanSet,
      }),
    );
    if (outcome.ok) onSaved(outcome.value.tag, outcome.value.created);
  };

  return (
    <Modal
      open
      className="tag-modal"
      title={tag ? `编辑标签 · ${tag.name}` : '新建标签'}
      okText={tag ? '保存' : '创建标签'}
      okButtonProps={{ className: 'tag-save', loading: busy }}
      onOk={() => void submit()}
      onCancel={onClose}
      mask={{ closable: false }}
    >
      {error ? <Alert className="tag-error" type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form<TagValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ tagId: tag?._id ?? '', name: tag?.name ?? '', values: tag?.values ?? [], staffCanSet: tag?.staffCanSet ?? false }}
      >
        <Form.Item name="name" label="标签名称" rules={[{ required: true, whitespace: true, message: '请输入标签名称' }]}>
          <Input className="tag-name" placeholder="例如 肤质" maxLength={TAG_LIMITS.name} />
        </Form.Item>
        <Form.Item
          name="tagId"
          label="标签编号"
          extra={tag ? '编号创建后不能修改' : '选填，小写字母开头；不填则按名称生成。创建后不能修改'}
          rules={[{ pattern: TAG_ID_PATTERN, message: '编号为 1–32 位小写字母、数字、_ 或 -，以字母开头' }]}
        >
          <Input className="tag-id" placeholder="例如 skin" maxLength={32} disabled={tag !== null} />
        </Form.Item>
        <Form.Item
          name="values"
          label="可选值"
          extra={`输入后回车添加，1–${TAG_LIMITS.values} 个，每个最多 ${TAG_LIMITS.valueLength} 个字；会员持有的值不能删除`}
          rules={[
            {
              validator: (_rule, values: string[] = []) => {
                const checked = normaliseTagValues(values);
                return 'error' in checked ? Promise.reject(new Error(checked.error)) : Promise.resolve();
              },
            },
          ]}
        >
          <Select className="tag-values" mode="tags" open={false} tokenSeparators={[',', '，']} placeholder="例如 油性、干性、混合" />
        </Form.Item>
        <Form.Item name="staffCanSet" label="店员可在收银台设置" valuePropName="checked">
          <Switch className="tag-staff-can-set" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
