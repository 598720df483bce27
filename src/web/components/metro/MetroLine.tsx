/**
 * The metro line of the Omslagroute (as on omslagroute.amsterdam.nl): the phases as stations on
 * one line. An ordered list, the line and the stations drawn in CSS; the current station has
 * aria-current="step"; each station's status is in words (not only colour); each station's
 * details (date, who, open deadlines) open with a button, so they work by keyboard.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../api/types.ts';
import { useLang } from '../../i18n/useLang.ts';
import { formatDate } from '../../lib/format.ts';
import { stationStatuses, type CaseFacts, type StationDisplayStatus, type StationNote } from './stations.ts';
import './metro.css';

export type StationStatus = 'done' | 'current' | 'upcoming' | 'not_reached';

export interface MetroStation {
  phase: string;
  label: Record<Lang, string>;
  status: StationStatus;
  enteredOn?: string | null;
  enteredBy?: string | null;
  /** Overview (compact) only: the station links to this in-page anchor. */
  href?: string;
  openDeadlines?: Array<{ key: string; ruleId: string; label: Record<Lang, string>; due: string | null; overdue: boolean }>;
}

/** Wide windows draw the line horizontally (metro.css uses the same 64rem breakpoint). */
const WIDE = '(min-width: 64rem)';
function useWide(): boolean {
  const [wide, setWide] = useState(() => typeof window !== 'undefined' && !!window.matchMedia?.(WIDE).matches);
  useEffect(() => {
    const mq = window.matchMedia?.(WIDE);
    if (!mq) return;
    const on = () => setWide(mq.matches);
    on();
    mq.addEventListener('change', on);
    return () => mq.removeEventListener('change', on);
  }, []);
  return wide;
}

/**
 * The line. With `facts` (the case's phase, status, exit, time-out) the stations' statuses are
 * derived so that they agree with the case (stations.ts); without, the given statuses are shown.
 */
export function MetroLine({ stations, label, compact = false, facts }: { stations: MetroStation[]; label: string; compact?: boolean; facts?: CaseFacts }) {
  const { t } = useTranslation();
  const lang = useLang();
  const wide = useWide();
  const summaryId = useId();
  const [open, setOpen] = useState<string | null>(null);
  const shown = facts ? stationStatuses(stations, facts) : stations.map((s) => ({ status: s.status as StationDisplayStatus, note: null as StationNote }));
  const done = shown.filter((s) => s.status === 'done').length;
  const openStation = stations.find((s) => s.phase === open);
  const exit = facts?.exit ? t(`exits.${facts.exit}`, { defaultValue: '' }) : '';
  return (
    <div className={`tr-metro${compact ? ' tr-metro--compact' : ''}`} data-testid="metro-line" lang={lang}>
      {!compact && (
        <p className="ams-visually-hidden" id={summaryId}>
          {t('metro.summary', { done, total: stations.length })}
        </p>
      )}
      <ol className="tr-metro__line" aria-label={label} aria-describedby={compact ? undefined : summaryId}>
        {stations.map((s, i) => (
          <Station
            key={s.phase}
            station={s}
            status={shown[i]!.status}
            note={shown[i]!.note}
            exit={exit}
            index={i}
            compact={compact}
            open={open === s.phase}
            inlineDetails={!wide}
            onToggle={(o) => setOpen(o ? s.phase : null)}
          />
        ))}
      </ol>
      {/* Wide windows: the open station's details under the whole line, in the flow (they push the content below down instead of covering it). */}
      {wide && openStation && !compact && <StationDetails station={openStation} id={`metro-details-${openStation.phase}`} heading />}
    </div>
  );
}

