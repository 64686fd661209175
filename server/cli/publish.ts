/**
 * npm run server:publish [-- --force]
 * Publishes the next feed sequence from the database into FEED_DIR (snapshot, delta, signatures,
 * manifest last). It refuses a feed with no records, and one that drops more than PUBLISH_MAX_DROP
 * percent of the last feed's records unless given --force.
 */
import { parseArgs } from 'node:util';
import { runCli } from './run-cli';

const { values } = parseArgs({ options: { force: { type: 'boolean', default: false } } });

runCli('server:publish', async (registry) => {
  const result = await registry.publish({ force: values.force });
  console.log(
    `sequence ${result.sequence}: ${result.records} records, ${result.changes} changes, ` +
      `in ${registry.config.feedDir} (${Math.round(result.ms)} ms)`,
  );
});
