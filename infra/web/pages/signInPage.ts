import { html } from 'hono/html';
import { csrfField, type Html, layout } from './layout.js';

/** Sign-in: user name and password from the users file (`award user add`). */
export function signInPage(csrfToken: string, error?: string): Html {
  return layout(
    { title: '登录' },
    html`${error ? html`<p class="error" role="alert">${error}</p>` : ''}
<form class="stack" method="post" action="/sign-in">
${csrfField(csrfToken)}
<label for="name">用户名</label>
<input type="text" id="name" name="name" autocomplete="username" required>
<label for="password">密码</label>
<input type="password" id="password" name="password" autocomplete="current-password" required>
<button type="submit" class="primary">登录</button>
</form>`,
  );
}
