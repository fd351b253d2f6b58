import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Flex, Form, Input, InputNumber, Modal, Space, Switch, Tag, message } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { useCallback, useState } from 'react';
import type { BannerDoc } from '~/types/catalog';
import { useAdminApi } from '../../api/admin-api-context';
import { describeActionError } from '../../api/error-messages';
import { outcomeOf } from '../../api/outcome';
import { ActionError } from '../../components/action-error';
import { ImageUpload } from '../../components/image-upload';
import { ListTable } from '../../components/list-table';
import { May } from '../../components/may';
import { formatDateTime } from '../../format/format-time';
import { useMay } from '../../hooks/use-may';
import { useWholeList } from '../../hooks/use-whole-list';
import type { LoadWholeList } from '../../hooks/use-whole-list';
import { PRODUCT_ID_PATTERN } from '../products/product-form-values';
import { CataloguePicture, ENTRY_ID_PATTERN, asPictures, pictureOf } from './catalogue-picture';

interface BannerForm {
  bannerId: string;
  title: string;
  picture: string[];
  productId: string;
  sort: number | null;
  active: boolean;
  window: [Dayjs | null, Dayjs | null] | null;
}

/** Whether a banner shows on the home page now, and why not. */
export function bannerState(banner: BannerDoc, now: number): { text: string; color: string } {
  if (!banner.active) return { text: '已停用', color: 'default' };
  if (banner.startsAt != null && now < banner.startsAt) return { text: '未开始', color: 'blue' };
  if (banner.endsAt != null && now >= banner.endsAt) return { text: '已结束', color: 'default' };
  return { text: '展示中', color: 'green' };
}

const windowText = (banner: BannerDoc) =>
  banner.startsAt == null && banner.endsAt == null
    ? '长期'
    : `${banner.startsAt == null ? '即日' : formatDateTime(banner.startsAt)} 至 ${banner.endsAt == null ? '长期' : formatDateTime(banner.endsAt)}`;

/** The saveBanner payload of the form's checked values. */
function payloadOf(values: BannerForm, mode: 'create' | 'update') {
  const [from, to] = values.window ?? [null, null];
  return {
    mode,
    bannerId: values.bannerId.trim(),
    title: values.title.trim(),
    imageUrl: pictureOf(values.picture),
    productId: values.productId?.trim() || null,
    sort: values.sort ?? 0,
    active: values.active,
    startsAt: from ? from.valueOf() : null,
    endsAt: to ? to.valueOf() : null,
  } as const;
}

/** 新建横幅 / 编辑横幅: picture, title, the product a tap opens, order, on/off and time window. */
function BannerModal({
  banner,
  urls,
  onClose,
  onSaved,
}: {
  banner: BannerDoc | null;
  urls: Record<string, string>;
  onClose: () => void;
  onSaved: (saved: BannerDoc) => void;
}) {
  const { client, token, onSessionLost } = useAdminApi();
  const [form] = Form.useForm<BannerForm>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const save = async () => {
    setError(null);
    const values = await form.validateFields().catch(() => null);
    if (values === null) return;
    setBusy(true);
    const outcome = await outcomeOf(
      () => client.call('saveBanner', { token, ...payloadOf(values, banner ? 'update' : 'create') }),
      describeActionError,
    );
    setBusy(false);
    if (outcome.ok) return onSaved(outcome.value.banner);
    if (outcome.failure.sessionLost) return onSessionLost(outcome.failure.message);
    setError(outcome.failure.code === 'CONFLICT' ? '这个横幅编号已被另一个横幅使用，请换一个' : outcome.failure.message);
  };

  const window: BannerForm['window'] = banner
    ? [banner.startsAt == null ? null : dayjs(banner.startsAt), banner.endsAt == null ? null : dayjs(banner.endsAt)]
    : null;
  return (
    <Modal
      open
      className="banner-modal"
      title={banner ? `编辑横幅 · ${banner.title}` : '新建横幅'}
      okText="保存"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => void save()}
      onCancel={onClose}
      mask={{ closable: false }}
      width={640}
    >
      <Form<BannerForm>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{
          bannerId: banner?._id ?? '',
          title: banner?.title ?? '',
          picture: asPictures(banner?.imageUrl),
          productId: banner?.productId ?? '',
          sort: banner?.sort ?? 100,
          active: banner?.active ?? true,
          window,
        }}
      >
        <Form.Item
          name="bannerId"
          label="横幅编号"
          rules={[
            { required: true, whitespace: true, message: '请输入横幅编号' },
            { pattern: ENTRY_ID_PATTERN, message: '横幅编号为 1–32 位小写字母、数字或 -，以字母或数字开头' },
          ]}
        >
          <Input className="banner-id" maxLength={32} disabled={banner !== null} placeholder="例如 spring-sale" />
        </Form.Item>
        <Form.Item
          name="title"
          label="标题"
          rules={[
            { required: true, whitespace: true, message: '请输入标题' },
            { max: 30, message: '标题最多 30 个字' },
          ]}
        >
          <Input className="banner-title" maxLength={30} showCount />
        </Form.Item>
        <Form.Item
          name="picture"
          label="图片"
          extra="建议 750×300；PNG、JPG 或 WebP，不超过 2MB"
          rules={[
            {
              validator: (_rule, value: string[] | undefined) =>
                value?.length ? Promise.resolve() : Promise.reject(new Error('请上传横幅图片')),
            },
          ]}
        >
          <ImageUpload className="banner-picture" folder="banners" max={1} displayUrls={urls} label="上传横幅图片" />
        </Form.Item>
        <Form.Item
          name="productId"
          label="点击跳转的商品编号"
          extra="留空则不跳转"
          rules={[{ pattern: PRODUCT_ID_PATTERN, message: '请输入商品编号，如 coffee-beans' }]}
        >
          <Input className="banner-product" placeholder="例如 coffee-beans" maxLength={48} />
        </Form.Item>
        <Form.Item
          name="window"
          label="展示时间"
          extra="不填开始即立即展示，不填结束即长期展示"
          rules={[
            {
              validator: (_rule, value: BannerForm['window']) =>
                value?.[0] && value[1] && !value[1].isAfter(value[0])
                  ? Promise.reject(new Error('结束时间须晚于开始时间'))
                  : Promise.resolve(),
            },
          ]}
        >
          <DatePicker.RangePicker className="banner-window" showTime allowEmpty={[true, true]} placeholder={['开始时间', '结束时间']} />
        </Form.Item>
        <Space size="large">
          <Form.Item name="sort" label="排序（小的在前）" rules={[{ required: true, message: '请输入排序' }]}>
            <InputNumber<number> className="banner-sort" min={0} max={1_000_000} precision={0} />
          </Form.Item>
          <Form.Item name="active" label="启用" valuePropName="checked">
            <Switch className="banner-active" />
          </Form.Item>
        </Space>
      </Form>
      {error ? <Alert className="banner-save-error" type="error" showIcon title={error} /> : null}
    </Modal>
  );
}

