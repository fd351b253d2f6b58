export default definePageConfig({
  navigationBarTitleText: '商品详情',
  enablePullDownRefresh: true,
  // useShare answers WeChat's share sheet and Moments; Taro wires the hooks only where these are on.
  enableShareAppMessage: true,
  enableShareTimeline: true,
});
