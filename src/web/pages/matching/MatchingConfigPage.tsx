/**
 * "Matching-instellingen" (matching.md §5, §7): Wonen tunes the municipality's versioned matching
 * configuration — offer model, windows, distances, penalties — and first replays a proposed
 * configuration over the proposals of a past period (nothing is written): how many rankings and
 * choices would have changed. Every parameter reads in words; its code sits in a help disclosure.
 */
import { Fragment, useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Column, DescriptionList, Heading, Paragraph, Row, Table } from '@amsterdam/design-system-react';
import { ApiError, api } from '../../api/client.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { ConflictAlert, isConflict } from '../../components/ConflictAlert.tsx';
import { ErrorSummary, SelectField, TextAreaField, TextField, msg, useSubmitting, type FieldErrors } from '../../components/forms.tsx';
import { Loading, ProblemAlert } from '../../components/status.tsx';
import { useAnnounce } from '../../components/Announcer.tsx';
import { useResource } from '../../lib/useResource.ts';
import { useAllOrganisations } from '../../lib/organisations.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useLang } from '../../i18n/useLang.ts';
import { useSession } from '../../session/SessionContext.tsx';
import { DateField, today } from '../trajectories/common.tsx';
import { HelpCodes } from './common.tsx';

const SCALARS = ['proposalSize', 'nuisanceWindowMonths', 'liquorDistanceM', 'largeFamilyPersons', 'schoolNearKm', 'schoolFarKm', 'youngAdultMaxM2InsideRing', 'youngAdultMaxM2OutsideRing', 'youngAdultFamilyRooms'] as const;
const PENALTIES = ['SP01', 'SP02near', 'SP02far', 'SP03', 'SP04medium', 'SP04high', 'SP05', 'SP06one', 'SP06many', 'SP07', 'SP08', 'SP09'] as const;

interface Config { model: 'OM-AMS' | 'OM-UTR'; liquorHard: boolean; corporationSeesCareTopics?: boolean; penalties: Record<string, number>; [k: string]: unknown }
interface ConfigResponse { municipalityId: string; version: number; config: Config; versions: Array<{ version: number; note: string | null; createdAt: string }> }

const FORM = 'matching-config';

export function MatchingConfigPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const { organisations } = useAllOrganisations();
  const municipalities = useMemo(() => (organisations ?? []).filter((o) => o.type === 'municipality' && (session?.municipalityIds ?? []).includes(o.id)), [organisations, session]);
  const [municipalityId, setMunicipalityId] = useState('');
  useEffect(() => {
    if (!municipalityId && municipalities[0]) setMunicipalityId(municipalities[0].id);
  }, [municipalities, municipalityId]);
  const res = useResource<ConfigResponse>(municipalityId ? '/matching/config' : null, { municipalityId });
  return (
    <Column gap="large">
      <PageHeading>{t('matching.config.title')}</PageHeading>
      <Paragraph>{t('matching.config.intro')}</Paragraph>
      {municipalities.length > 1 && (
        <SelectField form="config-municipality" name="municipality" label={t('matching.config.municipality')} value={municipalityId} onChange={setMunicipalityId}
          options={municipalities.map((m) => ({ value: m.id, label: m.name }))} />
      )}
      {organisations && municipalities.length === 0 && <Paragraph>{t('matching.config.noMunicipality')}</Paragraph>}
      {res.error !== null && <ProblemAlert error={res.error} onRetry={() => void res.reload()} />}
      {res.loading && !res.data && <Loading />}
      {res.data && <ConfigForm key={`${municipalityId}-${res.data.version}`} data={res.data} reload={() => res.reload()} />}
    </Column>
  );
}

type Values = Record<string, string>;
function toValues(c: Config): Values {
  const v: Values = { model: c.model, liquorHard: String(c.liquorHard), corporationSeesCareTopics: String(c.corporationSeesCareTopics === true) };
  for (const k of SCALARS) v[k] = String(c[k] ?? '');
  for (const k of PENALTIES) v[`p_${k}`] = String(c.penalties[k] ?? '');
  return v;
}

