import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { CategoryDoc } from '~/types/catalog';
import type { AdminRole } from '~/types/documents';
import type { AdminCatalogResponses, AdminProduct } from '~/types/functions/admin-catalog';
import { AdminApiError } from '../../api/client';
import type { AdminClient, AdminPayload } from '../../api/client';
import { chooseOption } from '../../test/choose-option';
import { TEST_TOKEN, callsOf, pageClient, renderSignedIn } from '../../test/mock-client';
import type { ActionHandler, ActionHandlers } from '../../test/mock-client';
import { adminProduct, mooncake } from './product-fixtures';
import { ProductsPage } from './products-page';

// The product drawer (a validated form with a generated SKU grid) takes 10–50 s per test in jsdom on a busy two-core machine.
jest.setTimeout(120_000);

const categories: CategoryDoc[] = [
  { _id: 'coffee-tea', name: '咖啡茶饮', iconUrl: '/media/categories/coffee-tea.svg', sort: 1 },
  { _id: 'snacks', name: '零食糕点', iconUrl: '/media/categories/snacks.svg', sort: 2 },
  { _id: 'home', name: '家居生活', iconUrl: '/media/categories/home.svg', sort: 3 },
];

const beans = adminProduct();
const sizes = ['XS', 'S', 'M', 'L', 'XL', 'XXL'];
const tee = adminProduct({
  _id: 'cotton-tee',
  title: '重磅纯棉短袖T恤',
  specs: [{ name: '尺码', values: sizes }],
  skus: sizes.map((size, i) => ({ skuId: `cotton-tee:${i + 1}`, specValues: [size], priceFen: 8_900 })),
  stockBySku: Object.fromEntries(sizes.map((size, i) => [`cotton-tee:${i + 1}`, size === 'XXL' ? 0 : 10])),
});

function productsClient(actions: ActionHandlers = {}) {
  return pageClient(
    {
      listCategories: async () => ({ items: categories }),
      listProducts: async (_action, payload) => {
        const { cursor } = payload as AdminPayload<'listProducts'>;
        return cursor === 'p2' ? { items: [mooncake, tee], nextCursor: null } : { items: [beans], nextCursor: 'p2' };
      },
    },
    actions,
  );
}

const renderPage = (client: AdminClient, role: AdminRole = 'owner', onSessionLost?: () => void) =>
  renderSignedIn(<ProductsPage />, client, { role, onSessionLost });

const rowOf = (title: string) => screen.getByText(title).closest('tr') as HTMLElement;
/** Types into an input, or into the input inside an Ant Design wrapper (prefix, count, clear button). */
const type = (element: Element, value: string) =>
  fireEvent.change(element.matches('input, textarea') ? element : (element.querySelector('input, textarea') as Element), {
    target: { value },
  });

/** Chooses picture files in an ImageUpload, as a file dialog would. */
const choosePictures = (container: Element, ...files: File[]) =>
  fireEvent.change(container.querySelector('input[type="file"]') as HTMLInputElement, { target: { files } });
const png = (name: string) => new File([Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])], name, { type: 'image/png' });
/** uploadImage answering a file id and a temporary URL named after the file's size (each test's pictures differ in name only). */
let uploads = 0;
const uploadImage = jest.fn<ActionHandler>(async (): Promise<AdminCatalogResponses['uploadImage']> => {
  uploads += 1;
  return { fileId: `cloud://env-1.bucket/catalog/products/${uploads}.png`, url: `https://tmp.example.com/${uploads}.png?sign=s`, bytes: 8 };
});

/** The grid row of one combination of spec values. */
function gridRow(drawer: HTMLElement, ...specValues: string[]): HTMLElement {
  const rows = Array.from(drawer.querySelectorAll('.sku-grid tbody tr.ant-table-row')) as HTMLElement[];
  const row = rows.find((tr) => {
    const cells = Array.from(tr.querySelectorAll('td'), (td) => td.textContent);
    return specValues.every((value, i) => cells[i + 1] === value);
  });
  if (!row) throw new Error(`no grid row ${specValues.join('/')}`);
  return row;
}

async function openDrawer(name: RegExp) {
  fireEvent.click(screen.getAllByRole('button', { name })[0] as HTMLElement);
  return (await waitFor(() => {
    const drawer = document.querySelector('.product-drawer');
    if (!drawer) throw new Error('no drawer');
    return drawer;
  })) as HTMLElement;
}

