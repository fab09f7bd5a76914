import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { z } from 'zod';
import { kopecks } from '../../core/kernel/money';
import { defaultPaymentConfirmAbove } from '../../core/features/pay/payment';
import type { SupplierDetails } from '../../core/features/receipts/receipt';
import { appealTopics, isAppealTopic, type AppealTopic } from '../../core/features/appeals/appeal';
import { parseOperatorHours } from '../../core/features/live-chat/operator-hours';
import { demoContacts, demoSupplier } from '../../db/demo-supplier';

const optionalUrl = (protocols: readonly string[], what: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value) => (value === '' ? undefined : value))
    .refine((value) => value === undefined || protocols.some((protocol) => value.startsWith(`${protocol}://`)), {
      message: `expected ${what} (${protocols.map((protocol) => `${protocol}://…`).join(' or ')})`,
    });

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value === '' ? undefined : value));

const optionalEmail = (message: string) => optionalText.refine((value) => value === undefined || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value), { message });

const databaseFields = {
  DATABASE_URL: optionalUrl(['postgres', 'postgresql'], 'a PostgreSQL URL'),
  SQLITE_PATH: z.string().default('./data/energobot.sqlite'),
};

const supplierTimeZone = z.string().default('Europe/Moscow').refine(isTimeZone, { message: 'expected an IANA time zone such as Europe/Moscow' });