function ConfigForm({ data, reload }: { data: ConfigResponse; reload: () => Promise<ConfigResponse | null> }) {
  const { t } = useTranslation();
  const lang = useLang();
  const announce = useAnnounce();
  const [v, setV] = useState<Values>(toValues(data.config));
  const [note, setNote] = useState('');
  const [from, setFrom] = useState(`${Number(today().slice(0, 4)) - 1}${today().slice(4)}`);
  const [to, setTo] = useState(today());
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [problem, setProblem] = useState<unknown>(null);
  const [conflict, setConflict] = useState<unknown>(null);
  const [replayResult, setReplayResult] = useState<ReplayResponse | null>(null);
  const [saved, setSaved] = useState<number | null>(null);
  const { pending, run } = useSubmitting();
  const set = (k: string) => (x: string) => setV((s) => ({ ...s, [k]: x }));
  const labels: Record<string, string> = { model: t('matching.config.model'), liquorHard: t('matching.config.liquorHard'), corporationSeesCareTopics: t('matching.config.careTopics'), note: t('matching.config.note'), from: t('matching.config.from'), to: t('matching.config.to') };
  for (const k of SCALARS) labels[k] = t(`matching.config.param.${k}`);
  for (const k of PENALTIES) labels[`p_${k}`] = t(`matching.config.penalty.${k}`);

  // The whole configuration: what this page does not show (suitability rules, other settings) stays as it is.
  const config = () => {
    const out: Record<string, unknown> = {
      ...data.config, model: v.model, liquorHard: v.liquorHard === 'true', penalties: { ...data.config.penalties } as Record<string, number>,
      ...('corporationSeesCareTopics' in data.config ? { corporationSeesCareTopics: v.corporationSeesCareTopics === 'true' } : {}),
    };
    for (const k of SCALARS) out[k] = Number(String(v[k]).replace(',', '.'));
    for (const k of PENALTIES) (out.penalties as Record<string, number>)[k] = Number(String(v[`p_${k}`]).replace(',', '.'));
    return out;
  };
  const localErrors = () => {
    const e: FieldErrors = {};
    for (const k of [...SCALARS, ...PENALTIES.map((p) => `p_${p}`)]) if (!/^\d+([.,]\d+)?$/.test(String(v[k]).trim())) e[k] = msg('matching.config.numberRequired');
    return e;
  };
  const fieldFor = (p: string) => {
    const parts = p.split('/').filter(Boolean);
    if (parts[0] === 'config' && parts[1] === 'penalties' && parts[2]) return `p_${parts[2]}`;
    if (parts[0] === 'config' && parts[1]) return parts[1];
    return parts[0] ?? null;
  };
  const apiErrors = (err: unknown): FieldErrors => {
    if (!(err instanceof ApiError)) return {};
    const out: FieldErrors = {};
    for (const e of err.problem.errors ?? []) {
      const name = fieldFor(e.field);
      if (!name) continue;
      // The engine's message starts with the parameter's path: the label says which one.
      const strip = (m: string) => m.replace(/^[\w.[\]]+ (moet|must) /, (_x, w: string) => (w === 'moet' ? 'Moet ' : 'Must '));
      out[name] = { nl: strip(e.messageNl ?? e.message), en: strip(e.messageEn ?? e.message) };
    }
    return out;
  };

  const doReplay = () => {
    setProblem(null);
    setReplayResult(null);
    const e = localErrors();
    if (!from) e.from = msg('form.required');
    if (!to) e.to = msg('form.required');
    setErrors(e);
    setAttempt((a) => a + 1);
    if (Object.keys(e).length) return;
    void run(async () => {
      try {
        const r = await api.post<ReplayResponse>('/matching/replay', { municipalityId: data.municipalityId, from, to, config: config() });
        setReplayResult(r.data);
        announce(t('matching.replay.done'));
      } catch (err) {
        const f = apiErrors(err);
        if (Object.keys(f).length) setErrors(f);
        else setProblem(err);
        setAttempt((a) => a + 1);
      }
    });
  };

  const save = (expectedVersion: number) => {
    void run(async () => {
      try {
        const r = await api.put<{ version: number }>('/matching/config', { municipalityId: data.municipalityId, expectedVersion, config: config(), note: note.trim() });
        setSaved(r.data.version);
        announce(t('matching.config.saved', { version: r.data.version }));
      } catch (err) {
        if (isConflict(err)) return setConflict(err);
        const f = apiErrors(err);
        if (Object.keys(f).length) setErrors(f);
        else setProblem(err);
        setAttempt((a) => a + 1);
      }
    });
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    setSaved(null);
    const local = localErrors();
    if (note.trim().length < 3) local.note = msg('matching.config.noteRequired');
    setErrors(local);
    setAttempt((a) => a + 1);
    if (Object.keys(local).length) return;
    save(data.version);
  };

  return (
    <>
      <Paragraph>{data.version === 0 ? t('matching.config.defaultsOnly') : t('matching.config.currentVersion', { version: data.version })}</Paragraph>
      {saved !== null && <Alert severity="success" headingLevel={2} heading={t('matching.config.saved', { version: saved })} className="tr-alert"><Paragraph><Button variant="secondary" onClick={() => void reload()}>{t('matching.config.showNew')}</Button></Paragraph></Alert>}
      {conflict !== null && <ConflictAlert error={conflict} onLoadLatest={() => { setConflict(null); void reload(); }} onKeepMine={() => {
        setConflict(null);
        void (async () => {
          try {
            const latest = await api.get<ConfigResponse>('/matching/config', { query: { municipalityId: data.municipalityId } });
            save(latest.data.version);
          } catch (err) {
            setProblem(err);
          }
        })();
      }} />}
      {problem !== null && <ProblemAlert error={problem} />}
      <ErrorSummary form={FORM} errors={errors} labels={labels} attempt={attempt} />
      <form noValidate onSubmit={submit} className="tr-form" aria-labelledby="page-heading" data-testid="config-form">
        <section aria-labelledby="config-general-heading" className="tr-section">
          <Heading level={2} id="config-general-heading" className="tr-section-heading">{t('matching.config.generalHeading')}</Heading>
          <SelectField form={FORM} name="model" label={labels.model!} value={v.model!} onChange={set('model')} options={['OM-AMS', 'OM-UTR'].map((m) => ({ value: m, label: t(`matching.model.${m}`) }))} />
          <SelectField form={FORM} name="liquorHard" label={labels.liquorHard!} value={v.liquorHard!} onChange={set('liquorHard')}
            options={[{ value: 'true', label: t('matching.config.liquorHardYes') }, { value: 'false', label: t('matching.config.liquorHardNo') }]} />
          {'corporationSeesCareTopics' in data.config && (
            <SelectField form={FORM} name="corporationSeesCareTopics" label={labels.corporationSeesCareTopics!} hint={t('matching.config.careTopicsHint')} value={v.corporationSeesCareTopics!} onChange={set('corporationSeesCareTopics')}
              options={[{ value: 'false', label: t('matching.config.careTopicsNo') }, { value: 'true', label: t('matching.config.careTopicsYes') }]} />
          )}
          <Row wrap gap="large" alignVertical="end">
            {SCALARS.map((k) => <TextField key={k} form={FORM} name={k} label={labels[k]!} value={v[k]!} onChange={set(k)} error={errors[k]} inputMode="numeric" size={7} />)}
          </Row>
        </section>
        <section aria-labelledby="config-penalties-heading" className="tr-section">
          <Heading level={2} id="config-penalties-heading" className="tr-section-heading">{t('matching.config.penaltiesHeading')}</Heading>
          <Paragraph>{t('matching.config.penaltiesIntro')}</Paragraph>
          <Row wrap gap="large" alignVertical="end">
            {PENALTIES.map((k) => <TextField key={k} form={FORM} name={`p_${k}`} label={labels[`p_${k}`]!} value={v[`p_${k}`]!} onChange={set(`p_${k}`)} error={errors[`p_${k}`]} inputMode="numeric" size={5} />)}
          </Row>
          <HelpCodes summary={t('matching.help.criteriaCodes')}>{PENALTIES.map((k) => `${k.replace(/^SP(\d\d).*/, 'SP-$1')}: ${labels[`p_${k}`]}`).join('; ')}</HelpCodes>
        </section>
        <section aria-labelledby="config-replay-heading" className="tr-section">
          <Heading level={2} id="config-replay-heading" className="tr-section-heading">{t('matching.replay.heading')}</Heading>
          <Paragraph>{t('matching.replay.intro')}</Paragraph>
          <Row wrap gap="large" alignVertical="end">
            <DateField form={FORM} name="from" label={labels.from!} value={from} onChange={setFrom} error={errors.from} />
            <DateField form={FORM} name="to" label={labels.to!} value={to} onChange={setTo} error={errors.to} />
          </Row>
          <Button type="button" variant="secondary" onClick={doReplay} disabled={pending}>{t('matching.replay.run')}</Button>
          <div aria-live="polite">{replayResult && <ReplayResult r={replayResult} />}</div>
        </section>
        <section aria-labelledby="config-save-heading" className="tr-section">
          <Heading level={2} id="config-save-heading" className="tr-section-heading">{t('matching.config.saveHeading')}</Heading>
          <TextAreaField form={FORM} name="note" label={labels.note!} hint={t('matching.config.noteHint')} value={note} onChange={setNote} error={errors.note} />
          <Button type="submit" disabled={pending}>{t('matching.config.save')}</Button>
        </section>
      </form>
      <section aria-labelledby="config-versions-heading" className="tr-section">
        <Heading level={2} id="config-versions-heading" className="tr-section-heading">{t('matching.config.versionsHeading')}</Heading>
        {data.versions.length === 0 ? <Paragraph>{t('matching.config.defaultsOnly')}</Paragraph> : (
          <TableScroll label={t('matching.config.versionsHeading')}>
            <Table className="tr-table">
              <Table.Caption className="ams-visually-hidden">{t('matching.config.versionsHeading')}</Table.Caption>
              <Table.Header><Table.Row><Table.HeaderCell>{t('matching.config.version')}</Table.HeaderCell><Table.HeaderCell>{t('matching.config.note')}</Table.HeaderCell><Table.HeaderCell>{t('matching.config.createdAt')}</Table.HeaderCell></Table.Row></Table.Header>
              <Table.Body>
                {data.versions.map((x) => <Table.Row key={x.version}><Table.Cell>{x.version}</Table.Cell><Table.Cell>{x.note ?? '—'}</Table.Cell><Table.Cell>{formatDateTime(x.createdAt, lang)}</Table.Cell></Table.Row>)}
              </Table.Body>
            </Table>
          </TableScroll>
        )}
      </section>
    </>
  );
}

