/**
 * "Ruil en verhuizing" for directie Wonen (matching.md §4.7, R-MA-36…R-MA-40): the swaps and moves
 * of its municipality that wait for its approval, each with the decision support in words, and the
 * decision (approve or not, with the reason) recorded right there. The other swaps and moves of the
 * municipality on request.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Column, DescriptionList, Heading, Link, Paragraph } from '@amsterdam/design-system-react';
import { api } from '../../api/client.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { RouterLink } from '../../components/RouterLink.tsx';
import { ConflictAlert, isConflict } from '../../components/ConflictAlert.tsx';
import { ErrorSummary, SelectField, TextAreaField, msg, useSubmitting, type FieldErrors } from '../../components/forms.tsx';
import { Loading, ProblemAlert } from '../../components/status.tsx';
import { useAnnounce } from '../../components/Announcer.tsx';
import { useResource } from '../../lib/useResource.ts';
import { formatDate } from '../../lib/format.ts';
import { useLang } from '../../i18n/useLang.ts';
import { CheckField, DateField, RadioGroupField, today } from '../trajectories/common.tsx';
import { refusalErrors, txt, type Text } from './common.tsx';

interface MoveItem {
  id: string;
  kind: 'swap' | 'move';
  trajectoryId: string;
  status: string;
  statusLabel: Text;
  awaitingWonen: boolean;
  startedOn: string;
  reason: { code: string; label: Text } | null;
  currentArea: number | null;
  targetArea: number | null;
  decision: { outcome: string; wonenApprovalNeeded: boolean };
  version: number;
}

interface MoveDetail extends MoveItem {
  decision: { outcome: string; wonenApprovalNeeded: boolean; reasons: Array<{ rule: string | null; nl: string; en: string }> };
}

export function MovesPage() {
  const { t } = useTranslation();
  const [show, setShow] = useState('awaiting');
  const list = useResource<{ items: MoveItem[] }>('/moves', show === 'awaiting' ? { awaitingWonen: true } : {});
  return (
    <Column gap="large">
      <PageHeading>{t('matching.moves.title')}</PageHeading>
      <Paragraph>{t('matching.moves.intro')}</Paragraph>
      <SelectField form="moves-filter" name="show" label={t('matching.offers.show')} value={show} onChange={setShow}
        options={[{ value: 'awaiting', label: t('matching.moves.awaiting') }, { value: 'all', label: t('matching.moves.all') }]} />
      {list.error !== null && <ProblemAlert error={list.error} onRetry={() => void list.reload()} />}
      {list.loading && !list.data && <Loading />}
      {list.data && list.data.items.length === 0 && <Paragraph>{show === 'awaiting' ? t('matching.moves.noneAwaiting') : t('matching.moves.none')}</Paragraph>}
      {list.data && list.data.items.length > 0 && (
        <ol className="tr-plain-list" aria-label={t('matching.moves.title')}>
          {list.data.items.map((m) => <MoveCard key={`${m.id}-${m.version}`} m={m} onDone={() => void list.reload()} />)}
        </ol>
      )}
    </Column>
  );
}

function MoveCard({ m, onDone }: { m: MoveItem; onDone: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [open, setOpen] = useState(false);
  const head = `${t(`matching.moves.kind.${m.kind}`)} — ${txt(m.statusLabel, lang)}`;
  return (
    <li className="tr-panel" aria-labelledby={`move-${m.id}`} data-testid="move">
      <Heading level={2} id={`move-${m.id}`}>{head}</Heading>
      <DescriptionList>
        <DescriptionList.Term>{t('matching.moves.startedOn')}</DescriptionList.Term>
        <DescriptionList.Description>{formatDate(m.startedOn, lang)}</DescriptionList.Description>
        {m.reason && (
          <>
            <DescriptionList.Term>{t('matching.moves.reason')}</DescriptionList.Term>
            <DescriptionList.Description>{txt(m.reason.label, lang)}</DescriptionList.Description>
          </>
        )}
        <DescriptionList.Term>{t('matching.moves.areas')}</DescriptionList.Term>
        <DescriptionList.Description>{t('matching.moves.areasValue', { current: m.currentArea ?? '—', target: m.targetArea ?? '—' })}</DescriptionList.Description>
        <DescriptionList.Term>{t('matching.moves.approval')}</DescriptionList.Term>
        <DescriptionList.Description>{m.decision.wonenApprovalNeeded ? t('matching.moves.approvalNeeded') : t('matching.moves.approvalNotNeeded')}</DescriptionList.Description>
      </DescriptionList>
      <Paragraph><Link href={`/trajecten/${m.trajectoryId}`} linkComponent={RouterLink}>{t('matching.moves.toCase')}</Link></Paragraph>
      {m.awaitingWonen && !open && <Button variant="secondary" onClick={() => setOpen(true)}>{t('matching.moves.decide')}</Button>}
      {m.awaitingWonen && open && <DecideForm id={m.id} onDone={onDone} onCancel={() => setOpen(false)} />}
    </li>
  );
}

function DecideForm({ id, onDone, onCancel }: { id: string; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const announce = useAnnounce();
  const detail = useResource<MoveDetail>(`/moves/${id}`);
  const FORM = `decide-${id}`;
  const [occurredOn, setOccurredOn] = useState(today());
  const [approved, setApproved] = useState('');
  const [reason, setReason] = useState('');
  const [newUrgency, setNewUrgency] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [problem, setProblem] = useState<unknown>(null);
  const [conflict, setConflict] = useState<unknown>(null);
  const { pending, run } = useSubmitting();
  const labels = { occurredOn: t('matching.step.occurredOn'), approved: t('matching.moves.approved'), reason: t('matching.moves.decisionReason'), newUrgency: t('matching.moves.newUrgency') };
  const expansion = detail.data?.reason?.code === 'HOUSEHOLD_EXPANSION';

  const post = (version: number | string | null) => void run(async () => {
    try {
      await api.post(`/moves/${id}/events`, { type: 'wonen_decided', occurredOn, data: { approved: approved === 'true', reason: reason.trim(), ...(expansion ? { newUrgency } : {}) } }, { ifMatch: version });
      announce(t('matching.moves.decided'));
      onDone();
    } catch (err) {
      if (isConflict(err)) return setConflict(err);
      const f = refusalErrors(err, (p) => { const k = p.split('/').filter(Boolean).pop() ?? ''; return k in labels ? k : null; });
      if (Object.keys(f).length) setErrors(f);
      else setProblem(err);
      setAttempt((a) => a + 1);
    }
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    const local: FieldErrors = {};
    if (!approved) local.approved = msg('matching.moves.approvedRequired');
    if (!reason.trim()) local.reason = msg('form.required');
    setErrors(local);
    setAttempt((a) => a + 1);
    if (Object.keys(local).length) return;
    post(detail.etag ?? detail.data?.version ?? null);
  };

  return (
    <div>
      {detail.loading && !detail.data && <Loading />}
      {detail.data && detail.data.decision.reasons.length > 0 && (
        <>
          <Heading level={3}>{t('matching.moves.supportHeading')}</Heading>
          <ul>{detail.data.decision.reasons.map((r, i) => <li key={i}>{lang === 'en' ? r.en : r.nl}</li>)}</ul>
        </>
      )}
      {conflict !== null && <ConflictAlert error={conflict} onLoadLatest={() => { setConflict(null); void detail.reload(); }} onKeepMine={() => {
        setConflict(null);
        void (async () => { const latest = await detail.reload(); if (latest) post(latest.version); })();
      }} />}
      {problem !== null && <ProblemAlert error={problem} headingLevel={3} />}
      <ErrorSummary form={FORM} errors={errors} labels={labels} attempt={attempt} />
      <form noValidate onSubmit={submit} className="tr-form" aria-label={t('matching.moves.decide')}>
        <DateField form={FORM} name="occurredOn" label={labels.occurredOn} value={occurredOn} onChange={setOccurredOn} error={errors.occurredOn} max={today()} />
        <RadioGroupField form={FORM} name="approved" label={labels.approved} value={approved} onChange={setApproved} error={errors.approved}
          choices={[{ value: 'true', label: t('matching.moves.approve') }, { value: 'false', label: t('matching.moves.reject') }]} />
        <TextAreaField form={FORM} name="reason" label={labels.reason} value={reason} onChange={setReason} error={errors.reason} />
        {expansion && <CheckField form={FORM} name="newUrgency" label={labels.newUrgency} checked={newUrgency} onChange={setNewUrgency} error={errors.newUrgency} />}
        <Button type="submit" disabled={pending}>{t('matching.moves.record')}</Button>{' '}
        <Button type="button" variant="tertiary" onClick={onCancel}>{t('common.cancel')}</Button>
      </form>
    </div>
  );
}
