import { staffRoleMay } from '@portal/contracts';
import { useEffect, useRef } from 'react';
import { Navigate, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { Button } from '../../components/ui/button';
import { LoadingState } from '../../components/ui/states';
import { paths } from '../../config/paths';
import { useMe } from '../../features/auth/api/get-me';
import { useLogout } from '../../features/auth/api/logout';
import type { StaffContext } from '../../features/backoffice/components/staff-only';
import { backofficeMessages } from '../../features/backoffice/messages';
import { useMessages } from '../../lib/i18n';
import { appMessages } from '../messages';
import '../../features/backoffice/backoffice.css';
import { AccountLanguageSwitch } from './account-language-switch';

/**
 * The back office's frame: staff only (customers go to the portal; the API refuses them anyway),
 * navigation by what the role may do. Built for 1280 px, readable at 768 px.
 */
export function BackofficeLayout() {
  const t = useMessages(backofficeMessages);
  const app = useMessages(appMessages);
  const me = useMe();
  const navigate = useNavigate();
  const logout = useLogout(() => navigate(paths.login, { replace: true }));
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const shownPath = useRef(location.pathname);
  useEffect(() => {
    if (shownPath.current === location.pathname) return;
    shownPath.current = location.pathname;
    const heading = mainRef.current?.querySelector<HTMLElement>('h1');
    (heading ?? mainRef.current)?.focus({ preventScroll: true });
  }, [location.pathname]);

  if (me.isPending) return <LoadingState />;
  if (me.data?.role !== 'staff') return <Navigate to={paths.overview} replace />;
  // Staff without the required authenticator app reach only their security settings.
  if (me.data.secondFactorSetupRequired && location.pathname !== paths.backofficeSecurity)
    return <Navigate to={paths.backofficeSecurity} replace />;
  const role = me.data.staffRole;
  // Billing has no ticket queue: it lands on the collections. Decided here, before the frame is
  // drawn — as a redirect of the queue's page, the navigation stood clickable for a moment, and a
  // click into another section then could be overtaken by the redirect.
  if (
    location.pathname.replace(/\/$/, '') === paths.backoffice &&
    !staffRoleMay(role, 'tickets') &&
    staffRoleMay(role, 'collections')
  )
    return <Navigate to={paths.backofficeCollections} replace />;
  const sections = [
    // The queue's link stays current on a ticket page, not on the other sections.
    {
      to: paths.backoffice,
      label: t.tickets,
      end: !location.pathname.startsWith('/backoffice/tickets'),
      allowed: staffRoleMay(role, 'tickets'),
    },
    {
      to: paths.backofficeCancellations,
      label: t.cancellations,
      end: true,
      allowed: staffRoleMay(role, 'cancellations'),
    },
    { to: paths.backofficeCustomers, label: t.customers, end: false, allowed: staffRoleMay(role, 'customers.read') },
    {
      to: paths.backofficeContracts,
      label: t.contracts,
      end: false,
      allowed: staffRoleMay(role, 'contracts.read'),
    },
    { to: paths.backofficeInvoices, label: t.invoices, end: false, allowed: staffRoleMay(role, 'invoices') },
    {
      to: paths.backofficeCollections,
      label: t.collections,
      end: true,
      allowed: staffRoleMay(role, 'collections'),
    },
    {
      to: paths.backofficeAnnouncements,
      label: t.announcements,
      end: true,
      allowed: staffRoleMay(role, 'announcements'),
    },
    { to: paths.backofficeStaff, label: t.staffUsers, end: true, allowed: staffRoleMay(role, 'staff') },
    { to: paths.backofficeAudit, label: t.auditLog, end: true, allowed: staffRoleMay(role, 'audit') },
    { to: paths.backofficeSecurity, label: t.security, end: true, allowed: true },
  ].filter((section) => section.allowed);

  return (
    <div className="shell backoffice">
      <a className="skip-link" href="#main">
        {app.skipToContent}
      </a>
      <header className="topbar">
        <span className="brand">
          <img src="/favicon.svg" alt="" width="28" height="28" />
          <span className="brand-name">{t.title}</span>
        </span>
      </header>
      <aside id="sidebar" className="sidebar open">
        <nav aria-label={t.navigation}>
          <ul>
            {sections.map((section) => (
              <li key={section.to}>
                <NavLink to={section.to} end={section.end}>
                  {section.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="sidebar-footer">
          <div className="who" data-testid="current-user">
            <strong>{me.data.name}</strong>
            <span className="muted small">{t.signedInAs(role ? t[`role_${role}`] : app.staff)}</span>
          </div>
          <AccountLanguageSwitch label={app.language} />
          <Button variant="secondary" onClick={() => logout.mutate()} busy={logout.isPending}>
            {app.signOut}
          </Button>
        </div>
      </aside>
      <main id="main" ref={mainRef} tabIndex={-1}>
        <div className="page page-wide">
          <Outlet context={{ staffUserId: me.data.id, staffRole: role } satisfies StaffContext} />
        </div>
      </main>
    </div>
  );
}
