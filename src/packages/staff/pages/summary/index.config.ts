export default definePageConfig({
  navigationBarTitleText: '今日汇总',
  enablePullDownRefresh: true,
});
