/**
 * RFC 9457 problem details. Every error leaves the API as application/problem+json
 * with a Dutch and an English message; never a stack trace.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

export interface FieldError {
  /** JSON pointer of the offending field, e.g. "/email" or "/members/0/role". */
  field: string;
  /** Where the field was: body, querystring, params or headers. */
  in: string;
  code: string;
  message: string;
  messageNl: string;
  messageEn: string;
}

export interface ProblemInit {
  status: number;
  code: string;
  titleNl: string;
  titleEn: string;
  detailNl?: string;
  detailEn?: string;
  errors?: FieldError[];
  /** Spec rule or deadline the problem is about (e.g. "R-OR-20"), where there is one. */
  rule?: string;
  extra?: Record<string, unknown>;
}

export class Problem extends Error {
  readonly init: ProblemInit;
  constructor(init: ProblemInit) {
    super(init.detailEn ?? init.titleEn);
    this.init = init;
  }
  get status() {
    return this.init.status;
  }
}

export const problem = {
  validation: (errors: FieldError[], detailNl = 'De invoer is niet geldig.', detailEn = 'The input is not valid.') =>
    new Problem({ status: 400, code: 'validation', titleNl: 'Ongeldige invoer', titleEn: 'Invalid input', detailNl, detailEn, errors }),
  badRequest: (code: string, detailNl: string, detailEn: string, extra?: Record<string, unknown>) =>
    new Problem({ status: 400, code, titleNl: 'Ongeldig verzoek', titleEn: 'Bad request', detailNl, detailEn, extra }),
  unauthenticated: (detailNl = 'Log in om verder te gaan.', detailEn = 'Please log in to continue.') =>
    new Problem({ status: 401, code: 'unauthenticated', titleNl: 'Niet ingelogd', titleEn: 'Not authenticated', detailNl, detailEn }),
  forbidden: (reason: string) =>
    new Problem({
      status: 403,
      code: 'forbidden',
      titleNl: 'Geen toegang',
      titleEn: 'Forbidden',
      detailNl: 'U heeft geen toestemming voor deze handeling.',
      detailEn: 'You are not allowed to do this.',
      extra: { reason },
    }),
  csrf: () =>
    new Problem({
      status: 403,
      code: 'csrf',
      titleNl: 'Beveiligingstoken ontbreekt of klopt niet',
      titleEn: 'Missing or invalid CSRF token',
      detailNl: 'Stuur de X-CSRF-Token-header mee die u bij GET /api/v1/auth/session kreeg.',
      detailEn: 'Send the X-CSRF-Token header you received from GET /api/v1/auth/session.',
    }),
  notFound: (whatNl = 'Het gevraagde item', whatEn = 'The requested item') =>
    new Problem({ status: 404, code: 'not_found', titleNl: 'Niet gevonden', titleEn: 'Not found', detailNl: `${whatNl} bestaat niet.`, detailEn: `${whatEn} does not exist.` }),
  conflict: (code: string, detailNl: string, detailEn: string, extra?: Record<string, unknown>) =>
    new Problem({ status: 409, code, titleNl: 'Conflict', titleEn: 'Conflict', detailNl, detailEn, extra }),
  preconditionRequired: () =>
    new Problem({
      status: 428,
      code: 'precondition_required',
      titleNl: 'Versie ontbreekt',
      titleEn: 'Precondition required',
      detailNl: 'Stuur de If-Match-header mee met de ETag die u bij het ophalen kreeg.',
      detailEn: 'Send an If-Match header with the ETag you received when reading the resource.',
    }),
  preconditionFailed: (currentVersion: number) =>
    new Problem({
      status: 412,
      code: 'precondition_failed',
      titleNl: 'Iemand anders heeft dit intussen gewijzigd',
      titleEn: 'Changed by someone else in the meantime',
      detailNl: 'Uw wijziging is niet opgeslagen. Laad de nieuwste versie en voer uw wijziging opnieuw door.',
      detailEn: 'Your change was not saved. Load the latest version and apply your change again.',
      extra: { currentVersion },
    }),
  unprocessable: (code: string, detailNl: string, detailEn: string, rule?: string, extra?: Record<string, unknown>) =>
    new Problem({ status: 422, code, titleNl: 'Niet toegestaan volgens de afspraken', titleEn: 'Not allowed by the rules', detailNl, detailEn, rule, extra }),
  tooManyRequests: (retryAfterSeconds: number) =>
    new Problem({
      status: 429,
      code: 'rate_limited',
      titleNl: 'Te veel pogingen',
      titleEn: 'Too many requests',
      detailNl: `Probeer het over ${retryAfterSeconds} seconden opnieuw.`,
      detailEn: `Try again in ${retryAfterSeconds} seconds.`,
      extra: { retryAfter: retryAfterSeconds },
    }),
};

export type Lang = 'nl' | 'en';

export function languageOf(req: FastifyRequest): Lang {
  const header = String(req.headers['accept-language'] ?? '').toLowerCase();
  const first = header.split(',')[0]?.trim() ?? '';
  return first.startsWith('en') ? 'en' : 'nl';
}

export function sendProblem(req: FastifyRequest, reply: FastifyReply, p: Problem) {
  const lang = languageOf(req);
  const i = p.init;
  const body: Record<string, unknown> = {
    type: `/problems/${i.code}`,
    title: lang === 'en' ? i.titleEn : i.titleNl,
    status: i.status,
    detail: lang === 'en' ? (i.detailEn ?? i.titleEn) : (i.detailNl ?? i.titleNl),
    instance: req.url.split('?')[0],
    code: i.code,
    requestId: req.id,
    messages: {
      nl: { title: i.titleNl, detail: i.detailNl ?? i.titleNl },
      en: { title: i.titleEn, detail: i.detailEn ?? i.titleEn },
    },
  };
  if (i.rule) body.rule = i.rule;
  if (i.errors) body.errors = i.errors.map((e) => ({ ...e, message: lang === 'en' ? e.messageEn : e.messageNl }));
  if (i.extra) Object.assign(body, i.extra);
  return reply.status(i.status).type('application/problem+json; charset=utf-8').send(body);
}

