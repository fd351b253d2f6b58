/** A browser-like client of the local gateway: keeps its own dev session cookie, so two clients are two members. */
export class GatewayClient {
  private cookie = '';

  constructor(private readonly baseUrl: string) {}

  /** Signs this client in with the dev login and answers its OPENID. */
  async login(): Promise<string> {
    const res = await fetch(`${this.baseUrl}/dev/login`, { method: 'POST' });
    this.cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    return ((await res.json()) as { openid: string }).openid;
  }

  /** Calls a function through `POST /fn/:name` and answers its envelope. */
  async call<T = unknown>(fn: string, body: unknown): Promise<{ status: number; body: T }> {
    const res = await fetch(`${this.baseUrl}/fn/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.cookie ? { cookie: this.cookie } : {}) },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as T };
  }

  /** Any other request to the gateway with this client's session, e.g. an upload to `/storage/upload`. */
  send(path: string, init: RequestInit = {}): Promise<Response> {
    return fetch(`${this.baseUrl}${path}`, {
      ...init,
      headers: { ...(init.headers as Record<string, string>), ...(this.cookie ? { cookie: this.cookie } : {}) },
    });
  }
}