const configSchema = z
  .object({
    PORT: z.coerce.number({ message: 'expected a port number' }).int().min(0).max(65535).default(3978),
    HOST: optionalText,
    PUBLIC_URL: optionalUrl(['https', 'http'], 'the URL customers reach energobot at'),
    ...databaseFields,
    REDIS_URL: optionalUrl(['redis', 'rediss'], 'a Redis URL'),
    REDIS_KEY_PREFIX: z
      .string()
      .regex(/^[\w:.-]{1,64}$/, { message: 'expected up to 64 characters of letters, digits, _ : . -' })
      .optional(),
    FLOW_STATE_TTL_HOURS: z.coerce.number({ message: 'expected hours' }).positive().default(72),
    TELEGRAM_BOT_TOKEN: optionalText.refine((value) => value === undefined || /^\d+:[\w-]{20,}$/.test(value), {
      message: 'expected a token from @BotFather, like 123456:ABC-DEF…',
    }),
    TELEGRAM_WEBHOOK_URL: optionalUrl(['https'], 'the public HTTPS URL Telegram should call'),
    TELEGRAM_WEBHOOK_SECRET: optionalText.refine((value) => value === undefined || /^[A-Za-z0-9_-]{16,256}$/.test(value), {
      message: 'expected 16 to 256 characters of A-Z, a-z, 0-9, _ and -',
    }),
    TELEGRAM_API_ROOT: optionalUrl(['http', 'https'], 'the URL of a Bot API server'),
    MAX_BOT_TOKEN: optionalText.refine((value) => value === undefined || /^[\w.:-]{16,512}$/.test(value), {
      message: 'expected the token from business.max.ru (Чат-боты → the bot → Настройки)',
    }),
    // MAX calls only https on port 443, so the URL names no port.
    MAX_WEBHOOK_URL: optionalUrl(['https'], 'the public HTTPS URL (port 443) MAX should call'),
    MAX_WEBHOOK_SECRET: optionalText.refine((value) => value === undefined || /^[A-Za-z0-9_-]{16,256}$/.test(value), {
      message: 'expected 16 to 256 characters of A-Z, a-z, 0-9, _ and -',
    }),
    MAX_API_ROOT: optionalUrl(['http', 'https'], 'the URL of the MAX Bot API (a proxy, or a test server)'),
    MICROSOFT_APP_ID: optionalText,
    MICROSOFT_APP_PASSWORD: optionalText,
    MICROSOFT_APP_TENANT_ID: optionalText,
    MICROSOFT_APP_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
    DIRECT_LINE_SECRET: optionalText,
    DIRECT_LINE_ENDPOINT: z.string().url({ message: 'expected the Direct Line service URL' }).default('https://directline.botframework.com'),
    WEBCHAT_ALLOWED_ORIGINS: z
      .string()
      .default('')
      .transform((value) =>
        value
          .split(',')
          .map((origin) => origin.trim())
          .filter(Boolean),
      )
      .refine((origins) => origins.every((origin) => /^https?:\/\/[^/\s]+$/.test(origin)), {
        message: 'expected comma-separated origins such as https://www.example.ru',
      }),
    TRUSTED_PROXIES: z
      .string()
      .default('')
      .transform((value) =>
        value
          .split(',')
          .map((address) => address.trim())
          .filter(Boolean),
      )
      .refine((addresses) => addresses.every((address) => isIP(address) !== 0), {
        message: 'expected comma-separated IP addresses of the reverse proxies, e.g. 10.0.0.5',
      }),
    WEBCHAT_ACCENT_COLOR: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/, { message: 'expected a colour such as #00589C' })
      .default('#00589C'),
    WEBCHAT_BOT_AVATAR_URL: optionalUrl(['https', 'http'], 'an image URL'),
    WEBCHAT_BOT_INITIALS: z.string().max(3).default('ЭС'),
    OPERATOR_TOKEN: optionalText.refine((value) => value === undefined || value.length >= 24, { message: 'expected at least 24 random characters' }),
    PAYMENTS_PROVIDER: z.enum(['yookassa', 'sandbox'], { message: 'expected yookassa or sandbox' }).optional(),
    PAYMENT_CONFIRM_ABOVE_RUB: z.coerce
      .number({ message: 'expected roubles' })
      .int()
      .positive()
      .max(1_000_000)
      .default(defaultPaymentConfirmAbove / 100),
    YOOKASSA_SHOP_ID: optionalText,
    YOOKASSA_SECRET_KEY: optionalText,
    YOOKASSA_API_URL: z.string().url({ message: 'expected the YooKassa API URL' }).default('https://api.yookassa.ru'),
    YOOKASSA_ALLOWED_IPS: z
      .string()
      .default('')
      .transform((value) =>
        value
          .split(',')
          .map((ip) => ip.trim())
          .filter(Boolean),
      ),
    SANDBOX_PAYMENTS_SECRET: z.string().min(24, { message: 'expected at least 24 random characters' }).optional(),
    BILLING_API_URL: optionalUrl(['http', 'https'], 'the billing API URL (the /v1 paths of docs/billing-api.yaml are under it)'),
    BILLING_API_TOKEN: optionalText,
    BILLING_TIMEOUT_MS: z.coerce.number({ message: 'expected milliseconds' }).int().min(100).max(60_000).default(3_000),
    BILLING_EVENTS_SECRET: z.string().min(32, { message: 'expected at least 32 random characters' }).optional(),
    SMTP_URL: optionalUrl(['smtp', 'smtps'], 'an SMTP URL'),
    MAIL_FROM: z.string().default('energobot <noreply@energobot.local>'),
    MAIL_OUTBOX_DIR: z.string().default('./data/outbox'),
    SUPPLIER_TIME_ZONE: supplierTimeZone,
    SUPPLIER_NAME: z.string().trim().min(1).max(160).default(demoSupplier.name),
    SUPPLIER_INN: z
      .string()
      .regex(/^\d{10}$/, { message: 'expected the 10 digits of a company INN' })
      .default(demoSupplier.inn),
    SUPPLIER_KPP: z
      .string()
      .regex(/^\d{9}$/, { message: 'expected 9 digits' })
      .default(demoSupplier.kpp),
    SUPPLIER_BANK_ACCOUNT: z
      .string()
      .regex(/^\d{20}$/, { message: 'expected the 20 digits of the settlement account' })
      .default(demoSupplier.bankAccount),
    SUPPLIER_BANK_NAME: z.string().trim().min(1).max(45).default(demoSupplier.bankName),
    SUPPLIER_BIC: z
      .string()
      .regex(/^\d{9}$/, { message: 'expected the 9 digits of the BIC' })
      .default(demoSupplier.bic),
    SUPPLIER_CORRESPONDENT_ACCOUNT: z
      .string()
      .regex(/^\d{20}$/, { message: 'expected the 20 digits of the correspondent account' })
      .default(demoSupplier.correspondentAccount),
    SUPPLIER_ADDRESS: z.string().trim().min(1).default(demoSupplier.address),
    SUPPLIER_PHONE: z.string().trim().min(1).default(demoSupplier.phone),
    SUPPLIER_OFFICE_HOURS: z.string().trim().min(1).max(200).default(demoContacts.officeHours),
    SUPPLIER_DISPATCH_PHONE: z.string().trim().min(1).max(60).default(demoContacts.dispatchPhone),
    SUPPLIER_EMERGENCY_PHONE: z.string().trim().min(1).max(60).default(demoContacts.emergencyPhone),
    SUPPLIER_EMAIL: optionalEmail("expected the supplier's public e-mail address"),
    SUPPLIER_SITE: optionalUrl(['https', 'http'], "the supplier's site"),
    READINGS_WINDOW: z
      .string()
      .default('15-25')
      .transform((value, context) => {
        const days = /^\s*(\d{1,2})\s*-\s*(\d{1,2})\s*$/.exec(value);
        const [from, to] = [Number(days?.[1]), Number(days?.[2])];
        if (days && from >= 1 && from <= to && to <= 28) return { from, to };
        context.addIssue({ code: 'custom', message: 'expected the first and last day readings are taken on, e.g. 15-25 (days 1 to 28)' });
        return z.NEVER;
      }),
    OPERATOR_HOURS: z
      .string()
      .default('Mon-Fri 09:00-18:00')
      .transform((value, context) => {
        if (value.trim().toLowerCase() === 'off') return null;
        const hours = parseOperatorHours(value);
        if (hours) return hours;
        context.addIssue({ code: 'custom', message: 'expected days and hours operators talk in the chat, e.g. Mon-Fri 09:00-18:00, Sat 10:00-15:00 (or off)' });
        return z.NEVER;
      }),
    PAYMENT_DUE_DAY: z.coerce.number({ message: 'expected a day of the month' }).int().min(1).max(28).default(10),
    APPEAL_TOPICS: z
      .string()
      .default(appealTopics.join(','))
      .transform((value) =>
        value
          .split(',')
          .map((topic) => topic.trim())
          .filter(Boolean),
      )
      .refine((topics): topics is AppealTopic[] => topics.length > 0 && topics.every(isAppealTopic), {
        message: `expected comma-separated topics out of ${appealTopics.join(', ')}`,
      }),
    APPEALS_MAILBOX: optionalEmail("expected the e-mail address of the operators' mailbox"),
    INBOUND_MAIL_DOMAIN: optionalText.refine((value) => value === undefined || /^[a-z0-9.-]+\.[a-z]{2,}$/i.test(value), {
      message: 'expected the domain operators reply to, e.g. mail.energosbyt.ru',
    }),
    INBOUND_SMTP_PORT: z.coerce.number({ message: 'expected a port number' }).int().min(0).max(65535).optional(),
    INBOUND_SMTP_HOST: z.string().default('0.0.0.0'),
    INBOUND_SMTP_ALLOWED: z
      .string()
      .default('127.0.0.1,::1')
      .transform((value) =>
        value
          .split(',')
          .map((address) => address.trim())
          .filter(Boolean),
      )
      .refine((addresses) => addresses.length > 0 && addresses.every((address) => isIP(address) !== 0), {
        message: "expected comma-separated IP addresses of the mail servers that relay operators' replies",
      }),
    INBOUND_MAIL_SENDER_DOMAINS: z
      .string()
      .default('')
      .transform((value) =>
        value
          .split(',')
          .map((domain) => domain.trim().toLowerCase())
          .filter(Boolean),
      )
      .refine((domains) => domains.every((domain) => /^[a-z0-9.-]+\.[a-z]{2,}$/.test(domain)), {
        message: 'expected comma-separated mail domains of the operators, e.g. energosbyt.ru',
      }),
    APPEAL_ANSWER_HOURS: z.coerce.number({ message: 'expected hours' }).positive().default(48),
    APPEALS_SUPERVISORS: z
      .string()
      .default('')
      .transform((value) =>
        value
          .split(',')
          .map((address) => address.trim())
          .filter(Boolean),
      )
      .refine((addresses) => addresses.every((address) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)), {
        message: 'expected comma-separated e-mail addresses',
      }),
    LINK_SECRET: z.string().min(32, { message: 'expected at least 32 random characters' }).optional(),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  })
  .superRefine((env, issues) => {
    if (env.TELEGRAM_WEBHOOK_URL && !env.TELEGRAM_BOT_TOKEN) {
      issues.addIssue({ code: 'custom', path: ['TELEGRAM_BOT_TOKEN'], message: 'required when TELEGRAM_WEBHOOK_URL is set' });
    }
    if (env.TELEGRAM_WEBHOOK_URL && !env.TELEGRAM_WEBHOOK_SECRET) {
      issues.addIssue({ code: 'custom', path: ['TELEGRAM_WEBHOOK_SECRET'], message: 'required when TELEGRAM_WEBHOOK_URL is set' });
    }
    if (env.MAX_WEBHOOK_URL && !env.MAX_BOT_TOKEN) {
      issues.addIssue({ code: 'custom', path: ['MAX_BOT_TOKEN'], message: 'required when MAX_WEBHOOK_URL is set' });
    }
    if (env.MAX_WEBHOOK_URL && !env.MAX_WEBHOOK_SECRET) {
      issues.addIssue({ code: 'custom', path: ['MAX_WEBHOOK_SECRET'], message: 'required when MAX_WEBHOOK_URL is set' });
    }
    // The sandbox card page settles any order: never by accident where real customers pay.
    if (env.DATABASE_URL && !env.YOOKASSA_SHOP_ID && env.PAYMENTS_PROVIDER !== 'sandbox') {
      issues.addIssue({
        code: 'custom',
        path: ['PAYMENTS_PROVIDER'],
        message:
          'with DATABASE_URL a real payment provider is required: set YOOKASSA_SHOP_ID and YOOKASSA_SECRET_KEY, or PAYMENTS_PROVIDER=sandbox for a test installation',
      });
    }
    if (env.PAYMENTS_PROVIDER === 'yookassa' && !env.YOOKASSA_SHOP_ID) {
      issues.addIssue({ code: 'custom', path: ['YOOKASSA_SHOP_ID'], message: 'required when PAYMENTS_PROVIDER=yookassa' });
    }
    if (env.YOOKASSA_SHOP_ID && !env.YOOKASSA_SECRET_KEY) {
      issues.addIssue({ code: 'custom', path: ['YOOKASSA_SECRET_KEY'], message: 'required when YOOKASSA_SHOP_ID is set' });
    }
    // energobot's own Direct Line relay posts unauthenticated: with credentials, web chat goes through Azure.
    if (env.MICROSOFT_APP_ID && !env.DIRECT_LINE_SECRET) {
      issues.addIssue({
        code: 'custom',
        path: ['DIRECT_LINE_SECRET'],
        message: 'required when MICROSOFT_APP_ID is set: web chat then goes through Azure Direct Line',
      });
    }
    if (env.INBOUND_SMTP_PORT !== undefined && !env.INBOUND_MAIL_DOMAIN) {
      issues.addIssue({
        code: 'custom',
        path: ['INBOUND_MAIL_DOMAIN'],
        message: 'required with INBOUND_SMTP_PORT: the domain in the Reply-To of appeal mails',
      });
    }
    if (env.INBOUND_SMTP_PORT !== undefined && env.INBOUND_MAIL_SENDER_DOMAINS.length === 0 && !env.APPEALS_MAILBOX) {
      issues.addIssue({
        code: 'custom',
        path: ['INBOUND_MAIL_SENDER_DOMAINS'],
        message: "required with INBOUND_SMTP_PORT unless APPEALS_MAILBOX is set: replies are taken only from the operators' mail domains",
      });
    }
    if (env.APPEALS_MAILBOX && !env.INBOUND_MAIL_DOMAIN) {
      issues.addIssue({
        code: 'custom',
        path: ['INBOUND_MAIL_DOMAIN'],
        message: 'required with APPEALS_MAILBOX: operators answer by replying to an address of this domain',
      });
    }
    if (env.MICROSOFT_APP_ID && !env.MICROSOFT_APP_PASSWORD && env.MICROSOFT_APP_TYPE !== 'UserAssignedMSI') {
      issues.addIssue({ code: 'custom', path: ['MICROSOFT_APP_PASSWORD'], message: 'required when MICROSOFT_APP_ID is set' });
    }
  });

