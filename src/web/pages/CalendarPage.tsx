import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Column, DateInput, DescriptionList, ErrorMessage, Field, Heading, Label, OrderedList, Paragraph, Row, Select, Table } from '@amsterdam/design-system-react';
import { PERIOD_UNITS } from '../../domain/calendar/calendar.ts';
import { api } from '../api/client.ts';
import type { DueResult, NonWorkingDay } from '../api/types.ts';
import { useSession } from '../session/SessionContext.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { CheckboxField, ErrorSummary, SelectField, TextField, fieldErrorsFromProblem, inputId, msg, useSubmitting, type FieldErrors } from '../components/forms.tsx';
import { Loading, ProblemAlert } from '../components/status.tsx';
import { useAnnounce } from '../components/Announcer.tsx';
import { useResource } from '../lib/useResource.ts';
import { formatDate, todayIso } from '../lib/format.ts';
import { useLang } from '../i18n/useLang.ts';
import { TableScroll } from '../components/TableScroll.tsx';
import { SortHeaderCell, dateKey, useSort } from '../components/SortableTable.tsx';

const FORM = 'due';

export function CalendarPage() {
  const { t } = useTranslation();
  return (
    <Column gap="large">
      <PageHeading>{t('calendar.title')}</PageHeading>
      <Paragraph>{t('calendar.intro')}</Paragraph>
      <DueCalculator />
      <Holidays />
    </Column>
  );
}

