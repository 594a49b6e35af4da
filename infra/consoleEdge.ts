/**
 * What the console's CloudFront distribution and its Lambda agree on: the cookie holding the Cognito ID token, the
 * header API Gateway's JWT authorizer reads it from (a JWT authorizer reads a header or a query parameter, never a
 * cookie), and the paths anyone may open before signing in.
 */
export const consoleEdge = {
  idTokenCookie: '__Host-award_id',
  idTokenHeader: 'x-award-id-token',
  publicPaths: ['/sign-in', '/auth/callback', '/signed-out'],
} as const;

/**
 * The CloudFront viewer-request function of the console's default behaviour (cloudfront-js-2.0): it drops any
 * token header the browser sent, copies the ID-token cookie into that header, and sends a GET without the cookie to
 * `/sign-in` (other methods reach API Gateway, which answers 401) — the public paths excepted.
 */
export function viewerRequestFunctionCode(): string {
  const { idTokenCookie, idTokenHeader, publicPaths } = consoleEdge;
  return `function handler(event) {
  var request = event.request;
  delete request.headers[${JSON.stringify(idTokenHeader)}];
  var cookie = request.cookies[${JSON.stringify(idTokenCookie)}];
  if (cookie && cookie.value) {
    request.headers[${JSON.stringify(idTokenHeader)}] = { value: cookie.value };
    return request;
  }
  var open = ${JSON.stringify(publicPaths)};
  if (open.indexOf(request.uri) >= 0 || (request.method !== 'GET' && request.method !== 'HEAD')) return request;
  return { statusCode: 303, statusDescription: 'See Other', headers: { location: { value: '/sign-in' } } };
}
`;
}
