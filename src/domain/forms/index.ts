/** Public API of the three-party forms (omslagroute.md §7): definitions as data, validation, signatures, display. Pure. */
export * from './model.ts';
export {
  F1_SUPPLEMENT,
  F2_EVALUATION,
  F3_NOMINATION,
  F4_SUPPORT_PLAN,
  FORM_DEFINITIONS,
  MANDATORY_SUPPORT_PLAN_DOMAINS,
  NUISANCE_CHECK_RESULTS,
  SUPPORT_PLAN_GOAL_FIELDS,
  definitionProblems,
} from './definitions.ts';
export { validateForm } from './validate.ts';
export { evaluationFromForm } from './evaluation.ts';
export type { EvaluationFromForm, EvaluationOutcome } from './evaluation.ts';
export type { FormError, SectionProgress, ValidationContext, ValidationMode, ValidationResult } from './validate.ts';
export {
  METHOD_LABELS,
  PARTIES_WITH_FUNCTION,
  PARTY_LABELS,
  SIGNATURE_METHODS,
  canonicalJson,
  checkSignature,
  contentHashInput,
  signatureStatus,
  statusAfterSigning,
  versionAfterEdit,
} from './signatures.ts';
export type { FormSignature, SignableForm, SignatureInput, SignatureMethod, SignatureStatus, SignatureViolation, SignatureViolationCode } from './signatures.ts';
export { GOAL_DOMAIN_LABELS, declarationText, displayAnswer, displayForm, formatDate, formatEuroCents, formatYesNo } from './display.ts';
export type { DisplayAnswer, DisplaySection, Lang } from './display.ts';
