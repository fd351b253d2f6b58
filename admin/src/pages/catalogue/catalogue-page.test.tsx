import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { BannerDoc, CategoryDoc } from '~/types/catalog';
import type { AdminRole } from '~/types/documents';
import { AdminApiError } from '../../api/client';
import { TEST_TOKEN, pageClient, renderSignedIn } from '../../test/mock-client';
import type { ActionHandler, ActionHandlers } from '../../test/mock-client';
import { bannerState } from './banners-tab';
import { CataloguePage } from './catalogue-page';

jest.setTimeout(120_000);

const ICON = 'cloud://env.b/catalog/categories/coffee.png';
const categories: CategoryDoc[] = [
  { _id: 'coffee-tea', name: '咖啡茶饮', iconUrl: ICON, sort: 10 },
  { _id: 'snacks', name: '零食糕点', iconUrl: 'https://img.example.com/snacks.png', sort: 20, hidden: true },
];
const HOUR = 3_600_000;
const now = Date.now();
const banners: BannerDoc[] = [
  {
    _id: 'festival',
    title: '秋日咖啡节',
    imageUrl: 'cloud://env.b/catalog/banners/f.png',
    productId: 'coffee-beans',
    active: true,
    sort: 10,
  },
  {
    _id: 'soon',
    title: '双十一预热',
    imageUrl: 'https://img.example.com/soon.png',
    productId: null,
    active: true,
    sort: 20,
    startsAt: now + HOUR,
    endsAt: null,
  },
  { _id: 'paused', title: '停用的横幅', imageUrl: 'https://img.example.com/p.png', productId: null, active: false, sort: 30 },
];

function catalogueClient(actions: ActionHandlers = {}) {
  return pageClient(
    {
      listCategories: async () => ({ items: categories, displayUrls: { [ICON]: 'https://tmp.example.com/coffee.png' } }),
      listBanners: async () => ({
        items: banners,
        displayUrls: { 'cloud://env.b/catalog/banners/f.png': 'https://tmp.example.com/f.png' },
      }),
    },
    actions,
  );
}

const renderPage = (actions: ActionHandlers = {}, role: AdminRole = 'owner') => {
  const mock = catalogueClient(actions);
  return { ...mock, ...renderSignedIn(<CataloguePage />, mock.client, { role }) };
};
const type = (element: Element, value: string) =>
  fireEvent.change(element.matches('input') ? element : (element.querySelector('input') as Element), { target: { value } });
const png = () => new File([Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])], 'icon.png', { type: 'image/png' });
const uploadImage: ActionHandler = async () => ({
  fileId: 'cloud://env.b/catalog/x/new.png',
  url: 'https://tmp.example.com/new.png',
  bytes: 8,
});

async function openModal(button: string, modalClass: string): Promise<HTMLElement> {
  fireEvent.click(await screen.findByRole('button', { name: new RegExp(button) }));
  return (await waitFor(() => document.querySelector(`.${modalClass}`) ?? Promise.reject(new Error('no modal')))) as HTMLElement;
}

describe('bannerState', () => {
  it('tells showing, not yet, over and switched off apart', () => {
    const base = { _id: 'b', title: 't', imageUrl: '', productId: null, active: true, sort: 1 };
    expect(bannerState(base, now).text).toBe('展示中');
    expect(bannerState({ ...base, startsAt: now + 1 }, now).text).toBe('未开始');
    expect(bannerState({ ...base, endsAt: now }, now).text).toBe('已结束');
    expect(bannerState({ ...base, active: false }, now).text).toBe('已停用');
  });
});

