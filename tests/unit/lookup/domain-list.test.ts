import { describe, expect, it } from 'vitest';
import { DomainList, hostOf } from '../../../utils/lookup/domain-list';

describe('DomainList', () => {
  const list = new DomainList(['lazada-001.com', 'shopee-sale.vn', 'abc.com.vn']);

  it('matches the listed domain and its subdomains, whatever the URL around it', () => {
    expect(list.match('https://lazada-001.com/')).toBe('lazada-001.com');
    expect(list.match('http://www.Lazada-001.com:8080/x?y=1#z')).toBe('lazada-001.com');
    expect(list.match('https://user:pw@m.shopee-sale.vn/path')).toBe('shopee-sale.vn');
    expect(list.match('https://x.abc.com.vn')).toBe('abc.com.vn');
  });

  it('does not match lookalikes, parents or other schemes', () => {
    expect(list.match('https://notlazada-001.com/')).toBeNull();
    expect(list.match('https://com.vn/')).toBeNull();
    expect(list.match('https://lazada.vn/')).toBeNull();
    expect(list.match('ftp://lazada-001.com/')).toBeNull();
    expect(list.match('https://lazada-001.com.evil.org/')).toBeNull();
  });

  it('reads the host of http(s) URLs only', () => {
    expect(hostOf('https://Shopee.VN./a')).toBe('shopee.vn');
    expect(hostOf('chrome://newtab')).toBeNull();
    expect(hostOf('https://[::1]/')).toBeNull();
  });
});
