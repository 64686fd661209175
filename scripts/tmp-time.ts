import { randomUUID } from 'node:crypto';
import { migrate, openDatabase } from '../server/store/dialect';
import { saveReport } from '../server/store/reports';
import { ReportSchema } from '../utils/protocol/report';

const open = openDatabase('/tmp/prof/t2.sqlite');
await migrate(open);
const mk = () => ({
  id: randomUUID(),
  listing: {
    platform: 'shopee',
    itemKey: `shopee:item:1.${Math.floor(Math.random() * 1e9)}`,
    sellerKey: 'shopee:seller:7',
    title: 'Sữa',
    price: 1,
    url: 'https://shopee.vn/x',
    seenAt: '2026-12-03T08:00:00.000Z',
  },
  reasons: ['counterfeit'],
  clientId: randomUUID(),
  version: '0.1.0',
});
const t = performance.now();
for (let i = 0; i < 3000; i++) await saveReport(open.db, ReportSchema.parse(mk()), new Date());
console.log('save per report µs', (((performance.now() - t) / 3000) * 1000).toFixed(0));
