import type { TErrorCode, TFieldError } from '@portal/contracts';

/** A JSON answer as fetch returns it. */
export const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** A problem+json answer with an English `detail`, as the API sends it. */
export const problem = (
  status: number,
  code: TErrorCode,
  extra: { detail?: string; errors?: TFieldError[]; [key: string]: unknown } = {},
) =>
  new Response(
    JSON.stringify({ type: `urn:portal:problem:${code}`, title: 'x', status, code, requestId: 'req-1', ...extra }),
    { status, headers: { 'content-type': 'application/problem+json' } },
  );
