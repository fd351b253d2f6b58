export default definePageConfig({
  navigationBarTitleText: '悦享商城',
  enablePullDownRefresh: true,
  // useShare answers WeChat's share sheet and Moments; Taro wires the hooks only where these are on.
  enableShareAppMessage: true,
  enableShareTimeline: true,
  // Pulling down reveals the window background: match the dark hero above the content.
  backgroundColor: '#2b211b',
  backgroundColorTop: '#2b211b',
  backgroundColorBottom: '#f6f1ea',
  backgroundTextStyle: 'light',
});
