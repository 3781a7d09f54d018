import { NavLink, Outlet, useLocation } from 'react-router';
import { PageHeader } from '../../../components/ui/page-header';
import { paths } from '../../../config/paths';
import { useMessages } from '../../../lib/i18n';
import { useCan } from '../../../lib/permissions';
import { accountMessages } from '../messages';
import '../account.css';

/** The Stammdaten tab: a sub-navigation over its pages; the tab title names the page shown. */
export function AccountLayout() {
  const t = useMessages(accountMessages);
  const { pathname } = useLocation();
  // Pages the member's role may not use are not offered (ADR 0020); all are drawn while /me is on its way.
  const can = useCan({ whileUnknown: true });
  const pages = [
    { to: paths.accountProfile, label: t.navProfile, shown: true },
    { to: paths.accountSecurity, label: t.navSecurity, shown: true },
    { to: paths.accountBank, label: t.navBank, shown: can('bank:read') },
    { to: paths.accountInvoiceSettings, label: t.navInvoiceSettings, shown: can('invoices:read') },
    { to: paths.accountTeam, label: t.navTeam, shown: can('account:read') },
    { to: paths.accountSessions, label: t.navSessions, shown: true },
    { to: paths.accountSecurityLog, label: t.navSecurityLog, shown: true },
    { to: paths.accountApiAccess, label: t.navApiAccess, shown: true },
    { to: paths.accountExport, label: t.navExport, shown: can('account:export') },
    { to: paths.accountDelete, label: t.navDelete, shown: can('account:delete') },
  ].filter((page) => page.shown);
  const current = pages.find((page) => page.to === pathname);
  return (
    <>
      <PageHeader
        title={t.title}
        description={t.description}
        documentTitle={current ? `${current.label} – ${t.title}` : t.title}
      />
      <nav className="account-nav" aria-label={t.subNavigation}>
        <ul>
          {pages.map((page) => (
            <li key={page.to}>
              <NavLink to={page.to}>{page.label}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </>
  );
}
