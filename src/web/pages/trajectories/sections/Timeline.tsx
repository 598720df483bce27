/**
 * What happened, newest first, as the viewer may see it. Superseded (corrected or voided) events
 * are marked; "Corrigeren" and "Vervallen verklaren" record correction events (nothing is deleted)
 * and are offered only on the events the server marks `mayCorrect` for this user.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Paragraph } from '@amsterdam/design-system-react';
import { TRANSITIONS } from '../../../../domain/trajectories/transitions.ts';
import type { EventType } from '../../../../domain/trajectories/model.ts';
import { specsOf } from '../steps.ts';
import { GOAL_DOMAIN_LABELS } from '../../../../domain/forms/display.ts';
import type { GoalDomain } from '../../../../domain/trajectories/model.ts';
import type { TimelineEvent, Trajectory } from '../../../api/types.ts';
import { useLang } from '../../../i18n/useLang.ts';
import { CorrectionForm } from '../StepForm.tsx';
import type { StepContext } from '../StepFields.tsx';
import { useFieldLabel } from '../StepFields.tsx';
import { StatusText, useDate, type CaseAbilities } from '../common.tsx';

const HIDDEN_DATA = new Set(['consentId', 'formId', 'goalId', 'offerId']);

export function Timeline({ trajectory, events, abilities, ctx, onChanged, reloadTrajectory }: {
  trajectory: Trajectory;
  events: TimelineEvent[];
  abilities: CaseAbilities;
  ctx: Omit<StepContext, 'formKind'>;
  onChanged: () => Promise<void> | void;
  reloadTrajectory: () => Promise<Trajectory | null>;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const date = useDate();
  const [editing, setEditing] = useState<{ id: string; mode: 'correct' | 'void' } | null>(null);
  const byId = new Map(events.map((e) => [e.id, e]));
  // Municipalities are recorded by id: show their names.
  const names = new Map([...trajectory.municipalityOptions, trajectory.referringMunicipality, trajectory.dwellingMunicipality].flatMap((m) => (m ? [[m.id, m.name] as const] : [])));
  // The server decides per event (one decision with the write path): only the party that may record a step corrects it.
  const mayCorrect = (e: TimelineEvent) => abilities.active && e.mayCorrect === true;
  // Newest first by the date it happened; the same day in the order it was recorded.
  const ordered = [...events].sort((a, b) => (a.occurredOn === b.occurredOn ? b.seq - a.seq : a.occurredOn < b.occurredOn ? 1 : -1));

  if (ordered.length === 0) return <Paragraph>{t('timeline.none')}</Paragraph>;
  return (
    <ol className="tr-timeline" data-testid="timeline" reversed>
      {ordered.map((e) => {
        const target = e.correctsEventId ? byId.get(e.correctsEventId) : undefined;
        const isCorrection = e.type === 'event_corrected' || e.type === 'event_voided';
        return (
          <li key={e.id} className={`tr-timeline__item${e.superseded ? ' tr-timeline__item--superseded' : ''}`} data-event-type={e.type}>
            <div className="tr-timeline__head">
              <span className="tr-timeline__title">{e.label[lang]}</span>
              <span className="tr-muted">{date(e.occurredOn)}</span>
              {e.recordedBy && <span className="tr-muted">{t('timeline.by', { name: e.recordedBy })}</span>}
              {e.superseded && <StatusText tone="muted">{t('timeline.superseded')}</StatusText>}
            </div>
            {isCorrection && (
              <Paragraph size="small">
                {e.type === 'event_corrected' ? t('timeline.correctionOf', { what: target ? `${target.label[lang]} (${date(target.occurredOn)})` : '—' }) : t('timeline.voidOf', { what: target ? `${target.label[lang]} (${date(target.occurredOn)})` : '—' })}
                {typeof e.data.reason === 'string' && <> {t('timeline.reasonText', { reason: e.data.reason })}</>}
              </Paragraph>
            )}
            {e.type === 'event_corrected' && target && (
              <EventData
                type={target.type}
                names={names}
                data={{ ...(typeof e.data.occurredOn === 'string' && e.data.occurredOn !== target.occurredOn ? { occurredOn: e.data.occurredOn } : {}), ...((e.data.data as Record<string, unknown> | undefined) ?? {}) }}
              />
            )}
            {!isCorrection && <EventData type={e.type} data={e.data} names={names} />}
            {mayCorrect(e) && editing?.id !== e.id && (
              <div className="tr-inline-actions">
                <Button variant="tertiary" className="tr-small-button" onClick={() => setEditing({ id: e.id, mode: 'correct' })}>
                  {t('timeline.correct')}
                  <span className="ams-visually-hidden"> {t('timeline.eventOf', { what: e.label[lang], date: date(e.occurredOn) })}</span>
                </Button>
                <Button variant="tertiary" className="tr-small-button" onClick={() => setEditing({ id: e.id, mode: 'void' })}>
                  {t('timeline.void')}
                  <span className="ams-visually-hidden"> {t('timeline.eventOf', { what: e.label[lang], date: date(e.occurredOn) })}</span>
                </Button>
              </div>
            )}
            {editing?.id === e.id && (
              <CorrectionForm
                trajectory={trajectory}
                event={e}
                mode={editing.mode}
                ctx={ctx}
                reloadTrajectory={reloadTrajectory}
                onCancel={() => setEditing(null)}
                onDone={async () => {
                  setEditing(null);
                  await onChanged();
                }}
              />
            )}
          </li>
        );
      })}
    </ol>
  );
}

/** The data of an event in words (references and empty values left out). */
function EventData({ type, data, names }: { type: string; data: Record<string, unknown>; names: ReadonlyMap<string, string> }) {
  const { t } = useTranslation();
  const lang = useLang();
  const date = useDate();
  const label = useFieldLabel();
  const specs = TRANSITIONS[type as EventType] ? specsOf(type as EventType) : [];
  const order = (k: string) => {
    const i = specs.findIndex((f) => f.name === k);
    return i < 0 ? 999 : i;
  };
  const entries = Object.entries(data).sort(([a], [b]) => order(a) - order(b)).filter(([k, v]) => !HIDDEN_DATA.has(k) && v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0));
  if (entries.length === 0) return null;
  const show = (k: string, v: unknown): string => {
    if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
    if (k === 'goals' && Array.isArray(v)) {
      return v.map((g: { text?: string; domain?: string; linkedToUrgency?: boolean }) => `${g.text ?? ''} (${GOAL_DOMAIN_LABELS[g.domain as GoalDomain]?.[lang] ?? g.domain}${g.linkedToUrgency ? `, ${t('goals.urgency')}` : ''})`).join('; ');
    }
    const options = specs.find((f) => f.name === k)?.options ?? [];
    const word = (x: unknown) => (options.includes(String(x)) ? t(`steps.values.${String(x)}`, { defaultValue: String(x) }) : String(x));
    if (Array.isArray(v)) return v.map(word).join(', ');
    if ((k === 'municipalityId' || k === 'dwellingMunicipalityId') && typeof v === 'string') return names.get(v) ?? v;
    if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return date(v);
    return word(v);
  };
  return (
    <dl className="tr-timeline__data" data-type={type}>
      {entries.map(([k, v]) => (
        <div key={k}>
          <dt>{label(k)}</dt>
          <dd>{show(k, v)}</dd>
        </div>
      ))}
    </dl>
  );
}