function Holidays() {
  const { t } = useTranslation();
  const lang = useLang();
  const { activeMembership } = useSession();
  const announce = useAnnounce();
  const thisYear = Number(todayIso().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const days = useResource<NonWorkingDay[]>('/calendar/holidays', { year, organisationId: activeMembership?.organisationId });
  const count = days.data?.length;
  useEffect(() => {
    if (count !== undefined && !days.loading) announce(t('calendar.holidaysLoaded', { count, year }));
  }, [count, days.loading, year, announce, t]);
  const sort = useSort(days.data, {
    date: (d: NonWorkingDay) => dateKey(d.date),
    name: (d: NonWorkingDay) => (lang === 'en' ? d.nameEn : d.name),
    kind: (d: NonWorkingDay) => t(`calendar.kinds.${d.kind}`, { defaultValue: d.kind }),
  });
  const years = Array.from({ length: 7 }, (_, i) => thisYear - 2 + i);

  return (
    <section aria-labelledby="holidays-heading" className="tr-section">
      <Heading level={2} id="holidays-heading" className="tr-section-heading">
        {t('calendar.holidaysHeading')}
      </Heading>
      <Paragraph>{t('calendar.holidaysIntro')}</Paragraph>
      <Field className="tr-inline-field">
        <Label htmlFor="holiday-year">{t('calendar.year')}</Label>
        <Select id="holiday-year" value={String(year)} onChange={(e) => setYear(Number(e.target.value))} aria-controls="holidays-table">
          {years.map((y) => (
            <Select.Option key={y} value={String(y)}>
              {y}
            </Select.Option>
          ))}
        </Select>
      </Field>
      {days.error !== null && <ProblemAlert error={days.error} onRetry={() => void days.reload()} headingLevel={3} />}
      {days.loading && !days.data && <Loading />}
      {days.data && (
        <TableScroll label={t('calendar.holidaysCaption', { year, count: days.data.length })}>
          <Table className="tr-table" id="holidays-table" aria-busy={days.loading || undefined}>
            <Table.Caption>{t('calendar.holidaysCaption', { year, count: days.data.length })}</Table.Caption>
            <Table.Header>
              <Table.Row>
                <SortHeaderCell sort={sort} column="date">{t('calendar.date')}</SortHeaderCell>
                <SortHeaderCell sort={sort} column="name">{t('calendar.name')}</SortHeaderCell>
                <SortHeaderCell sort={sort} column="kind">{t('calendar.kind')}</SortHeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {sort.rows.map((d) => (
                <Table.Row key={`${d.date}-${d.name}`}>
                  <Table.Cell className="tr-nowrap">{formatDate(d.date, lang, 'long')}</Table.Cell>
                  <Table.Cell>{lang === 'en' ? d.nameEn : d.name}</Table.Cell>
                  <Table.Cell>{t(`calendar.kinds.${d.kind}`, { defaultValue: d.kind })}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
    </section>
  );
}

function DueCalculator() {
  const { t } = useTranslation();
  const lang = useLang();
  const { activeMembership } = useSession();
  const announce = useAnnounce();
  const [values, setValues] = useState({ start: todayIso(), amount: '10', unit: 'working_days', withClosingDays: true });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const [result, setResult] = useState<DueResult | null>(null);
  const { pending, run } = useSubmitting();
  const resultRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    const local: FieldErrors = {};
    if (!/^\d{4}-\d{2}-\d{2}$/.test(values.start)) local.start = msg('calendar.startInvalid');
    if (!/^\d{1,5}$/.test(values.amount.trim())) local.amount = msg('calendar.amountInvalid');
    setErrors(local);
    setAttempt((a) => a + 1);
    if (Object.keys(local).length) return;
    void run(async () => {
      try {
        const res = await api.get<DueResult>('/calendar/due', {
          query: {
            start: values.start,
            amount: Number(values.amount.trim()),
            unit: values.unit,
            organisationId: values.withClosingDays ? activeMembership?.organisationId : undefined,
          },
        });
        setResult(res.data);
        announce(t('calendar.dueAnnounce', { date: formatDate(res.data.due, lang, 'long') }));
      } catch (err) {
        setResult(null);
        const fields = fieldErrorsFromProblem(err);
        if (Object.keys(fields).length) setErrors(fields);
        else setProblem(err);
      }
    });
  };

  const unitLabel = (u: string, n: number) => t(`calendar.unitsCount.${u}`, { count: n });
  return (
    <section aria-labelledby="due-heading" className="tr-section">
      <Heading level={2} id="due-heading" className="tr-section-heading">
        {t('calendar.dueHeading')}
      </Heading>
      <Paragraph>{t('calendar.dueIntro')}</Paragraph>
      {problem !== null && <ProblemAlert error={problem} headingLevel={3} />}
      <ErrorSummary form={FORM} errors={errors} labels={{ start: t('calendar.start'), amount: t('calendar.amount'), unit: t('calendar.unit') }} attempt={attempt} />
      <form noValidate onSubmit={submit} className="tr-form" aria-labelledby="due-heading">
        <Row wrap alignVertical="end" gap="large">
          <Field invalid={!!errors.start}>
            <Label htmlFor={inputId(FORM, 'start')}>{t('calendar.start')}</Label>
            {errors.start && (
              <ErrorMessage id={`${inputId(FORM, 'start')}-error`} prefix={t('form.errorPrefix')}>
                {errors.start[lang]}
              </ErrorMessage>
            )}
            <DateInput
              id={inputId(FORM, 'start')}
              value={values.start}
              onChange={(e) => setValues((s) => ({ ...s, start: e.target.value }))}
              invalid={!!errors.start}
              aria-describedby={errors.start ? `${inputId(FORM, 'start')}-error` : undefined}
              aria-required
            />
          </Field>
          <TextField form={FORM} name="amount" label={t('calendar.amount')} value={values.amount} onChange={(v) => setValues((s) => ({ ...s, amount: v }))} inputMode="numeric" error={errors.amount} size={6} className="tr-narrow-field" />
          <SelectField
            form={FORM}
            name="unit"
            label={t('calendar.unit')}
            value={values.unit}
            onChange={(v) => setValues((s) => ({ ...s, unit: v }))}
            options={PERIOD_UNITS.map((u) => ({ value: u, label: t(`calendar.units.${u}`) }))}
            error={errors.unit}
          />
        </Row>
        {activeMembership && (
          <CheckboxField
            form={FORM}
            name="withClosingDays"
            label={t('calendar.withClosingDays', { organisation: activeMembership.organisationName })}
            checked={values.withClosingDays}
            onChange={(v) => setValues((s) => ({ ...s, withClosingDays: v }))}
          />
        )}
        <Row>
          <Button type="submit" disabled={pending}>
            {t('calendar.calculate')}
          </Button>
        </Row>
      </form>
      {result && (
        <Alert ref={resultRef} tabIndex={-1} severity="success" heading={t('calendar.dueResult', { date: formatDate(result.due, lang, 'long') })} headingLevel={3} className="tr-alert" data-testid="due-result">
          <DescriptionList termsWidth="medium">
            <DescriptionList.Term>{t('calendar.start')}</DescriptionList.Term>
            <DescriptionList.Description>{formatDate(result.start, lang, 'long')}</DescriptionList.Description>
            <DescriptionList.Term>{t('calendar.period')}</DescriptionList.Term>
            <DescriptionList.Description>{unitLabel(result.unit, result.amount)}</DescriptionList.Description>
            <DescriptionList.Term>{t('calendar.unadjusted')}</DescriptionList.Term>
            <DescriptionList.Description>{formatDate(result.unadjustedDue, lang, 'long')}</DescriptionList.Description>
            <DescriptionList.Term>{t('calendar.due')}</DescriptionList.Term>
            <DescriptionList.Description>
              <strong>{formatDate(result.due, lang, 'long')}</strong>
            </DescriptionList.Description>
          </DescriptionList>
          {result.adjustments.length === 0 ? (
            <Paragraph>{result.unit === 'working_days' ? t('calendar.noAdjustmentsWorkingDays') : t('calendar.noAdjustments')}</Paragraph>
          ) : (
            <>
              <Heading level={4} size="level-5">
                {t('calendar.adjustmentsHeading')}
              </Heading>
              <OrderedList>
                {result.adjustments.map((a, i) => (
                  <OrderedList.Item key={i}>
                    <strong>{t(`calendar.rules.${a.rule}`, { defaultValue: a.rule })}</strong>: {lang === 'en' ? a.reasonEn : a.reason}
                  </OrderedList.Item>
                ))}
              </OrderedList>
            </>
          )}
        </Alert>
      )}
    </section>
  );
}
