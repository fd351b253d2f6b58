/**
 * Stand-in for `@tarojs/taro` in component tests: the APIs the client calls, as jest mocks that
 * resolve like the real ones. Lifecycle hooks that depend on the Taro runtime do nothing.
 */
const resolved = () => jest.fn(() => Promise.resolve({ errMsg: 'ok' }));

const Taro = {
  showToast: resolved(),
  hideToast: resolved(),
  showLoading: resolved(),
  hideLoading: resolved(),
  showModal: resolved(),
  navigateTo: resolved(),
  redirectTo: resolved(),
  reLaunch: resolved(),
  navigateBack: resolved(),
  switchTab: resolved(),
  stopPullDownRefresh: resolved(),
  getCurrentInstance: jest.fn(() => ({ router: { params: {} } })),
  cloud: {
    DYNAMIC_CURRENT_ENV: 'dynamic-current-env',
    init: jest.fn(),
    callFunction: jest.fn(() => Promise.reject(new Error('Taro.cloud.callFunction is not mocked in this test'))),
  },
};

export const useLaunch = jest.fn();
export const useDidShow = jest.fn();
export const useDidHide = jest.fn();
export const useLoad = jest.fn();
export const useReady = jest.fn();
export const usePullDownRefresh = jest.fn();
export const useReachBottom = jest.fn();
export const useRouter = jest.fn(() => ({ params: {} }));
export const getCurrentInstance = Taro.getCurrentInstance;

export default Taro;