describe('ProductsPage', () => {
  it('lists products with picture, category, price range, stock by SKU, shelf state and sold-out tag, a page at a time', async () => {
    const { client, call } = productsClient();
    const { container } = renderPage(client);

    const table = container.querySelector('.products-table') as HTMLElement;
    await within(table).findByText('云南小粒咖啡豆');
    expect(call).toHaveBeenCalledWith('listProducts', { token: TEST_TOKEN, status: 'all', pageSize: 20 }, expect.anything());
    expect(call).toHaveBeenCalledWith('listCategories', { token: TEST_TOKEN }, expect.anything());
    const headers = Array.from(table.querySelectorAll('thead th'), (cell) => cell.textContent).filter(Boolean);
    expect(headers).toEqual(['图片', '商品', '分类', '价格', '库存', '状态', '更新时间', '操作']);

    const row = rowOf('云南小粒咖啡豆');
    expect(row.querySelector('img.product-thumb')?.getAttribute('src')).toBe('/media/products/coffee-beans.svg');
    await within(row).findByText('咖啡茶饮');
    expect(within(row).getByText('¥68.00 – ¥128.50')).toBeTruthy();
    expect(within(row).getByText('共 30')).toBeTruthy();
    expect(within(row).getByText('250g：30')).toBeTruthy();
    expect(within(row).getByText('500g：0')).toBeTruthy();
    const onShelf = row.querySelector('.product-status-switch') as HTMLElement;
    expect(onShelf.getAttribute('aria-checked')).toBe('true');
    expect(row.querySelector('.product-sold-out')).toBeNull();
    expect(within(row).getByText('2025-03-01 10:00')).toBeTruthy();

    fireEvent.click(container.querySelector('.products-next') as HTMLElement);
    await within(table).findByText('流心奶黄月饼');
    expect(call).toHaveBeenLastCalledWith(
      'listProducts',
      { token: TEST_TOKEN, status: 'all', pageSize: 20, cursor: 'p2' },
      expect.anything(),
    );
    const soldOut = rowOf('流心奶黄月饼');
    expect(soldOut.querySelector('img')).toBeNull();
    expect(within(soldOut).getByText('零食糕点')).toBeTruthy();
    expect(within(soldOut).getByText('¥99.00')).toBeTruthy();
    expect(within(soldOut).getByText('共 0')).toBeTruthy();
    expect(within(soldOut).getByText('已售罄')).toBeTruthy();
    expect(soldOut.querySelector('.product-status-switch')?.getAttribute('aria-checked')).toBe('false');
    const many = rowOf('重磅纯棉短袖T恤');
    expect(within(many).getByText('共 50')).toBeTruthy();
    expect(Array.from(many.querySelectorAll('.product-sku-stock'), (line) => line.textContent)).toEqual(['XXL：0']);
    expect(within(many).getByText('查看全部 6 个 SKU')).toBeTruthy();
  });

  it('narrows the list by shelf state, category and keyword, as listProducts takes them', async () => {
    const { client, call } = productsClient();
    const { container } = renderPage(client);
    await screen.findByText('云南小粒咖啡豆');

    fireEvent.click(screen.getByText('已下架'));
    await waitFor(() =>
      expect(call).toHaveBeenLastCalledWith('listProducts', { token: TEST_TOKEN, status: 'offShelf', pageSize: 20 }, expect.anything()),
    );
    await chooseOption(container.querySelector('.products-category-filter') as HTMLElement, '零食糕点');
    await waitFor(() =>
      expect(call).toHaveBeenLastCalledWith(
        'listProducts',
        { token: TEST_TOKEN, status: 'offShelf', categoryId: 'snacks', pageSize: 20 },
        expect.anything(),
      ),
    );
    const search = container.querySelector('.products-search input') as HTMLInputElement;
    type(search, ' 月饼 ');
    fireEvent.click(within(container.querySelector('.products-search') as HTMLElement).getByRole('button', { name: /搜\s*索/ }));
    await waitFor(() =>
      expect(call).toHaveBeenLastCalledWith(
        'listProducts',
        { token: TEST_TOKEN, status: 'offShelf', categoryId: 'snacks', keyword: '月饼', pageSize: 20 },
        expect.anything(),
      ),
    );
  });

  it('creates a product with specs: the SKU grid follows the specs and prices go as integer fen from yuan', async () => {
    const saved: AdminCatalogResponses['saveProduct'] = { product: adminProduct({ _id: 'mug-set', title: '陶瓷马克杯' }), created: true };
    const saveProduct = jest.fn<ActionHandler>(async () => saved);
    const { client, call } = productsClient({ saveProduct, uploadImage });
    renderPage(client);
    await screen.findByText('云南小粒咖啡豆');
    await waitFor(() => expect((document.querySelector('.product-create-button') as HTMLButtonElement).disabled).toBe(false));

    const drawer = await openDrawer(/新建商品/);
    expect(within(drawer).getByText('新建商品')).toBeTruthy();
    uploadImage.mockClear();
    type(drawer.querySelector('.product-id') as HTMLElement, 'mug-set');
    await chooseOption(drawer.querySelector('.product-category') as HTMLElement, '家居生活');
    type(drawer.querySelector('.product-title') as HTMLElement, '陶瓷马克杯');
    type(drawer.querySelector('.product-subtitle') as HTMLElement, '手工上釉 · 350ml');
    choosePictures(drawer.querySelector('.product-images') as HTMLElement, png('mug.png'), png('mug-2.png'));
    await waitFor(() => expect(drawer.querySelectorAll('.product-images .ant-upload-list-item')).toHaveLength(2));
    expect(uploadImage).toHaveBeenCalledWith('uploadImage', {
      token: TEST_TOKEN,
      folder: 'products',
      contentType: 'image/png',
      contentBase64: 'iVBORw0KGgo=',
    });
    type(drawer.querySelector('.product-description') as HTMLElement, '景德镇手工上釉。');
    type(drawer.querySelector('.product-keywords') as HTMLElement, '杯子 礼物');

    fireEvent.click(within(drawer).getByRole('button', { name: /添加规格/ }));
    fireEvent.click(within(drawer).getByRole('button', { name: /添加规格/ }));
    const names = drawer.querySelectorAll('.spec-name');
    const values = drawer.querySelectorAll('.spec-values');
    type(names[0] as HTMLElement, '颜色');
    type(values[0] as HTMLElement, '白、黑');
    type(names[1] as HTMLElement, '容量');
    type(values[1] as HTMLElement, '350ml,500ml');

    await waitFor(() => expect(drawer.querySelectorAll('.sku-grid tbody tr.ant-table-row')).toHaveLength(4));
    const prices: [string[], string, string][] = [
      [['白', '350ml'], '39.9', '10'],
      [['白', '500ml'], '49.90', '5'],
      [['黑', '350ml'], '0.29', '0'],
      [['黑', '500ml'], '1,099', ''],
    ];
    for (const [combo, price, stock] of prices) {
      const row = gridRow(drawer, ...combo);
      type(row.querySelector('.sku-price input') as HTMLElement, price);
      if (stock) type(row.querySelector('.sku-stock input') as HTMLElement, stock);
    }
    const listsBefore = callsOf(call, 'listProducts').length;
    fireEvent.click(within(drawer).getByRole('button', { name: /创建商品/ }));

    await waitFor(() => expect(saveProduct).toHaveBeenCalled());
    expect(saveProduct).toHaveBeenCalledWith('saveProduct', {
      token: TEST_TOKEN,
      mode: 'create',
      productId: 'mug-set',
      title: '陶瓷马克杯',
      subtitle: '手工上釉 · 350ml',
      categoryId: 'home',
      images: [`cloud://env-1.bucket/catalog/products/${uploads - 1}.png`, `cloud://env-1.bucket/catalog/products/${uploads}.png`],
      description: '景德镇手工上釉。',
      specs: [
        { name: '颜色', values: ['白', '黑'] },
        { name: '容量', values: ['350ml', '500ml'] },
      ],
      skus: [
        { specValues: ['白', '350ml'], priceFen: 3_990, initialStock: 10 },
        { specValues: ['白', '500ml'], priceFen: 4_990, initialStock: 5 },
        { specValues: ['黑', '350ml'], priceFen: 29, initialStock: 0 },
        { specValues: ['黑', '500ml'], priceFen: 109_900, initialStock: 0 },
      ],
      memberPrice: true,
      recommended: false,
      sort: 100,
      keywords: ['杯子', '礼物'],
    });
    expect(await screen.findByText('已创建商品「陶瓷马克杯」，上架后顾客可见')).toBeTruthy();
    await waitFor(() => expect(document.querySelector('.product-drawer .ant-drawer-body')).toBeNull());
    await waitFor(() => expect(callsOf(call, 'listProducts').length).toBe(listsBefore + 1));
  });

  it('checks the form before sending, and shows the server’s refusal on the field it names', async () => {
    const saveProduct = jest.fn<ActionHandler>(async () => {
      throw new AdminApiError('VALIDATION_FAILED', 'skus.0.priceFen: must be at least 1 fen');
    });
    const { client } = productsClient({ saveProduct, uploadImage });
    renderPage(client);
    await screen.findByText('云南小粒咖啡豆');
    await waitFor(() => expect((document.querySelector('.product-create-button') as HTMLButtonElement).disabled).toBe(false));

    const drawer = await openDrawer(/新建商品/);
    type(drawer.querySelector('.product-id') as HTMLElement, 'Bad Id');
    fireEvent.click(within(drawer).getByRole('button', { name: /创建商品/ }));
    expect(await within(drawer).findByText('商品编号为 1–48 位小写字母、数字或 -，以字母或数字开头')).toBeTruthy();
    expect(within(drawer).getByText('请输入标题')).toBeTruthy();
    expect(within(drawer).getByText('请选择分类')).toBeTruthy();
    expect(within(drawer).getByText('请至少上传一张商品图片')).toBeTruthy();
    expect(within(drawer).getByText('请输入价格（元），如 12.50')).toBeTruthy();
    expect(saveProduct).not.toHaveBeenCalled();

    type(drawer.querySelector('.product-id') as HTMLElement, 'mooncake-gift');
    await chooseOption(drawer.querySelector('.product-category') as HTMLElement, '零食糕点');
    type(drawer.querySelector('.product-title') as HTMLElement, '月饼礼盒');
    choosePictures(drawer.querySelector('.product-images') as HTMLElement, png('mooncake.png'));
    await waitFor(() => expect(drawer.querySelectorAll('.product-images .ant-upload-list-item')).toHaveLength(1));
    type(drawer.querySelector('.sku-price input') as HTMLElement, '12.345');
    fireEvent.click(within(drawer).getByRole('button', { name: /创建商品/ }));
    expect(await within(drawer).findByText('请输入价格（元），如 12.50')).toBeTruthy();
    type(drawer.querySelector('.sku-price input') as HTMLElement, '128');
    fireEvent.click(within(drawer).getByRole('button', { name: /创建商品/ }));

    await waitFor(() => expect(saveProduct).toHaveBeenCalled());
    expect((saveProduct.mock.calls[0]?.[1] as AdminPayload<'saveProduct'>).skus).toEqual([
      { specValues: [], priceFen: 12_800, initialStock: 0 },
    ]);
    expect(await within(drawer).findByText('服务器未通过：must be at least 1 fen')).toBeTruthy();
    expect(within(drawer).getByText('提交的内容有误，请按标出的字段修改')).toBeTruthy();
    expect(drawer.querySelector('.sku-price')?.closest('.ant-form-item')?.className).toContain('ant-form-item-has-error');
  });

  it('edits a product: the id is fixed, kept combinations show their SKU ids and stock, a new value adds a SKU', async () => {
    const saveProduct = jest.fn<ActionHandler>(async () => ({ product: beans, created: false }));
    const { client } = productsClient({ saveProduct });
    renderPage(client);
    await screen.findByText('云南小粒咖啡豆');

    fireEvent.click(within(rowOf('云南小粒咖啡豆')).getByRole('button', { name: /编\s*辑/ }));
    const drawer = (await waitFor(
      () => document.querySelector('.product-drawer') ?? Promise.reject(new Error('no drawer')),
    )) as HTMLElement;
    expect(within(drawer).getByText('编辑商品 · 云南小粒咖啡豆')).toBeTruthy();
    expect((drawer.querySelector('.product-id') as HTMLInputElement).disabled).toBe(true);
    expect((drawer.querySelector('.product-id') as HTMLInputElement).value).toBe('coffee-beans');
    expect((drawer.querySelector('.spec-values') as HTMLInputElement).value).toBe('250g、500g');
    const small = gridRow(drawer, '250g');
    expect(small.querySelector('.sku-id')?.textContent).toBe('coffee-beans:1');
    expect((small.querySelector('.sku-price input') as HTMLInputElement).value).toBe('68.00');
    expect(small.querySelector('.sku-stock-kept')?.textContent).toBe('30');
    expect(gridRow(drawer, '500g').querySelector('.sku-id')?.textContent).toBe('coffee-beans:2');

    type(drawer.querySelector('.spec-values') as HTMLElement, '250g、500g、1kg');
    const large = await waitFor(() => gridRow(drawer, '1kg'));
    expect(within(large).getByText('新')).toBeTruthy();
    type(large.querySelector('.sku-price input') as HTMLElement, '239');
    type(large.querySelector('.sku-stock input') as HTMLElement, '8');
    type(gridRow(drawer, '500g').querySelector('.sku-price input') as HTMLElement, '118.5');
    fireEvent.click(within(drawer).getByRole('button', { name: /保\s*存/ }));

    await waitFor(() => expect(saveProduct).toHaveBeenCalled());
    expect(saveProduct).toHaveBeenCalledWith(
      'saveProduct',
      expect.objectContaining({
        token: TEST_TOKEN,
        mode: 'update',
        productId: 'coffee-beans',
        specs: [{ name: '重量', values: ['250g', '500g', '1kg'] }],
        skus: [
          { specValues: ['250g'], priceFen: 6_800, initialStock: 30 },
          { specValues: ['500g'], priceFen: 11_850, initialStock: 0 },
          { specValues: ['1kg'], priceFen: 23_900, initialStock: 8 },
        ],
        keywords: ['咖啡', '豆子'],
        recommended: true,
        sort: 10,
      }),
    );
    expect(await screen.findByText('已保存商品「云南小粒咖啡豆」')).toBeTruthy();
  });

  it('puts a product on and off the shelf and reloads the list, and shows a refusal in the server’s words', async () => {
    let refuse = false;
    const setProductStatus = jest.fn<ActionHandler>(async () => {
      if (refuse) throw new AdminApiError('NOT_FOUND', '商品已删除');
      return { ...beans, status: 'offShelf' } satisfies AdminProduct;
    });
    const { client, call } = productsClient({ setProductStatus });
    const { container } = renderPage(client);
    await screen.findByText('云南小粒咖啡豆');

    const listsBefore = callsOf(call, 'listProducts').length;
    fireEvent.click(rowOf('云南小粒咖啡豆').querySelector('.product-status-switch') as HTMLElement);
    await waitFor(() =>
      expect(setProductStatus).toHaveBeenCalledWith('setProductStatus', {
        token: TEST_TOKEN,
        productId: 'coffee-beans',
        status: 'offShelf',
      }),
    );
    expect(await screen.findByText('已下架「云南小粒咖啡豆」')).toBeTruthy();
    await waitFor(() => expect(callsOf(call, 'listProducts').length).toBe(listsBefore + 1));

    refuse = true;
    fireEvent.click(rowOf('云南小粒咖啡豆').querySelector('.product-status-switch') as HTMLElement);
    await waitFor(() => expect(container.querySelector('.products-action-error')).not.toBeNull());
    expect(container.querySelector('.products-action-error')?.textContent).toContain('下架「云南小粒咖啡豆」未成功：商品已删除');
  });

  it('sets one SKU’s stock to a counted number and reloads the list when the dialog closes', async () => {
    const setStock = jest.fn<ActionHandler>(async (_action, payload) => {
      const { skuId, stock } = payload as AdminPayload<'setStock'>;
      return { skuId, productId: 'coffee-beans', stock, soldOut: false } satisfies AdminCatalogResponses['setStock'];
    });
    const { client, call } = productsClient({ setStock });
    renderPage(client);
    await screen.findByText('云南小粒咖啡豆');

    fireEvent.click(within(rowOf('云南小粒咖啡豆')).getByRole('button', { name: /库\s*存/ }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('库存 · 云南小粒咖啡豆')).toBeTruthy();
    const row = within(dialog).getByText('重量:500g').closest('tr') as HTMLElement;
    expect(row.querySelector('.stock-current')?.textContent).toBe('0');
    const save = row.querySelector('.stock-save') as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    type(row.querySelector('.stock-input input') as HTMLElement, '48');
    await waitFor(() => expect(save.disabled).toBe(false));
    fireEvent.click(save);

    await waitFor(() => expect(setStock).toHaveBeenCalledWith('setStock', { token: TEST_TOKEN, skuId: 'coffee-beans:2', stock: 48 }));
    await waitFor(() => expect(row.querySelector('.stock-current')?.textContent).toBe('48'));
    expect(await screen.findByText('库存已改为 48')).toBeTruthy();
    const listsBefore = callsOf(call, 'listProducts').length;
    fireEvent.click(within(dialog).getByRole('button', { name: /完\s*成/ }));
    await waitFor(() => expect(callsOf(call, 'listProducts').length).toBe(listsBefore + 1));
  });

  it('shows an analyst the list without the buttons they may not use, and a store manager no products at all', async () => {
    const { client } = productsClient();
    const { container, unmount } = renderPage(client, 'analyst');
    const row = await waitFor(() => rowOf('云南小粒咖啡豆'));

    expect(container.querySelector('.product-create-button')).toBeNull();
    expect(row.querySelector('.product-status-switch')).toBeNull();
    expect(within(row).getByText('上架')).toBeTruthy();
    expect(row.querySelector('.product-edit-button')).toBeNull();
    expect(row.querySelector('.product-stock-button')).toBeNull();
    unmount();

    const { client: refused, call } = productsClient();
    renderPage(refused, 'storeManager');
    expect(await screen.findByText('当前角色不能查看商品')).toBeTruthy();
    expect(call).not.toHaveBeenCalled();
  });
});
