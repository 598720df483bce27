/**
 * "Nieuwe Kans aanvragen" (NK-1): a partner applies to the hub for a New Chance for a tenant of a
 * corporation. The hub's refusal (not a corporation on the AFWC list, no ground) is shown in the
 * words the API sends, at the field it is about.
 */
import { useMemo, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Button, Column, Paragraph } from '@amsterdam/design-system-react';
import { api } from '../../api/client.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ErrorSummary, SelectField, TextAreaField, TextField, msg, orNull, useSubmitting, type FieldErrors } from '../../components/forms.tsx';
import { ProblemAlert } from '../../components/status.tsx';
import { useAnnounce } from '../../components/Announcer.tsx';
import { useAllOrganisations } from '../../lib/organisations.ts';
import { useSession } from '../../session/SessionContext.tsx';
import { CheckField } from '../trajectories/common.tsx';
import { refusalErrors } from '../matching/common.tsx';
import type { NewChanceDetail } from './new-chance-common.tsx';

const FORM = 'nk-apply';
const REQUESTERS = ['corporation', 'care_provider', 'ggd', 'police', 'hub', 'other'] as const;
const FIELD_OF: Record<string, string> = {
  corporationId: 'corporationId', corporationCode: 'corporationId', residentName: 'residentName', postcode: 'postcode', houseNumber: 'houseNumber',
  houseLetter: 'houseLetter', addition: 'addition', street: 'street', city: 'city', requestedBy: 'requestedBy', seriousNuisance: 'seriousNuisance',
  careNotDeliverable: 'seriousNuisance', note: 'note',
};

