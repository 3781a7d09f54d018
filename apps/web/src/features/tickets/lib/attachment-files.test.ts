import { ticketAttachmentLimits } from '@portal/contracts';
import { describe, expect, it } from 'vitest';
import { checkFiles, formatSize } from './attachment-files';

const file = (name: string, size: number) => new File([new Uint8Array(size)], name);

describe('checkFiles', () => {
  it('accepts the allowed kinds within the limits', () => {
    expect(checkFiles([file('a.PDF', 10), file('b.png', 10), file('c.log', 10), file('d.jpeg', 10)])).toEqual([]);
  });

  it('names a refused type and an oversized file', () => {
    expect(checkFiles([file('setup.exe', 10), file('README', 1)])).toEqual([
      { kind: 'type', name: 'setup.exe' },
      { kind: 'type', name: 'README' },
    ]);
    expect(checkFiles([file('big.pdf', ticketAttachmentLimits.maxFileBytes + 1)])).toEqual([
      { kind: 'size', name: 'big.pdf' },
    ]);
  });

  it('limits the count and the total', () => {
    const many = Array.from({ length: ticketAttachmentLimits.maxFiles + 1 }, (_, n) => file(`${n}.txt`, 1));
    expect(checkFiles(many)).toEqual([{ kind: 'count' }]);
    const half = ticketAttachmentLimits.maxFileBytes;
    expect(checkFiles([file('1.pdf', half), file('2.pdf', half), file('3.pdf', 1)])).toEqual([{ kind: 'total' }]);
  });
});

describe('formatSize', () => {
  it('shows kilobytes and megabytes', () => {
    expect(formatSize(2048, 'en')).toBe('2 KB');
    expect(formatSize(1.5 * 1024 * 1024, 'de')).toBe('1,5 MB');
  });
});
