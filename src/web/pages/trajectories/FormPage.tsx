/**
 * One generic page for every three-party form (F-1 … F-4): rendered from the definition that
 * comes with the form (sections, fields by type, showIf conditions, "n.v.t."), completeness per
 * section, save as draft, submit, the signature panel (three parties; who signed which version;
 * stale signatures marked), PDF and attachments. No page per form.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useLocation, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Alert, Breadcrumb, Button, Column, Heading, Link, Paragraph, Row, Table } from '@amsterdam/design-system-react';
import { canonicalJson } from '../../../domain/forms/signatures.ts';
import { displayForm } from '../../../domain/forms/display.ts';
import { isFieldVisible, pruneHiddenFields, type FormDefinition } from '../../../domain/forms/model.ts';
import { validateForm } from '../../../domain/forms/validate.ts';
import { api } from '../../api/client.ts';
import type { FormView } from '../../api/types.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { RouterLink } from '../../components/RouterLink.tsx';
import { ErrorSummary, plainMessage, useSubmitting, type FieldErrors } from '../../components/forms.tsx';
import { ConflictAlert, isConflict } from '../../components/ConflictAlert.tsx';
import { Loading, ProblemAlert } from '../../components/status.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { useAnnounce } from '../../components/Announcer.tsx';
import { useResource } from '../../lib/useResource.ts';
import { useLang } from '../../i18n/useLang.ts';
import { StatusText, violationErrors, violationsOf } from './common.tsx';
import { FormFieldInput, SectionHelp, fieldLabel, sharedRule, storedValue } from './FormFields.tsx';
import { SignaturePanel } from './SignaturePanel.tsx';
import { Attachments } from './Attachments.tsx';

const FORM = 'formulier';
type Data = Record<string, unknown>;

const fieldOf = (pointer: string) => {
  const parts = pointer.split('/').filter(Boolean);
  return parts[0] === 'data' && parts[1] ? parts[1] : '$root';
};

function changedFields(def: FormDefinition, base: Data, mine: Data): Data {
  const out: Data = {};
  for (const s of def.sections) {
    for (const f of s.fields) {
      if (f.readOnly) continue;
      const now = storedValue(f, mine[f.id]);
      const before = storedValue(f, base[f.id]);
      if (canonicalJson(now ?? null) !== canonicalJson(before ?? null)) out[f.id] = now;
    }
  }
  return out;
}

export function FormPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const lang = useLang();
  const location = useLocation();
  const announce = useAnnounce();
  const res = useResource<FormView>(`/forms/${id}`, { lang });
  const [form, setForm] = useState<FormView | null>(null);
  const [base, setBase] = useState<Data>({});
  const [values, setValues] = useState<Data>({});
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [problem, setProblem] = useState<unknown>(null);
  const [notice, setNotice] = useState<'saved' | 'submitted' | 'mine_kept' | 'latest_loaded' | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const { pending, run } = useSubmitting();

  useEffect(() => {
    if (res.data && (!form || res.data.id !== form.id || res.data.version !== form.version || res.data.status !== form.status)) {
      setForm(res.data);
      setBase(res.data.data);
      setValues(res.data.data);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [res.data]);
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const def = form?.definition ?? null;
  const editable = !!form && form.viewer === 'care_provider' && form.copy === 'full' && form.status !== 'final';
  const dirty = useMemo(() => (def ? Object.keys(changedFields(def, base, values)).length > 0 : false), [def, base, values]);
  const progress = useMemo(() => {
    if (!def) return null;
    const stored: Data = {};
    for (const f of def.sections.flatMap((s) => s.fields)) {
      const v = storedValue(f, values[f.id]);
      if (v !== null) stored[f.id] = v;
    }
    return validateForm(def, pruneHiddenFields(def, stored), 'submit');
  }, [def, values]);

  const adopt = (view: FormView) => {
    setForm(view);
    setBase(view.data);
    setValues(view.data);
    res.set(view, String(view.version));
  };

  const fail = (err: unknown) => {
    const list = violationsOf(err);
    if (list.length && !isConflict(err)) {
      // Under the field and in the summary the message reads in words: its codes and repeated field name left out.
      setErrors(Object.fromEntries(Object.entries(violationErrors(list, fieldOf)).map(([k, m]) => [k, { nl: plainMessage(m.nl), en: plainMessage(m.en) }])));
      setAttempt((a) => a + 1);
    } else setProblem(err);
  };

  const save = async (): Promise<FormView | null> => {
    if (!form || !def) return null;
    const patch = changedFields(def, base, values);
    if (Object.keys(patch).length === 0) return form;
    const r = await api.patch<FormView>(`/forms/${form.id}`, { data: patch }, { ifMatch: form.version });
    adopt(r.data);
    return r.data;
  };

  const onSave = () =>
    run(async () => {
      setProblem(null);
      setErrors({});
      setNotice(null);
      try {
        await save();
        setNotice('saved');
        announce(t('formPage.saved'));
      } catch (err) {
        fail(err);
      }
    });

  const onSubmit = () =>
    run(async () => {
      setProblem(null);
      setErrors({});
      setNotice(null);
      try {
        const current = await save();
        if (!current) return;
        const r = await api.post<FormView>(`/forms/${current.id}/submit`, {}, { ifMatch: current.version });
        adopt(r.data);
        setNotice('submitted');
        announce(t('formPage.submitted'));
      } catch (err) {
        fail(err);
      }
    });

  /** After a 412: the newest version, with my changed fields on top (keepMine) or without them. */
  const loadLatest = async (keepMine: boolean) => {
    const latest = await res.reload();
    if (!latest || !def) return;
    const mine = changedFields(def, base, values);
    setForm(latest);
    setBase(latest.data);
    setValues(keepMine ? { ...latest.data, ...mine } : latest.data);
    setProblem(null);
    setNotice(keepMine ? 'mine_kept' : 'latest_loaded');
  };

  const title = form ? form.title[lang] : t('formPage.title');
  const labels: Record<string, string> = def ? Object.fromEntries(def.sections.flatMap((s) => s.fields).map((f) => [f.id, fieldLabel(f, lang)])) : {};
  labels.$root = t('formPage.wholeForm');

  return (
    <Column gap="large">
      <Breadcrumb accessibleName={t('common.breadcrumb')}>
        <Breadcrumb.Link href="/clienten" linkComponent={RouterLink}>
          {t('clients.title')}
        </Breadcrumb.Link>
        {form && (
          <Breadcrumb.Link href={`/trajecten/${form.trajectoryId}`} linkComponent={RouterLink}>
            {t('formPage.backToCase')}
          </Breadcrumb.Link>
        )}
      </Breadcrumb>
      <PageHeading title={title}>{title}</PageHeading>
      {(location.state as { saved?: string } | null)?.saved === 'created' && !notice && form?.status === 'draft' && (
        <Alert severity="success" heading={t('formPage.createdHeading')} headingLevel={2} className="tr-alert">
          <Paragraph>{t('formPage.createdDetail')}</Paragraph>
        </Alert>
      )}
      {res.error !== null && !form && <ProblemAlert error={res.error} onRetry={() => void res.reload()} />}
      {res.loading && !form && <Loading />}
      {form && def && (
        <>
          <Paragraph data-testid="form-status">
            <StatusText tone={form.status === 'final' ? 'ok' : form.status === 'submitted' ? 'info' : 'muted'}>{t(`forms.status.${form.status}`)}</StatusText>{' '}
            {t('formPage.statusLine', { version: form.version })}
          </Paragraph>
          {def.purpose && <Paragraph>{def.purpose[lang]}</Paragraph>}
          <Paragraph size="small">{def.privacyNotice[lang]}</Paragraph>
          {form.copy !== 'full' && <Alert heading={t(`forms.copy.${form.copy}`)} headingLevel={2} className="tr-alert"><Paragraph>{t(`formPage.copyDetail.${form.copy}`)}</Paragraph></Alert>}
          {notice && (
            <Alert ref={noticeRef} tabIndex={-1} severity="success" heading={t(`formPage.notice.${notice}`)} headingLevel={2} className="tr-alert" role="status">
              <Paragraph>{t(`formPage.notice.${notice}Detail`)}</Paragraph>
            </Alert>
          )}
          {problem !== null &&
            (isConflict(problem) ? <ConflictAlert error={problem} onKeepMine={() => void loadLatest(true)} onLoadLatest={() => void loadLatest(false)} /> : <ProblemAlert error={problem} />)}
          <ErrorSummary form={FORM} errors={errors} labels={labels} attempt={attempt} />

          <div className="tr-form-layout">
            <div className="tr-form-main">
              {editable ? (
                <form noValidate className="tr-form-sections" onSubmit={(e) => { e.preventDefault(); void onSave(); }} aria-labelledby="page-heading" data-testid="form-renderer">
                  {def.sections.map((s) => {
                    const shown = s.fields.filter((f) => isFieldVisible(def, values, f));
                    if (shown.length === 0) return null;
                    const p = progress?.sections.find((x) => x.id === s.id);
                    return (
                      <section key={s.id} id={`sectie-${s.id}`} className="tr-form-section" aria-labelledby={`sectie-${s.id}-heading`}>
                        <div className="tr-form-section__head">
                          <Heading level={2} size="level-3" id={`sectie-${s.id}-heading`}>
                            {s.title[lang]}
                          </Heading>
                          {p && <SectionStatus complete={p.complete} answered={p.answered} required={p.required} />}
                        </div>
                        {shown.map((f) => (
                          <FormFieldInput key={f.id} form={FORM} field={f} value={values[f.id]} error={errors[f.id]} withHelp={!sharedRule(shown)} onChange={(v) => setValues((d) => ({ ...d, [f.id]: v }))} />
                        ))}
                        {sharedRule(shown) && <SectionHelp fields={shown} />}
                      </section>
                    );
                  })}
                  <Row gap="large" wrap className="tr-sticky-actions">
                    <Button type="submit" variant="secondary" disabled={pending}>
                      {form.status === 'draft' ? t('formPage.saveDraft') : t('formPage.saveNewVersion')}
                    </Button>
                    {form.status === 'draft' && (
                      <Button onClick={() => void onSubmit()} disabled={pending}>
                        {t('formPage.submit')}
                      </Button>
                    )}
                    {dirty && <span className="tr-muted" role="status">{t('formPage.unsaved')}</span>}
                  </Row>
                  {form.status !== 'draft' && <Paragraph size="small">{t('formPage.newVersionHint')}</Paragraph>}
                </form>
              ) : (
                <ReadOnlyForm def={def} data={form.data} />
              )}
            </div>
            <aside className="tr-form-aside tr-section" aria-labelledby="form-aside-heading">
              <Heading level={2} size="level-4" id="form-aside-heading">
                {t('formPage.overview')}
              </Heading>
              {progress && form.copy === 'full' && (
                <ol className="tr-progress-list" aria-label={t('formPage.progress')} data-testid="form-progress">
                  {def.sections.map((s) => {
                    const p = progress.sections.find((x) => x.id === s.id);
                    if (!p || (p.required === 0 && !s.fields.some((f) => isFieldVisible(def, values, f)))) return null;
                    return (
                      <li key={s.id}>
                        <Link href={`#sectie-${s.id}`}>{s.title[lang]}</Link>
                        <SectionStatus complete={p.complete} answered={p.answered} required={p.required} />
                      </li>
                    );
                  })}
                </ol>
              )}
              {progress && form.copy === 'full' && <Paragraph size="small">{progress.complete ? t('formPage.readyToSubmit') : t('formPage.notComplete')}</Paragraph>}
              <ul className="tr-plain-list">
                <li>
                  <Link href={`/api/v1/forms/${form.id}/pdf?lang=${lang}`}>{t('formPage.pdf')}</Link>
                </li>
              </ul>
            </aside>
          </div>

          {form.signatures && form.signatures.requiresSignatures && <SignaturePanel form={form} onSigned={adopt} onReload={() => void res.reload().then((v) => v && adopt(v))} />}
          {form.copy !== 'partial' && <Attachments form={form} />}
        </>
      )}
    </Column>
  );
}

