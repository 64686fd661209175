/**
 * Reports and decisions per day, by platform, as plain SVG: one stacked bar of reports a day (a
 * colour per platform) with the day's decisions as a dot above it, and the same figures as a table
 * for screen readers and for reading exact numbers. Plain SVG rather than a chart library: a few
 * dozen rectangles need no dependency, and the extension ships no code it does not use.
 */
import { formatDate, t } from '../utils/i18n';
import type { Stats } from '../utils/protocol/registry/review';
import { SITE_NAMES } from './site-names';

const COLOURS: Record<string, string> = {
  shopee: '#ee4d2d',
  lazada: '#0f146d',
  tiki: '#1a94ff',
  sendo: '#d0011b',
  facebook: '#1877f2',
  tiktok: '#111111',
  domain: '#6b6b6b',
};
const WIDTH = 640;
const HEIGHT = 180;
const BOTTOM = 20;

const DAY_MS = 86_400_000;

function daysOf(stats: Stats): string[] {
  const days: string[] = [];
  for (let at = Date.parse(stats.from); at <= Date.parse(stats.to); at += DAY_MS) {
    days.push(new Date(at).toISOString().slice(0, 10));
  }
  return days;
}

const platformName = (platform: string) =>
  platform in SITE_NAMES ? t(SITE_NAMES[platform as keyof typeof SITE_NAMES]) : platform;

export function ActivityChart({ stats, days }: { stats: Stats; days: number }) {
  const allDays = daysOf(stats);
  const platforms = [...new Set(stats.rows.map((row) => row.platform))].sort();
  const perDay = new Map(
    allDays.map((day) => [day, stats.rows.filter((row) => row.day === day)] as const),
  );
  const dayTotal = (day: string, field: 'reports' | 'decisions') =>
    (perDay.get(day) ?? []).reduce((sum, row) => sum + row[field], 0);
  const top = Math.max(1, ...allDays.map((day) => dayTotal(day, 'reports') + 1));
  const slot = WIDTH / Math.max(allDays.length, 1);
  const scale = (value: number) => (value / top) * (HEIGHT - BOTTOM - 10);
  return (
    <figure class="chart" data-testid="dashboard-chart">
      <figcaption>{t('dashboardChart', days)}</figcaption>
      {stats.rows.length === 0 ? (
        <p>{t('dashboardChartEmpty')}</p>
      ) : (
        <>
          <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={t('dashboardChart', days)}>
            {allDays.map((day, index) => {
              let y = HEIGHT - BOTTOM;
              const x = index * slot + slot * 0.15;
              const decisions = dayTotal(day, 'decisions');
              return (
                <g key={day}>
                  {platforms.map((platform) => {
                    const count =
                      perDay.get(day)?.find((row) => row.platform === platform)?.reports ?? 0;
                    if (count === 0) return null;
                    const height = scale(count);
                    y -= height;
                    return (
                      <rect
                        key={platform}
                        x={x}
                        y={y}
                        width={slot * 0.7}
                        height={height}
                        fill={COLOURS[platform] ?? '#888'}
                      />
                    );
                  })}
                  {decisions > 0 && (
                    <circle cx={x + slot * 0.35} cy={y - 6} r={4} fill="#1a4fa0" stroke="#fff" />
                  )}
                </g>
              );
            })}
            <line
              x1={0}
              x2={WIDTH}
              y1={HEIGHT - BOTTOM}
              y2={HEIGHT - BOTTOM}
              stroke="currentColor"
            />
            <text x={0} y={HEIGHT - 4} font-size="11" fill="currentColor">
              {formatDate(stats.from)}
            </text>
            <text x={WIDTH} y={HEIGHT - 4} font-size="11" text-anchor="end" fill="currentColor">
              {formatDate(stats.to)}
            </text>
          </svg>
          <ul class="legend">
            {platforms.map((platform) => (
              <li key={platform}>
                <span class="swatch" style={{ background: COLOURS[platform] ?? '#888' }} />
                {platformName(platform)}
              </li>
            ))}
            <li>
              <span class="swatch swatch--decision" /> {t('dashboardChartDecisions')}
            </li>
          </ul>
          <details>
            <summary>{t('dashboardChartTable')}</summary>
            <table data-testid="dashboard-chart-table">
              <thead>
                <tr>
                  <th scope="col">{t('dashboardChartDay')}</th>
                  <th scope="col">{t('dashboardPlatform')}</th>
                  <th scope="col">{t('dashboardChartReports')}</th>
                  <th scope="col">{t('dashboardChartDecisions')}</th>
                </tr>
              </thead>
              <tbody>
                {stats.rows.map((row) => (
                  <tr key={`${row.day}-${row.platform}`}>
                    <td>{formatDate(row.day)}</td>
                    <td>{platformName(row.platform)}</td>
                    <td>{row.reports}</td>
                    <td>{row.decisions}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </figure>
  );
}
