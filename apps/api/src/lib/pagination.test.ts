import { describe, expect, it } from 'vitest';
import { nextPageUrl, onePage, pageOf } from './pagination';

describe('pagination', () => {
  it('cuts the extra row and names the cursor after the last one', () => {
    expect(pageOf([1, 2, 3], 2, String)).toEqual({ rows: [1, 2], nextCursor: '2', hasMore: true });
    expect(pageOf([1, 2], 2, String)).toEqual({ rows: [1, 2], nextCursor: null, hasMore: false });
    expect(pageOf([], 2, String)).toEqual({ rows: [], nextCursor: null, hasMore: false });
    expect(onePage(['a'])).toEqual({ items: ['a'], nextCursor: null, hasMore: false });
  });

  it('links the next page with the filters of the request', () => {
    expect(nextPageUrl('/api/v1/tickets?status=open&limit=2&cursor=old', 'new')).toBe(
      '/api/v1/tickets?status=open&limit=2&cursor=new',
    );
    expect(nextPageUrl('/api/v1/invoices', 'a+b/=')).toBe('/api/v1/invoices?cursor=a%2Bb%2F%3D');
  });
});
