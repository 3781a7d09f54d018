import type { TProblem } from '@portal/contracts';

/**
 * An answer that is not 2xx, carrying the server's problem document. Show it by its `code`
 * (lib/form-errors.ts), never by its English `detail`. Kept apart from the API
 * client (and its zod schemas), so the sign-in page and the frame can check errors without
 * loading zod on the critical path.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: TProblem,
  ) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
  }

  /** The English message of one field's error (`errors[]`), for checks; show texts by code. */
  fieldError(path: string): string | undefined {
    return this.problem.errors?.find((error) => error.path === path)?.message;
  }
}
