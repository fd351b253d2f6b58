import { PictureOutlined } from '@ant-design/icons';
import { Button, Flex, Popover, Space, Switch, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { formatFen } from '~/core/money/format';
import type { CategoryDoc, ProductSku } from '~/types/catalog';
import type { AdminProduct } from '~/types/functions/admin-catalog';
import { formatDateTime } from '../../format/format-time';

const THUMB = 48;

/** A product's price as the list shows it: one price, or the lowest to the highest SKU price. */
export function priceRange(product: Pick<AdminProduct, 'skus'>): string {
  const prices = product.skus.map((sku) => sku.priceFen);
  const low = Math.min(...prices);
  const high = Math.max(...prices);
  return low === high ? formatFen(low) : `${formatFen(low)} – ${formatFen(high)}`;
}

/** Units in stock over all of a product's SKUs. */
export const totalStock = (product: Pick<AdminProduct, 'stockBySku'>) => Object.values(product.stockBySku).reduce((sum, n) => sum + n, 0);

/** The main picture: a cloud file through its temporary URL; one the server could not resolve gets a placeholder. */
function Thumbnail({ product }: { product: AdminProduct }) {
  const first = product.images[0];
  const url = first?.startsWith('cloud://') ? product.displayUrls?.[first] : first;
  if (!url) {
    return (
      <Flex
        className="product-thumb"
        align="center"
        justify="center"
        style={{ width: THUMB, height: THUMB, background: '#f5f5f5', borderRadius: 4 }}
      >
        <PictureOutlined style={{ color: '#bfbfbf' }} />
      </Flex>
    );
  }
  return (
    <img
      className="product-thumb"
      src={url}
      alt={product.title}
      width={THUMB}
      height={THUMB}
      style={{ objectFit: 'cover', borderRadius: 4 }}
    />
  );
}

/** Most SKUs listed in the stock column; a product with more lists the sold-out ones and the rest on demand. */
const INLINE_SKUS = 5;

/** Total stock, and each SKU's when there are several: those at zero in red. */
function StockCell({ product }: { product: AdminProduct }) {
  const line = (sku: ProductSku) => {
    const stock = product.stockBySku[sku.skuId] ?? 0;
    return (
      <Typography.Text key={sku.skuId} className="product-sku-stock" type={stock === 0 ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
        {sku.specValues.join(' / ')}：{stock}
      </Typography.Text>
    );
  };
  const many = product.skus.length > INLINE_SKUS;
  return (
    <Flex vertical className="product-stock">
      <Typography.Text className="product-stock-total" strong>
        共 {totalStock(product)}
      </Typography.Text>
      {product.skus.length > 1 && !many ? product.skus.map(line) : null}
      {many ? (
        <>
          {product.skus.filter((sku) => (product.stockBySku[sku.skuId] ?? 0) === 0).map(line)}
          <Popover title="各 SKU 库存" content={<Flex vertical>{product.skus.map(line)}</Flex>}>
            <Typography.Link className="product-sku-stock-more" style={{ fontSize: 12 }}>
              查看全部 {product.skus.length} 个 SKU
            </Typography.Link>
          </Popover>
        </>
      ) : null}
    </Flex>
  );
}

/** What the actions of the product table do, and which of them the admin's role may take. */
export interface ProductActions {
  categories: readonly CategoryDoc[];
  /** Id of the product whose shelf state is changing. */
  busyId: string | null;
  may: { edit: boolean; shelve: boolean; stock: boolean };
  onEdit: (product: AdminProduct) => void;
  onStock: (product: AdminProduct) => void;
  onShelve: (product: AdminProduct, status: AdminProduct['status']) => void;
}

/** Columns of the product table: picture, product, category, price, stock by SKU, shelf state, last edit, actions. */
export function productColumns({ categories, busyId, may, onEdit, onStock, onShelve }: ProductActions): TableColumnsType<AdminProduct> {
  const categoryName = new Map(categories.map((category) => [category._id, category.name]));
  return [
    { title: '图片', key: 'image', width: 72, render: (_, product) => <Thumbnail product={product} /> },
    {
      title: '商品',
      key: 'title',
      render: (_, product) => (
        <Flex vertical>
          <Typography.Text className="product-title-cell" strong>
            {product.title}
          </Typography.Text>
          {product.subtitle ? <Typography.Text type="secondary">{product.subtitle}</Typography.Text> : null}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {product._id}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: '分类',
      dataIndex: 'categoryId',
      key: 'categoryId',
      width: 110,
      render: (categoryId: string) => categoryName.get(categoryId) ?? categoryId,
    },
    { title: '价格', key: 'price', width: 190, render: (_, product) => <span className="product-price">{priceRange(product)}</span> },
    {
      title: '库存',
      key: 'stock',
      width: 200,
      render: (_, product) => <StockCell product={product} />,
    },
    {
      title: '状态',
      key: 'status',
      width: 130,
      render: (_, product) => (
        <Space size={4} wrap>
          {may.shelve ? (
            <Switch
              className="product-status-switch"
              checked={product.status === 'onShelf'}
              checkedChildren="上架"
              unCheckedChildren="下架"
              loading={busyId === product._id}
              disabled={busyId !== null}
              aria-label={product.status === 'onShelf' ? `下架「${product.title}」` : `上架「${product.title}」`}
              onChange={(on) => onShelve(product, on ? 'onShelf' : 'offShelf')}
            />
          ) : (
            <Tag className="product-status" color={product.status === 'onShelf' ? 'green' : 'default'}>
              {product.status === 'onShelf' ? '上架' : '下架'}
            </Tag>
          )}
          {product.soldOut ? (
            <Tag className="product-sold-out" color="red">
              已售罄
            </Tag>
          ) : null}
        </Space>
      ),
    },
    { title: '更新时间', key: 'updatedAt', width: 150, render: (_, product) => formatDateTime(product.updatedAt) },
    ...(may.edit || may.stock
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 130,
            fixed: 'end' as const,
            render: (_: unknown, product: AdminProduct) => (
              <Space size={4}>
                {may.edit ? (
                  <Button className="product-edit-button" size="small" onClick={() => onEdit(product)}>
                    编辑
                  </Button>
                ) : null}
                {may.stock ? (
                  <Button className="product-stock-button" size="small" onClick={() => onStock(product)}>
                    库存
                  </Button>
                ) : null}
              </Space>
            ),
          },
        ]
      : []),
  ];
}
