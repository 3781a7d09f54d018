import { ticketAttachmentLimits, ZCreateTicketBody, ZReplyBody } from '@portal/contracts';
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
 * problem beside it); they become the contract's base64 uploads when the form is sent.
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