export type Config = ReturnType<typeof toConfig>;

export class ConfigError extends Error {}

/** Reads and checks the environment; every bad variable is named on a line of its own. */
export function createConfig(env: NodeJS.ProcessEnv): Config {
  return toConfig(parseEnv(configSchema, env));
}

const seedSchema = z.object({ ...databaseFields, SUPPLIER_TIME_ZONE: supplierTimeZone });

/** What `npm run seed` needs: the database and the supplier's months, nothing of the services customers reach. */
export function createSeedConfig(env: NodeJS.ProcessEnv): Pick<Config, 'database' | 'timeZone'> {
  const parsed = parseEnv(seedSchema, env);
  return { database: databaseOf(parsed), timeZone: parsed.SUPPLIER_TIME_ZONE };
}

function parseEnv<T extends z.ZodType>(schema: T, env: NodeJS.ProcessEnv): z.infer<T> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('\n'));
  }
  return parsed.data;
}

function databaseOf(env: { DATABASE_URL?: string | undefined; SQLITE_PATH: string }) {
  return env.DATABASE_URL ? ({ kind: 'postgresql', url: env.DATABASE_URL } as const) : ({ kind: 'sqlite', path: env.SQLITE_PATH } as const);
}

type Env = z.infer<typeof configSchema>;

