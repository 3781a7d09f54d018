import { staffRoles, type TStaffUser, ZInviteStaffUserBody, ZSetStaffRoleBody } from '@portal/contracts';
import { useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/dialog';
import { Form, InputField, SelectInput } from '../../../components/ui/form';
import { PageHeader } from '../../../components/ui/page-header';
import { QueryState } from '../../../components/ui/states';
import { applyServerErrors, useContractForm } from '../../../lib/form';
import { useErrorTexts } from '../../../lib/form-errors';
import { useMessages } from '../../../lib/i18n';
import { useDeactivateStaff, useInviteStaff, useSetStaffRole, useStaffUsers } from '../api/staff';
import { StaffOnly, useStaffContext } from '../components/staff-only';
import { backofficeMessages } from '../messages';

/** Admins: who works in the back office, in which role; invite, change role, deactivate. */
export function StaffUsersPage() {
  const t = useMessages(backofficeMessages);
  return (
    <StaffOnly permission="staff">
      <PageHeader title={t.staffTitle} description={t.staffIntro} />
      <StaffTable />
      <InviteForm />
    </StaffOnly>
  );
}

function RoleOptions() {
  const t = useMessages(backofficeMessages);
  return (
    <>
      {staffRoles.map((role) => (
        <option key={role} value={role}>
          {t[`role_${role}`]}
        </option>
      ))}
    </>
  );
}

function StaffTable() {
  const t = useMessages(backofficeMessages);
  const staff = useStaffUsers();
  const { staffUserId } = useStaffContext();
  return (
    <QueryState query={staff}>
      {(data) => (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t.columnName}</th>
              <th scope="col">{t.columnEmail}</th>
              <th scope="col">{t.columnRole}</th>
              <th scope="col">{t.columnState}</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((user) => (
              <tr key={user.id}>
                <td>
                  {user.name} {user.id === staffUserId && <span className="muted">{t.you}</span>}
                </td>
                <td>{user.email}</td>
                <td>
                  {user.id === staffUserId || user.deactivatedAt ? (
                    t[`role_${user.staffRole}`]
                  ) : (
                    <RoleForm user={user} />
                  )}
                </td>
                <td>
                  {user.deactivatedAt ? (
                    <Badge tone="neutral">{t.deactivated}</Badge>
                  ) : (
                    <>
                      <Badge tone="success">{t.active}</Badge>{' '}
                      {user.id !== staffUserId && <DeactivateButton user={user} />}
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </QueryState>
  );
}

function RoleForm({ user }: { user: TStaffUser }) {
  const t = useMessages(backofficeMessages);
  const setRole = useSetStaffRole();
  const form = useContractForm(ZSetStaffRoleBody, { defaultValues: { staffRole: user.staffRole } });
  return (
    <Form
      form={form}
      error={setRole.error}
      onSubmit={(body) =>
        setRole.mutate({ id: user.id, ...body }, { onError: (error) => applyServerErrors(form, error) })
      }
    >
      <div className="inline-form">
        <SelectInput name="staffRole" label={t.changeRole(user.name)}>
          <RoleOptions />
        </SelectInput>
        <Button type="submit" variant="secondary" busy={setRole.isPending}>
          {t.saveRole}
        </Button>
      </div>
      {setRole.isSuccess && <Alert tone="success">{t.roleSaved(user.name)}</Alert>}
    </Form>
  );
}

function DeactivateButton({ user }: { user: TStaffUser }) {
  const t = useMessages(backofficeMessages);
  const texts = useErrorTexts();
  const deactivate = useDeactivateStaff();
  const [asking, setAsking] = useState(false);
  return (
    <>
      <Button variant="secondary" onClick={() => setAsking(true)}>
        {t.deactivate}
      </Button>
      {deactivate.error && <Alert tone="error">{texts.problem(deactivate.error)}</Alert>}
      <ConfirmDialog
        open={asking}
        title={t.deactivateTitle(user.name)}
        confirmLabel={t.deactivate}
        cancelLabel={t.cancel}
        danger
        busy={deactivate.isPending}
        onCancel={() => setAsking(false)}
        onConfirm={() => deactivate.mutate(user.id, { onSettled: () => setAsking(false) })}
      >
        <p>{t.deactivateText}</p>
      </ConfirmDialog>
    </>
  );
}

function InviteForm() {
  const t = useMessages(backofficeMessages);
  const invite = useInviteStaff();
  const form = useContractForm(ZInviteStaffUserBody, { defaultValues: { email: '', name: '', staffRole: 'support' } });
  return (
    <section aria-labelledby="invite-heading" className="card">
      <h2 id="invite-heading">{t.inviteHeading}</h2>
      {invite.data && <Alert tone="success">{t.invited(invite.data.email)}</Alert>}
      <Form
        form={form}
        error={invite.error}
        onSubmit={(body) =>
          invite.mutate(body, { onSuccess: () => form.reset(), onError: (error) => applyServerErrors(form, error) })
        }
      >
        <InputField name="name" label={t.name} required autoComplete="off" />
        <InputField name="email" label={t.email} type="email" required autoComplete="off" />
        <SelectInput name="staffRole" label={t.roleLabel}>
          <RoleOptions />
        </SelectInput>
        <div className="form-actions">
          <Button type="submit" busy={invite.isPending}>
            {t.invite}
          </Button>
        </div>
      </Form>
    </section>
  );
}
