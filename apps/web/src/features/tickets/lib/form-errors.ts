import { ticketAttachmentLimits } from '@portal/contracts';
import { ApiError } from '../../../lib/api-client';
import type { ticketMessages } from '../messages';
import { type FileProblem, megabytes } from './attachment-files';

type Messages = (typeof ticketMessages)['de'];

function describeFileProblem(problem: FileProblem, t: Messages): string {
  if (problem.kind === 'type') return t.fileTypeRefused(problem.name);
  if (problem.kind === 'size') return t.fileTooLarge(problem.name, megabytes(ticketAttachmentLimits.maxFileBytes));
  if (problem.kind === 'count') return t.tooManyFiles(ticketAttachmentLimits.maxFiles);
  return t.filesTooLarge(megabytes(ticketAttachmentLimits.maxMessageBytes));
}

export function describeFileProblems(problems: FileProblem[], t: Messages): string | undefined {
  if (problems.length === 0) return undefined;
  return problems.map((problem) => describeFileProblem(problem, t)).join(' ');
}

/** The API's word on the attachments: any field error under `attachments…`. */
export function attachmentsError(error: unknown, t: Messages): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  if (error.status === 415) return t.fileContentRefused;
  if (error.status === 413) return t.filesTooLarge(megabytes(ticketAttachmentLimits.maxMessageBytes));
  const messages = (error.problem.errors ?? [])
    .filter((entry) => entry.path === 'attachments' || entry.path.startsWith('attachments.'))
    .map((entry) => entry.message);
  return messages.length > 0 ? messages.join(' ') : undefined;
}

/** A problem that belongs to no field: throttling, or anything unexpected. */
export function formError(error: unknown, t: Messages): string | undefined {
  if (!error) return undefined;
  if (error instanceof ApiError) {
    if (error.status === 429) return t.throttled;
    // Field errors are shown at their fields.
    if (error.problem.errors?.length || error.status === 413 || error.status === 415) return undefined;
    return error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
