import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Input, InputNumber, Modal, Space, Switch, Tag, message } from 'antd';
import type { TableColumnsType } from 'antd';
import { useCallback, useState } from 'react';
import type { CategoryDoc } from '~/types/catalog';
import { useAdminApi } from '../../api/admin-api-context';
import { describeActionError } from '../../api/error-messages';
import { outcomeOf } from '../../api/outcome';
import { ActionError } from '../../components/action-error';
import { ImageUpload } from '../../components/image-upload';
import { ListTable } from '../../components/list-table';
import { May } from '../../components/may';
import { useMay } from '../../hooks/use-may';
import { useWholeList } from '../../hooks/use-whole-list';
import type { LoadWholeList } from '../../hooks/use-whole-list';
import { CataloguePicture, ENTRY_ID_PATTERN, asPictures, pictureOf } from './catalogue-picture';

interface CategoryForm {
  categoryId: string;
  name: string;
  icon: string[];
  sort: number | null;
  hidden: boolean;
}

/** 新建分类 / 编辑分类: the form keeps what was typed when the server refuses it. */
function CategoryModal({
  category,
  urls,
  onClose,
  onSaved,
}: {
  category: CategoryDoc | null;
  urls: Record<string, string>;
  onClose: () => void;
  onSaved: (saved: CategoryDoc) => void;
}) {
  const { client, token, onSessionLost } = useAdminApi();
  const [form] = Form.useForm<CategoryForm>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const save = async () => {
    setError(null);
    const values = await form.validateFields().catch(() => null);
    if (values === null) return;
    setBusy(true);
    const outcome = await outcomeOf(
      () =>
        client.call('saveCategory', {
          token,
          mode: category ? 'update' : 'create',
          categoryId: values.categoryId.trim(),
          name: values.name.trim(),
          iconUrl: pictureOf(values.icon),
          sort: values.sort ?? 0,
          hidden: values.hidden,
        }),
      describeActionError,
    );
    setBusy(false);
    if (outcome.ok) return onSaved(outcome.value.category);
    if (outcome.failure.sessionLost) return onSessionLost(outcome.failure.message);
    setError(outcome.failure.code === 'CONFLICT' ? '这个分类编号已被另一个分类使用，请换一个' : outcome.failure.message);
  };

  return (
    <Modal
      open
      className="category-modal"
      title={category ? `编辑分类 · ${category.name}` : '新建分类'}
      okText="保存"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => void save()}
      onCancel={onClose}
      mask={{ closable: false }}
    >
      <Form<CategoryForm>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{
          categoryId: category?._id ?? '',
          name: category?.name ?? '',
          icon: asPictures(category?.iconUrl),
          sort: category?.sort ?? 100,
          hidden: category?.hidden ?? false,
        }}
      >
        <Form.Item
          name="categoryId"
          label="分类编号"
          extra={category ? undefined : '用作分类的固定编号，创建后不能修改'}
          rules={[
            { required: true, whitespace: true, message: '请输入分类编号' },
            { pattern: ENTRY_ID_PATTERN, message: '分类编号为 1–32 位小写字母、数字或 -，以字母或数字开头' },
          ]}
        >
          <Input className="category-id" maxLength={32} disabled={category !== null} placeholder="例如 tea-gifts" />
        </Form.Item>
        <Form.Item
          name="name"
          label="名称"
          rules={[
            { required: true, whitespace: true, message: '请输入分类名称' },
            { max: 10, message: '名称最多 10 个字' },
          ]}
        >
          <Input className="category-name" maxLength={10} showCount />
        </Form.Item>
        <Form.Item
          name="icon"
          label="图标"
          rules={[
            {
              validator: (_rule, value: string[] | undefined) =>
                value?.length ? Promise.resolve() : Promise.reject(new Error('请上传分类图标')),
            },
          ]}
        >
          <ImageUpload className="category-icon" folder="categories" max={1} displayUrls={urls} label="上传分类图标" />
        </Form.Item>
        <Space size="large">
          <Form.Item name="sort" label="排序（小的在前）" rules={[{ required: true, message: '请输入排序' }]}>
            <InputNumber<number> className="category-sort" min={0} max={1_000_000} precision={0} />
          </Form.Item>
          <Form.Item name="hidden" label="在商城隐藏" valuePropName="checked">
            <Switch className="category-hidden" />
          </Form.Item>
        </Space>
      </Form>
      {error ? <Alert className="category-save-error" type="error" showIcon title={error} /> : null}
    </Modal>
  );
}

