import { NavLink, Outlet } from 'react-router';
import { PageHeader } from '../../../components/ui/page-header';
import { paths } from '../../../config/paths';
import { useMessages } from '../../../lib/i18n';
import { accountMessages } from '../messages';
import '../account.css';

/** The Stammdaten tab: a sub-navigation over its pages. */
export function AccountLayout() {
  const t = useMessages(accountMessages);
  const pages = [
    { to: paths.accountProfile, label: t.navProfile },
    { to: paths.accountSecurity, label: t.navSecurity },
    { to: paths.accountBank, label: t.navBank },
    { to: paths.accountSessions, label: t.navSessions },
    { to: paths.accountSecurityLog, label: t.navSecurityLog },
    { to: paths.accountExport, label: t.navExport },
    { to: paths.accountDelete, label: t.navDelete },
  ];
  return (
    <>
      <PageHeader title={t.title} description={t.description} />
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
