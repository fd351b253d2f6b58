import { describe } from './logic-layer';

/** What a `wx` call was asked, in the order the client asked. */
export interface WxCall {
  api: string;
  args: Record<string, unknown>;
}

/** A navigation the client asked for. */
export type NavigationKind = 'navigateTo' | 'redirectTo' | 'reLaunch' | 'switchTab' | 'navigateBack';

/** What the `wx` stub needs from the simulated client. */
export interface WxHost {
  /** Calls a cloud function as the signed-in user and answers its result. */
  callFunction(name: string, data: unknown): Promise<unknown>;
  /** Completes the WeChat Pay sheet for the prepay id in `pkg` (`prepay_id=…`). */
  requestPayment(pkg: string): Promise<void>;
  /** Performs a navigation; answers why it failed, or null. */
  navigate(kind: NavigationKind, target: { url?: string; delta?: number }): Promise<string | null>;
  /** A copy of `value` made of the logic layer's own objects. */
  fromOutside<T>(value: T): T;
  /** What the member answers the next modal with. */
  modalAnswer(): boolean;
  /** A runtime error inside the bundle (a throwing callback). */
  report(message: string): void;
  /** What the camera reads when the client asks to scan a code; null when the member closes the scanner. */
  scanResult(): string | null;
}

type Options = Record<string, unknown> & {
  success?: (res: unknown) => void;
  fail?: (err: unknown) => void;
  complete?: (res: unknown) => void;
};

const ZERO_RECT = { id: '', dataset: {}, left: 0, right: 0, top: 0, bottom: 0, width: 0, height: 0 };

/**
 * The `wx` object of the simulated client: miniprogram-simulate's API mock for the ~400 APIs no
 * page depends on, with the ones pages do depend on answered for real. Storage lives in memory;
 * navigation goes through the page stack; cloud calls reach the local cloud; WeChat Pay settles
 * the local cloud's simulated payment. Every call answers asynchronously, as on a device.
 */
