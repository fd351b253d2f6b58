import { Card, Tabs } from 'antd';
import { useMay } from '../../hooks/use-may';
import { BannersTab } from './banners-tab';
import { CategoriesTab } from './categories-tab';

/** 分类与横幅: the storefront's categories and its home-page banners, one tab each (a tab shows to the roles that may list it). */
export function CataloguePage() {
  const mayBanners = useMay('listBanners');
  const items = [
    { key: 'categories', label: '分类', children: <CategoriesTab /> },
    ...(mayBanners ? [{ key: 'banners', label: '首页横幅', children: <BannersTab /> }] : []),
  ];
  return (
    <Card title="分类与横幅">
      <Tabs className="catalogue-tabs" items={items} destroyOnHidden />
    </Card>
  );
}