function SectionStatus({ complete, answered, required }: { complete: boolean; answered: number; required: number }) {
  const { t } = useTranslation();
  return complete ? <StatusText tone="ok">{t('formPage.sectionComplete')}</StatusText> : <StatusText tone="warn">{t('formPage.sectionProgress', { answered, required })}</StatusText>;
}

function ReadOnlyForm({ def, data }: { def: FormDefinition; data: Data }) {
  const { t } = useTranslation();
  const lang = useLang();
  const sections = displayForm(def, data, lang);
  return (
    <div className="tr-form-sections" data-testid="form-readonly">
      {sections.map((s) => (
        <section key={s.id} id={`sectie-${s.id}`} className="tr-form-section" aria-labelledby={`sectie-${s.id}-heading`}>
          <Heading level={2} size="level-3" id={`sectie-${s.id}-heading`}>
            {s.title}
          </Heading>
          <dl className="tr-section">
            {s.fields.map((f) => (
              <div key={f.field.id}>
                <dt>
                  <strong>{f.label}</strong> <span className="tr-field-id">{f.field.id}</span>
                </dt>
                <dd className="tr-readonly-answer" style={{ marginInlineStart: 0 }}>
                  {f.answer.kind === 'empty' && <span className="tr-muted">{t('formPage.noAnswer')}</span>}
                  {f.answer.kind === 'text' && f.answer.text}
                  {f.answer.kind === 'table' && (
                    <TableScroll label={f.label}>
                      <Table className="tr-table">
                        <Table.Header>
                          <Table.Row>
                            {f.answer.head.map((h) => (
                              <Table.HeaderCell key={h} scope="col">
                                {h}
                              </Table.HeaderCell>
                            ))}
                          </Table.Row>
                        </Table.Header>
                        <Table.Body>
                          {f.answer.rows.map((r, i) => (
                            <Table.Row key={i}>
                              {r.map((c, j) => (
                                <Table.Cell key={j}>{c}</Table.Cell>
                              ))}
                            </Table.Row>
                          ))}
                        </Table.Body>
                      </Table>
                    </TableScroll>
                  )}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}
