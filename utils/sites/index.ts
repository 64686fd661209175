/** Every site adapter, for the tools and tests that work across sites. */
import { onDomains } from '../protocol/listing-urls';
import { facebookAdapter } from './facebook';
import { lazadaAdapter } from './lazada';
import { sendoAdapter } from './sendo';
import { shopeeAdapter } from './shopee';
import { tikiAdapter } from './tiki';
import { tiktokAdapter } from './tiktok';

export const ADAPTERS = [
  shopeeAdapter,
  lazadaAdapter,
  tikiAdapter,
  sendoAdapter,
  facebookAdapter,
  tiktokAdapter,
];

export function adapterForHost(host: string) {
  return ADAPTERS.find((adapter) => onDomains(host, adapter.domains));
}
