/** Key dates, goals (with the urgency flag) and the transfer conditions T1–T8 (in words; their codes and rules in a help disclosure). */
import { useTranslation } from 'react-i18next';
import { DescriptionList, Heading, Paragraph, Table } from '@amsterdam/design-system-react';
import { GOAL_DOMAIN_LABELS } from '../../../../domain/forms/display.ts';
import type { GoalDomain } from '../../../../domain/trajectories/model.ts';
import type { Trajectory } from '../../../api/types.ts';
import { TableScroll } from '../../../components/TableScroll.tsx';
import { useLang } from '../../../i18n/useLang.ts';
import { StatusText, useDate } from '../common.tsx';

const KEY_DATES = ['leaseStartOn', 'keyHandoverOn', 'introHeldOn', 'lastEvaluationOn', 'sentToWonenOn', 'wonenConfirmedOn', 'contractOwnNameOn'] as const;

export function KeyDates({ trajectory: tr }: { trajectory: Trajectory }) {
  const { t } = useTranslation();
  const date = useDate();
  return (
    <div className="tr-section">
      <Heading level={3} size="level-4" id="key-dates-heading">
        {t('trajectory.keyDates')}
      </Heading>
      <DescriptionList termsWidth="wide" aria-labelledby="key-dates-heading" className="tr-key-dates">
        <DescriptionList.Section>
          <DescriptionList.Term>{t('trajectory.startedOn')}</DescriptionList.Term>
          <DescriptionList.Description>{date(tr.startedOn)}</DescriptionList.Description>
        </DescriptionList.Section>
        {KEY_DATES.map((k) => (
          <DescriptionList.Section key={k}>
            <DescriptionList.Term>{t(`trajectory.dates.${k}`)}</DescriptionList.Term>
            <DescriptionList.Description>{tr.keyDates[k] ? date(tr.keyDates[k]) : <span className="tr-muted">{t('trajectory.notYet')}</span>}</DescriptionList.Description>
          </DescriptionList.Section>
        ))}
      </DescriptionList>
    </div>
  );
}

export function Goals({ trajectory: tr }: { trajectory: Trajectory }) {
  const { t } = useTranslation();
  const lang = useLang();
  const date = useDate();
  return (
    <div className="tr-section">
      <Heading level={3} size="level-4" id="goals-heading">
        {t('goals.heading')}
      </Heading>
      {tr.viewer !== 'care_provider' && <Paragraph size="small">{t('goals.onlyUrgency')}</Paragraph>}
      {tr.goals.length === 0 ? (
        <Paragraph>{t('goals.none')}</Paragraph>
      ) : (
        <TableScroll label={t('goals.heading')}>
          <Table className="tr-table" aria-labelledby="goals-heading">
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('goals.goal')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('goals.domain')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('goals.urgencyColumn')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('goals.status')}</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {tr.goals.map((g) => (
                <Table.Row key={g.id}>
                  <Table.Cell>{g.text}</Table.Cell>
                  <Table.Cell>{GOAL_DOMAIN_LABELS[g.domain as GoalDomain]?.[lang] ?? g.domain}</Table.Cell>
                  <Table.Cell>{g.linkedToUrgency ? <StatusText tone="info">{t('goals.urgency')}</StatusText> : t('common.no')}</Table.Cell>
                  <Table.Cell>
                    {g.achieved ? <StatusText tone="ok">{t('goals.achievedOn', { date: date(g.achievedOn) })}</StatusText> : <StatusText tone="muted">{t('goals.notAchieved')}</StatusText>}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
    </div>
  );
}

export function TransferConditions({ trajectory: tr }: { trajectory: Trajectory }) {
  const { t } = useTranslation();
  const lang = useLang();
  const met = tr.transferConditions.filter((c) => c.met).length;
  return (
    <section aria-labelledby="transfer-heading" className="tr-case-section" id="omklap">
      <Heading level={2} size="level-3" id="transfer-heading">
        {t('transfer.heading')}
      </Heading>
      <Paragraph>{t('transfer.intro', { met, total: tr.transferConditions.length })}</Paragraph>
      <ul className="tr-condition-list" data-testid="transfer-conditions">
        {tr.transferConditions.map((c) => (
          <li key={c.id} className="tr-condition" data-condition={c.id}>
            <span>{c.met ? <StatusText tone="ok">{t('transfer.met')}</StatusText> : <StatusText tone="bad">{t('transfer.notMet')}</StatusText>}</span>
            <span>{c[lang]}</span>
          </li>
        ))}
      </ul>
      <details className="tr-details tr-help-disclosure">
        <summary>{t('casepage.transfer.rulesHelp')}</summary>
        <ul className="tr-plain-list">
          {tr.transferConditions.map((c) => (
            <li key={c.id}>{t('casepage.transfer.ruleLine', { id: c.id, rule: c.rule })}</li>
          ))}
        </ul>
      </details>
    </section>
  );
}
