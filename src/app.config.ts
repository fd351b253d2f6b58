export default defineAppConfig({
  pages: ['pages/index/index'],
  subPackages: [
    {
      root: 'packages/member',
      pages: ['pages/profile/index', 'pages/centre/index', 'pages/code/index'],
    },
    {
      root: 'packages/points',
      pages: ['pages/index/index', 'pages/check-in/index'],
    },
    {
      root: 'packages/mall',
      pages: ['pages/index/index', 'pages/reward/index', 'pages/redemptions/index'],
    },
    {
      root: 'packages/coupons',
      pages: ['pages/centre/index', 'pages/mine/index'],
    },
    {
      root: 'packages/shop',
      pages: ['pages/category/index', 'pages/search/index', 'pages/product/index', 'pages/cart/index'],
    },
    {
      root: 'packages/orders',
      pages: [
        'pages/checkout/index',
        'pages/address/index',
        'pages/result/index',
        'pages/list/index',
        'pages/detail/index',
        'pages/refund/index',
      ],
    },
    {
      root: 'packages/staff',
      pages: [
        'pages/index/index',
        'pages/join/index',
        'pages/card/index',
        'pages/sale/index',
        'pages/write-off/index',
        'pages/pickup/index',
        'pages/summary/index',
      ],
    },
  ],
  // WeChat lists the private-information APIs a mini-program calls; the address form offers the member's WeChat addresses.
  requiredPrivateInfos: ['chooseAddress'],
  preloadRule: {
    'pages/index/index': { network: 'all', packages: ['packages/member', 'packages/points', 'packages/shop'] },
  },
  window: {
    navigationBarTitleText: '悦享商城',
    navigationBarBackgroundColor: '#2b211b',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f6f1ea',
    backgroundTextStyle: 'dark',
  },
});
