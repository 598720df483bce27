/**
 * The words of the audit export: the same labels the web shows (src/web/i18n nl/en: audit.*,
 * roles.*, purposes.*), so a file read in Excel names actions, kinds of record, roles and
 * purposes in words, never by their codes.
 */
import nl from '../../web/i18n/nl.json' with { type: 'json' };
import en from '../../web/i18n/en.json' with { type: 'json' };

type Texts = { audit: Record<string, unknown>; roles?: Record<string, string>; purposes?: Record<string, string> };

const COLUMNS = {
  nl: ['Volgnummer', 'Tijdstip', 'Gebruiker', 'Rol', 'Handeling', 'Soort gegevens', 'Kenmerk', 'Doel', 'Uitkomst', 'Aantal verzoeken', 'Details'],
  en: ['Sequence', 'Time', 'User', 'Role', 'Action', 'Kind of record', 'Identifier', 'Purpose', 'Outcome', 'Requests', 'Details'],
} as const;

export interface AuditLabels {
  columns: readonly string[];
  fileName: string;
  noActor: string;
  action(code: string): string;
  resourceType(code: string): string;
  role(code: string): string;
  purpose(code: string): string;
  outcome(code: string): string;
}

export function auditLabels(lang: 'nl' | 'en'): AuditLabels {
  const texts = (lang === 'en' ? en : nl) as unknown as Texts;
  const a = texts.audit as { actions?: Record<string, string>; resourceTypes?: Record<string, string>; outcomes?: Record<string, string>; noActor?: string };
  return {
    columns: COLUMNS[lang],
    fileName: lang === 'en' ? 'audit-trail' : 'auditlogboek',
    noActor: a.noActor ?? '—',
    action: (code) => a.actions?.[code.replace(/\./g, '_')] ?? code,
    resourceType: (code) => a.resourceTypes?.[code] ?? code,
    role: (code) => texts.roles?.[code] ?? code,
    purpose: (code) => texts.purposes?.[code] ?? code,
    outcome: (code) => a.outcomes?.[code] ?? code,
  };
}
