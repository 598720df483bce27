import { Type } from 'typebox';

/** RFC 9457 problem details, as documented in the OpenAPI document. */
export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    instance: Type.Optional(Type.String()),
    code: Type.String(),
    requestId: Type.Optional(Type.String()),
    rule: Type.Optional(Type.String()),
    messages: Type.Optional(Type.Object({ nl: Type.Object({ title: Type.String(), detail: Type.String() }), en: Type.Object({ title: Type.String(), detail: Type.String() }) })),
    errors: Type.Optional(
      Type.Array(
        Type.Object({
          field: Type.String(),
          in: Type.String(),
          code: Type.String(),
          message: Type.String(),
          messageNl: Type.String(),
          messageEn: Type.String(),
        }),
      ),
    ),
  },
  { additionalProperties: true, description: 'application/problem+json (RFC 9457)' },
);

export const ProblemResponses = {
  '4xx': ProblemSchema,
};

export const Uuid = Type.String({ format: 'uuid' });
export const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });
export const IsoDateSchema = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
export const Paging = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
};
export const VersionHeaders = Type.Object({ 'if-match': Type.Optional(Type.String({ maxLength: 20 })) });
