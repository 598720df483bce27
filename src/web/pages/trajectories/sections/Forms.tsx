/**
 * The forms of the case the viewer may see, with status, completeness and signatures; a new form is
 * offered only when the server says it may be started now (`start`: phase, consent, party, open forms),
 * and otherwise the reason is said in words ("Nog niet mogelijk: …").
 */
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ActionGroup, Button, Link, Paragraph, Table } from '@amsterdam/design-system-react';
import { FORM_DEFINITIONS } from '../../../../domain/forms/definitions.ts';
import { PARTY_LABELS } from '../../../../domain/forms/signatures.ts';
import type { SignatureParty } from '../../../../domain/forms/model.ts';
import { api } from '../../../api/client.ts';
import type { FormListItem, FormStartOption, FormView } from '../../../api/types.ts';
import { RouterLink } from '../../../components/RouterLink.tsx';
import { ProblemAlert } from '../../../components/status.tsx';
import { TableScroll } from '../../../components/TableScroll.tsx';
import { useSubmitting } from '../../../components/forms.tsx';
import { useLang } from '../../../i18n/useLang.ts';
import { StatusText, useDate, type CaseAbilities } from '../common.tsx';

/** Refusals that are not the user's to solve (another party fills in the form): not shown. */
const NOT_FOR_YOU = new Set(['care_provider_fills_in', 'personal_supervisor_fills_in']);

export function FormsSection({ trajectoryId, forms, creatable, start = [], abilities }: { trajectoryId: string; forms: FormListItem[]; creatable: string[]; start?: FormStartOption[]; abilities: CaseAbilities }) {
  const { t } = useTranslation();
  const lang = useLang();
  const date = useDate();
  const navigate = useNavigate();
  const [problem, setProblem] = useState<unknown>(null);
  const { pending, run } = useSubmitting();
  const create = (kind: string) =>
    run(async () => {
      setProblem(null);
      try {
        const res = await api.post<FormView>(`/trajectories/${trajectoryId}/forms`, { kind });
        navigate(`/formulieren/${res.data.id}`, { state: { saved: 'created' } });
      } catch (err) {
        setProblem(err);
      }
    });
  return (
    <>
      {problem !== null && <ProblemAlert error={problem} headingLevel={3} />}
      {forms.length === 0 ? (
        <Paragraph>{t('forms.none')}</Paragraph>
      ) : (
        <TableScroll label={t('forms.caption')}>
          <Table className="tr-table" data-testid="forms-table">
            <Table.Caption className="ams-visually-hidden">{t('forms.caption')}</Table.Caption>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('forms.form')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('forms.statusColumn')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('forms.completeness')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('forms.signatures')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('forms.updatedAt')}</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {forms.map((f) => (
                <Table.Row key={f.id} data-kind={f.kind}>
                  <Table.Cell>
                    <Link href={`/formulieren/${f.id}`} linkComponent={RouterLink}>
                      {f.title[lang]}
                    </Link>
                    {f.copy !== 'full' && <span className="tr-cell-line tr-muted">{t(`forms.copy.${f.copy}`)}</span>}
                  </Table.Cell>
                  <Table.Cell>
                    <StatusText tone={f.status === 'final' ? 'ok' : f.status === 'submitted' ? 'info' : 'muted'}>{t(`forms.status.${f.status}`)}</StatusText>
                    <span className="tr-cell-line tr-muted">{t('common.version', { version: f.version })}</span>
                  </Table.Cell>
                  <Table.Cell>
                    {f.sections ? t('forms.sectionsComplete', { done: f.sections.filter((s) => s.complete).length, total: f.sections.length }) : '—'}
                  </Table.Cell>
                  <Table.Cell>
                    {!f.signatures || !f.signatures.requiresSignatures
                      ? t('forms.noSignatures')
                      : f.signatures.final
                        ? t('forms.allSigned')
                        : t('forms.signedBy', { parties: f.signatures.signed.length ? f.signatures.signed.map((p) => PARTY_LABELS[p as SignatureParty][lang]).join(', ') : t('forms.nobody') })}
                  </Table.Cell>
                  <Table.Cell className="tr-nowrap">{date(f.updatedAt.slice(0, 10))}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
      {abilities.can('form.write') && <NotYet start={start} />}
      {abilities.active && creatable.length > 0 && abilities.can('form.write') && (
        <ActionGroup>
          {creatable.map((k) => (
            <Button key={k} variant="secondary" disabled={pending} onClick={() => void create(k)}>
              {t('forms.create', { form: FORM_DEFINITIONS[k as keyof typeof FORM_DEFINITIONS].title[lang] })}
            </Button>
          ))}
        </ActionGroup>
      )}
    </>
  );
}

/** Why the forms that cannot be started yet cannot, in words; one sentence when the reason is the same for all. */
function NotYet({ start }: { start: FormStartOption[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const blocked = start.filter((o) => !o.mayStart && o.reason && !NOT_FOR_YOU.has(o.reason.code));
  if (blocked.length === 0) return null;
  const reasons = [...new Set(blocked.map((o) => o.reason![lang]))];
  if (reasons.length === 1 && blocked.length > 1) {
    return <Paragraph className="tr-muted" data-testid="forms-not-yet">{reasons[0]}</Paragraph>;
  }
  return (
    <div data-testid="forms-not-yet">
      <Paragraph className="tr-muted">{t('formsStart.notYet')}</Paragraph>
      <ul className="tr-plain-list">
        {blocked.map((o) => (
          <li key={o.kind}>
            {FORM_DEFINITIONS[o.kind].title[lang]}: {o.reason![lang]}
          </li>
        ))}
      </ul>
    </div>
  );
}
