export default definePageConfig({
  navigationBarTitleText: '全部商品',
  enablePullDownRefresh: true,
  onReachBottomDistance: 200,
});
