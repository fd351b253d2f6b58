import type * as WxServerSdk from 'wx-server-sdk';

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

type Cloud = typeof WxServerSdk;

/** Loads the unmodified wx-server-sdk in this process, talking to the local cloud at `tcbUrl`. */
export function connectSdk(tcbUrl: string): Cloud {
  Object.assign(process.env, platformEnv(tcbUrl));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cloud = require('wx-server-sdk') as Cloud;
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
  return cloud;
}
