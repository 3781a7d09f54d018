import { Link } from 'react-router';
import { PageHeader } from '../components/ui/page-header';
import { paths } from '../config/paths';
import { useMessages } from '../lib/i18n';
import { appMessages } from './messages';

export function NotFoundPage() {
  const t = useMessages(appMessages);
  return (
    <>
      <PageHeader title={t.notFoundTitle} description={t.notFoundBody} />
      <Link to={paths.overview}>{t.backToOverview}</Link>
    </>
  );
}
