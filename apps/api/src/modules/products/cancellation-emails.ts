import type { TCancellationChannel, TLanguage } from '@portal/contracts';
import type { DbOrTx } from '../../db/client';
import { sendEmail } from '../../mail/mailer';
import { languageOfCustomer } from '../../mail/recipient-language';
import {
  type ConfirmedCancellation,
  cancellationConfirmed,
  type DeclarationNotice,
  type DeclarationRejection,
  declarationNotice,
  declarationRejected,
  type PublicDeclaration,
  publicDeclarationReceipt,
} from '../../mail/templates/cancellation';
import type { CustomerId } from '../customers/customer-id';

/** The confirmation to the account's contact, in its language (§312k IV BGB). */
export async function sendCancellationConfirmation(
  tx: DbOrTx,
  message: Omit<ConfirmedCancellation, 'askIfNotYou'> & {
    to: string;
    customerId: CustomerId;
    channel: TCancellationChannel;
  },
) {
  const { to, customerId, channel, ...params } = message;
  await sendEmail(tx, {
    to,
    customerId,
    language: await languageOfCustomer(tx, customerId, to),
    template: cancellationConfirmed,
    // Declared in the portal by a signed-in member: nobody else can have done it.
    params: { ...params, askIfNotYou: channel !== 'portal' },
  });
}

/** The receipt to the address typed into the public form, in the language the form was filled in. */
export async function sendPublicDeclarationReceipt(
  tx: DbOrTx,
  declaration: PublicDeclaration & { email: string; language: TLanguage },
) {
  const { email, language, ...params } = declaration;
  await sendEmail(tx, { to: email, language, template: publicDeclarationReceipt, params });
}

/** The notice to a customer's registered address that a declaration names them. */
export async function sendDeclarationNotice(
  tx: DbOrTx,
  notice: DeclarationNotice & { to: string; customerId: CustomerId },
) {
  const { to, customerId, ...params } = notice;
  await sendEmail(tx, {
    to,
    customerId,
    language: await languageOfCustomer(tx, customerId, to),
    template: declarationNotice,
    params,
  });
}

/** The reason a declaration was not carried out, to the declarant in the form's language. */
export async function sendDeclarationRejection(
  tx: DbOrTx,
  rejection: DeclarationRejection & { to: string; language: TLanguage },
) {
  const { to, language, ...params } = rejection;
  await sendEmail(tx, { to, language, template: declarationRejected, params });
}
