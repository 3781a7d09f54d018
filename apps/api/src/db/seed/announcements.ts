import type { DbOrTx } from '../client';
import { announcements } from '../schema/index';
import type { SeededAccounts } from './accounts';

export async function seedAnnouncements(tx: DbOrTx, { staff }: SeededAccounts) {
  const now = Date.now();
  await tx.insert(announcements).values([
    {
      severity: 'maintenance',
      titleDe: 'Wartung der Stromversorgung in Halle B',
      titleEn: 'Power maintenance in hall B',
      bodyDe:
        'Am kommenden Samstag zwischen 06:00 und 08:00 Uhr warten wir die USV-Anlage in Halle B. Alle Racks bleiben über den redundanten B-Feed versorgt.',
      bodyEn:
        'Next Saturday between 06:00 and 08:00 we service the UPS in hall B. Every rack stays powered through the redundant B feed.',
      publishedAt: new Date(now - 2 * 86_400_000),
      createdBy: staff.id,
    },
    {
      severity: 'info',
      titleDe: 'Neu: Cloud-Server mit AMD EPYC',
      titleEn: 'New: cloud servers with AMD EPYC',
      bodyDe: 'Ab sofort bieten wir Cloud-Server der neuesten Generation mit bis zu 32 vCPU an.',
      bodyEn: 'Cloud servers of the newest generation with up to 32 vCPUs are available now.',
      publishedAt: new Date(now - 10 * 86_400_000),
      createdBy: staff.id,
    },
  ]);
}
