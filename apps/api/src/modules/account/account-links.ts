/** SPA pages that e-mailed links open; keep in sync with apps/web/src/config/paths.ts. */
export function resetPasswordLink(publicUrl: string, token: string, welcome = false): string {
  const url = new URL('/reset-password', publicUrl);
  url.searchParams.set('token', token);
  if (welcome) url.searchParams.set('welcome', '1');
  return url.toString();
}

export function confirmEmailLink(publicUrl: string, token: string): string {
  const url = new URL('/confirm-email', publicUrl);
  url.searchParams.set('token', token);
  return url.toString();
}
