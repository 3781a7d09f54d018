import { memberRoles, type TMemberRole, type TTeamMember, ZMfaRequirement, ZTeamInvite } from '@portal/contracts';
import { useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/dialog';
import { SelectField } from '../../../components/ui/field';
import { CheckboxInput, Form, InputField, SelectInput } from '../../../components/ui/form';
import { EmptyState, QueryState } from '../../../components/ui/states';
import { applyServerErrors, useContractForm } from '../../../lib/form';
import { useErrorTexts } from '../../../lib/form-errors';
import { formatDateTime } from '../../../lib/format';
import { useLanguage, useMessages } from '../../../lib/i18n';
import { useCan } from '../../../lib/permissions';
import { useMe } from '../../auth/api/get-me';
import {
  useChangeMemberRole,
  useInviteMember,
  useRemoveMember,
  useResendInvitation,
  useSetMfaRequirement,
  useTeam,
} from '../api/team';
import { teamMessages } from '../team-messages';

function InviteForm() {
  const t = useMessages(teamMessages);
  const invite = useInviteMember();
  const form = useContractForm(ZTeamInvite, { defaultValues: { email: '', name: '', role: 'readonly' } });
  return (
    <Form
      form={form}
      className="account-form"
      error={invite.error}
      onSubmit={(body) =>
        invite.mutate(body, { onSuccess: () => form.reset(), onError: (error) => applyServerErrors(form, error) })
      }
    >
      <h3>{t.inviteHeading}</h3>
      <p className="muted">{t.inviteIntro}</p>
      {invite.data && <Alert tone="success">{t.invited(invite.data.email)}</Alert>}
      <InputField name="email" label={t.email} type="email" autoComplete="off" spellCheck={false} />
      <InputField name="name" label={t.name} autoComplete="off" maxLength={200} />
      <SelectInput name="role" label={t.role} hint={t[`roleHint_${form.watch('role')}`]}>
        {memberRoles.map((role) => (
          <option key={role} value={role}>
            {t[`role_${role}`]}
          </option>
        ))}
      </SelectInput>
      <div>
        <Button type="submit" busy={invite.isPending}>
          {t.invite}
        </Button>
      </div>
    </Form>
  );
}

/** The owners' rule that every member signs in with an authenticator app. */
function MfaRequirementForm({ mfaRequired }: { mfaRequired: boolean }) {
  const t = useMessages(teamMessages);
  const save = useSetMfaRequirement();
  const form = useContractForm(ZMfaRequirement, { defaultValues: { mfaRequired } });
  return (
    <Form
      form={form}
      className="account-form"
      error={save.error}
      problems={{ conflict: t.mfaOwnMissing }}
      onSubmit={(body) => save.mutate(body.mfaRequired)}
    >
      <h3>{t.mfaHeading}</h3>
      {save.isSuccess && <Alert tone="success">{t.mfaSaved}</Alert>}
      <CheckboxInput name="mfaRequired" label={t.mfaRequired} />
      <p className="muted small">{t.mfaHint}</p>
      <div>
        <Button type="submit" busy={save.isPending}>
          {t.mfaSave}
        </Button>
      </div>
    </Form>
  );
}

function MemberRow({ member, manage, onRemove }: { member: TTeamMember; manage: boolean; onRemove: () => void }) {
  const t = useMessages(teamMessages);
  const { language } = useLanguage();
  const changeRole = useChangeMemberRole();
  const resend = useResendInvitation();
  const texts = useErrorTexts();
  const problem = changeRole.error
    ? texts.problem(changeRole.error, { conflict: t.lastOwner })
    : resend.error
      ? texts.problem(resend.error, { conflict: t.alreadyAccepted })
      : null;
  return (
    <tr>
      <td data-label={t.colMember}>
        <div>
          {member.name} {member.you && <Badge tone="info">{t.you}</Badge>}
          <br />
          <span className="muted small">{member.email}</span>
        </div>
      </td>
      <td data-label={t.colRole}>
        {manage ? (
          <SelectField
            label={<span className="sr-only">{t.roleOf(member.name)}</span>}
            value={member.role}
            disabled={changeRole.isPending}
            onChange={(event) => changeRole.mutate({ id: member.id, role: event.target.value as TMemberRole })}
          >
            {memberRoles.map((role) => (
              <option key={role} value={role}>
                {t[`role_${role}`]}
              </option>
            ))}
          </SelectField>
        ) : (
          t[`role_${member.role}`]
        )}
      </td>
      <td data-label={t.colStatus}>
        {member.status === 'active' ? (
          <Badge tone="success">{t.statusActive}</Badge>
        ) : (
          <>
            <Badge tone="neutral">{t.statusInvited}</Badge>{' '}
            <span className="muted small">
              {member.invitationExpiresAt
                ? t.invitationUntil(formatDateTime(member.invitationExpiresAt, language))
                : t.invitationExpired}
            </span>
          </>
        )}
      </td>
      <td data-label={t.colActions}>
        {problem && <Alert tone="error">{problem}</Alert>}
        {resend.isSuccess && <Alert tone="success">{t.resent}</Alert>}
        {manage && (
          <div className="button-row">
            {member.status === 'invited' && (
              <Button variant="secondary" busy={resend.isPending} onClick={() => resend.mutate(member.id)}>
                {t.resend}
              </Button>
            )}
            {!member.you && (
              <Button variant="secondary" aria-label={t.removeLabel(member.name)} onClick={onRemove}>
                {t.remove}
              </Button>
            )}
          </div>
        )}
      </td>
    </tr>
  );
}

/** Stammdaten › Team: every member sees the team; owners invite, change roles and remove. */
export function TeamPage() {
  const t = useMessages(teamMessages);
  const texts = useErrorTexts();
  const can = useCan();
  const manage = can('team:manage');
  const me = useMe();
  const members = useTeam();
  const remove = useRemoveMember();
  const [removing, setRemoving] = useState<TTeamMember | null>(null);
  return (
    <section aria-labelledby="team-heading">
      <h2 id="team-heading">{t.heading}</h2>
      <p className="muted">{t.intro}</p>
      {manage && <InviteForm />}
      {manage && me.data && <MfaRequirementForm mfaRequired={me.data.mfaRequired} />}
      <h3>{t.listHeading}</h3>
      {remove.isSuccess && <Alert tone="success">{t.removed}</Alert>}
      {remove.error && <Alert tone="error">{texts.problem(remove.error, { conflict: t.lastOwner })}</Alert>}
      <QueryState query={members} isEmpty={(data) => data.items.length === 0} empty={<EmptyState title={t.none} />}>
        {(data) => (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t.colMember}</th>
                <th scope="col">{t.colRole}</th>
                <th scope="col">{t.colStatus}</th>
                <th scope="col">{t.colActions}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((member) => (
                <MemberRow key={member.id} member={member} manage={manage} onRemove={() => setRemoving(member)} />
              ))}
            </tbody>
          </table>
        )}
      </QueryState>
      <ConfirmDialog
        open={removing !== null}
        title={removing ? t.removeTitle(removing.name) : ''}
        confirmLabel={t.removeYes}
        cancelLabel={t.cancel}
        danger
        busy={remove.isPending}
        onCancel={() => setRemoving(null)}
        onConfirm={() => removing && remove.mutate(removing.id, { onSettled: () => setRemoving(null) })}
      >
        <p>{t.removeText}</p>
      </ConfirmDialog>
    </section>
  );
}
