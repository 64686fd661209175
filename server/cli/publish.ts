/**
 * npm run server:publish
 * Publishes the next feed sequence from the database into FEED_DIR (snapshot, delta, signatures,
 * manifest last).
 */
import { runCli } from './run-cli';

runCli('server:publish', async (registry) => {
  const result = await registry.publish();
  console.log(
    `sequence ${result.sequence}: ${result.records} records, ${result.changes} changes, ` +
      `in ${registry.config.feedDir} (${Math.round(result.ms)} ms)`,
  );
});
