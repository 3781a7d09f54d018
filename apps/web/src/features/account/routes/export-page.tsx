import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { useErrorTexts } from '../../../lib/form-errors';
import { useMessages } from '../../../lib/i18n';
import { useExportData } from '../api/account-data';
import { dataMessages } from '../data-messages';

export function ExportPage() {
  const t = useMessages(dataMessages);
  const texts = useErrorTexts();
  const download = useExportData();
  const problem = download.error ? texts.problem(download.error) : null;
  return (
    <section aria-labelledby="export-heading">
      <h2 id="export-heading">{t.exportHeading}</h2>
      <p>{t.exportIntro}</p>
      {download.isSuccess && <Alert tone="success">{t.exportDone}</Alert>}
      {problem && <Alert tone="error">{problem}</Alert>}
      <Button busy={download.isPending} onClick={() => download.mutate()}>
        {t.exportButton}
      </Button>
    </section>
  );
}
