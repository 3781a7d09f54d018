import { describe, expect, it } from 'vitest';
import { fieldNames, fieldOfPath } from './form-fields';

describe('form fields', () => {
  it('walks objects and lists of objects, keeps files and plain lists whole', () => {
    const names = fieldNames({
      customerId: '',
      servicePeriod: { start: '', end: '' },
      lines: [{ description: '', unitPrice: '' }],
      attachments: [new Blob(['x'])],
      tags: [],
    });
    expect(names).toEqual([
      'customerId',
      'servicePeriod.start',
      'servicePeriod.end',
      'lines',
      'lines.0.description',
      'lines.0.unitPrice',
      'attachments',
      'tags',
    ]);
    expect(fieldOfPath(names, 'lines.0.unitPrice')).toBe('lines.0.unitPrice');
    expect(fieldOfPath(names, 'lines.3.net')).toBe('lines');
    expect(fieldOfPath(names, 'attachments.0.data')).toBe('attachments');
  });
});
