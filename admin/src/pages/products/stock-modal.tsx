import { Alert, Button, InputNumber, Modal, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { specText } from '~/core/catalog/spec-text';
import type { ProductSku } from '~/types/catalog';
import type { AdminProduct } from '~/types/functions/admin-catalog';
import { useAdminApi } from '../../api/admin-api-context';
import { describeActionError } from '../../api/error-messages';
import { outcomeOf } from '../../api/outcome';
import { PRODUCT_LIMITS } from './product-form-values';

/** Inputs of the stock dialog. */
export interface StockModalProps {
  product: AdminProduct;
  /** Called when the dialog closes, with whether any stock changed (the list then reloads). */
  onClose: (changed: boolean) => void;
  /** Called after each change is saved. */
  onSaved: (sku: ProductSku, stock: number) => void;
}

/** What a SKU is called in the dialog and in messages: its spec values, or 默认 for a product without specs. */
export const skuLabel = (product: Pick<AdminProduct, 'specs'>, sku: Pick<ProductSku, 'specValues'>) =>
  specText(product.specs, sku.specValues) || '默认';

/** 库存: each SKU's stock, set to a counted number (a stocktake) one SKU at a time. */
export function StockModal({ product, onClose, onSaved }: StockModalProps) {
  const { client, token, onSessionLost } = useAdminApi();
  const [stock, setStock] = useState<Record<string, number>>(product.stockBySku);
  const [drafts, setDrafts] = useState<Record<string, number | null>>({});
  const [busySku, setBusySku] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [changed, setChanged] = useState(false);

  const save = async (sku: ProductSku) => {
    const next = drafts[sku.skuId];
    if (next === undefined || next === null) return;
    setBusySku(sku.skuId);
    setError(null);
    const outcome = await outcomeOf(() => client.call('setStock', { token, skuId: sku.skuId, stock: next }), describeActionError);
    if (!outcome.ok && outcome.failure.sessionLost) return onSessionLost(outcome.failure.message);
    setBusySku(null);
    if (!outcome.ok) return setError(`「${skuLabel(product, sku)}」的库存未保存：${outcome.failure.message}`);
    setStock((current) => ({ ...current, [sku.skuId]: outcome.value.stock }));
    setDrafts(({ [sku.skuId]: _saved, ...rest }) => rest);
    setChanged(true);
    onSaved(sku, outcome.value.stock);
  };

  const columns: TableColumnsType<ProductSku> = [
    { title: '规格', key: 'spec', render: (_, sku) => skuLabel(product, sku) },
    {
      title: 'SKU 编号',
      dataIndex: 'skuId',
      key: 'skuId',
      width: 160,
      render: (skuId: string) => <Typography.Text code>{skuId}</Typography.Text>,
    },
    {
      title: '当前库存',
      key: 'stock',
      width: 90,
      align: 'right',
      render: (_, sku) => (
        <Typography.Text className="stock-current" type={(stock[sku.skuId] ?? 0) === 0 ? 'danger' : undefined}>
          {stock[sku.skuId] ?? 0}
        </Typography.Text>
      ),
    },
    {
      title: '盘点后库存',
      key: 'next',
      width: 200,
      render: (_, sku) => (
        <InputNumber<number>
          className="stock-input"
          aria-label={`${skuLabel(product, sku)} 盘点后库存`}
          min={0}
          max={PRODUCT_LIMITS.stock}
          precision={0}
          placeholder={String(stock[sku.skuId] ?? 0)}
          value={drafts[sku.skuId] ?? null}
          onChange={(value) => setDrafts((current) => ({ ...current, [sku.skuId]: value }))}
          onPressEnter={() => void save(sku)}
          style={{ width: '100%' }}
        />
      ),
    },
    {
      title: '',
      key: 'save',
      width: 80,
      render: (_, sku) => (
        <Button
          className="stock-save"
          size="small"
          type="primary"
          loading={busySku === sku.skuId}
          disabled={busySku !== null || drafts[sku.skuId] === undefined || drafts[sku.skuId] === null}
          onClick={() => void save(sku)}
        >
          保存
        </Button>
      ),
    },
  ];

  return (
    <Modal
      open
      className="stock-modal"
      title={`库存 · ${product.title}`}
      width={720}
      footer={
        <Button className="stock-done" type="primary" onClick={() => onClose(changed)}>
          完成
        </Button>
      }
      onCancel={() => onClose(changed)}
    >
      <Typography.Paragraph type="secondary">填写盘点后的实际数量，保存即按此数覆盖该 SKU 的库存（不是增减）。</Typography.Paragraph>
      {error ? <Alert className="stock-error" type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Table<ProductSku>
        className="stock-table"
        rowKey="skuId"
        size="small"
        columns={columns}
        dataSource={product.skus}
        pagination={false}
      />
    </Modal>
  );
}
