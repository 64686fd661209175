/** Who a request came from behind the operator's proxies, and the network it is counted under. */
import { describe, expect, it } from 'vitest';
import { clientAddressOf, parseTrustedProxies } from '../../server/http/client-address';
import { networkKey, networkPrefix } from '../../server/http/network-key';

describe('the client address behind trusted proxies', () => {
  const proxies = parseTrustedProxies('127.0.0.1, 10.0.0.0/8, ::1, fd00::/8');

  it('takes the rightmost hop that is not a trusted proxy, never what the client wrote left of it', () => {
    expect(clientAddressOf('127.0.0.1', '198.51.100.9, 203.0.113.7', proxies)).toBe('203.0.113.7');
    expect(clientAddressOf('10.1.2.3', '198.51.100.9, 203.0.113.7, 10.0.0.5', proxies)).toBe(
      '203.0.113.7',
    );
    expect(clientAddressOf('::ffff:127.0.0.1', '2001:db8::1', proxies)).toBe('2001:db8::1');
  });

  it('reads no header from a socket that is not a trusted proxy, nor without any', () => {
    expect(clientAddressOf('203.0.113.7', '198.51.100.9', proxies)).toBe('203.0.113.7');
    expect(clientAddressOf('127.0.0.1', '198.51.100.9', null)).toBe('127.0.0.1');
    expect(clientAddressOf(undefined, undefined, null)).toBe('unknown');
  });

  it('reads a hop a proxy wrote with its port', () => {
    expect(clientAddressOf('127.0.0.1', '198.51.100.9:51234', proxies)).toBe('198.51.100.9');
    expect(clientAddressOf('127.0.0.1', '[2001:db8::7]:443', proxies)).toBe('2001:db8::7');
  });

  it('stops at a hop that is not an address: the proxy itself is then the client', () => {
    expect(clientAddressOf('127.0.0.1', '198.51.100.9, not-an-ip', proxies)).toBe('127.0.0.1');
  });

  it('refuses a list entry that is neither an address nor a CIDR block', () => {
    expect(() => parseTrustedProxies('10.0.0.0/33')).toThrow(/10\.0\.0\.0\/33/);
    expect(() => parseTrustedProxies('proxy.internal')).toThrow(/not an address/);
    expect(parseTrustedProxies(' ').entries).toEqual([]);
  });
});

describe('the network a request is counted under', () => {
  it('is an IPv4 /24 or an IPv6 /48', () => {
    expect(networkPrefix('198.51.100.200')).toBe('198.51.100.0/24');
    expect(networkPrefix('::ffff:198.51.100.7')).toBe('198.51.100.0/24');
    expect(networkPrefix('2001:db8:abcd:12::1')).toBe('2001:0db8:abcd::/48');
    expect(networkPrefix('2001:db8::')).toBe('2001:0db8:0000::/48');
    expect(networkPrefix('unknown')).toBeNull();
  });

  it('is kept as a keyed hash: one per network, another under another secret', () => {
    const one = networkKey('198.51.100.1', 'secret-a');
    expect(one).toMatch(/^[0-9a-f]{32}$/);
    expect(networkKey('198.51.100.254', 'secret-a')).toBe(one);
    expect(networkKey('198.51.101.1', 'secret-a')).not.toBe(one);
    expect(networkKey('198.51.100.1', 'secret-b')).not.toBe(one);
    expect(one).not.toContain('198');
  });
});
