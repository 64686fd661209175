export function startThrowawayPostgres(): Promise<{ url: string; stop(): void } | null>;
export function createDatabase(adminUrl: string, prefix: string): Promise<string>;
