/**
 * "Doelgroepen": the target groups as reference data (R-MO-01) with labels, the
 * counts-toward-agreement flag (R-MO-42) and validity; the programme edits them (If-Match).
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Column, Heading, Paragraph, Table } from '@amsterdam/design-system-react';
import { api } from '../../api/client.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { SortHeaderCell, dateKey, useSort } from '../../components/SortableTable.tsx';
import { CheckboxField, ErrorSummary, SelectField, TextField, fieldErrorsFromProblem, msg, orNull, useSubmitting, type FieldErrors } from '../../components/forms.tsx';
import { ConflictAlert, isConflict } from '../../components/ConflictAlert.tsx';
import { Loading, ProblemAlert } from '../../components/status.tsx';
import { useAnnounce } from '../../components/Announcer.tsx';
import { useResource } from '../../lib/useResource.ts';
import { formatDate } from '../../lib/format.ts';
import { useLang } from '../../i18n/useLang.ts';
import { useSession } from '../../session/SessionContext.tsx';
import { can } from '../../session/policy.ts';
import { MAIN_GROUP_LABELS } from '../../../domain/monitor/model.ts';
import { AgreementsLinks, MAIN_GROUPS, type TargetGroup } from './common.tsx';

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

export function TargetGroupsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { session } = useSession();
  const list = useResource<{ items: TargetGroup[] }>('/target-groups');
  const [editing, setEditing] = useState<string | null>(null);
  const mayManage = can(session, 'target_group.manage');
  const editingGroup = list.data?.items.find((g) => g.code === editing) ?? null;
  const sort = useSort(list.data?.items, {
    label: (g: TargetGroup) => g.label[lang],
    code: (g: TargetGroup) => g.code,
    mainGroup: (g: TargetGroup) => `${g.mainGroup} ${g.hierarchyId ?? ''}`,
    counts: (g: TargetGroup) => !g.countsTowardAgreement,
    validity: (g: TargetGroup) => dateKey(g.validFrom),
  });

  return (
    <Column gap="large">
      <PageHeading>{t('agreements.targetGroups.title')}</PageHeading>
      <Paragraph>{t('agreements.targetGroups.intro')}</Paragraph>
      <AgreementsLinks current="targetGroups" />
      {list.error !== null && <ProblemAlert error={list.error} onRetry={() => void list.reload()} />}
      {list.loading && !list.data && <Loading />}
      {list.data && (
        <TableScroll label={t('agreements.targetGroups.caption')}>
          <Table className="tr-table">
            <Table.Caption>{t('agreements.targetGroups.caption')}</Table.Caption>
            <Table.Header>
              <Table.Row>
                <SortHeaderCell sort={sort} column="label">{t('agreements.targetGroups.label')}</SortHeaderCell>
                <SortHeaderCell sort={sort} column="code">{t('agreements.targetGroups.code')}</SortHeaderCell>
                <SortHeaderCell sort={sort} column="mainGroup">{t('agreements.mainGroup')}</SortHeaderCell>
                <SortHeaderCell sort={sort} column="counts">{t('agreements.targetGroups.counts')}</SortHeaderCell>
                <SortHeaderCell sort={sort} column="validity">{t('agreements.targetGroups.validity')}</SortHeaderCell>
                {mayManage && <Table.HeaderCell scope="col">{t('agreements.targetGroups.action')}</Table.HeaderCell>}
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {sort.rows.map((g) => (
                <Table.Row key={g.code}>
                  <Table.HeaderCell scope="row">{g.label[lang]}</Table.HeaderCell>
                  <Table.Cell className="tr-code">{g.code}</Table.Cell>
                  <Table.Cell>{`${g.mainGroup}${g.hierarchyId ? ` (${g.hierarchyId})` : ''}`}</Table.Cell>
                  <Table.Cell>{g.countsTowardAgreement ? t('common.yes') : t('agreements.targetGroups.outside')}</Table.Cell>
                  <Table.Cell className="tr-nowrap">{g.validTo ? `${formatDate(g.validFrom, lang)} – ${formatDate(g.validTo, lang)}` : t('agreements.targetGroups.from', { date: formatDate(g.validFrom, lang) })}</Table.Cell>
                  {mayManage && (
                    <Table.Cell>
                      <Button variant="tertiary" onClick={() => setEditing(g.code)} aria-controls={editingGroup ? EDIT : undefined}>
                        {t('agreements.targetGroups.edit', { name: g.label[lang] })}
                      </Button>
                    </Table.Cell>
                  )}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
      {mayManage && editingGroup && (
        <EditTargetGroup key={`${editingGroup.code}-${editingGroup.version}`} group={editingGroup} onDone={() => { setEditing(null); void list.reload(); }} onReload={() => void list.reload()} />
      )}
      {mayManage && <NewTargetGroup onCreated={() => void list.reload()} />}
    </Column>
  );
}

const EDIT = 'target-group-edit';

function EditTargetGroup({ group, onDone, onReload }: { group: TargetGroup; onDone: () => void; onReload: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const announce = useAnnounce();
  const [v, setV] = useState({ nl: group.label.nl, en: group.label.en, counts: group.countsTowardAgreement, validFrom: group.validFrom, validTo: group.validTo ?? '', sortOrder: String(group.sortOrder) });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [problem, setProblem] = useState<unknown>(null);
  const { pending, run } = useSubmitting();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Opening the editor moves focus to its heading (once, not on every keystroke).
  useEffect(() => headingRef.current?.focus(), []);
  const labels = { nl: t('agreements.targetGroups.labelNl'), en: t('agreements.targetGroups.labelEn'), validFrom: t('agreements.targetGroups.validFrom'), validTo: t('agreements.targetGroups.validTo'), sortOrder: t('agreements.targetGroups.sortOrder') };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    const local: FieldErrors = {};
    if (!v.nl.trim()) local.nl = msg('form.required');
    if (!v.en.trim()) local.en = msg('form.required');
    if (!DATE_RE.test(v.validFrom)) local.validFrom = msg('agreements.dateInvalid');
    if (v.validTo.trim() && !DATE_RE.test(v.validTo.trim())) local.validTo = msg('agreements.dateInvalid');
    if (!/^-?\d{1,6}$/.test(v.sortOrder.trim())) local.sortOrder = msg('agreements.countInvalid');
    setErrors(local);
    setAttempt((a) => a + 1);
    if (Object.keys(local).length) return;
    void run(async () => {
      try {
        await api.patch(`/target-groups/${group.code}`, {
          label: { nl: v.nl.trim(), en: v.en.trim() }, countsTowardAgreement: v.counts, validFrom: v.validFrom, validTo: orNull(v.validTo), sortOrder: Number(v.sortOrder.trim()),
        }, { ifMatch: group.version });
        announce(t('agreements.targetGroups.saved', { name: v[lang] }));
        onDone();
      } catch (err) {
        const fields = fieldErrorsFromProblem(err);
        if (Object.keys(fields).length) setErrors(fields);
        else setProblem(err);
        setAttempt((a) => a + 1);
      }
    });
  };

  return (
    <section aria-labelledby={`${EDIT}-heading`} className="tr-section" id={EDIT}>
      <Heading level={2} id={`${EDIT}-heading`} className="tr-section-heading" tabIndex={-1} ref={headingRef}>
        {t('agreements.targetGroups.editHeading', { name: group.label[lang] })}
      </Heading>
      {isConflict(problem) ? <ConflictAlert error={problem} onLoadLatest={onReload} /> : problem !== null && <ProblemAlert error={problem} headingLevel={3} />}
      <ErrorSummary form={EDIT} errors={errors} labels={labels} attempt={attempt} />
      <form noValidate onSubmit={submit} className="tr-form" aria-labelledby={`${EDIT}-heading`}>
        <TextField form={EDIT} name="nl" label={labels.nl} value={v.nl} onChange={(x) => setV((s) => ({ ...s, nl: x }))} error={errors.nl} />
        <TextField form={EDIT} name="en" label={labels.en} value={v.en} onChange={(x) => setV((s) => ({ ...s, en: x }))} error={errors.en} />
        <CheckboxField form={EDIT} name="counts" label={t('agreements.targetGroups.countsLabel')} checked={v.counts} onChange={(x) => setV((s) => ({ ...s, counts: x }))} />
        <TextField form={EDIT} name="validFrom" label={labels.validFrom} hint={t('agreements.dateHint')} value={v.validFrom} onChange={(x) => setV((s) => ({ ...s, validFrom: x }))} error={errors.validFrom} size={12} />
        <TextField form={EDIT} name="validTo" label={labels.validTo} optional hint={t('agreements.dateHint')} value={v.validTo} onChange={(x) => setV((s) => ({ ...s, validTo: x }))} error={errors.validTo} size={12} />
        <TextField form={EDIT} name="sortOrder" label={labels.sortOrder} inputMode="numeric" value={v.sortOrder} onChange={(x) => setV((s) => ({ ...s, sortOrder: x }))} error={errors.sortOrder} size={6} />
        <Button type="submit" disabled={pending}>{t('common.save')}</Button>{' '}
        <Button type="button" variant="secondary" onClick={onDone}>{t('common.cancel')}</Button>
      </form>
    </section>
  );
}

const NEW = 'target-group-new';

function NewTargetGroup({ onCreated }: { onCreated: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [v, setV] = useState({ code: '', mainGroup: 'MG-1', nl: '', en: '', counts: true, validFrom: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [problem, setProblem] = useState<unknown>(null);
  const [created, setCreated] = useState<string | null>(null);
  const { pending, run } = useSubmitting();
  const labels = { code: t('agreements.targetGroups.code'), mainGroup: t('agreements.mainGroup'), nl: t('agreements.targetGroups.labelNl'), en: t('agreements.targetGroups.labelEn'), validFrom: t('agreements.targetGroups.validFrom') };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    setCreated(null);
    const local: FieldErrors = {};
    if (!/^[a-z][a-z0-9_]{1,39}$/.test(v.code.trim())) local.code = msg('agreements.targetGroups.codeInvalid');
    if (!v.nl.trim()) local.nl = msg('form.required');
    if (!v.en.trim()) local.en = msg('form.required');
    if (v.validFrom.trim() && !DATE_RE.test(v.validFrom.trim())) local.validFrom = msg('agreements.dateInvalid');
    setErrors(local);
    setAttempt((a) => a + 1);
    if (Object.keys(local).length) return;
    void run(async () => {
      try {
        await api.post('/target-groups', {
          code: v.code.trim(), mainGroup: v.mainGroup, label: { nl: v.nl.trim(), en: v.en.trim() }, countsTowardAgreement: v.counts,
          ...(v.validFrom.trim() ? { validFrom: v.validFrom.trim() } : {}),
        });
        setCreated(v[lang].trim());
        setV({ code: '', mainGroup: 'MG-1', nl: '', en: '', counts: true, validFrom: '' });
        onCreated();
      } catch (err) {
        const fields = fieldErrorsFromProblem(err);
        if (Object.keys(fields).length) setErrors(fields);
        else setProblem(err);
        setAttempt((a) => a + 1);
      }
    });
  };

  return (
    <section aria-labelledby={`${NEW}-heading`} className="tr-section">
      <Heading level={2} id={`${NEW}-heading`} className="tr-section-heading">
        {t('agreements.targetGroups.newHeading')}
      </Heading>
      {created && (
        <Alert severity="success" headingLevel={3} heading={t('agreements.targetGroups.created', { name: created })} className="tr-alert">
          <Paragraph>{t('agreements.targetGroups.createdText')}</Paragraph>
        </Alert>
      )}
      {problem !== null && <ProblemAlert error={problem} headingLevel={3} />}
      <ErrorSummary form={NEW} errors={errors} labels={labels} attempt={attempt} />
      <form noValidate onSubmit={submit} className="tr-form" aria-labelledby={`${NEW}-heading`}>
        <TextField form={NEW} name="code" label={labels.code} hint={t('agreements.targetGroups.codeHint')} value={v.code} onChange={(x) => setV((s) => ({ ...s, code: x }))} error={errors.code} spellCheck={false} />
        <SelectField form={NEW} name="mainGroup" label={labels.mainGroup} value={v.mainGroup} onChange={(x) => setV((s) => ({ ...s, mainGroup: x }))} options={MAIN_GROUPS.map((g) => ({ value: g, label: `${g} ${MAIN_GROUP_LABELS[g][lang]}` }))} />
        <TextField form={NEW} name="nl" label={labels.nl} value={v.nl} onChange={(x) => setV((s) => ({ ...s, nl: x }))} error={errors.nl} />
        <TextField form={NEW} name="en" label={labels.en} value={v.en} onChange={(x) => setV((s) => ({ ...s, en: x }))} error={errors.en} />
        <CheckboxField form={NEW} name="counts" label={t('agreements.targetGroups.countsLabel')} checked={v.counts} onChange={(x) => setV((s) => ({ ...s, counts: x }))} />
        <TextField form={NEW} name="validFrom" label={labels.validFrom} optional hint={t('agreements.dateHint')} value={v.validFrom} onChange={(x) => setV((s) => ({ ...s, validFrom: x }))} error={errors.validFrom} size={12} />
        <Button type="submit" disabled={pending}>{t('agreements.targetGroups.add')}</Button>
      </form>
    </section>
  );
}
