export default definePageConfig({
  navigationBarTitleText: '成为店员',
});
