/**
 * R-MO-39: the optional, collapsed view "Huishoudgrootte statushouders en vrijgekomen woningen
 * naar kamers" on the monitor dashboard. It loads only when opened, from
 * GET /api/v1/monitor/tables/household-sizes (the same table model the CSV and XLSX carry), and
 * states first that pairing n persons with n rooms is a proposal for discussion, not a norm.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Accordion, Alert, Paragraph, UnorderedList } from '@amsterdam/design-system-react';
import type { HouseholdSizesTableModel } from '../../../domain/monitor/household-sizes.ts';
import type { Query } from '../../api/client.ts';
import { Loading, ProblemAlert } from '../../components/status.tsx';
import { useResource } from '../../lib/useResource.ts';
import { useLang } from '../../i18n/useLang.ts';
import { Downloads, MonitorTable } from './MonitorTable.tsx';

const ID = 'monitor-household-sizes';

export function HouseholdSizesSection({ query }: { query: URLSearchParams }) {
  const { t } = useTranslation();
  const lang = useLang();
  // Fetched on first opening; afterwards it follows the dashboard's scope.
  const [opened, setOpened] = useState(false);
  const res = useResource<HouseholdSizesTableModel>(opened ? '/monitor/tables/household-sizes' : null, Object.fromEntries(query) as Query);
  const model = res.data;
  return (
    <Accordion headingLevel={2} sectionAs="section" className="tr-section" data-testid={ID}>
      <Accordion.Section label={t('monitor.householdSizes.heading')} onToggle={(expanded) => { if (expanded) setOpened(true); }}>
        <Paragraph>{t('monitor.householdSizes.intro')}</Paragraph>
        {res.error !== null && <ProblemAlert error={res.error} onRetry={() => void res.reload()} headingLevel={3} focus={false} />}
        {res.loading && !model && <Loading />}
        {model && (
          <div aria-busy={res.loading || undefined}>
            <Alert heading={t('monitor.householdSizes.proposalHeading')} headingLevel={3} className="tr-monitor-notes" data-testid={`${ID}-proposal`}>
              {model.explanations.map((e) => (
                <Paragraph key={e.id} id={`note-${ID}-${e.id}`} data-rule={e.id}>
                  {e.text[lang]}
                </Paragraph>
              ))}
            </Alert>
            {model.warnings.length > 0 && (
              <Alert severity="warning" heading={t('monitor.householdSizes.warningsHeading')} headingLevel={3} data-testid={`${ID}-warnings`}>
                <UnorderedList>
                  {model.warnings.map((w) => <UnorderedList.Item key={`${w.code}-${w.municipality}`}>{w.text[lang]}</UnorderedList.Item>)}
                </UnorderedList>
              </Alert>
            )}
            <MonitorTable model={model} id={`${ID}-table`} />
            <Downloads model={model} query={query} />
          </div>
        )}
      </Accordion.Section>
    </Accordion>
  );
}
