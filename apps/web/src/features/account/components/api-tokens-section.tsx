import { type TApiToken, tokenScopes, ZApiTokenCreate, ZDate } from '@portal/contracts';
import { useState } from 'react';
import { z } from 'zod';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/dialog';
import { CheckboxGroupInput, Form, InputField } from '../../../components/ui/form';
import { EmptyState, QueryState } from '../../../components/ui/states';
import { applyServerErrors, useContractForm } from '../../../lib/form';
import { useErrorTexts } from '../../../lib/form-errors';
import { formatDate, formatDateTime } from '../../../lib/format';
import { useLanguage, useMessages } from '../../../lib/i18n';
import { useCan } from '../../../lib/permissions';
import { useApiTokens, useCreateApiToken, useRevokeApiToken } from '../api/api-tokens';
import { apiTokenMessages } from '../api-token-messages';

/** A calendar date `days` after today, in the browser's time zone. */
function localDate(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The contract's body; the expiry is picked as a day and lasts to its end in the browser's time zone. */
const schema = z
  .object({ name: ZApiTokenCreate.shape.name, scopes: ZApiTokenCreate.shape.scopes, expiresAt: ZDate })
  .transform(({ expiresAt, ...rest }) => {
    const [year, month, day] = expiresAt.split('-').map(Number);
    return { ...rest, expiresAt: new Date(year ?? 0, (month ?? 1) - 1, day, 23, 59, 59).toISOString() };
  })
  .pipe(ZApiTokenCreate);

function NewTokenForm() {
  const t = useMessages(apiTokenMessages);
  const can = useCan();
  const create = useCreateApiToken();
  const form = useContractForm(schema, {
    defaultValues: { name: '', scopes: [], expiresAt: localDate(90) },
  });
  // Only what the member's role allows is offered; the API refuses the rest anyway.
  const offered = tokenScopes.filter((scope) => can(scope));
  return (
    <Form
      form={form}
      className="account-form"
      error={create.error}
      onSubmit={(body) =>
        create.mutate(body, {
          onSuccess: () => form.reset(),
          onError: (error) => applyServerErrors(form, error),
        })
      }
    >
      <h4>{t.newHeading}</h4>
      {create.data && (
        <Alert tone="success" title={t.tokenTitle}>
          <p>{t.tokenHint}</p>
          <code className="webhook-secret" data-testid="new-api-token">
            {create.data.token}
          </code>
        </Alert>
      )}
      <InputField name="name" label={t.name} hint={t.nameHint} maxLength={80} autoComplete="off" />
      <CheckboxGroupInput
        name="scopes"
        legend={t.scopes}
        options={offered.map((scope) => ({ value: scope, label: t[`scope_${scope}`] }))}
      />
      <InputField
        name="expiresAt"
        label={t.expiresOn}
        hint={t.expiresHint}
        type="date"
        min={localDate(0)}
        max={localDate(365)}
      />
      <div>
        <Button type="submit" busy={create.isPending}>
          {t.create}
        </Button>
      </div>
    </Form>
  );
}

function TokenRow({ token, onRevoke }: { token: TApiToken; onRevoke: (token: TApiToken) => void }) {
  const t = useMessages(apiTokenMessages);
  const { language } = useLanguage();
  return (
    <tr>
      <td data-label={t.colName}>
        {token.name} <code className="muted small">{token.prefix}…</code>
      </td>
      <td data-label={t.colScopes}>{token.scopes.map((scope) => t[`scope_${scope}`]).join(', ')}</td>
      <td data-label={t.colExpires}>{formatDate(token.expiresAt.slice(0, 10), language)}</td>
      <td data-label={t.colLastUsed}>{token.lastUsedAt ? formatDateTime(token.lastUsedAt, language) : t.never}</td>
      <td data-label={t.colActions}>
        <Button variant="secondary" aria-label={t.revokeLabel(token.name)} onClick={() => onRevoke(token)}>
          {t.revoke}
        </Button>
      </td>
    </tr>
  );
}

/** Stammdaten › API-Zugänge: the member's personal API tokens, the new one shown once. */
export function ApiTokensSection() {
  const t = useMessages(apiTokenMessages);
  const texts = useErrorTexts();
  const tokens = useApiTokens();
  const revoke = useRevokeApiToken();
  const [revoking, setRevoking] = useState<TApiToken | null>(null);
  return (
    <section aria-labelledby="api-tokens-heading">
      <h3 id="api-tokens-heading">{t.tokensHeading}</h3>
      <p className="muted">{t.tokensIntro}</p>
      <NewTokenForm />
      <h4>{t.listHeading}</h4>
      {revoke.isSuccess && <Alert tone="success">{t.revoked}</Alert>}
      {revoke.error && <Alert tone="error">{texts.problem(revoke.error)}</Alert>}
      <QueryState query={tokens} isEmpty={(data) => data.items.length === 0} empty={<EmptyState title={t.none} />}>
        {(data) => (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t.colName}</th>
                <th scope="col">{t.colScopes}</th>
                <th scope="col">{t.colExpires}</th>
                <th scope="col">{t.colLastUsed}</th>
                <th scope="col">{t.colActions}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((token) => (
                <TokenRow key={token.id} token={token} onRevoke={setRevoking} />
              ))}
            </tbody>
          </table>
        )}
      </QueryState>
      <ConfirmDialog
        open={revoking !== null}
        title={revoking ? t.revokeTitle(revoking.name) : ''}
        confirmLabel={t.revokeYes}
        cancelLabel={t.cancel}
        danger
        busy={revoke.isPending}
        onCancel={() => setRevoking(null)}
        onConfirm={() => revoking && revoke.mutate(revoking.id, { onSettled: () => setRevoking(null) })}
      >
        <p>{t.revokeText}</p>
      </ConfirmDialog>
    </section>
  );
}