function Station({
  station: s, status, note, exit, index, compact, open, inlineDetails, onToggle,
}: { station: MetroStation; status: StationDisplayStatus; note: StationNote; exit: string; index: number; compact: boolean; open: boolean; inlineDetails: boolean; onToggle: (open: boolean) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const toggle = useRef<HTMLButtonElement>(null);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && open) {
      onToggle(false);
      toggle.current?.focus();
    }
  };
  const code = s.phase.slice(0, 2);
  // Wide windows draw the stations side by side with a short name; the full name stays for screen readers.
  const short = t(`metro.short.${s.phase}`, { defaultValue: '' });
  const name = short ? (
    <>
      <span className="tr-metro__label--full">{s.label[lang]}</span>
      <span className="tr-metro__label--short" aria-hidden="true">
        {short}
      </span>
    </>
  ) : (
    s.label[lang]
  );
  const late = (s.openDeadlines ?? []).some((d) => d.overdue);
  const hasDetails = !compact && (!!s.enteredOn || (s.openDeadlines?.length ?? 0) > 0);
  const detailsId = `metro-details-${s.phase}`;
  const statusText = status === 'ended' && exit ? t('casepage.metro.endedWith', { exit }) : ['skipped', 'paused', 'ended'].includes(status) ? t(`casepage.metro.status.${status}`) : t(`metro.status.${status}`);
  return (
    <li className={`tr-metro__station tr-metro__station--${status}`} aria-current={status === 'current' || status === 'paused' ? 'step' : undefined} data-phase={s.phase} data-status={status} onKeyDown={onKeyDown}>
      <span className="tr-metro__dot" aria-hidden="true">
        {status === 'done' ? '✓' : status === 'paused' ? 'Ⅱ' : status === 'ended' ? '×' : index}
      </span>
      <span className="tr-metro__text">
        <span className="tr-metro__code">{code}</span>
        <span className="tr-metro__label">{s.href ? <a href={s.href}>{name}</a> : name}</span>
        {!compact && (
          <span className="tr-metro__status">
            {statusText}
            {note && <span className="tr-metro__note"> · {t(`casepage.metro.${note}`)}</span>}
            {late && <span className="tr-metro__late"> · {t('metro.late')}</span>}
          </span>
        )}
        {!compact && s.enteredOn && <span className="tr-metro__when">{formatDate(s.enteredOn, lang)}</span>}
      </span>
      {hasDetails && (
        <button ref={toggle} type="button" className="tr-metro__toggle" aria-expanded={open} aria-controls={open ? detailsId : undefined} onClick={() => onToggle(!open)}>
          {open ? t('metro.hideDetails') : t('metro.showDetails')}
          <span className="ams-visually-hidden"> {t('metro.detailsOf', { phase: s.label[lang] })}</span>
        </button>
      )}
      {hasDetails && inlineDetails && open && <StationDetails station={s} id={detailsId} />}
    </li>
  );
}

/** Date, who and the open deadlines (in words) of one station. */
function StationDetails({ station: s, id, heading = false }: { station: MetroStation; id: string; heading?: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <div id={id} className={`tr-metro__details${heading ? ' tr-metro__details--below' : ''}`} data-testid="metro-details">
      {heading && <p className="tr-metro__details-heading tr-metro__details-title">{t('casepage.metro.detailsHeading', { phase: s.label[lang] })}</p>}
      <dl>
        {s.enteredOn && (
          <>
            <dt>{t('metro.enteredOn')}</dt>
            <dd>{formatDate(s.enteredOn, lang)}</dd>
          </>
        )}
        {s.enteredBy && (
          <>
            <dt>{t('metro.enteredBy')}</dt>
            <dd>{s.enteredBy}</dd>
          </>
        )}
      </dl>
      {(s.openDeadlines?.length ?? 0) > 0 && (
        <>
          <p className="tr-metro__details-heading">{t('metro.openDeadlines')}</p>
          <ul>
            {s.openDeadlines!.map((d) => (
              <li key={d.key}>
                {d.label[lang]}
                {d.due && <> — {t('metro.due', { date: formatDate(d.due, lang) })}</>}
                {d.overdue && <strong> ({t('metro.late')})</strong>}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
