export default definePageConfig({
  navigationBarTitleText: '可用商品',
  onReachBottomDistance: 120,
});
