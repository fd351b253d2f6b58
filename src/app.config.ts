export default defineAppConfig({
  pages: ['pages/index/index'],
  subPackages: [
    {
      root: 'packages/member',
      pages: ['pages/profile/index'],
    },
  ],
  preloadRule: {
    'pages/index/index': { network: 'all', packages: ['packages/member'] },
  },
  window: {
    navigationBarTitleText: '悦享商城',
    navigationBarBackgroundColor: '#2b211b',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f6f1ea',
    backgroundTextStyle: 'dark',
  },
});