/** 分类: every category in display order with its icon, hidden or shown; create, edit, reorder by 排序, hide. */
export function CategoriesTab() {
  const { client, token, onSessionLost } = useAdminApi();
  const [urls, setUrls] = useState<Record<string, string>>({});
  const [editing, setEditing] = useState<CategoryDoc | null | 'new'>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [notice, noticeHolder] = message.useMessage();
  const maySave = useMay('saveCategory');

  const load = useCallback<LoadWholeList<CategoryDoc, null>>(
    async (_filter, signal) => {
      const answer = await client.call('listCategories', { token }, { signal });
      setUrls(answer.displayUrls ?? {});
      return answer;
    },
    [client, token],
  );
  const list = useWholeList(load, null);

  const setHidden = async (category: CategoryDoc, hidden: boolean) => {
    setBusyId(category._id);
    setActionError(null);
    const outcome = await outcomeOf(
      () =>
        client.call('saveCategory', {
          token,
          mode: 'update',
          categoryId: category._id,
          name: category.name,
          iconUrl: category.iconUrl,
          sort: category.sort,
          hidden,
        }),
      describeActionError,
    );
    setBusyId(null);
    if (outcome.ok) notice.success(`${hidden ? '已隐藏' : '已显示'}分类「${category.name}」`);
    else if (outcome.failure.sessionLost) return onSessionLost(outcome.failure.message);
    else setActionError(`${hidden ? '隐藏' : '显示'}分类「${category.name}」未成功：${outcome.failure.message}`);
    list.reload();
  };

  const columns: TableColumnsType<CategoryDoc> = [
    {
      title: '图标',
      key: 'icon',
      width: 72,
      render: (_, row) => <CataloguePicture url={row.iconUrl} urls={urls} alt={row.name} width={40} height={40} />,
    },
    { title: '名称', dataIndex: 'name', key: 'name' },
    { title: '编号', dataIndex: '_id', key: 'id' },
    { title: '排序', dataIndex: 'sort', key: 'sort', width: 80 },
    {
      title: '在商城显示',
      key: 'shown',
      width: 120,
      render: (_, row) =>
        maySave ? (
          <Switch
            className="category-shown-switch"
            checked={row.hidden !== true}
            loading={busyId === row._id}
            aria-label={`在商城显示「${row.name}」`}
            onChange={(shown) => void setHidden(row, !shown)}
          />
        ) : (
          <Tag color={row.hidden ? 'default' : 'green'}>{row.hidden ? '已隐藏' : '显示中'}</Tag>
        ),
    },
    ...(maySave
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 90,
            render: (_: unknown, row: CategoryDoc) => (
              <Button className="category-edit" type="link" onClick={() => setEditing(row)}>
                编辑
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      {noticeHolder}
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <span className="categories-total">共 {list.rows.length} 个分类</span>
        <May action="saveCategory">
          <Button className="category-create-button" type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            新建分类
          </Button>
        </May>
      </Flex>
      <ActionError className="categories-action-error" message={actionError} onClose={() => setActionError(null)} />
      <ListTable<CategoryDoc>
        list={list}
        classPrefix="categories"
        errorTitle="分类加载失败"
        emptyText="还没有分类"
        rowKey="_id"
        columns={columns}
      />
      {editing === null ? null : (
        <CategoryModal
          category={editing === 'new' ? null : editing}
          urls={urls}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            notice.success(`已保存分类「${saved.name}」`);
            list.reload();
          }}
        />
      )}
    </>
  );
}
