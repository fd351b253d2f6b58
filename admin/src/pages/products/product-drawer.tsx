import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Col, Drawer, Flex, Form, Input, InputNumber, Row, Select, Space, Switch, Table, Typography } from 'antd';
import type { FormInstance, TableColumnsType } from 'antd';
import type { RuleObject } from 'antd/es/form';
import { useState } from 'react';
import { formatFen } from '~/core/money/format';
import type { CategoryDoc } from '~/types/catalog';
import type { AdminProduct } from '~/types/functions/admin-catalog';
import { useAdminApi } from '../../api/admin-api-context';
import { AdminApiError } from '../../api/client';
import { describeActionError } from '../../api/error-messages';
import { outcomeOf } from '../../api/outcome';
import { parseYuan } from '../../format/parse-yuan';
import { ImageUpload } from '../../components/image-upload';
import {
  PRODUCT_ID_PATTERN,
  PRODUCT_LIMITS as LIMITS,
  combinations,
  comboKey,
  formFieldOf,
  formValuesOf,
  payloadOf,
  soldCombinations,
  specsOf,
  splitKeywords,
  splitServerMessage,
  splitValues,
} from './product-form-values';
import type { FieldName, ProductFormValues, SkuCell, SpecDraft } from './product-form-values';

/** Inputs of the product drawer. */
export interface ProductDrawerProps {
  /** The product to edit, or null to create one. */
  product: AdminProduct | null;
  categories: readonly CategoryDoc[];
  onClose: () => void;
  onSaved: (product: AdminProduct, created: boolean) => void;
}

const check = (problem: string | null) => (problem === null ? Promise.resolve() : Promise.reject(new Error(problem)));

/** Checks the pictures: at least one, at most the server's limit. */
function imagesProblem(images: string[] | undefined): string | null {
  if (!images || images.length === 0) return '请至少上传一张商品图片';
  return images.length > LIMITS.images ? `最多 ${LIMITS.images} 张图片` : null;
}

function keywordsProblem(text: string | undefined): string | null {
  const words = splitKeywords(text);
  if (words.length > LIMITS.keywords) return `最多 ${LIMITS.keywords} 个关键词`;
  const long = words.find((word) => word.length > LIMITS.keyword);
  return long ? `关键词「${long}」超过 ${LIMITS.keyword} 个字` : null;
}

function specValuesProblem(text: string | undefined): string | null {
  const values = splitValues(text);
  if (values.length === 0) return '请填写至少一个规格值';
  if (values.length > LIMITS.specValues) return `每个规格最多 ${LIMITS.specValues} 个值`;
  const long = values.find((value) => value.length > LIMITS.specValue);
  if (long) return `规格值「${long}」超过 ${LIMITS.specValue} 个字`;
  const repeated = values.find((value, i) => values.indexOf(value) !== i);
  return repeated ? `规格值「${repeated}」重复了` : null;
}

function priceProblem(text: string | undefined): string | null {
  const fen = parseYuan(text ?? '');
  if (fen === null) return '请输入价格（元），如 12.50';
  if (fen < 1) return '价格至少 0.01 元';
  return fen > LIMITS.priceFen ? `价格不能超过 ${formatFen(LIMITS.priceFen)}` : null;
}

/** One row of the SKU grid. */
interface GridRow {
  key: string;
  specValues: string[];
  /** The id of a SKU the product already sells; it keeps the id and its stock. */
  skuId: string | null;
}

/** Whether a combination is sold: on unless switched off. */
function SoldBox({ value, onChange, label }: { value?: boolean; onChange?: (on: boolean) => void; label: string }) {
  return (
    <Checkbox className="sku-enabled" aria-label={label} checked={value !== false} onChange={(event) => onChange?.(event.target.checked)} />
  );
}

const gridName = <C extends keyof SkuCell>(key: string, cell: C): ['grid', string, C] => ['grid', key, cell];

/** Whether the grid row of this combination is sold; only its own cells re-render when it changes. */
const useSold = (key: string) => Form.useWatch(gridName(key, 'enabled')) !== false;

function PriceCell({ row }: { row: GridRow }) {
  const sold = useSold(row.key);
  return (
    <Form.Item
      name={gridName(row.key, 'price')}
      dependencies={[gridName(row.key, 'enabled')]}
      style={{ marginBottom: 0 }}
      rules={[
        ({ getFieldValue }) => ({
          validator: (_rule: RuleObject, value: string | undefined) =>
            check(getFieldValue(gridName(row.key, 'enabled')) === false ? null : priceProblem(value)),
        }),
      ]}
    >
      <Input className="sku-price" prefix="¥" placeholder="0.00" disabled={!sold} aria-label={`价格 ${row.specValues.join(' / ')}`} />
    </Form.Item>
  );
}