// ─── Validation messages (Ajv) in Dutch and English ────────────────────────

interface AjvError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string;
}

function fieldMessages(e: AjvError): { nl: string; en: string; field: string } {
  let field = e.instancePath || '';
  const p = e.params;
  switch (e.keyword) {
    case 'required':
      field = `${field}/${String(p.missingProperty)}`;
      return { field, nl: 'Dit veld is verplicht.', en: 'This field is required.' };
    case 'additionalProperties':
      field = `${field}/${String(p.additionalProperty)}`;
      return { field, nl: 'Onbekend veld; dit veld is niet toegestaan.', en: 'Unknown field; this field is not allowed.' };
    case 'type':
      return { field, nl: `Verkeerd type: verwacht ${String(p.type)}.`, en: `Wrong type: expected ${String(p.type)}.` };
    case 'format': {
      const f = String(p.format);
      const nl: Record<string, string> = {
        date: 'Geen geldige datum (JJJJ-MM-DD).',
        'date-time': 'Geen geldig tijdstip (ISO 8601).',
        email: 'Geen geldig e-mailadres.',
        uuid: 'Geen geldige id (UUID).',
        uri: 'Geen geldige URL.',
      };
      return { field, nl: nl[f] ?? `Ongeldig formaat (${f}).`, en: `Invalid ${f}.` };
    }
    case 'minLength':
      return { field, nl: `Te kort: minimaal ${String(p.limit)} tekens.`, en: `Too short: at least ${String(p.limit)} characters.` };
    case 'maxLength':
      return { field, nl: `Te lang: maximaal ${String(p.limit)} tekens.`, en: `Too long: at most ${String(p.limit)} characters.` };
    case 'minimum':
      return { field, nl: `Te klein: minimaal ${String(p.limit)}.`, en: `Too small: at least ${String(p.limit)}.` };
    case 'maximum':
      return { field, nl: `Te groot: maximaal ${String(p.limit)}.`, en: `Too large: at most ${String(p.limit)}.` };
    case 'minItems':
      return { field, nl: `Minimaal ${String(p.limit)} items.`, en: `At least ${String(p.limit)} items.` };
    case 'maxItems':
      return { field, nl: `Maximaal ${String(p.limit)} items.`, en: `At most ${String(p.limit)} items.` };
    case 'enum':
      return {
        field,
        nl: `Kies een van: ${(p.allowedValues as unknown[]).join(', ')}.`,
        en: `Must be one of: ${(p.allowedValues as unknown[]).join(', ')}.`,
      };
    case 'const':
      return { field, nl: `Moet ${JSON.stringify(p.allowedValue)} zijn.`, en: `Must be ${JSON.stringify(p.allowedValue)}.` };
    case 'pattern':
      return { field, nl: 'Ongeldige waarde (voldoet niet aan het patroon).', en: 'Invalid value (does not match the pattern).' };
    default:
      return { field, nl: 'Ongeldige waarde.', en: e.message ?? 'Invalid value.' };
  }
}

export function validationProblem(err: FastifyError): Problem {
  const where = (err as FastifyError & { validationContext?: string }).validationContext ?? 'body';
  const list = (err.validation ?? []) as unknown as AjvError[];
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  for (const e of list) {
    if (e.keyword === 'if' || e.keyword === 'anyOf' || e.keyword === 'oneOf') continue;
    const m = fieldMessages(e);
    const key = `${where}${m.field}${e.keyword}`;
    if (seen.has(key)) continue;
    seen.add(key);
    errors.push({ field: m.field || '/', in: where, code: e.keyword, message: m.nl, messageNl: m.nl, messageEn: m.en });
  }
  return problem.validation(errors);
}

/** Maps any thrown error to a problem. Unknown errors become a 500 without internals. */
export function toProblem(err: unknown): Problem {
  if (err instanceof Problem) return err;
  const e = err as FastifyError & { statusCode?: number };
  if (e?.validation) return validationProblem(e);
  switch (e?.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return problem.badRequest('malformed_json', 'De body is geen geldige JSON.', 'The body is not valid JSON.');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new Problem({ status: 413, code: 'body_too_large', titleNl: 'Verzoek te groot', titleEn: 'Payload too large', detailNl: 'De body is groter dan toegestaan.', detailEn: 'The body exceeds the size limit.' });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new Problem({ status: 415, code: 'unsupported_media_type', titleNl: 'Niet-ondersteund formaat', titleEn: 'Unsupported media type', detailNl: 'Stuur de body als application/json.', detailEn: 'Send the body as application/json.' });
  }
  if (e?.statusCode === 429) return problem.tooManyRequests(60);
  if (typeof e?.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    if (e.statusCode === 400) {
      return problem.badRequest('bad_request', 'Het verzoek is niet geldig.', 'The request is not valid.');
    }
    return new Problem({ status: e.statusCode, code: 'client_error', titleNl: 'Ongeldig verzoek', titleEn: 'Bad request', detailNl: 'Het verzoek kan niet worden verwerkt.', detailEn: e.message });
  }
  return new Problem({
    status: 500,
    code: 'internal',
    titleNl: 'Er ging iets mis',
    titleEn: 'Something went wrong',
    detailNl: 'Er is een onverwachte fout opgetreden. Er is niets opgeslagen. Probeer het later opnieuw.',
    detailEn: 'An unexpected error occurred. Nothing was saved. Please try again later.',
  });
}
