/**
 * The dashboard's charts as inline SVG, drawn from the same table models as the tables. Each is
 * a <figure> with a <figcaption>; the SVG is role="img" with a summary as its name, and the full
 * figures are in the data table that follows it. Series differ by line style, marker and
 * pattern as well as colour, and every series is named in a legend (WCAG 1.4.1, 1.4.11).
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { TableModel } from '../../../domain/monitor/tables.ts';
import { formatNumber } from '../../lib/format.ts';
import { useLang } from '../../i18n/useLang.ts';

const INK = '#1f1f1f';
const BLUE = '#004699';
const MAGENTA = '#a00078';
const GRID = '#b4b4b4';

/** A round upper bound for an axis. */
function niceMax(v: number): number {
  if (v <= 5) return 5;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const f of [1, 2, 2.5, 5, 10]) if (f * p >= v) return f * p;
  return 10 * p;
}

function Patterns({ id }: { id: string }) {
  return (
    <defs>
      <pattern id={`${id}-hatch`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="6" height="6" fill="#ffffff" />
        <line x1="0" y1="0" x2="0" y2="6" stroke={BLUE} strokeWidth="3" />
      </pattern>
      <pattern id={`${id}-dots`} width="5" height="5" patternUnits="userSpaceOnUse">
        <rect width="5" height="5" fill="#ffffff" />
        <circle cx="2.5" cy="2.5" r="1.3" fill={INK} />
      </pattern>
    </defs>
  );
}

/** M-03 / M-06: cumulative delivered against the expected line, month by month. */
export function MonthlyChart({ model }: { model: TableModel }) {
  const { t } = useTranslation();
  const lang = useLang();
  const id = useId().replace(/:/g, '');
  const rows = model.rows;
  if (!rows.length) return null;
  const cum = rows.map((r) => Number(r.cells[1] ?? 0));
  const exp = rows.map((r) => (r.cells[2] === null ? null : Number(r.cells[2])));
  const max = niceMax(Math.max(1, ...cum, ...exp.map((v) => v ?? 0)));
  const W = 640, H = 280, L = 48, R = 16, T = 16, B = 40;
  const x = (i: number) => L + (rows.length === 1 ? (W - L - R) / 2 : (i * (W - L - R)) / (rows.length - 1));
  const y = (v: number) => T + (H - T - B) * (1 - v / max);
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * max);
  const path = (vals: Array<number | null>) => vals.map((v, i) => (v === null ? '' : `${i === 0 || vals[i - 1] === null ? 'M' : 'L'}${x(i).toFixed(1)},${y(v).toFixed(1)}`)).join(' ');
  const last = rows.length - 1;
  const summary = t('monitor.chart.monthlySummary', {
    month: rows[last]!.label[lang], delivered: formatNumber(cum[last]!, lang), expected: exp[last] === null ? t('monitor.none') : formatNumber(exp[last]!, lang),
  });
  return (
    <figure className="tr-monitor-figure" aria-labelledby={`${id}-cap`}>
      <figcaption id={`${id}-cap`} className="tr-monitor-figcaption">{t('monitor.chart.monthlyCaption')}</figcaption>
      <svg viewBox={`0 0 ${W} ${H + 28}`} role="img" aria-label={`${summary} ${t('monitor.chart.seeTable')}`} className="tr-monitor-chart">
        {ticks.map((v) => (
          <g key={v}>
            <line x1={L} x2={W - R} y1={y(v)} y2={y(v)} stroke={GRID} strokeWidth="1" />
            <text x={L - 6} y={y(v) + 4} textAnchor="end" fontSize="11" fill={INK}>{formatNumber(Math.round(v), lang)}</text>
          </g>
        ))}
        {rows.map((r, i) => (
          <text key={r.key} x={x(i)} y={H - B + 16} textAnchor="middle" fontSize="11" fill={INK}>{r.label[lang].slice(0, 3)}</text>
        ))}
        <path d={path(exp)} fill="none" stroke={MAGENTA} strokeWidth="2" strokeDasharray="6 4" />
        {exp.map((v, i) => (v === null ? null : <rect key={i} x={x(i) - 3.5} y={y(v) - 3.5} width="7" height="7" fill="#ffffff" stroke={MAGENTA} strokeWidth="2" />))}
        <path d={path(cum)} fill="none" stroke={BLUE} strokeWidth="3" />
        {cum.map((v, i) => <circle key={i} cx={x(i)} cy={y(v)} r="4" fill={BLUE} />)}
        <g transform={`translate(${L}, ${H + 10})`} fontSize="12" fill={INK}>
          <line x1="0" x2="24" y1="0" y2="0" stroke={BLUE} strokeWidth="3" />
          <circle cx="12" cy="0" r="4" fill={BLUE} />
          <text x="30" y="4">{t('monitor.chart.deliveredCumulative')}</text>
          <line x1="230" x2="254" y1="0" y2="0" stroke={MAGENTA} strokeWidth="2" strokeDasharray="6 4" />
          <rect x="238.5" y="-3.5" width="7" height="7" fill="#ffffff" stroke={MAGENTA} strokeWidth="2" />
          <text x="260" y="4">{t('monitor.chart.expectedCumulative')}</text>
        </g>
      </svg>
    </figure>
  );
}

