import { useEffect, useRef, useState } from 'react';
import { Link, Navigate, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { Button } from '../../components/ui/button';
import { LegalLinks } from '../../components/ui/legal-links';
import { paths } from '../../config/paths';
import { useMe } from '../../features/auth/api/get-me';
import { useLogout } from '../../features/auth/api/logout';
import { CustomerTypeProvider } from '../../lib/customer-type';
import { useMessages } from '../../lib/i18n';
import { setSiteName } from '../../lib/page-title';
import { useCan } from '../../lib/permissions';
import { useProvider } from '../../lib/provider';
import { appMessages } from '../messages';
import { AccountLanguageSwitch } from './account-language-switch';

/** The portal frame: sidebar with the five sections (a menu on narrow screens) and the page. */
export function AppLayout() {
  const t = useMessages(appMessages);
  const me = useMe();
  // The provider's name comes from configuration (GET /provider), shared with the contact page's cache.
  const provider = useProvider();
  const navigate = useNavigate();
  const logout = useLogout(() => navigate(paths.login, { replace: true }));
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const mainRef = useRef<HTMLElement>(null);

  // A new page closes the mobile menu and moves focus to its heading, as a page load would for
  // a screen reader, without scrolling it under the sticky top bar. The first load leaves focus
  // at the start of the document (skip link first).
  const shownPath = useRef(location.pathname);
  useEffect(() => {
    if (shownPath.current === location.pathname) return;
    shownPath.current = location.pathname;
    setMenuOpen(false);
    window.scrollTo(0, 0);
    const heading = mainRef.current?.querySelector<HTMLElement>('h1');
    (heading ?? mainRef.current)?.focus({ preventScroll: true });
  }, [location.pathname]);

  useEffect(() => {
    if (provider.data) setSiteName(provider.data.name);
  }, [provider.data]);

  // A member sees the sections their role may read (ADR 0020); all are drawn while /me is on its way.
  const can = useCan({ whileUnknown: true });
  // Staff work in the back office; the customer portal has nothing of theirs.
  if (me.data?.role === 'staff') return <Navigate to={paths.backoffice} replace />;
  // The account requires an authenticator app this member has not set up: only Sicherheit answers.
  if (me.data?.secondFactorSetupRequired && location.pathname !== paths.accountSecurity)
    return <Navigate to={paths.accountSecurity} replace />;

  const sections = [
    { to: paths.overview, label: t.overview, end: true, shown: true },
    { to: paths.products, label: t.products, end: false, shown: can('products:read') },
    { to: paths.invoices, label: t.invoices, end: false, shown: can('invoices:read') },
    { to: paths.contact, label: t.contact, end: false, shown: true },
    { to: paths.account, label: t.account, end: false, shown: true },
  ].filter((section) => section.shown);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t.skipToContent}
      </a>
      <header className="topbar">
        <span className="brand">
          <img src="/favicon.svg" alt="" width="28" height="28" />
          <span className="brand-name">{provider.data?.name ?? t.portalName}</span>
        </span>
        <button
          type="button"
          className="menu-toggle"
          aria-expanded={menuOpen}
          aria-controls="sidebar"
          onClick={() => setMenuOpen((open) => !open)}
        >
          {menuOpen ? t.closeMenu : t.menu}
        </button>
      </header>
      <aside id="sidebar" className={menuOpen ? 'sidebar open' : 'sidebar'}>
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
          {me.data && (
            <div className="who" data-testid="current-user">
              <strong>{me.data.company ?? me.data.name}</strong>
              {me.data.company && <span>{me.data.name}</span>}
              <span className="muted small">
                {me.data.customerNumber ? t.customerNumber(me.data.customerNumber) : t.staff}
              </span>
            </div>
          )}
          <AccountLanguageSwitch label={t.language} />
          <Button variant="secondary" onClick={() => logout.mutate()} busy={logout.isPending}>
            {t.signOut}
          </Button>
        </div>
      </aside>
      <main id="main" ref={mainRef} tabIndex={-1}>
        <div className="page">
          <CustomerTypeProvider value={me.data?.customerType ?? null}>
            <Outlet />
          </CustomerTypeProvider>
        </div>
        {/* §312k BGB: the cancellation button on every page. */}
        <footer className="app-footer">
          <Link to={paths.publicCancellation}>{t.cancelContracts}</Link>
          <LegalLinks />
        </footer>
      </main>
    </div>
  );
}
