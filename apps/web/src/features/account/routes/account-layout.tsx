import { NavLink, Outlet, useLocation } from 'react-router';
import { PageHeader } from '../../../components/ui/page-header';
import { paths } from '../../../config/paths';
import { useMessages } from '../../../lib/i18n';
import { accountMessages } from '../messages';
import '../account.css';

/** The Stammdaten tab: a sub-navigation over its pages; the tab title names the page shown. */
export function AccountLayout() {
  const t = useMessages(accountMessages);
  const { pathname } = useLocation();
  const pages = [
    { to: paths.accountProfile, label: t.navProfile },
    { to: paths.accountSecurity, label: t.navSecurity },
    { to: paths.accountBank, label: t.navBank },
    { to: paths.accountInvoiceSettings, label: t.navInvoiceSettings },
    { to: paths.accountSessions, label: t.navSessions },
    { to: paths.accountSecurityLog, label: t.navSecurityLog },
    { to: paths.accountApiAccess, label: t.navApiAccess },
    { to: paths.accountExport, label: t.navExport },
    { to: paths.accountDelete, label: t.navDelete },
  ];
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
