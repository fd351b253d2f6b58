import { Alert, Col, Form, Input, InputNumber, Modal, Row, Switch, Typography } from 'antd';
import type { FormInstance } from 'antd';
import type { StoreDetailRow } from '~/types/functions/admin-staff';
import { CHINA_BOUNDS } from '~/types/functions/admin-staff';
import { useAdminApi } from '../../api/admin-api-context';
import { useAdminAction } from '../../api/use-admin-action';

/** The store form as the admin fills it in. */
interface StoreValues {
  storeId: string;
  name: string;
  address: string;
  phone?: string;
  openHours: string;
  latitude: number | null;
  longitude: number | null;
  pickupEnabled: boolean;
  pointsPendingDays: number | null;
}

const STORE_ID = /^[a-z0-9][a-z0-9-]{0,31}$/;
const PHONE = /^(?:1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8}|400-?[0-9]{3}-?[0-9]{4})$/;

function valuesOf(store: StoreDetailRow | null): StoreValues {
  return {
    storeId: store?.storeId ?? '',
    name: store?.name ?? '',
    address: store?.address ?? '',
    phone: store?.phone ?? '',
    openHours: store?.openHours ?? '',
    latitude: store?.location?.latitude ?? null,
    longitude: store?.location?.longitude ?? null,
    pickupEnabled: store?.pickupEnabled ?? true,
    pointsPendingDays: store?.pointsPendingDays ?? null,
  };
}

/** Inputs of the store dialog. */
export interface StoreModalProps {
  /** The store to edit, or null to open a new one. */
  store: StoreDetailRow | null;
  onClose: () => void;
  onSaved: (store: StoreDetailRow, created: boolean) => void;
}

/** 新建门店 / 编辑门店: name, address, phone, opening hours, the GCJ-02 location, pickup and the points pending days. */
export function StoreModal({ store, onClose, onSaved }: StoreModalProps) {
  const { client, token } = useAdminApi();
  const [form] = Form.useForm<StoreValues>();
  const { busy, error, setError, run } = useAdminAction();
  const mode = store === null ? 'create' : 'update';

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (values === null) return;
    const location =
      values.latitude !== null && values.longitude !== null ? { latitude: values.latitude, longitude: values.longitude } : null;
    const outcome = await run(() =>
      client.call('saveStore', {
        token,
        mode,
        storeId: values.storeId.trim(),
        name: values.name.trim(),
        address: values.address.trim(),
        phone: (values.phone ?? '').trim(),
        openHours: values.openHours.trim(),
        location,
        pickupEnabled: values.pickupEnabled,
        pointsPendingDays: values.pointsPendingDays,
      }),
    );
    if (outcome.ok) return onSaved(outcome.value.store, outcome.value.created);
    if (outcome.failure.code === 'CONFLICT' && mode === 'create') {
      (form as FormInstance).setFields([{ name: 'storeId', errors: ['这个门店编号已被另一家门店使用'] }]);
      setError('门店编号已被占用，请换一个');
    } else if (outcome.failure.code === 'CONFLICT') {
      setError('门店已被他人修改，请关闭后重新打开再保存');
    }
  };

  const both =
    (other: 'latitude' | 'longitude', label: string) =>
    ({ getFieldValue }: { getFieldValue: (name: string) => unknown }) => ({
      validator: (_rule: unknown, value: number | null) =>
        (value === null || value === undefined) !== (getFieldValue(other) === null || getFieldValue(other) === undefined)
          ? Promise.reject(new Error(`请同时填写${label}，或两者都不填`))
          : Promise.resolve(),
    });

  return (
    <Modal
      open
      className="store-modal"
      title={store === null ? '新建门店' : `编辑门店 · ${store.name}`}
      width={680}
      okText={store === null ? '创建门店' : '保存'}
      okButtonProps={{ className: 'store-save', loading: busy }}
      onOk={() => void submit()}
      onCancel={onClose}
      mask={{ closable: false }}
    >
      {error ? <Alert className="store-error" type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form<StoreValues> form={form} layout="vertical" requiredMark={false} initialValues={valuesOf(store)}>
        <Row gutter={16}>
          <Col span={10}>
            <Form.Item
              name="storeId"
              label="门店编号"
              extra={store === null ? '门店的固定编号，创建后不能修改' : undefined}
              rules={[
                { required: true, whitespace: true, message: '请输入门店编号' },
                { pattern: STORE_ID, message: '门店编号为 1–32 位小写字母、数字或 -，以字母或数字开头' },
              ]}
            >
              <Input className="store-id" placeholder="例如 xuhui-riverside" maxLength={32} disabled={store !== null} />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item
              name="name"
              label="门店名称"
              rules={[
                { required: true, whitespace: true, message: '请输入门店名称' },
                { max: 30, message: '门店名称最多 30 个字' },
              ]}
            >
              <Input className="store-name" maxLength={30} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="address"
          label="地址"
          rules={[
            { required: true, whitespace: true, message: '请输入地址' },
            { min: 5, message: '请填写完整地址（至少 5 个字）' },
            { max: 100, message: '地址最多 100 个字' },
          ]}
        >
          <Input className="store-address" maxLength={100} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="phone"
              label="电话"
              rules={[
                {
                  validator: (_rule, value: string | undefined) =>
                    !value?.trim() || PHONE.test(value.trim())
                      ? Promise.resolve()
                      : Promise.reject(new Error('请填写手机号或带区号的座机号，如 021-62881234')),
                },
              ]}
            >
              <Input className="store-phone" maxLength={20} placeholder="021-62881234" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="openHours"
              label="营业时间"
              rules={[
                { required: true, whitespace: true, message: '请填写营业时间，如 10:00-22:00' },
                { max: 60, message: '营业时间最多 60 个字' },
              ]}
            >
              <Input className="store-hours" maxLength={60} placeholder="10:00-22:00" />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          位置（GCJ-02 坐标，即腾讯地图、高德地图拾取的坐标），用于结算时预选离会员最近的门店；不填则不参与就近推荐。
        </Typography.Paragraph>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="latitude" label="纬度" dependencies={['longitude']} rules={[both('longitude', '经度')]}>
              <InputNumber<number>
                className="store-latitude"
                min={CHINA_BOUNDS.minLatitude}
                max={CHINA_BOUNDS.maxLatitude}
                step={0.000001}
                placeholder="31.230416"
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="longitude" label="经度" dependencies={['latitude']} rules={[both('latitude', '纬度')]}>
              <InputNumber<number>
                className="store-longitude"
                min={CHINA_BOUNDS.minLongitude}
                max={CHINA_BOUNDS.maxLongitude}
                step={0.000001}
                placeholder="121.473701"
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="pickupEnabled" label="支持到店自提" valuePropName="checked">
              <Switch className="store-pickup" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="pointsPendingDays" label="门店消费积分待生效天数（不填按会员规则）">
              <InputNumber<number> className="store-pending-days" min={0} max={90} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
