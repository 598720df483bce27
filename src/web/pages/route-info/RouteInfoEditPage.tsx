/** The platform editor changes the texts of the public route page, one phase at a time (If-Match; a 412 keeps the input). */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Breadcrumb, Button, Column, Heading, Paragraph } from '@amsterdam/design-system-react';
import { api } from '../../api/client.ts';
import type { RouteInfoItem } from '../../api/types.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { RouterLink } from '../../components/RouterLink.tsx';
import { ErrorSummary, TextAreaField, TextField, fieldErrorsFromProblem, msg, useSubmitting, type FieldErrors } from '../../components/forms.tsx';
import { ConflictAlert, isConflict } from '../../components/ConflictAlert.tsx';
import { Loading, ProblemAlert } from '../../components/status.tsx';
import { useAnnounce } from '../../components/Announcer.tsx';
import { useResource } from '../../lib/useResource.ts';
import { useLang } from '../../i18n/useLang.ts';
import { CheckboxGroupField } from '../trajectories/common.tsx';

export const ROUTE_ACTORS = ['client', 'care_provider', 'housing_corporation', 'wonen', 'nuisance_hub', 'independent_reviewer'] as const;

export function RouteInfoEditPage() {
  const { t } = useTranslation();
  const info = useResource<{ items: RouteInfoItem[] }>('/route-info');
  return (
    <Column gap="large">
      <Breadcrumb accessibleName={t('common.breadcrumb')}>
        <Breadcrumb.Link href="/route" linkComponent={RouterLink}>
          {t('routeInfo.title')}
        </Breadcrumb.Link>
      </Breadcrumb>
      <PageHeading>{t('routeInfo.editTitle')}</PageHeading>
      <Paragraph>{t('routeInfo.editIntro')}</Paragraph>
      {info.error !== null && <ProblemAlert error={info.error} onRetry={() => void info.reload()} />}
      {info.loading && !info.data && <Loading />}
      {info.data?.items.map((item) => (
        <PhaseEditor key={item.phase} item={item} reloadAll={info.reload} />
      ))}
    </Column>
  );
}

interface Values {
  titleNl: string;
  titleEn: string;
  bodyNl: string;
  bodyEn: string;
  responsible: string[];
}

const valuesOf = (i: RouteInfoItem): Values => ({ titleNl: i.title.nl, titleEn: i.title.en, bodyNl: i.body.nl, bodyEn: i.body.en, responsible: i.responsible });

function PhaseEditor({ item, reloadAll }: { item: RouteInfoItem; reloadAll: () => Promise<{ items: RouteInfoItem[] } | null> }) {
  const { t } = useTranslation();
  const lang = useLang();
  const announce = useAnnounce();
  const [current, setCurrent] = useState(item);
  const [v, setV] = useState<Values>(valuesOf(item));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [problem, setProblem] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const { pending, run } = useSubmitting();
  useEffect(() => setCurrent(item), [item]);
  const f = `route-${item.phase}`;
  const labels = { titleNl: t('routeInfo.titleNl'), titleEn: t('routeInfo.titleEn'), bodyNl: t('routeInfo.bodyNl'), bodyEn: t('routeInfo.bodyEn'), responsible: t('routeInfo.responsible') };
  const set = (k: keyof Values) => (x: string) => setV((s) => ({ ...s, [k]: x }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    setSaved(false);
    const local: FieldErrors = {};
    for (const k of ['titleNl', 'titleEn', 'bodyNl', 'bodyEn'] as const) if (!v[k].trim()) local[k] = msg('form.required');
    setErrors(local);
    setAttempt((a) => a + 1);
    if (Object.keys(local).length) return;
    void run(async () => {
      try {
        const r = await api.put<RouteInfoItem>(`/route-info/${item.phase}`, { title: { nl: v.titleNl, en: v.titleEn }, body: { nl: v.bodyNl, en: v.bodyEn }, responsible: v.responsible }, { ifMatch: current.version });
        setCurrent(r.data);
        setV(valuesOf(r.data));
        setSaved(true);
        announce(t('routeInfo.saved', { phase: r.data.title[lang] }));
      } catch (err) {
        const fields = fieldErrorsFromProblem(err, (p) => ({ '/title/nl': 'titleNl', '/title/en': 'titleEn', '/body/nl': 'bodyNl', '/body/en': 'bodyEn' })[p] ?? 'responsible');
        if (Object.keys(fields).length) setErrors(fields);
        else setProblem(err);
      }
    });
  };

  const keepMine = async () => {
    const all = await reloadAll();
    const latest = all?.items.find((x) => x.phase === item.phase);
    if (latest) setCurrent(latest);
    setProblem(null);
  };
  const loadLatest = async () => {
    const all = await reloadAll();
    const latest = all?.items.find((x) => x.phase === item.phase);
    if (latest) {
      setCurrent(latest);
      setV(valuesOf(latest));
    }
    setProblem(null);
  };

  return (
    <form noValidate onSubmit={submit} className="tr-form tr-panel" aria-labelledby={`${f}-heading`} id={`bewerk-${item.phase}`}>
      <Heading level={2} size="level-3" id={`${f}-heading`}>
        {item.phase.slice(0, 2)} · {current.title[lang]}
      </Heading>
      {saved && (
        <Alert severity="success" heading={t('routeInfo.savedHeading')} headingLevel={3} className="tr-alert" role="status">
          <Paragraph>{t('common.version', { version: current.version })}</Paragraph>
        </Alert>
      )}
      {problem !== null && (isConflict(problem) ? <ConflictAlert error={problem} onKeepMine={() => void keepMine()} onLoadLatest={() => void loadLatest()} /> : <ProblemAlert error={problem} headingLevel={3} />)}
      <ErrorSummary form={f} errors={errors} labels={labels} attempt={attempt} />
      <TextField form={f} name="titleNl" label={labels.titleNl} value={v.titleNl} onChange={set('titleNl')} error={errors.titleNl} />
      <TextAreaField form={f} name="bodyNl" label={labels.bodyNl} value={v.bodyNl} onChange={set('bodyNl')} error={errors.bodyNl} rows={5} />
      <TextField form={f} name="titleEn" label={labels.titleEn} value={v.titleEn} onChange={set('titleEn')} error={errors.titleEn} />
      <TextAreaField form={f} name="bodyEn" label={labels.bodyEn} value={v.bodyEn} onChange={set('bodyEn')} error={errors.bodyEn} rows={5} />
      <CheckboxGroupField form={f} name="responsible" label={labels.responsible} values={v.responsible} onChange={(x) => setV((s) => ({ ...s, responsible: x }))} error={errors.responsible} optional choices={ROUTE_ACTORS.map((a) => ({ value: a, label: t(`routeInfo.actors.${a}`) }))} />
      <Button type="submit" disabled={pending}>
        {t('routeInfo.save', { phase: item.phase.slice(0, 2) })}
      </Button>
    </form>
  );
}