function StockCell({ row }: { row: GridRow }) {
  const sold = useSold(row.key);
  return (
    <Form.Item name={gridName(row.key, 'stock')} style={{ marginBottom: 0 }}>
      <InputNumber<number>
        className="sku-stock"
        min={0}
        max={LIMITS.stock}
        precision={0}
        placeholder="0"
        disabled={!sold}
        aria-label={`初始库存 ${row.specValues.join(' / ')}`}
        style={{ width: '100%' }}
      />
    </Form.Item>
  );
}

/** The SKU grid: one row per combination of spec values, with whether it is sold, its price in yuan and its stock. */
function SkuGrid({ form, product }: { form: FormInstance<ProductFormValues>; product: AdminProduct | null }) {
  const specs = specsOf(Form.useWatch('specs', form) as SpecDraft[] | undefined).filter((spec) => spec.values.length > 0);
  const [bulkPrice, setBulkPrice] = useState('');
  const [bulkStock, setBulkStock] = useState<number | null>(null);
  const existing = new Map((product?.skus ?? []).map((sku) => [comboKey(sku.specValues), sku.skuId]));
  const rows: GridRow[] = combinations(specs).map((specValues) => {
    const key = comboKey(specValues);
    return { key, specValues, skuId: existing.get(key) ?? null };
  });

  const applyBulk = () => {
    const price = bulkPrice.trim();
    const sold = rows.filter((row) => form.getFieldValue(gridName(row.key, 'enabled')) !== false);
    form.setFieldsValue({
      grid: Object.fromEntries(
        sold.map((row) => [
          row.key,
          {
            ...(price ? { price } : {}),
            // A SKU the product already sells keeps its stock; 库存 changes it.
            ...(bulkStock !== null && row.skuId === null ? { stock: bulkStock } : {}),
          },
        ]),
      ),
    });
    if (price) void form.validateFields(sold.map((row) => gridName(row.key, 'price')));
  };

  const columns: TableColumnsType<GridRow> = [
    {
      title: '在售',
      key: 'enabled',
      width: 60,
      render: (_, row) => (
        <Form.Item name={gridName(row.key, 'enabled')} noStyle>
          <SoldBox label={`在售 ${row.specValues.join(' / ') || '默认'}`} />
        </Form.Item>
      ),
    },
    ...(specs.length === 0
      ? [{ title: '规格', key: 'spec', render: () => '默认（无规格）' }]
      : specs.map((spec, axis) => ({
          title: spec.name || `规格${axis + 1}`,
          key: `spec-${axis}`,
          render: (_: unknown, row: GridRow) => row.specValues[axis],
        }))),
    {
      title: 'SKU 编号',
      key: 'skuId',
      width: 150,
      render: (_, row) =>
        row.skuId ? (
          <Typography.Text className="sku-id" code>
            {row.skuId}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">新</Typography.Text>
        ),
    },
    {
      title: '价格（元）',
      key: 'price',
      width: 170,
      render: (_, row) => <PriceCell row={row} />,
    },
    {
      title: product ? '库存' : '初始库存',
      key: 'stock',
      width: 150,
      render: (_, row) =>
        row.skuId ? (
          <Typography.Text className="sku-stock-kept">{product?.stockBySku[row.skuId] ?? 0}</Typography.Text>
        ) : (
          <StockCell row={row} />
        ),
    },
  ];

  return (
    <>
      <Flex gap={8} align="center" wrap style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">批量设置</Typography.Text>
        <Input
          className="sku-bulk-price"
          prefix="¥"
          placeholder="价格（元）"
          value={bulkPrice}
          onChange={(event) => setBulkPrice(event.target.value)}
          style={{ width: 140 }}
        />
        <InputNumber<number>
          className="sku-bulk-stock"
          min={0}
          max={LIMITS.stock}
          precision={0}
          placeholder="新 SKU 初始库存"
          value={bulkStock}
          onChange={setBulkStock}
          style={{ width: 160 }}
        />
        <Button className="sku-bulk-apply" onClick={applyBulk} disabled={!bulkPrice.trim() && bulkStock === null}>
          应用到在售规格
        </Button>
      </Flex>
      <Table<GridRow> className="sku-grid" rowKey="key" size="small" columns={columns} dataSource={rows} pagination={false} />
    </>
  );
}

