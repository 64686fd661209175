export interface ThrowawayPostgres {
  url: string;
  /** Stops the server, its data kept (an outage or the first half of a restart). */
  stopServer(): void;
  /** Starts the stopped server again on the same port and data. */
  startServer(): void;
  /** Stops the server and deletes its data. */
  stop(): void;
}
export function startThrowawayPostgres(): Promise<ThrowawayPostgres | null>;
export function createDatabase(adminUrl: string, prefix: string): Promise<string>;
