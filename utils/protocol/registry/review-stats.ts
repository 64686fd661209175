/**
 * `GET /v1/review/stats`, the dashboard's chart: per day (UTC) and platform, the reports received
 * (with their distinct installs and networks) and the decisions made.
 */
import * as z from 'zod/mini';

/** `GET /v1/review/stats`: reports received and decisions made per day and platform. */
export const StatsQuerySchema = z.strictObject({
  days: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(366))),
});
export const StatsSchema = z.object({
  from: z.string(),
  to: z.string(),
  rows: z.array(
    z.object({
      day: z.string(),
      platform: z.string(),
      reports: z.int(),
      /** Distinct install ids and networks among that day's reports (absent from older registries). */
      installs: z.optional(z.int()),
      networks: z.optional(z.int()),
      decisions: z.int(),
    }),
  ),
});
export type Stats = z.infer<typeof StatsSchema>;