/** M-14..M-16: the share housed within 3, in 3–6 and after 6 months, per group, as 100% bars. */
export function WaitChart({ model }: { model: TableModel }) {
  const { t } = useTranslation();
  const lang = useLang();
  const id = useId().replace(/:/g, '');
  const rows = model.rows.filter((r) => r.level !== 'main' && typeof r.cells[1] === 'number');
  if (!rows.length) return null;
  const W = 640, L = 8, R = 8, ROW = 46;
  const H = rows.length * ROW + 34;
  const w = (p: number) => ((W - L - R) * Math.max(0, p)) / 100;
  const total = rows.find((r) => r.level === 'total');
  const summary = total
    ? t('monitor.chart.waitSummary', { lt3: total.cells[1], m36: total.cells[2] ?? '—', gt6: total.cells[3] ?? '—' })
    : t('monitor.chart.waitCaption');
  return (
    <figure className="tr-monitor-figure" aria-labelledby={`${id}-cap`}>
      <figcaption id={`${id}-cap`} className="tr-monitor-figcaption">{t('monitor.chart.waitCaption')}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${summary} ${t('monitor.chart.seeTable')}`} className="tr-monitor-chart">
        <Patterns id={id} />
        {rows.map((r, i) => {
          const p3 = Number(r.cells[1] ?? 0), p36 = Number(r.cells[2] ?? 0), p6 = Number(r.cells[3] ?? 0);
          const top = i * ROW;
          return (
            <g key={r.key}>
              <text x={L} y={top + 14} fontSize="12" fill={INK} fontWeight={r.level === 'total' ? 'bold' : 'normal'}>
                {`${r.label[lang]}: ${p3}% · ${p36}% · ${p6}%`}
              </text>
              <rect x={L} y={top + 20} width={w(p3)} height="18" fill={BLUE} />
              <rect x={L + w(p3)} y={top + 20} width={w(p36)} height="18" fill={`url(#${id}-hatch)`} stroke={BLUE} />
              <rect x={L + w(p3) + w(p36)} y={top + 20} width={w(p6)} height="18" fill={`url(#${id}-dots)`} stroke={INK} />
            </g>
          );
        })}
        <g transform={`translate(${L}, ${rows.length * ROW + 12})`} fontSize="12" fill={INK}>
          <rect width="16" height="12" fill={BLUE} />
          <text x="22" y="11">{t('monitor.chart.lt3')}</text>
          <rect x="170" width="16" height="12" fill={`url(#${id}-hatch)`} stroke={BLUE} />
          <text x="192" y="11">{t('monitor.chart.m36')}</text>
          <rect x="340" width="16" height="12" fill={`url(#${id}-dots)`} stroke={INK} />
          <text x="362" y="11">{t('monitor.chart.gt6')}</text>
        </g>
      </svg>
    </figure>
  );
}

/** M-20 / M-21: the statushouders quota against the persons housed, per half-year. */
export function StatushoudersChart({ model }: { model: TableModel }) {
  const { t } = useTranslation();
  const lang = useLang();
  const id = useId().replace(/:/g, '');
  const halves = model.rows.filter((r) => r.key === 'H1' || r.key === 'H2');
  const vals = halves.map((r) => ({ label: r.label[lang], quota: r.cells[0] === null ? null : Number(r.cells[0]), housed: Number(r.cells[3] ?? 0) }));
  const max = niceMax(Math.max(1, ...vals.map((v) => Math.max(v.quota ?? 0, v.housed))));
  const W = 640, H = 240, L = 48, T = 20, B = 40, BAR = 60;
  const y = (v: number) => T + (H - T - B) * (1 - v / max);
  const summary = vals.map((v) => t('monitor.chart.statushoudersPart', { half: v.label, quota: v.quota ?? '—', housed: v.housed })).join(' ');
  return (
    <figure className="tr-monitor-figure" aria-labelledby={`${id}-cap`}>
      <figcaption id={`${id}-cap`} className="tr-monitor-figcaption">{t('monitor.chart.statushoudersCaption')}</figcaption>
      <svg viewBox={`0 0 ${W} ${H + 28}`} role="img" aria-label={`${summary} ${t('monitor.chart.seeTable')}`} className="tr-monitor-chart">
        <Patterns id={id} />
        {[0, 0.5, 1].map((f) => (
          <g key={f}>
            <line x1={L} x2={W - 8} y1={y(f * max)} y2={y(f * max)} stroke={GRID} />
            <text x={L - 6} y={y(f * max) + 4} textAnchor="end" fontSize="11" fill={INK}>{formatNumber(Math.round(f * max), lang)}</text>
          </g>
        ))}
        {vals.map((v, i) => {
          const cx = L + 60 + i * 280;
          return (
            <g key={v.label}>
              {v.quota !== null && (
                <>
                  <rect x={cx} y={y(v.quota)} width={BAR} height={y(0) - y(v.quota)} fill={`url(#${id}-hatch)`} stroke={BLUE} />
                  <text x={cx + BAR / 2} y={y(v.quota) - 4} textAnchor="middle" fontSize="12" fill={INK}>{v.quota}</text>
                </>
              )}
              <rect x={cx + BAR + 10} y={y(v.housed)} width={BAR} height={y(0) - y(v.housed)} fill={BLUE} />
              <text x={cx + BAR * 1.5 + 10} y={y(v.housed) - 4} textAnchor="middle" fontSize="12" fill={INK}>{v.housed}</text>
              <text x={cx + BAR + 5} y={H - B + 16} textAnchor="middle" fontSize="12" fill={INK}>{v.label}</text>
            </g>
          );
        })}
        <g transform={`translate(${L}, ${H + 10})`} fontSize="12" fill={INK}>
          <rect width="16" height="12" fill={`url(#${id}-hatch)`} stroke={BLUE} />
          <text x="22" y="11">{t('monitor.chart.quota')}</text>
          <rect x="220" width="16" height="12" fill={BLUE} />
          <text x="242" y="11">{t('monitor.chart.housed')}</text>
        </g>
      </svg>
    </figure>
  );
}
