/** The platform environment the real wx-server-sdk expects, pointed at a local cloud. */
export function platformEnv(tcbUrl: string): Record<string, string> {
  return {
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: tcbUrl }),
    TENCENTCLOUD_RUNENV: 'SCF',
    TENCENTCLOUD_REGION: 'ap-shanghai',
    TCB_ENV: 'local',
    SCF_NAMESPACE: 'local',
    TENCENTCLOUD_SECRETID: 'local-cloud',
    TENCENTCLOUD_SECRETKEY: 'local-cloud',
    TENCENTCLOUD_SESSIONTOKEN: 'local-cloud',
  };
}

/**
 * The raw SDK surface, untyped on purpose: its published typings union every call with the
 * callback style (`string | void | …`) and omit options such as throwOnNotFound, while these
 * suites exercise exactly that raw surface.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type RawCloud = any;

/** Loads the unmodified wx-server-sdk in this process, talking to the local cloud at `tcbUrl`. */
export function connectSdk(tcbUrl: string): RawCloud {
  Object.assign(process.env, platformEnv(tcbUrl));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cloud = require('wx-server-sdk') as RawCloud;
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
  return cloud;
}