/** The supplier's numbers the flows apply. */
function policyOf(env: Env) {
  return {
    paymentConfirmAbove: kopecks(env.PAYMENT_CONFIRM_ABOVE_RUB * 100),
    appealTopics: env.APPEAL_TOPICS as AppealTopic[],
    appealsMailbox: env.APPEALS_MAILBOX ?? null,
    operatorHours: env.OPERATOR_HOURS,
    reminders: { readingsWindow: env.READINGS_WINDOW, paymentDueDay: env.PAYMENT_DUE_DAY },
    contacts: {
      supplier: env.SUPPLIER_NAME,
      office: env.SUPPLIER_ADDRESS,
      officeHours: env.SUPPLIER_OFFICE_HOURS,
      phone: env.SUPPLIER_PHONE,
      dispatchPhone: env.SUPPLIER_DISPATCH_PHONE,
      emergencyPhone: env.SUPPLIER_EMERGENCY_PHONE,
      email: env.SUPPLIER_EMAIL ?? null,
      site: env.SUPPLIER_SITE ?? null,
    },
  };
}

function toConfig(env: Env) {
  const botFrameworkAuthenticated = env.MICROSOFT_APP_ID !== undefined;
  return {
    port: env.PORT,
    // With no app id Bot Framework accepts unauthenticated posts: keep that mode on loopback.
    /** Where browsers fetch charts and exports from; the listening address when unset. */
    publicUrl: env.PUBLIC_URL?.replace(/\/$/, ''),
    host: env.HOST ?? (botFrameworkAuthenticated ? '0.0.0.0' : '127.0.0.1'),
    database: databaseOf(env),
    redisUrl: env.REDIS_URL,
    /** Put before every Redis key: several installations (or the benchmark) can share one Redis. */
    redisKeyPrefix: env.REDIS_KEY_PREFIX,
    flowStateTtlMs: env.FLOW_STATE_TTL_HOURS * 3600_000,
    telegram: telegramOf(env),
    max: maxOf(env),
    botFramework: {
      appId: env.MICROSOFT_APP_ID ?? '',
      appPassword: env.MICROSOFT_APP_PASSWORD ?? '',
      tenantId: env.MICROSOFT_APP_TENANT_ID ?? '',
      appType: env.MICROSOFT_APP_TYPE,
      authenticated: botFrameworkAuthenticated,
    },
    webChat: webChatOf(env),
    operatorToken: env.OPERATOR_TOKEN,
    /** The sandbox card page was asked for by name (anywhere but the embedded default). */
    sandboxAskedFor: env.PAYMENTS_PROVIDER === 'sandbox',
    yookassa:
      env.PAYMENTS_PROVIDER !== 'sandbox' && env.YOOKASSA_SHOP_ID && env.YOOKASSA_SECRET_KEY
        ? {
            shopId: env.YOOKASSA_SHOP_ID,
            secretKey: env.YOOKASSA_SECRET_KEY,
            apiUrl: env.YOOKASSA_API_URL.replace(/\/$/, ''),
            allowedIps: env.YOOKASSA_ALLOWED_IPS,
          }
        : undefined,
    /** Signs the sandbox provider's callbacks; random per process unless set (set it when instances share the work). */
    sandboxPaymentsSecret: env.SANDBOX_PAYMENTS_SECRET ?? randomBytes(32).toString('hex'),
    /** The supplier's billing over the contract; the embedded tables when unset. */
    billingApi: env.BILLING_API_URL
      ? { url: env.BILLING_API_URL.replace(/\/$/, ''), token: env.BILLING_API_TOKEN, timeoutMs: env.BILLING_TIMEOUT_MS }
      : undefined,
    /** Signs billing's events to `POST /billing/events`; the route is not there without it. */
    billingEventsSecret: env.BILLING_EVENTS_SECRET,
    mail: { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, outboxDir: env.MAIL_OUTBOX_DIR },
    /** Signs the e-mail links that open the chat; made and kept in the database unless set. */
    linkSecret: env.LINK_SECRET,
    timeZone: env.SUPPLIER_TIME_ZONE,
    supplier: supplierOf(env),
    policy: policyOf(env),
    appeals: appealsOf(env),
    logLevel: env.LOG_LEVEL,
  };
}

