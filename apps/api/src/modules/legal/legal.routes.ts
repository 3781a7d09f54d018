import { readFileSync } from 'node:fs';
import { legalRoutes, type TPrivacyNotice } from '@portal/contracts';
import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../../config';
import { RETENTION_PERIODS } from '../../lib/retention-periods';
import { registerRoute } from '../../lib/route';
import { buildImprint } from './imprint';
import { parseMarkdown } from './markdown';
import { defaultPrivacyNoticeDe, defaultPrivacyNoticeEn, PRIVACY_TITLES } from './privacy-notice';

/** The provider's Markdown file (LEGAL_PRIVACY_FILE), or the built-in notice with today's retention periods. */
export function privacyNoticeOf(config: AppConfig): TPrivacyNotice {
  if (config.LEGAL_PRIVACY_FILE) {
    const de = parseMarkdown(readFileSync(config.LEGAL_PRIVACY_FILE, 'utf8'), PRIVACY_TITLES.de);
    const en = config.LEGAL_PRIVACY_FILE_EN
      ? parseMarkdown(readFileSync(config.LEGAL_PRIVACY_FILE_EN, 'utf8'), PRIVACY_TITLES.en)
      : de;
    return { source: 'file', de, en };
  }
  const input = { provider: config.provider, publicUrl: config.PUBLIC_URL, periods: RETENTION_PERIODS };
  return { source: 'default', de: defaultPrivacyNoticeDe(input), en: defaultPrivacyNoticeEn(input) };
}

/** Public: Impressum (§5 DDG) and privacy notice (Art. 13 GDPR), built once at start. */
export default async function legalModule(app: FastifyInstance, { config }: { config: AppConfig }) {
  const imprint = buildImprint(config.provider, config.PROVIDER_CONSUMER_ARBITRATION);
  const privacy = privacyNoticeOf(config);
  const headers = { 'cache-control': 'public, max-age=300' };
  registerRoute(app, legalRoutes.imprint, async () => ({ status: 200, body: imprint, headers }));
  registerRoute(app, legalRoutes.privacy, async () => ({ status: 200, body: privacy, headers }));
}
