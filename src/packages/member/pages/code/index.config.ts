export default definePageConfig({
  navigationBarTitleText: '会员码',
  navigationBarBackgroundColor: '#2b211b',
  backgroundColor: '#2b211b',
});
