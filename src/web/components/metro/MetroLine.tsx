/**
 * The metro line of the Omslagroute (as on omslagroute.amsterdam.nl): the phases as stations on
 * one line. An ordered list, the line and the stations drawn in CSS; the current station has
 * aria-current="step"; each station's status is in words (not only colour); each station's
 * details (date, who, open deadlines) open with a button, so they work by keyboard.
 */
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../api/types.ts';
import { useLang } from '../../i18n/useLang.ts';
import { formatDate } from '../../lib/format.ts';
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

export function MetroLine({ stations, label, compact = false }: { stations: MetroStation[]; label: string; compact?: boolean }) {
  const { t } = useTranslation();
  const done = stations.filter((s) => s.status === 'done').length;
  return (
    <div className={`tr-metro${compact ? ' tr-metro--compact' : ''}`} data-testid="metro-line">
      {!compact && (
        <p className="ams-visually-hidden" id="metro-summary">
          {t('metro.summary', { done, total: stations.length })}
        </p>
      )}
      <ol className="tr-metro__line" aria-label={label} aria-describedby={compact ? undefined : 'metro-summary'}>
        {stations.map((s, i) => (
          <Station key={s.phase} station={s} index={i} compact={compact} />
        ))}
      </ol>
    </div>
  );
}

function Station({ station: s, index, compact }: { station: MetroStation; index: number; compact: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && open) {
      setOpen(false);
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
  return (
    <li className={`tr-metro__station tr-metro__station--${s.status}`} aria-current={s.status === 'current' ? 'step' : undefined} data-phase={s.phase} data-status={s.status} onKeyDown={onKeyDown}>
      <span className="tr-metro__dot" aria-hidden="true">
        {s.status === 'done' ? '✓' : index}
      </span>
      <span className="tr-metro__text">
        <span className="tr-metro__code">{code}</span>
        <span className="tr-metro__label">{s.href ? <a href={s.href}>{name}</a> : name}</span>
        {!compact && (
          <span className="tr-metro__status">
            {t(`metro.status.${s.status}`)}
            {late && <span className="tr-metro__late"> · {t('metro.late')}</span>}
          </span>
        )}
        {!compact && s.enteredOn && (
          <span className="tr-metro__when">{formatDate(s.enteredOn, lang)}</span>
        )}
      </span>
      {hasDetails && (
        <button ref={toggle} type="button" className="tr-metro__toggle" aria-expanded={open} aria-controls={detailsId} onClick={() => setOpen((o) => !o)}>
          {open ? t('metro.hideDetails') : t('metro.showDetails')}
          <span className="ams-visually-hidden"> {t('metro.detailsOf', { phase: s.label[lang] })}</span>
        </button>
      )}
      {hasDetails && (
        <div id={detailsId} className="tr-metro__details" hidden={!open}>
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
                    <span className="tr-code">{d.ruleId}</span> {d.label[lang]}
                    {d.due && <> — {t('metro.due', { date: formatDate(d.due, lang) })}</>}
                    {d.overdue && <strong> ({t('metro.late')})</strong>}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </li>
  );
}