function telegramOf(env: Env) {
  if (!env.TELEGRAM_BOT_TOKEN) return undefined;
  return {
    token: env.TELEGRAM_BOT_TOKEN,
    apiRoot: env.TELEGRAM_API_ROOT,
    webhook: env.TELEGRAM_WEBHOOK_URL ? { url: env.TELEGRAM_WEBHOOK_URL, secret: env.TELEGRAM_WEBHOOK_SECRET as string } : undefined,
  };
}

function maxOf(env: Env) {
  if (!env.MAX_BOT_TOKEN) return undefined;
  return {
    token: env.MAX_BOT_TOKEN,
    apiRoot: env.MAX_API_ROOT,
    webhook: env.MAX_WEBHOOK_URL ? { url: env.MAX_WEBHOOK_URL, secret: env.MAX_WEBHOOK_SECRET as string } : undefined,
  };
}

function webChatOf(env: Env) {
  return {
    directLine: env.DIRECT_LINE_SECRET ? { secret: env.DIRECT_LINE_SECRET, endpoint: env.DIRECT_LINE_ENDPOINT.replace(/\/$/, '') } : undefined,
    allowedOrigins: env.WEBCHAT_ALLOWED_ORIGINS,
    trustedProxies: env.TRUSTED_PROXIES,
    style: {
      // The paper clip offers what an appeal takes; anything else picked is refused by the bot, clearly.
      hideUploadButton: false,
      uploadAccept: 'image/jpeg,image/png,image/webp,image/gif,application/pdf',
      uploadMultiple: true,
      // A picked file goes at once, as a message of its own: the bot answers each one.
      sendAttachmentOn: 'attach' as const,
      // Buttons one under another: the whole menu fits a phone's width, no sideways scrolling.
      suggestedActionLayout: 'stacked' as const,
      suggestedActionsStackedHeight: 'auto' as const,
      accent: env.WEBCHAT_ACCENT_COLOR,
      botAvatarInitials: env.WEBCHAT_BOT_INITIALS,
      ...(env.WEBCHAT_BOT_AVATAR_URL && { botAvatarImage: env.WEBCHAT_BOT_AVATAR_URL }),
    },
  };
}

