import type { Hono } from 'hono';

/** A signed-in (or anonymous) browser for `app.request()`: keeps the session cookie and the page's CSRF token. */
export class ConsoleClient {
  cookie = '';
  csrf = '';

  constructor(private readonly app: Hono<never>) {}

  private remember(res: Response) {
    const set = res.headers.get('set-cookie');
    const match = set?.match(/award_session=([^;]*)/);
    if (match) this.cookie = match[1] ? `award_session=${match[1]}` : '';
  }

  private async readCsrf(res: Response): Promise<string> {
    const text = await res.text();
    const token = text.match(/name="csrf" value="([^"]*)"/)?.[1];
    if (token) this.csrf = token;
    return text;
  }

  async get(path: string): Promise<{ res: Response; text: string }> {
    const res = await this.app.request(path, { headers: this.cookie ? { cookie: this.cookie } : {} });
    this.remember(res);
    return { res, text: await this.readCsrf(res) };
  }

  /** A form POST; `csrf` is the page's token unless given (null: left out). */
  async post(
    path: string,
    fields: Record<string, string | File>,
    csrf: string | null = this.csrf,
  ): Promise<{ res: Response; text: string }> {
    const hasFile = Object.values(fields).some((v) => v instanceof File);
    const all = { ...fields, ...(csrf === null ? {} : { csrf }) };
    let body: FormData | URLSearchParams;
    if (hasFile) {
      body = new FormData();
      for (const [k, v] of Object.entries(all)) body.append(k, v);
    } else body = new URLSearchParams(all as Record<string, string>);
    const res = await this.app.request(path, {
      method: 'POST',
      body,
      headers: this.cookie ? { cookie: this.cookie } : {},
    });
    this.remember(res);
    return { res, text: await this.readCsrf(res) };
  }

  async signIn(name: string, password: string): Promise<Response> {
    await this.get('/sign-in');
    const { res } = await this.post('/sign-in', { name, password });
    if (res.status === 303) await this.get(res.headers.get('location') ?? '/');
    return res;
  }
}