/** 新建商品 / 编辑商品: every field of saveProduct, with the SKU grid generated from the specs. */
export function ProductDrawer({ product, categories, onClose, onSaved }: ProductDrawerProps) {
  const { client, token, onSessionLost } = useAdminApi();
  const [form] = Form.useForm<ProductFormValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const mode = product === null ? 'create' : 'update';

  /** Shows a refusal on the field it names, when the form has one. */
  const showOnField = (name: FieldName | null, text: string): boolean => {
    if (name === null) return false;
    // The server's field paths are data, not the typed paths of the form's values.
    (form as FormInstance).setFields([{ name, errors: [text] }]);
    return true;
  };

  const save = async () => {
    setError(null);
    const checked = await form.validateFields().catch(() => null);
    if (checked === null) return;
    const values = form.getFieldsValue(true) as ProductFormValues;
    const sold = soldCombinations(values);
    if (sold.length === 0) return setError('至少要有一个在售的规格组合');
    if (sold.length > LIMITS.skus) return setError(`在售的规格组合最多 ${LIMITS.skus} 个，现在有 ${sold.length} 个`);

    setBusy(true);
    const outcome = await outcomeOf(
      () => client.call('saveProduct', { token, ...payloadOf(values, mode) }),
      (cause) => {
        if (!(cause instanceof AdminApiError)) return describeActionError(cause);
        if (cause.code === 'CONFLICT' && mode === 'create') {
          showOnField('productId', '这个商品编号已被另一个商品使用');
          return '商品编号已被占用，请换一个';
        }
        if (cause.code === 'CONFLICT') return '商品已被他人修改，请关闭后重新打开再保存';
        if (cause.code === 'NOT_FOUND') return '商品不存在，可能已被删除';
        const refused = cause.code === 'VALIDATION_FAILED' ? splitServerMessage(cause.message) : null;
        if (refused === null) return describeActionError(cause);
        return showOnField(formFieldOf(refused.field, sold), `服务器未通过：${refused.text}`)
          ? '提交的内容有误，请按标出的字段修改'
          : `提交的内容有误：${cause.message}`;
      },
    );
    if (outcome.ok) return onSaved(outcome.value.product, outcome.value.created);
    setBusy(false);
    if (outcome.failure.sessionLost) return onSessionLost(outcome.failure.message);
    setError(outcome.failure.message);
  };

  return (
    <Drawer
      open
      className="product-drawer"
      title={product === null ? '新建商品' : `编辑商品 · ${product.title}`}
      size={880}
      onClose={onClose}
      mask={{ closable: false }}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button className="product-cancel" onClick={onClose}>
            取消
          </Button>
          <Button className="product-save" type="primary" loading={busy} onClick={() => void save()}>
            {product === null ? '创建商品' : '保存'}
          </Button>
        </Flex>
      }
    >
      <Form<ProductFormValues> form={form} layout="vertical" requiredMark={false} initialValues={formValuesOf(product)}>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="productId"
              label="商品编号"
              extra={product === null ? '用作商品的固定编号，创建后不能修改' : undefined}
              rules={[
                { required: true, whitespace: true, message: '请输入商品编号' },
                { pattern: PRODUCT_ID_PATTERN, message: '商品编号为 1–48 位小写字母、数字或 -，以字母或数字开头' },
              ]}
            >
              <Input className="product-id" placeholder="例如 matcha-latte" maxLength={48} disabled={product !== null} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="categoryId" label="分类" rules={[{ required: true, message: '请选择分类' }]}>
              <Select
                className="product-category"
                placeholder="选择分类"
                options={categories.map((category) => ({ value: category._id, label: category.name }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="title"
          label="标题"
          rules={[
            { required: true, whitespace: true, message: '请输入标题' },
            { max: LIMITS.title, message: `标题最多 ${LIMITS.title} 个字` },
          ]}
        >
          <Input className="product-title" maxLength={LIMITS.title} showCount />
        </Form.Item>
        <Form.Item name="subtitle" label="副标题" rules={[{ max: LIMITS.subtitle, message: `副标题最多 ${LIMITS.subtitle} 个字` }]}>
          <Input className="product-subtitle" maxLength={LIMITS.subtitle} showCount />
        </Form.Item>
        <Form.Item
          name="images"
          label="商品图片"
          extra={`第一张为主图，最多 ${LIMITS.images} 张；PNG、JPG 或 WebP，每张不超过 2MB`}
          rules={[{ validator: (_rule: RuleObject, value: string[] | undefined) => check(imagesProblem(value)) }]}
        >
          <ImageUpload
            className="product-images"
            folder="products"
            max={LIMITS.images}
            displayUrls={product?.displayUrls}
            label="上传商品图片"
          />
        </Form.Item>
        <Form.Item
          name="description"
          label="商品描述"
          rules={[{ max: LIMITS.description, message: `描述最多 ${LIMITS.description} 个字` }]}
        >
          <Input.TextArea className="product-description" rows={4} maxLength={LIMITS.description} showCount />
        </Form.Item>
        <Form.Item
          name="keywordsText"
          label="搜索关键词"
          extra={`用空格或逗号分隔，最多 ${LIMITS.keywords} 个；标题和副标题本身已可搜索`}
          rules={[{ validator: (_rule: RuleObject, value: string | undefined) => check(keywordsProblem(value)) }]}
        >
          <Input className="product-keywords" placeholder="例如 抹茶 冲饮" />
        </Form.Item>
        <Space size="large" wrap>
          <Form.Item name="memberPrice" label="参与会员价" valuePropName="checked">
            <Switch className="product-member-price" />
          </Form.Item>
          <Form.Item name="recommended" label="首页推荐" valuePropName="checked">
            <Switch className="product-recommended" />
          </Form.Item>
          <Form.Item name="sort" label="排序（小的在前）">
            <InputNumber<number> className="product-sort" min={0} max={LIMITS.sort} precision={0} />
          </Form.Item>
        </Space>

        <Typography.Title level={5}>规格</Typography.Title>
        <Typography.Paragraph type="secondary">
          最多 {LIMITS.specs} 个规格，每个最多 {LIMITS.specValues} 个值，规格值用顿号或逗号分隔。不填规格即只卖一种。
          {product === null ? null : '已有的规格组合保留原 SKU 编号和库存；改动规格值会生成新的 SKU。'}
        </Typography.Paragraph>
        <Form.List name="specs">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, i) => (
                <Flex key={field.key} gap={8} align="flex-start" className="spec-row">
                  <Form.Item
                    name={[field.name, 'name']}
                    style={{ width: 160 }}
                    rules={[
                      { required: true, whitespace: true, message: '请输入规格名' },
                      { max: LIMITS.specName, message: `规格名最多 ${LIMITS.specName} 个字` },
                      ({ getFieldValue }) => ({
                        validator: (_rule: RuleObject, value: string | undefined) => {
                          const names = specsOf(getFieldValue('specs') as SpecDraft[]).map((spec) => spec.name);
                          const name = (value ?? '').trim();
                          return check(name && names.indexOf(name) !== i ? `规格「${name}」重复了` : null);
                        },
                      }),
                    ]}
                  >
                    <Input className="spec-name" placeholder="规格名，如 颜色" aria-label={`规格${i + 1}名称`} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'valuesText']}
                    style={{ flex: 1 }}
                    rules={[{ validator: (_rule: RuleObject, value: string | undefined) => check(specValuesProblem(value)) }]}
                  >
                    <Input className="spec-values" placeholder="规格值，如 红、蓝、白" aria-label={`规格${i + 1}的值`} />
                  </Form.Item>
                  <Button
                    className="spec-remove"
                    icon={<DeleteOutlined />}
                    aria-label={`删除规格${i + 1}`}
                    onClick={() => remove(field.name)}
                  />
                </Flex>
              ))}
              <Button
                className="spec-add"
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ name: '', valuesText: '' })}
                disabled={fields.length >= LIMITS.specs}
                style={{ marginBottom: 16 }}
              >
                添加规格
              </Button>
            </>
          )}
        </Form.List>

        <Typography.Title level={5}>SKU 价格与库存</Typography.Title>
        <Typography.Paragraph type="secondary">
          {product === null
            ? '价格按元填写，最多两位小数。新商品保存后为下架状态，在列表中上架。'
            : '价格按元填写，最多两位小数。已有 SKU 的库存请在列表的「库存」中修改。'}
        </Typography.Paragraph>
        <SkuGrid form={form} product={product} />
      </Form>
      {error ? <Alert className="product-save-error" type="error" showIcon title={error} style={{ marginTop: 16 }} /> : null}
    </Drawer>
  );
}