function supplierOf(env: Env) {
  return {
    name: env.SUPPLIER_NAME,
    inn: env.SUPPLIER_INN,
    kpp: env.SUPPLIER_KPP,
    bankAccount: env.SUPPLIER_BANK_ACCOUNT,
    bankName: env.SUPPLIER_BANK_NAME,
    bic: env.SUPPLIER_BIC,
    correspondentAccount: env.SUPPLIER_CORRESPONDENT_ACCOUNT,
    address: env.SUPPLIER_ADDRESS,
    phone: env.SUPPLIER_PHONE,
  } satisfies SupplierDetails;
}

function appealsOf(env: Env) {
  return {
    /** Operators' replies by e-mail come back to this domain, to an address that names the appeal. */
    inbound:
      env.INBOUND_MAIL_DOMAIN && env.INBOUND_SMTP_PORT !== undefined
        ? {
            domain: env.INBOUND_MAIL_DOMAIN,
            port: env.INBOUND_SMTP_PORT,
            host: env.INBOUND_SMTP_HOST,
            /** Only these mail servers may hand replies over. */
            allowedRelays: env.INBOUND_SMTP_ALLOWED,
            /** Replies count only from these domains: the operators' mailbox's unless named. */
            senderDomains:
              env.INBOUND_MAIL_SENDER_DOMAINS.length > 0 ? env.INBOUND_MAIL_SENDER_DOMAINS : [String(env.APPEALS_MAILBOX).split('@')[1]?.toLowerCase() ?? ''],
          }
        : undefined,
    replyDomain: env.INBOUND_MAIL_DOMAIN,
    answerWithinHours: env.APPEAL_ANSWER_HOURS,
    supervisors: env.APPEALS_SUPERVISORS,
  };
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