describe('CataloguePage', () => {
  it('lists categories with their icons, count and visibility; the switch hides or shows one', async () => {
    const saveCategory = jest.fn<ActionHandler>(async () => ({ category: { ...categories[0], hidden: true }, created: false }));
    const { container, call } = renderPage({ saveCategory });
    await screen.findByText('咖啡茶饮');
    expect(
      within(container.querySelector('.categories-table') as HTMLElement)
        .getAllByRole('img')
        .map((img) => img.getAttribute('src')),
    ).toEqual(['https://tmp.example.com/coffee.png', 'https://img.example.com/snacks.png']);
    expect(screen.getByText('共 2 个分类')).toBeTruthy();
    expect(call).toHaveBeenCalledWith('listCategories', { token: TEST_TOKEN }, expect.anything());
    const [coffee, snacks] = Array.from(container.querySelectorAll('.category-shown-switch'));
    expect(coffee?.getAttribute('aria-checked')).toBe('true');
    expect(snacks?.getAttribute('aria-checked')).toBe('false');

    fireEvent.click(coffee as Element);
    await waitFor(() =>
      expect(saveCategory).toHaveBeenCalledWith('saveCategory', {
        token: TEST_TOKEN,
        mode: 'update',
        categoryId: 'coffee-tea',
        name: '咖啡茶饮',
        iconUrl: ICON,
        sort: 10,
        hidden: true,
      }),
    );
    expect(await screen.findByText('已隐藏分类「咖啡茶饮」')).toBeTruthy();
  });

  it('creates a category: checks the form first, uploads the icon, keeps what was typed when the id is taken', async () => {
    let answers = 0;
    const saveCategory = jest.fn<ActionHandler>(async (_action, payload) => {
      answers += 1;
      if (answers === 1) throw new AdminApiError('CONFLICT', 'a different category tea already exists');
      return {
        category: { _id: 'tea-gifts', name: '茶礼', iconUrl: 'cloud://env.b/catalog/x/new.png', sort: 70, hidden: false },
        created: true,
        payload,
      };
    });
    renderPage({ saveCategory, uploadImage });
    await screen.findByText('咖啡茶饮');
    const modal = await openModal('新建分类', 'category-modal');
    fireEvent.click(within(modal).getByRole('button', { name: /保\s*存/ }));
    expect(await within(modal).findByText('请输入分类编号')).toBeTruthy();
    expect(within(modal).getByText('请输入分类名称')).toBeTruthy();
    expect(within(modal).getByText('请上传分类图标')).toBeTruthy();
    expect(saveCategory).not.toHaveBeenCalled();

    type(modal.querySelector('.category-id') as Element, 'tea');
    type(modal.querySelector('.category-name') as Element, '茶礼');
    type(modal.querySelector('.category-sort') as Element, '70');
    fireEvent.change(modal.querySelector('.category-icon input[type="file"]') as HTMLInputElement, { target: { files: [png()] } });
    await waitFor(() => expect(modal.querySelectorAll('.category-icon .ant-upload-list-item')).toHaveLength(1));
    fireEvent.click(within(modal).getByRole('button', { name: /保\s*存/ }));
    expect(await within(modal).findByText('这个分类编号已被另一个分类使用，请换一个')).toBeTruthy();
    expect((modal.querySelector('.category-name input') as HTMLInputElement).value).toBe('茶礼');
    expect(modal.querySelectorAll('.category-icon .ant-upload-list-item')).toHaveLength(1);

    type(modal.querySelector('.category-id') as Element, 'tea-gifts');
    fireEvent.click(within(modal).getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(saveCategory).toHaveBeenCalledTimes(2));
    expect(saveCategory.mock.calls[1]?.[1]).toEqual({
      token: TEST_TOKEN,
      mode: 'create',
      categoryId: 'tea-gifts',
      name: '茶礼',
      iconUrl: 'cloud://env.b/catalog/x/new.png',
      sort: 70,
      hidden: false,
    });
    expect(await screen.findByText('已保存分类「茶礼」')).toBeTruthy();
  });

  it('shows a failed list with a retry, and an empty one', async () => {
    let fail = true;
    const { container } = renderPage({
      listCategories: async () => {
        if (fail) throw new AdminApiError('INTERNAL', 'boom');
        return { items: [], displayUrls: {} };
      },
    });
    expect(await screen.findByText('分类加载失败')).toBeTruthy();
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: /重\s*试/ }));
    expect(await screen.findByText('还没有分类')).toBeTruthy();
    expect(container.querySelector('.categories-total')?.textContent).toBe('共 0 个分类');
  });

  it('lists banners with their state; switching one off saves it whole; a new one needs a picture and a well-formed product id', async () => {
    const saveBanner = jest.fn<ActionHandler>(async (_action, payload) => ({
      banner: { ...banners[0], active: false },
      created: false,
      payload,
    }));
    const { container } = renderPage({ saveBanner, uploadImage });
    fireEvent.click(await screen.findByRole('tab', { name: '首页横幅' }));
    await screen.findByText('秋日咖啡节');
    expect(Array.from(container.querySelectorAll('.banner-state'), (tag) => tag.textContent)).toEqual(['展示中', '未开始', '已停用']);
    expect(screen.getByText('共 3 个横幅')).toBeTruthy();
    expect(container.querySelector('.banners-table img')?.getAttribute('src')).toBe('https://tmp.example.com/f.png');

    fireEvent.click(container.querySelector('.banner-active-switch') as Element);
    await waitFor(() =>
      expect(saveBanner).toHaveBeenCalledWith('saveBanner', {
        token: TEST_TOKEN,
        mode: 'update',
        bannerId: 'festival',
        title: '秋日咖啡节',
        imageUrl: 'cloud://env.b/catalog/banners/f.png',
        productId: 'coffee-beans',
        active: false,
        sort: 10,
        startsAt: null,
        endsAt: null,
      }),
    );
    expect(await screen.findByText('已停用横幅「秋日咖啡节」')).toBeTruthy();

    const modal = await openModal('新建横幅', 'banner-modal');
    type(modal.querySelector('.banner-id') as Element, 'spring');
    type(modal.querySelector('.banner-title') as Element, '春季上新');
    type(modal.querySelector('.banner-product') as Element, 'Not An Id');
    fireEvent.click(within(modal).getByRole('button', { name: /保\s*存/ }));
    expect(await within(modal).findByText('请上传横幅图片')).toBeTruthy();
    expect(within(modal).getByText('请输入商品编号，如 coffee-beans')).toBeTruthy();
    expect(saveBanner).toHaveBeenCalledTimes(1);

    type(modal.querySelector('.banner-product') as Element, '');
    fireEvent.change(modal.querySelector('.banner-picture input[type="file"]') as HTMLInputElement, { target: { files: [png()] } });
    await waitFor(() => expect(modal.querySelectorAll('.banner-picture .ant-upload-list-item')).toHaveLength(1));
    fireEvent.click(within(modal).getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(saveBanner).toHaveBeenCalledTimes(2));
    expect(saveBanner.mock.calls[1]?.[1]).toEqual({
      token: TEST_TOKEN,
      mode: 'create',
      bannerId: 'spring',
      title: '春季上新',
      imageUrl: 'cloud://env.b/catalog/x/new.png',
      productId: null,
      sort: 100,
      active: true,
      startsAt: null,
      endsAt: null,
    });
  });

  it('an analyst sees the lists without the buttons and switches that change them', async () => {
    const { container } = renderPage({}, 'analyst');
    await screen.findByText('咖啡茶饮');
    expect(screen.queryByRole('button', { name: /新建分类/ })).toBeNull();
    expect(container.querySelector('.category-shown-switch')).toBeNull();
    expect(screen.getByText('已隐藏')).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: '首页横幅' }));
    await screen.findByText('秋日咖啡节');
    expect(container.querySelector('.banner-active-switch')).toBeNull();
  });
});
