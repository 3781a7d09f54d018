import type { z } from 'zod';
import type { TPermission } from './permissions';
import type { TStaffPermission } from './staff-permissions';

/**
 * One HTTP route as both sides see it: the API registers it, the SPA calls it,
 * the OpenAPI document is generated from it (ts-rest style, without the runtime).
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Who may call a route: anyone, a signed-in customer or staff member, or staff only. */
export type RouteAccess = 'public' | 'user' | 'staff';

export interface RouteContract {
  method: HttpMethod;
  /**
   * Stable name of the operation in the OpenAPI document, a verb and a noun (`listInvoices`):
   * generated clients name their methods after it, so it never changes once published.
   */
  operationId: string;
  /** Path below /api/v1 in Fastify syntax, e.g. `/invoices/:id`. */
  path: string;
  summary: string;
  tags: readonly string[];
  access: RouteAccess;
  /** What a staff route needs (`access: 'staff'` only; the API refuses to register one without). */
  staffPermission?: TStaffPermission;
  /**
   * What a customer member's role must allow (ADR 0020); `self` for routes about the signed-in
   * user alone (password, sessions, second factors), which every member may call.
   */
  permission?: TPermission | 'self';
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  headers?: z.ZodType;
  /** Every status the route answers with, keyed by status code. */
  responses: Record<number, z.ZodType>;
  /** Media types of a non-JSON request body (e.g. `application/xml`); absent: JSON. */
  consumes?: readonly string[];
  /**
   * The route also takes its body as `multipart/form-data` (ADR 0025): every field of `body` as a
   * text part, the files as binary parts named `files.field` (in JSON that field carries them base64).
   */
  multipart?: MultipartUpload;
  /** Non-JSON success bodies (PDF downloads, exports) name their media type here. */
  produces?: string | readonly string[];
  /** A JSON answer offered as a file to save (sent with `Content-Disposition: attachment`). */
  download?: boolean;
  /**
   * A POST that creates something: takes an `Idempotency-Key` header (declare it in `headers`,
   * e.g. `ZIdempotencyKeyHeaders`), replays the stored answer for a retry (ADR 0021).
   */
  idempotent?: boolean;
}

/** The files a `multipart/form-data` body may carry; the API stops reading at the first byte over a limit. */
export interface MultipartUpload {
  /** The name of the file parts (repeated once per file) and of the JSON body's base64 array. */
  field: string;
  maxFiles: number;
  maxFileBytes: number;
  /** All files of one request together. */
  maxTotalBytes: number;
  /** What the server accepts, decided by content; clients send the type they know. */
  mediaTypes: readonly string[];
}

export const defineRoute = <const C extends RouteContract>(contract: C): C => contract;

/** The 2xx body type of a route (the first success status it declares). */
export type SuccessBody<C extends RouteContract> = {
  [S in keyof C['responses']]: S extends 200 | 201 | 202 ? z.output<C['responses'][S]> : never;
}[keyof C['responses']];

export type ParamsOf<C extends RouteContract> = C['params'] extends z.ZodType ? z.input<C['params']> : undefined;
export type QueryOf<C extends RouteContract> = C['query'] extends z.ZodType ? z.input<C['query']> : undefined;
export type BodyOf<C extends RouteContract> = C['body'] extends z.ZodType ? z.input<C['body']> : undefined;

/** Fills `:name` segments of a contract path. */
export function buildPath(path: string, params?: Record<string, string | number>): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new Error(`Missing path parameter "${name}" for ${path}`);
    return encodeURIComponent(String(value));
  });
}
