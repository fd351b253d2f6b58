import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Input, Result, Segmented, Select, message } from 'antd';
import { useCallback, useState } from 'react';
import type { CategoryDoc } from '~/types/catalog';
import type { AdminProduct } from '~/types/functions/admin-catalog';
import { useAdminApi } from '../../api/admin-api-context';
import { describeActionError } from '../../api/error-messages';
import { outcomeOf } from '../../api/outcome';
import { ActionError } from '../../components/action-error';
import { CursorTable } from '../../components/cursor-table';
import { useCursorPages } from '../../hooks/use-cursor-pages';
import type { LoadCursorPage } from '../../hooks/use-cursor-pages';
import { useWholeList } from '../../hooks/use-whole-list';
import type { LoadWholeList } from '../../hooks/use-whole-list';
import { useMayTake } from '../../hooks/use-may';
import { productColumns } from './product-columns';
import { ProductDrawer } from './product-drawer';
import { StockModal } from './stock-modal';

/** Rows per page; the server accepts 1–20. */
export const PRODUCTS_PAGE_SIZE = 20;

/** What the list is narrowed to: shelf state, category and keyword, as listProducts takes them. */
interface ProductFilter {
  status: 'all' | 'onShelf' | 'offShelf';
  categoryId: string | undefined;
  keyword: string;
}

const STATUS_OPTIONS: { value: ProductFilter['status']; label: string }[] = [
  { value: 'all', label: '全部' },
  { value: 'onShelf', label: '已上架' },
  { value: 'offShelf', label: '已下架' },
];

/** Which dialog is open: the product drawer (null product = 新建) or the stock dialog. */
type Editing = { kind: 'product'; product: AdminProduct | null } | { kind: 'stock'; product: AdminProduct } | null;

function ProductList() {
  const { client, token, onSessionLost } = useAdminApi();
  const may = useMayTake();
  const [keywordInput, setKeywordInput] = useState('');
  const [editing, setEditing] = useState<Editing>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [notice, noticeHolder] = message.useMessage();

  const loadCategories = useCallback<LoadWholeList<CategoryDoc, null>>(
    (_filter, signal) => client.call('listCategories', { token }, { signal }),
    [client, token],
  );
  const categories = useWholeList(loadCategories, null);
  const load = useCallback<LoadCursorPage<AdminProduct, ProductFilter>>(
    ({ status, categoryId, keyword }, cursor, signal) =>
      client.call(
        'listProducts',
        {
          token,
          status,
          pageSize: PRODUCTS_PAGE_SIZE,
          ...(categoryId ? { categoryId } : {}),
          ...(keyword ? { keyword } : {}),
          ...(cursor ? { cursor } : {}),
        },
        { signal },
      ),
    [client, token],
  );
  const pages = useCursorPages(load, { status: 'all', categoryId: undefined, keyword: '' });
  const { filter, applyFilter, reload } = pages;

  const narrow = (change: Partial<ProductFilter>) => {
    setActionError(null);
    applyFilter({ ...filter, ...change });
  };

  const shelve = async (product: AdminProduct, status: AdminProduct['status']) => {
    const verb = status === 'onShelf' ? '上架' : '下架';
    setBusyId(product._id);
    setActionError(null);
    const outcome = await outcomeOf(() => client.call('setProductStatus', { token, productId: product._id, status }), describeActionError);
    if (!outcome.ok && outcome.failure.sessionLost) return onSessionLost(outcome.failure.message);
    setBusyId(null);
    if (outcome.ok) notice.success(`已${verb}「${product.title}」`);
    else setActionError(`${verb}「${product.title}」未成功：${outcome.failure.message}`);
    reload();
  };

  const emptyText = filter.keyword
    ? `没有找到与“${filter.keyword}”匹配的商品`
    : filter.status === 'all' && !filter.categoryId
      ? '还没有商品'
      : '没有符合条件的商品';

  return (
    <>
      {noticeHolder}
      <Card
        title="商品"
        extra={
          may('saveProduct') ? (
            <Button
              className="product-create-button"
              type="primary"
              icon={<PlusOutlined />}
              disabled={categories.rows.length === 0}
              onClick={() => setEditing({ kind: 'product', product: null })}
            >
              新建商品
            </Button>
          ) : null
        }
      >
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Segmented<ProductFilter['status']>
            className="products-status-filter"
            options={STATUS_OPTIONS}
            value={filter.status}
            onChange={(status) => narrow({ status })}
          />
          <Select<string>
            className="products-category-filter"
            aria-label="分类"
            value={filter.categoryId ?? 'all'}
            loading={categories.loading}
            options={[
              { value: 'all', label: '全部分类' },
              ...categories.rows.map((category) => ({ value: category._id, label: category.name })),
            ]}
            onChange={(categoryId) => narrow({ categoryId: categoryId === 'all' ? undefined : categoryId })}
            style={{ width: 160 }}
          />
          <Input.Search
            className="products-search"
            placeholder="搜索标题、副标题或关键词"
            allowClear
            maxLength={30}
            value={keywordInput}
            onChange={(event) => setKeywordInput(event.target.value)}
            onSearch={(value) => {
              const keyword = value.trim();
              setKeywordInput(keyword);
              narrow({ keyword });
            }}
            enterButton="搜索"
            style={{ width: 320, maxWidth: '100%' }}
          />
        </Flex>
        {categories.error !== null ? (
          <Alert
            className="categories-error"
            type="error"
            showIcon
            title="分类加载失败"
            description={categories.error}
            action={
              <Button icon={<ReloadOutlined />} onClick={categories.reload}>
                重试
              </Button>
            }
            style={{ marginBottom: 16 }}
          />
        ) : null}
        <ActionError className="products-action-error" message={actionError} onClose={() => setActionError(null)} />
        <CursorTable<AdminProduct>
          pages={pages}
          classPrefix="products"
          errorTitle="商品列表加载失败"
          emptyText={emptyText}
          rowKey="_id"
          columns={productColumns({
            categories: categories.rows,
            busyId,
            may: { edit: may('saveProduct'), shelve: may('setProductStatus'), stock: may('setStock') },
            onEdit: (product) => setEditing({ kind: 'product', product }),
            onStock: (product) => setEditing({ kind: 'stock', product }),
            onShelve: (product, status) => void shelve(product, status),
          })}
          scrollX={1150}
        />
      </Card>
      {editing?.kind === 'product' ? (
        <ProductDrawer
          product={editing.product}
          categories={categories.rows}
          onClose={() => setEditing(null)}
          onSaved={(product, created) => {
            setEditing(null);
            notice.success(created ? `已创建商品「${product.title}」，上架后顾客可见` : `已保存商品「${product.title}」`);
            reload();
          }}
        />
      ) : null}
      {editing?.kind === 'stock' ? (
        <StockModal
          product={editing.product}
          onSaved={(_sku, stock) => notice.success(`库存已改为 ${stock}`)}
          onClose={(changed) => {
            setEditing(null);
            if (changed) reload();
          }}
        />
      ) : null}
    </>
  );
}

/** 商品: the catalogue on and off the shelf, with 新建/编辑, 上架/下架 and stocktakes for the roles that may. */
export function ProductsPage() {
  const may = useMayTake();
  if (!may('listProducts')) return <Result className="products-forbidden" status="403" title="当前角色不能查看商品" />;
  return <ProductList />;
}