export function NewChanceApplyPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const { activeMembership } = useSession();
  const { organisations } = useAllOrganisations();
  const { pending, run } = useSubmitting();
  const own = activeMembership?.organisationType === 'housing_corporation' ? activeMembership.organisationId : '';
  const [corporationId, setCorporationId] = useState(own);
  const [residentName, setResidentName] = useState('');
  const [postcode, setPostcode] = useState('');
  const [houseNumber, setHouseNumber] = useState('');
  const [houseLetter, setHouseLetter] = useState('');
  const [addition, setAddition] = useState('');
  const [street, setStreet] = useState('');
  const [city, setCity] = useState('');
  const type = activeMembership?.organisationType;
  const [requestedBy, setRequestedBy] = useState<string>(type === 'housing_corporation' ? 'corporation' : type === 'care_provider' ? 'care_provider' : type === 'nuisance_hub' ? 'hub' : 'other');
  const [seriousNuisance, setSeriousNuisance] = useState(false);
  const [careNotDeliverable, setCareNotDeliverable] = useState(false);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [problem, setProblem] = useState<unknown>(null);

  const corporations = useMemo(() => (organisations ?? []).filter((o) => o.type === 'housing_corporation' && o.active).sort((a, b) => a.name.localeCompare(b.name, 'nl')), [organisations]);
  const labels: Record<string, string> = {
    corporationId: t('nuisance-hub.apply.corporation'), residentName: t('nuisance-hub.apply.residentName'), postcode: t('nuisance-hub.check.postcode'),
    houseNumber: t('nuisance-hub.check.houseNumber'), houseLetter: t('nuisance-hub.check.houseLetter'), addition: t('nuisance-hub.check.addition'),
    street: t('nuisance-hub.apply.street'), city: t('nuisance-hub.apply.city'), requestedBy: t('nuisance-hub.apply.requestedBy'),
    seriousNuisance: t('nuisance-hub.apply.seriousNuisance'), note: t('nuisance-hub.apply.note'),
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const f: FieldErrors = {};
    if (!corporationId) f.corporationId = msg('nuisance-hub.apply.corporationRequired');
    if (residentName.trim().length < 2) f.residentName = msg('nuisance-hub.apply.residentNameRequired');
    if (!/^[1-9][0-9]{3} ?[A-Za-z]{2}$/.test(postcode.trim())) f.postcode = msg('nuisance-hub.check.postcodeInvalid');
    if (!/^[1-9][0-9]*$/.test(houseNumber.trim())) f.houseNumber = msg('nuisance-hub.check.houseNumberInvalid');
    setErrors(f);
    setProblem(null);
    if (Object.keys(f).length) {
      setAttempt((a) => a + 1);
      return;
    }
    void run(async () => {
      try {
        const r = await api.post<NewChanceDetail>('/new-chance', {
          corporationId, residentName: residentName.trim(),
          address: { postcode: postcode.trim(), houseNumber: Number(houseNumber), houseLetter: orNull(houseLetter), addition: orNull(addition), street: orNull(street), city: orNull(city) },
          requestedBy, seriousNuisance, careNotDeliverable, note: orNull(note),
        });
        announce(t('nuisance-hub.apply.done'));
        void navigate(`/nieuwe-kans/${r.data.id}`);
      } catch (err) {
        const fe = refusalErrors(err, (p) => FIELD_OF[p.split('/').pop() ?? ''] ?? null);
        if (Object.keys(fe).length) setErrors(fe);
        else setProblem(err);
        setAttempt((a) => a + 1);
      }
    });
  };

  return (
    <Column gap="large">
      <PageHeading>{t('nuisance-hub.apply.title')}</PageHeading>
      <Paragraph>{t('nuisance-hub.apply.intro')}</Paragraph>
      {problem !== null && <ProblemAlert error={problem} />}
      <ErrorSummary form={FORM} errors={errors} labels={labels} attempt={attempt} />
      <form noValidate onSubmit={submit} className="tr-form" aria-label={t('nuisance-hub.apply.title')} data-testid="nk-apply-form">
        <SelectField form={FORM} name="corporationId" label={labels.corporationId!} hint={t('nuisance-hub.apply.corporationHint')} value={corporationId} onChange={setCorporationId}
          error={errors.corporationId} errorPrefix="" placeholder={t('nuisance-hub.choose')} options={corporations.map((o) => ({ value: o.id, label: o.name }))} />
        <TextField form={FORM} name="residentName" label={labels.residentName!} value={residentName} onChange={setResidentName} error={errors.residentName} autoComplete="off" />
        <TextField form={FORM} name="postcode" label={labels.postcode!} value={postcode} onChange={setPostcode} error={errors.postcode} size={7} />
        <TextField form={FORM} name="houseNumber" label={labels.houseNumber!} value={houseNumber} onChange={setHouseNumber} error={errors.houseNumber} inputMode="numeric" size={6} />
        <TextField form={FORM} name="houseLetter" label={labels.houseLetter!} optional value={houseLetter} onChange={setHouseLetter} error={errors.houseLetter} size={2} />
        <TextField form={FORM} name="addition" label={labels.addition!} optional value={addition} onChange={setAddition} error={errors.addition} size={5} />
        <TextField form={FORM} name="street" label={labels.street!} optional value={street} onChange={setStreet} error={errors.street} />
        <TextField form={FORM} name="city" label={labels.city!} optional value={city} onChange={setCity} error={errors.city} />
        <SelectField form={FORM} name="requestedBy" label={labels.requestedBy!} value={requestedBy} onChange={setRequestedBy} error={errors.requestedBy}
          options={REQUESTERS.map((r) => ({ value: r, label: t(`nuisance-hub.requestedBy.${r}`) }))} />
        <Paragraph size="small">{t('nuisance-hub.apply.groundHint')}</Paragraph>
        <CheckField form={FORM} name="seriousNuisance" label={labels.seriousNuisance!} checked={seriousNuisance} onChange={setSeriousNuisance} error={errors.seriousNuisance} />
        <CheckField form={FORM} name="careNotDeliverable" label={t('nuisance-hub.apply.careNotDeliverable')} checked={careNotDeliverable} onChange={setCareNotDeliverable} />
        <TextAreaField form={FORM} name="note" label={labels.note!} optional value={note} onChange={setNote} error={errors.note} />
        <Button type="submit" disabled={pending}>{t('nuisance-hub.apply.submit')}</Button>
      </form>
    </Column>
  );
}
