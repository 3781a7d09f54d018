import {
  type BodyOf,
  buildPath,
  type MultipartUpload,
  type ParamsOf,
  type QueryOf,
  type RouteContract,
  type SuccessBody,
  type TProblem,
  ZProblem,
} from '@portal/contracts';

import { ApiError } from './api-error';

const API_BASE = '/api/v1';

// Features import the error class from here too; it lives in its own module (see there).
export { ApiError } from './api-error';

type RequestArgs<C extends RouteContract> = {
  params?: ParamsOf<C>;
  query?: QueryOf<C>;
  body?: BodyOf<C>;
  /**
   * The files of a route that takes them (`multipart` in its contract, ADR 0025): the body then
   * goes as `multipart/form-data`, its fields as text parts and each file as a part of its own.
   */
  files?: C['multipart'] extends MultipartUpload ? readonly File[] : never;
  headers?: Record<string, string>;
  signal?: AbortSignal;
};

/** Fields as text parts (empty optional ones left out), files under the contract's field name. */
function toFormData(body: object | undefined, files: readonly File[], upload: MultipartUpload): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(body ?? {})) {
    if (value === undefined || value === null || name === upload.field) continue;
    form.append(name, String(value));
  }
  for (const file of files) form.append(upload.field, file, file.name);
  return form;
}

function toQueryString(query: object | undefined): string {
  if (!query) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    search.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export function contractUrl<C extends RouteContract>(contract: C, args: Pick<RequestArgs<C>, 'params' | 'query'> = {}) {
  return `${API_BASE}${buildPath(contract.path, args.params as Record<string, string> | undefined)}${toQueryString(args.query as object | undefined)}`;
}

async function toApiError(response: Response): Promise<ApiError> {
  const fallback: TProblem = {
    type: 'about:blank',
    title: response.statusText || 'Request failed',
    status: response.status,
    code: response.status >= 500 ? 'internal' : 'bad_request',
    requestId: response.headers.get('x-request-id') ?? '',
  };
  const parsed = ZProblem.safeParse(await response.json().catch(() => null));
  return new ApiError(response.status, parsed.success ? parsed.data : fallback);
}

/**
 * Calls a route of the contract and parses the answer with the contract's own schema, so the SPA
 * and the API cannot silently disagree. The session cookie travels automatically.
 */
export async function apiRequest<C extends RouteContract>(
  contract: C,
  args: RequestArgs<C> = {},
): Promise<SuccessBody<C>> {
  // Files travel as they are, not base64 in JSON; the browser sets the multipart boundary.
  const form =
    contract.multipart && args.files
      ? toFormData(args.body as object | undefined, args.files, contract.multipart)
      : null;
  const hasBody = args.body !== undefined && !form;
  // A route that consumes e.g. XML takes its body as the text it is (a bank statement).
  const rawType = contract.consumes?.[0];
  // Creating requests carry an Idempotency-Key (ADR 0021): one per call, so the retry below
  // after a lost answer cannot create twice. A caller may bring its own (payments do).
  const key = contract.idempotent && !args.headers?.['idempotency-key'] ? crypto.randomUUID() : undefined;
  const send = () =>
    fetch(contractUrl(contract, args), {
      method: contract.method,
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        ...(hasBody ? { 'content-type': rawType ?? 'application/json' } : {}),
        ...(key ? { 'idempotency-key': key } : {}),
        ...args.headers,
      },
      ...(form ? { body: form } : {}),
      ...(hasBody ? { body: rawType ? String(args.body) : JSON.stringify(args.body) } : {}),
      ...(args.signal ? { signal: args.signal } : {}),
    });
  const idempotent = contract.idempotent === true || contract.method === 'GET';
  // A network failure (the answer lost, not refused) is retried once where that is safe.
  const response = await send().catch((error: unknown) => {
    if (!idempotent || args.signal?.aborted) throw error;
    return send();
  });
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return null as SuccessBody<C>;
  const schema = contract.responses[response.status];
  const json: unknown = await response.json();
  return (schema ? schema.parse(json) : json) as SuccessBody<C>;
}

/** Downloads a binary answer (PDF, export) and hands it to the browser as a file. */
export async function downloadFile<C extends RouteContract>(contract: C, args: RequestArgs<C>, fallbackName: string) {
  const response = await fetch(contractUrl(contract, args), { credentials: 'same-origin' });
  if (!response.ok) throw await toApiError(response);
  const blob = await response.blob();
  const disposition = response.headers.get('content-disposition') ?? '';
  // RFC 6266: prefer the UTF-8 `filename*` (umlauts) over the ASCII fallback `filename`.
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const name = encoded ? decodeURIComponent(encoded) : (/filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
