import cloud from 'wx-server-sdk';

/**
 * The raw wx-server-sdk surface. Its published typings union every call with the callback
 * style and miss options such as throwOnNotFound, so `server/db` wraps it in typed helpers
 * and nothing else touches it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Raw = any;

let initialised = false;

/** The SDK, initialised once per instance for the environment the function runs in. */
export function sdk(): Raw {
  if (!initialised) {
    // The typings declare DYNAMIC_CURRENT_ENV a symbol, which init() accepts at run time.
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });
    initialised = true;
  }
  return cloud as Raw;
}

/** Caller identity and trigger source, as the platform reports them for this invocation. */
export function wxContext(): { openid?: string; appid?: string; source: string; clientIp?: string } {
  const context = sdk().getWXContext() as { OPENID?: string; APPID?: string; SOURCE?: string; CLIENTIP?: string };
  return {
    openid: context.OPENID || undefined,
    appid: context.APPID || undefined,
    source: context.SOURCE ?? '',
    clientIp: context.CLIENTIP || undefined,
  };
}

/** Calls another cloud function of this environment and answers what its `main` returned. */
export async function callCloudFunction(name: string, data: Record<string, unknown>): Promise<unknown> {
  const { result } = (await sdk().callFunction({ name, data })) as { result: unknown };
  return result;
}
