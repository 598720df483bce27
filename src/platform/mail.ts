/**
 * Outgoing e-mail settings and the transport (nodemailer over SMTP): platform infrastructure,
 * like the PDF renderer. The settings come from the environment through src/app/main.ts
 * (SMTP_URL, MAIL_FROM); without SMTP_URL nothing is sent and the outbox (notifications
 * module) keeps its rows until a transport is configured.
 */
import nodemailer from 'nodemailer';

export interface MailSettings {
  /** smtp://user:pass@host:587 or smtps://host:465; null: sending is off (rows stay pending). */
  smtpUrl: string | null;
  /** The From header, e.g. "Thuisroute <no-reply@gemeente.example>". */
  from: string;
}

export const DEFAULT_MAIL_FROM = 'Thuisroute <no-reply@thuisroute.invalid>';

/** Reads SMTP_URL and MAIL_FROM. */
export function mailSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): MailSettings {
  const smtpUrl = env.SMTP_URL?.trim() || null;
  if (smtpUrl && !/^smtps?:\/\//i.test(smtpUrl)) throw new Error(`SMTP_URL must start with smtp:// or smtps://, got "${smtpUrl.replace(/\/\/[^@/]*@/, '//***@')}"`);
  return { smtpUrl, from: env.MAIL_FROM?.trim() || DEFAULT_MAIL_FROM };
}

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
}

/** What the outbox drainer needs from a transport (a nodemailer Transporter fits). */
export interface MailTransport {
  sendMail(mail: OutgoingMail): Promise<unknown>;
  close?(): void;
}

/** A nodemailer SMTP transport for the URL; short timeouts so a dead server does not stall the drainer. */
export function createMailTransport(smtpUrl: string): MailTransport {
  const url = new URL(smtpUrl);
  const secure = url.protocol === 'smtps:';
  return nodemailer.createTransport({
    host: url.hostname,
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
}