/** 首页横幅: every banner in display order with its state (展示中, 未开始, 已结束, 已停用); create, edit, reorder by 排序, switch on or off. */
export function BannersTab() {
  const { client, token, onSessionLost } = useAdminApi();
  const [urls, setUrls] = useState<Record<string, string>>({});
  const [editing, setEditing] = useState<BannerDoc | null | 'new'>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [notice, noticeHolder] = message.useMessage();
  const maySave = useMay('saveBanner');
  const now = Date.now();

  const load = useCallback<LoadWholeList<BannerDoc, null>>(
    async (_filter, signal) => {
      const answer = await client.call('listBanners', { token }, { signal });
      setUrls(answer.displayUrls);
      return answer;
    },
    [client, token],
  );
  const list = useWholeList(load, null);

  const setActive = async (banner: BannerDoc, active: boolean) => {
    setBusyId(banner._id);
    setActionError(null);
    const { _id, ...fields } = banner;
    const outcome = await outcomeOf(
      () =>
        client.call('saveBanner', {
          token,
          mode: 'update',
          bannerId: _id,
          ...fields,
          startsAt: fields.startsAt ?? null,
          endsAt: fields.endsAt ?? null,
          active,
        }),
      describeActionError,
    );
    setBusyId(null);
    if (outcome.ok) notice.success(`${active ? '已启用' : '已停用'}横幅「${banner.title}」`);
    else if (outcome.failure.sessionLost) return onSessionLost(outcome.failure.message);
    else setActionError(`${active ? '启用' : '停用'}横幅「${banner.title}」未成功：${outcome.failure.message}`);
    list.reload();
  };

  const columns: TableColumnsType<BannerDoc> = [
    {
      title: '图片',
      key: 'picture',
      width: 140,
      render: (_, row) => <CataloguePicture url={row.imageUrl} urls={urls} alt={row.title} width={120} height={48} />,
    },
    { title: '标题', dataIndex: 'title', key: 'title' },
    { title: '跳转商品', key: 'product', render: (_, row) => row.productId ?? '不跳转' },
    { title: '排序', dataIndex: 'sort', key: 'sort', width: 70 },
    { title: '展示时间', key: 'window', render: (_, row) => windowText(row) },
    {
      title: '状态',
      key: 'state',
      width: 90,
      render: (_, row) => {
        const state = bannerState(row, now);
        return (
          <Tag className="banner-state" color={state.color}>
            {state.text}
          </Tag>
        );
      },
    },
    ...(maySave
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 150,
            render: (_: unknown, row: BannerDoc) => (
              <Space>
                <Switch
                  className="banner-active-switch"
                  size="small"
                  checked={row.active}
                  loading={busyId === row._id}
                  aria-label={`启用「${row.title}」`}
                  onChange={(active) => void setActive(row, active)}
                />
                <Button className="banner-edit" type="link" onClick={() => setEditing(row)}>
                  编辑
                </Button>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      {noticeHolder}
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <span className="banners-total">共 {list.rows.length} 个横幅</span>
        <May action="saveBanner">
          <Button className="banner-create-button" type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            新建横幅
          </Button>
        </May>
      </Flex>
      <ActionError className="banners-action-error" message={actionError} onClose={() => setActionError(null)} />
      <ListTable<BannerDoc>
        list={list}
        classPrefix="banners"
        errorTitle="横幅加载失败"
        emptyText="还没有横幅"
        rowKey="_id"
        columns={columns}
      />
      {editing === null ? null : (
        <BannerModal
          banner={editing === 'new' ? null : editing}
          urls={urls}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            notice.success(`已保存横幅「${saved.title}」`);
            list.reload();
          }}
        />
      )}
    </>
  );
}