export function createWx(host: WxHost, calls: WxCall[]): Record<string, unknown> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const base = require('miniprogram-simulate/src/api') as Record<string, unknown>;
  const storage = new Map<string, string>();

  const answer = (api: string, options: Options, work: () => Promise<unknown> | unknown): Promise<unknown> | undefined => {
    const { success, fail, complete, ...args } = options;
    calls.push({ api, args: JSON.parse(JSON.stringify(args)) as Record<string, unknown> });
    const callback = (fn: ((res: unknown) => void) | undefined, res: unknown) => {
      try {
        fn?.(res);
      } catch (error) {
        host.report(`a ${api} callback threw: ${describe(error)}`);
      }
    };
    const outcome = new Promise<void>((resolve) => setTimeout(resolve, 0)).then(work).then(
      (res) => ({ ok: true, res: host.fromOutside({ errMsg: `${api}:ok`, ...(res as object) }) }),
      (error: Error) => ({ ok: false, res: host.fromOutside({ errMsg: `${api}:fail ${error.message}` }) }),
    );
    // As in WeChat: with callbacks the call answers through them; without, through a promise.
    if (success || fail || complete) {
      void outcome.then(({ ok, res }) => {
        callback(ok ? success : fail, res);
        callback(complete, res);
      });
      return undefined;
    }
    return outcome.then(({ ok, res }) => (ok ? res : Promise.reject(res)));
  };
  const done = (api: string, result: (options: Options) => unknown = () => ({})) => {
    return (options: Options = {}) => answer(api, options, () => result(options));
  };
  const navigation = (kind: NavigationKind) => (options: Options) =>
    answer(kind, options, async () => {
      const failure = await host.navigate(kind, { url: options.url as string | undefined, delta: options.delta as number | undefined });
      if (failure) throw new Error(failure);
      return {};
    });

  const selectorQuery = () => {
    const results: unknown[] = [];
    let pending: unknown = null;
    const query = {
      in: () => query,
      select: () => ((pending = { ...ZERO_RECT }), query),
      selectAll: () => ((pending = []), query),
      selectViewport: () => ((pending = { ...ZERO_RECT }), query),
      boundingClientRect: (callback?: (rect: unknown) => void) => (results.push(pending), callback?.(host.fromOutside(pending)), query),
      scrollOffset: (callback?: (offset: unknown) => void) => {
        const offset = { id: '', dataset: {}, scrollLeft: 0, scrollTop: 0, scrollWidth: 0, scrollHeight: 0 };
        results.push(offset);
        callback?.(host.fromOutside(offset));
        return query;
      },
      fields: (_fields: unknown, callback?: (value: unknown) => void) => (results.push({}), callback?.(host.fromOutside({})), query),
      node: (callback?: (value: unknown) => void) => (results.push(null), callback?.(null), query),
      exec: (callback?: (values: unknown[]) => void) => void setTimeout(() => callback?.(host.fromOutside(results)), 0),
    };
    return query;
  };

  const cloud = {
    DYNAMIC_CURRENT_ENV: 'dynamic-current-env',
    init: (options: Options = {}) =>
      void calls.push({ api: 'cloud.init', args: JSON.parse(JSON.stringify(options)) as Record<string, unknown> }),
    callFunction: (options: Options) =>
      answer('cloud.callFunction', options, async () => ({ result: await host.callFunction(options.name as string, options.data) })),
  };

  return {
    ...base,
    cloud,
    setStorageSync: (key: string, value: unknown) => void storage.set(key, JSON.stringify(value)),
    getStorageSync: (key: string) => {
      const stored = storage.get(key);
      return stored === undefined ? '' : host.fromOutside(JSON.parse(stored) as unknown);
    },
    removeStorageSync: (key: string) => void storage.delete(key),
    clearStorageSync: () => storage.clear(),
    getStorageInfoSync: () => host.fromOutside({ keys: [...storage.keys()], currentSize: 0, limitSize: 10240 }),
    setStorage: (options: Options) =>
      answer('setStorage', options, () => void storage.set(options.key as string, JSON.stringify(options.data))),
    getStorage: (options: Options) =>
      answer('getStorage', options, () => {
        const stored = storage.get(options.key as string);
        if (stored === undefined) throw new Error('data not found');
        return { data: JSON.parse(stored) as unknown };
      }),
    removeStorage: (options: Options) => answer('removeStorage', options, () => void storage.delete(options.key as string)),
    clearStorage: done('clearStorage', () => storage.clear()),
    navigateTo: navigation('navigateTo'),
    redirectTo: navigation('redirectTo'),
    reLaunch: navigation('reLaunch'),
    switchTab: navigation('switchTab'),
    navigateBack: (options: Options = {}) => navigation('navigateBack')({ delta: 1, ...options }),
    showToast: done('showToast'),
    hideToast: done('hideToast'),
    showLoading: done('showLoading'),
    hideLoading: done('hideLoading'),
    showModal: done('showModal', () => {
      const confirm = host.modalAnswer();
      return { confirm, cancel: !confirm };
    }),
    showActionSheet: done('showActionSheet', () => ({ tapIndex: 0 })),
    setNavigationBarTitle: done('setNavigationBarTitle'),
    startPullDownRefresh: done('startPullDownRefresh'),
    stopPullDownRefresh: done('stopPullDownRefresh'),
    pageScrollTo: done('pageScrollTo'),
    setKeepScreenOn: done('setKeepScreenOn'),
    getScreenBrightness: done('getScreenBrightness', () => ({ value: 0.5 })),
    setScreenBrightness: done('setScreenBrightness'),
    requestSubscribeMessage: done('requestSubscribeMessage', (options) =>
      Object.fromEntries(((options.tmplIds as string[] | undefined) ?? []).map((id) => [id, 'accept'])),
    ),
    chooseAddress: done('chooseAddress', () => ({
      userName: '林小满',
      telNumber: '13800138000',
      provinceName: '上海市',
      cityName: '上海市',
      countyName: '静安区',
      detailInfo: '南京西路 1 号',
      postalCode: '200040',
      nationalCode: '310106',
    })),
    scanCode: (options: Options) =>
      answer('scanCode', options, () => {
        const result = host.scanResult();
        if (result === null) throw new Error('cancel');
        return { result, scanType: 'QR_CODE', charSet: 'utf-8' };
      }),
    requestPayment: (options: Options) => answer('requestPayment', options, () => host.requestPayment(options.package as string)),
    createSelectorQuery: selectorQuery,
  };
}
