export default defineAppConfig({
  // The tab bar's pages live in the main package, as WeChat requires.
  pages: ['pages/index/index', 'pages/category/index', 'pages/cart/index', 'pages/mine/index'],
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
      pages: ['pages/centre/index', 'pages/mine/index', 'pages/products/index'],
    },
    {
      root: 'packages/shop',
      pages: ['pages/search/index', 'pages/product/index', 'pages/favourites/index'],
    },
    {
      root: 'packages/orders',
      pages: [
        'pages/checkout/index',
        'pages/address/index',
        'pages/addresses/index',
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
  // WeChat lists the private-information APIs a mini-program calls: the address form offers the
  // member's WeChat addresses, and pickup preselects the store nearest to them.
  requiredPrivateInfos: ['chooseAddress', 'getLocation'],
  permission: { 'scope.userLocation': { desc: '用于为你预选最近的自提门店' } },
  preloadRule: {
    'pages/index/index': { network: 'all', packages: ['packages/member', 'packages/points', 'packages/shop'] },
  },
  tabBar: {
    color: '#9a8b7e',
    selectedColor: '#b98a45',
    backgroundColor: '#ffffff',
    borderStyle: 'white',
    list: [
      {
        pagePath: 'pages/index/index',
        text: '首页',
        iconPath: 'assets/tab-bar/home.png',
        selectedIconPath: 'assets/tab-bar/home-active.png',
      },
      {
        pagePath: 'pages/category/index',
        text: '分类',
        iconPath: 'assets/tab-bar/category.png',
        selectedIconPath: 'assets/tab-bar/category-active.png',
      },
      {
        pagePath: 'pages/cart/index',
        text: '购物车',
        iconPath: 'assets/tab-bar/cart.png',
        selectedIconPath: 'assets/tab-bar/cart-active.png',
      },
      {
        pagePath: 'pages/mine/index',
        text: '我的',
        iconPath: 'assets/tab-bar/mine.png',
        selectedIconPath: 'assets/tab-bar/mine-active.png',
      },
    ],
  },
  window: {
    // WeChat draws its navigation bar (with 返回首页 on a page opened from a link); naming the
    // default style makes the H5 build draw Taro's equivalent, so a deep link there has a way home too.
    navigationStyle: 'default',
    navigationBarTitleText: '悦享商城',
    navigationBarBackgroundColor: '#2b211b',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f6f1ea',
    backgroundTextStyle: 'dark',
  },
});
