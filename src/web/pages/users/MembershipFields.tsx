import { useTranslation } from 'react-i18next';
import { ROLES_BY_ORGANISATION_TYPE } from '../../../domain/organisations/model.ts';
import type { Action } from '../../../domain/policy/index.ts';
import { useSession } from '../../session/SessionContext.tsx';
import { can } from '../../session/policy.ts';
import { SelectField, type Msg } from '../../components/forms.tsx';
import { useAllOrganisations, useScope } from '../../lib/organisations.ts';

/**
 * Organisation + role pickers for a membership. Only organisations where the user may grant a
 * membership are offered, and only roles that exist in that type of organisation
 * (ROLES_BY_ORGANISATION_TYPE) and that the policy lets this user grant.
 */
export function MembershipFields({ form, organisationId, role, onChange, errors, alsoRequire, exclude = [] }: {
  form: string;
  organisationId: string;
  role: string;
  onChange: (next: { organisationId: string; role: string }) => void;
  errors: { organisationId?: Msg; role?: Msg };
  /** A further action the organisation must allow (e.g. user.create). */
  alsoRequire?: Action;
  /** "organisationId:role" pairs the user already has. */
  exclude?: string[];
}) {
  const { t } = useTranslation();
  const { session } = useSession();
  const { organisations } = useAllOrganisations();
  const scope = useScope() ?? [];
  const options = (organisations ?? [])
    .filter((o) => o.active && can(session, 'membership.create', { organisationIds: [o.id] }, scope) && (!alsoRequire || can(session, alsoRequire, { organisationIds: [o.id] }, scope)))
    .map((o) => ({ value: o.id, label: o.name, group: t(`orgTypes.${o.type}`) }));
  const org = organisations?.find((o) => o.id === organisationId);
  const roles = org
    ? ROLES_BY_ORGANISATION_TYPE[org.type].filter(
        (r) => can(session, 'membership.create', { organisationIds: [org.id], grantsRole: r }, scope) && !exclude.includes(`${org.id}:${r}`),
      )
    : [];
  return (
    <>
      <SelectField
        form={form}
        name="organisationId"
        label={t('users.organisation')}
        value={organisationId}
        onChange={(v) => onChange({ organisationId: v, role: '' })}
        options={options}
        placeholder={organisations ? t('users.chooseOrganisation') : t('common.loadingShort')}
        error={errors.organisationId}
      />
      <SelectField
        form={form}
        name="role"
        label={t('users.role')}
        hint={org ? t('users.roleHint', { type: t(`orgTypes.${org.type}`) }) : t('users.roleHintNoOrg')}
        value={role}
        onChange={(v) => onChange({ organisationId, role: v })}
        options={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        placeholder={t('users.chooseRole')}
        disabled={!org}
        error={errors.role}
      />
    </>
  );
}
