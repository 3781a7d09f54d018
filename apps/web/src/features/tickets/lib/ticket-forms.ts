import { ticketAttachmentLimits, ZAdminReplyBody, ZCreateTicketBody, ZReplyBody } from '@portal/contracts';
import { z } from 'zod';
import { encodeFieldError } from '../../../lib/form-errors';
import { checkFiles, type FileProblem } from './attachment-files';

const codeOf = (problem: FileProblem, maxFiles: number) =>
  problem.kind === 'type'
    ? 'fileTypeRefused'
    : problem.kind === 'size'
      ? 'fileTooLarge'
      : problem.kind === 'count'
        ? encodeFieldError({ code: 'tooMany', params: { maximum: maxFiles } })
        : 'filesTooLarge';

/**
 * The chosen files, checked by name and size as the API will (the picker lists each file's
 * problem beside it); they are sent as they are, as parts of a `multipart/form-data` body.
 */
const ZChosenFiles = (maxFiles: number = ticketAttachmentLimits.maxFiles) =>
  z.array(z.custom<File>((value) => value instanceof File)).superRefine(
    (files, ctx) => {
      const [first] = checkFiles(files);
      if (first) ctx.addIssue({ code: 'custom', message: codeOf(first, maxFiles) });
    },
    { when: () => true },
  );

export const newTicketSchema = ZCreateTicketBody.omit({ attachments: true }).extend({ attachments: ZChosenFiles() });
export const replySchema = ZReplyBody.omit({ attachments: true }).extend({ attachments: ZChosenFiles() });
/** The back office's answer: text, the status it moves the ticket to, files. */
export const staffReplySchema = ZAdminReplyBody.pick({ body: true, status: true }).extend({
  attachments: ZChosenFiles(),
});