interface ReplayResponse {
  changes?: Array<{ path: string; before: unknown; after: unknown }>;
  totals: { proposals: number; rankingsChanged: number; proposalsChanged: number; choicesAffected: number; drivers: Record<string, number> };
  results: Array<{
    proposalId: string; rankingChanged: boolean; proposalChanged: boolean; choiceAffected: boolean; drivers: string[];
    chosen: { oldRank: number | null; newRank: number | null; stillProposed: boolean } | null;
  }>;
}

/** The replay's totals, the criteria that drove the changes and the changes per proposal, in words. */
function ReplayResult({ r }: { r: ReplayResponse }) {
  const { t } = useTranslation();
  const criterion = (code: string) => t(`matching.criterion.${code}`, { defaultValue: t('matching.criterion.other') });
  const changed = r.results.filter((x) => x.rankingChanged || x.proposalChanged || x.choiceAffected);
  const drivers = Object.entries(r.totals.drivers).sort((a, b) => b[1] - a[1]);
  const changeParam = (path: string) => {
    const [head, sub] = path.split('.');
    return head === 'penalties' && sub ? t(`matching.config.penalty.${sub}`, { defaultValue: path }) : t(`matching.config.param.${head}`, { defaultValue: head === 'model' ? t('matching.config.model') : head === 'liquorHard' ? t('matching.config.liquorHard') : head === 'corporationSeesCareTopics' ? t('matching.config.careTopics') : t('matching.criterion.other') });
  };
  return (
    <div data-testid="replay-result">
      <Heading level={3}>{t('matching.replay.resultHeading')}</Heading>
      {(r.changes ?? []).length === 0 ? <Paragraph>{t('matching.replay.noParamChanges')}</Paragraph> : (
        <Paragraph>{t('matching.replay.paramChanges', { list: (r.changes ?? []).map((c) => `${changeParam(c.path)}: ${String(c.before)} → ${String(c.after)}`).join('; ') })}</Paragraph>
      )}
      <DescriptionList>
        {(['proposals', 'rankingsChanged', 'proposalsChanged', 'choicesAffected'] as const).map((k) => (
          <Fragment key={k}>
            <DescriptionList.Term>{t(`matching.replay.total.${k}`)}</DescriptionList.Term>
            <DescriptionList.Description>{r.totals[k]}</DescriptionList.Description>
          </Fragment>
        ))}
      </DescriptionList>
      {drivers.length > 0 && (
        <>
          <Paragraph>{t('matching.replay.driversIntro')}</Paragraph>
          <ul>{drivers.map(([code, n]) => <li key={code}>{t('matching.replay.driverLine', { criterion: criterion(code), count: n })}</li>)}</ul>
          <HelpCodes summary={t('matching.help.criteriaCodes')}>{drivers.map(([code]) => `${code}: ${criterion(code)}`).join('; ')}</HelpCodes>
        </>
      )}
      {changed.length > 0 && (
        <TableScroll label={t('matching.replay.changesCaption')}>
          <Table className="tr-table">
            <Table.Caption>{t('matching.replay.changesCaption')}</Table.Caption>
            <Table.Header><Table.Row><Table.HeaderCell>{t('matching.replay.proposalN')}</Table.HeaderCell><Table.HeaderCell>{t('matching.replay.what')}</Table.HeaderCell><Table.HeaderCell>{t('matching.replay.by')}</Table.HeaderCell></Table.Row></Table.Header>
            <Table.Body>
              {changed.slice(0, 200).map((x, i) => (
                <Table.Row key={x.proposalId}>
                  <Table.Cell>{i + 1}</Table.Cell>
                  <Table.Cell>
                    {[
                      x.rankingChanged ? t('matching.replay.rankingChanged') : null,
                      x.proposalChanged ? t('matching.replay.proposalChanged') : null,
                      x.chosen && x.choiceAffected ? (x.chosen.stillProposed ? t('matching.replay.chosenMoved', { from: x.chosen.oldRank ?? '—', to: x.chosen.newRank ?? '—' }) : t('matching.replay.chosenDropped')) : null,
                    ].filter(Boolean).join(' ')}
                  </Table.Cell>
                  <Table.Cell>{x.drivers.map(criterion).join(', ') || '—'}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
    </div>
  );
}
