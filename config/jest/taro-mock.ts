/**
 * Stand-in for `@tarojs/taro` in component tests: the APIs the client calls, as jest mocks that
 * resolve like the real ones. Lifecycle hooks that depend on the Taro runtime do nothing.
 */
const resolved = () => jest.fn(() => Promise.resolve({ errMsg: 'ok' }));

const ENV_TYPE = { WEAPP: 'WEAPP', WEB: 'WEB', RN: 'RN', SWAN: 'SWAN', ALIPAY: 'ALIPAY', TT: 'TT', QQ: 'QQ', JD: 'JD', HARMONY: 'HARMONY' };

/** Taro's page-wide event bus (NutUI's dialogs and toasts talk through it). */
function createEventCenter() {
  const handlers = new Map<string, ((...args: unknown[]) => void)[]>();
  return {
    on(name: string, handler: (...args: unknown[]) => void) {
      handlers.set(name, [...(handlers.get(name) ?? []), handler]);
    },
    off(name: string, handler?: (...args: unknown[]) => void) {
      handlers.set(name, handler ? (handlers.get(name) ?? []).filter((h) => h !== handler) : []);
    },
    trigger(name: string, ...args: unknown[]) {
      (handlers.get(name) ?? []).forEach((handler) => handler(...args));
    },
  };
}

/**
 * A selector query that measures nothing, as for elements not yet laid out: each `select` answers
 * null and each `selectAll` an empty list, in the order they were asked, like the real `exec`.
 */
function createSelectorQuery() {
  const results: unknown[] = [];
  let pending: unknown = null;
  const query = {
    select: () => {
      pending = null;
      return query;
    },
    selectAll: () => {
      pending = [];
      return query;
    },
    selectViewport: () => query,
    in: () => query,
    boundingClientRect: (callback?: (rect: unknown) => void) => {
      results.push(pending);
      callback?.(pending);
      return query;
    },
    scrollOffset: () => query,
    fields: () => query,
    node: () => query,
    exec: (callback?: (result: unknown[]) => void) => callback?.(results),
  };
  return query;
}

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
  showActionSheet: jest.fn(() => Promise.resolve({ tapIndex: 0, errMsg: 'ok' })),
  setKeepScreenOn: resolved(),
  getScreenBrightness: jest.fn(() => Promise.resolve({ value: 0.5, errMsg: 'ok' })),
  setScreenBrightness: resolved(),
  requestSubscribeMessage: resolved(),
  // Pickers and permissions answer as a member who closes them or says no, unless a test says otherwise.
  chooseImage: jest.fn(() => Promise.reject(new Error('chooseImage:fail cancel'))),
  getLocation: jest.fn(() => Promise.reject(new Error('getLocation:fail auth deny'))),
  setClipboardData: resolved(),
  canvasToTempFilePath: jest.fn(() => Promise.resolve({ tempFilePath: 'wxfile://poster.png', errMsg: 'ok' })),
  saveImageToPhotosAlbum: resolved(),
  openSetting: resolved(),
  setStorageSync: jest.fn(),
  getStorageSync: jest.fn(() => ''),
  removeStorageSync: jest.fn(),
  getEnv: jest.fn(() => ENV_TYPE.WEB),
  ENV_TYPE,
  nextTick: (callback: () => void) => setTimeout(callback, 0),
  createSelectorQuery,
  getSystemInfoSync: jest.fn(() => ({ windowWidth: 375, windowHeight: 667, screenWidth: 375, screenHeight: 667, pixelRatio: 2 })),
  pxTransform: (size: number) => `${size / 2}px`,
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
export const eventCenter = createEventCenter();
export const usePageScroll = jest.fn();
export const useUnload = jest.fn();
export const useShareAppMessage = jest.fn();
export const useShareTimeline = jest.fn();
export const getCurrentInstance = Taro.getCurrentInstance;
export const getEnv = Taro.getEnv;
export const nextTick = Taro.nextTick;
export { createSelectorQuery, ENV_TYPE };

export default Taro;
