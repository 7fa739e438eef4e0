/**
 * Masking rules as data, modelled on secretlint's recommended preset plus vendor token formats and
 * personal data (payment cards, US SSNs). Each rule is a regular expression; when it has a named group
 * `secret`, only that group is masked (the key, `Bearer`, the URL user and host stay readable).
 * E-mail addresses are deliberately not a rule: support needs them.
 */

/** One masking rule; `validate` sees the secret span and the whole match and may reject a false hit. */
export type MaskRule = {
  readonly id: string;
  readonly label: string;
  readonly pattern: RegExp;
  readonly validate?: (secret: string, match: string) => boolean;
};

/** The label used for values masked because of the name of their key. */
export const CREDENTIAL_LABEL = "Credential";

// Key names whose value is a secret; a prefix is allowed (db_password, x-api-key, accessToken).
const KEY_NAMES = String.raw`(?:password|passwd|passphrase|pwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key)`;
const SECRET_KEY = new RegExp(String.raw`^[\w.-]*?(?:${KEY_NAMES}|authorization|cookie)$`, "i");

/** True for object keys whose string value is a credential as a whole (used by `maskDeep`). */
export function isSecretKeyName(key: string): boolean {
  return SECRET_KEY.test(key);
}

const PLACEHOLDER =
  /^(?:|null|nil|none|undefined|true|false|\*+|x+|<[^>]*>|\$\{[^}]*\}|\{\{.*\}\}|%s|\[REDACTED[^\]]*\])$/i;

/** True for empty values, template variables, `***`, `<your-token>` and already masked values. */
export function isPlaceholder(value: string): boolean {
  return PLACEHOLDER.test(value.trim());
}

// Random-looking: long enough and mixes letters and digits, which prose and identifiers rarely do.
const looksRandom = (secret: string): boolean =>
  secret.length >= 16 && /\d/.test(secret) && /[A-Za-z]/.test(secret);

const hasMixedCase = (secret: string): boolean =>
  /\d/.test(secret) && /[a-z]/.test(secret) && /[A-Z]/.test(secret);

// `token: expired` is prose, `token: Xy7...`, `token=expired` and `"token": "expired"` are not.
function isAssignedSecret(secret: string, match: string): boolean {
  if (isPlaceholder(secret)) return false;
  const before = match.slice(0, match.length - secret.length);
  const quoted = /["']$/.test(before);
  const colon = /:[ \t]*$/.test(before);
  return quoted || !colon || !/^[a-z]+$/.test(secret);
}

// `Basic <base64>` is only a credential when it decodes to printable `user:password`.
function isBasicCredential(secret: string): boolean {
  const decoded = Buffer.from(secret, "base64").toString("utf8");
  return /^[^\p{Cc}\uFFFD:]+:[^\p{Cc}\uFFFD]*$/u.test(decoded);
}

type CardBrand = { readonly prefix: RegExp; readonly lengths: readonly number[] };

const CARD_BRANDS: readonly CardBrand[] = [
  { prefix: /^4/, lengths: [13, 16, 19] }, // Visa
  { prefix: /^(?:5[1-5]|2[2-7])/, lengths: [16] }, // Mastercard
  { prefix: /^3[47]/, lengths: [15] }, // American Express
  { prefix: /^3(?:0[0-5]|[689])/, lengths: [14, 15, 16, 17, 18, 19] }, // Diners, JCB
  { prefix: /^(?:6011|64[4-9]|65|62)/, lengths: [16, 17, 18, 19] }, // Discover, UnionPay
];

function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits.charAt(digits.length - 1 - i));
    if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}

// Cards are written as one block or in groups of 3-6 with a single kind of separator; order numbers,
// dates and phone numbers fail the brand prefix, the grouping or the Luhn check.
function isPaymentCard(secret: string): boolean {
  const separators = new Set(secret.match(/[ -]/g) ?? []);
  const groups = secret.split(/[ -]/);
  if (separators.size > 1 || (groups.length > 1 && groups.some((g) => g.length < 3 || g.length > 6))) {
    return false;
  }
  const digits = groups.join("");
  const branded = CARD_BRANDS.some((b) => b.prefix.test(digits) && b.lengths.includes(digits.length));
  return branded && passesLuhn(digits);
}

const rule = (id: string, label: string, pattern: RegExp, validate?: MaskRule["validate"]): MaskRule =>
  validate ? { id, label, pattern, validate } : { id, label, pattern };

/** All rules, most specific first: when two rules find the same span, the earlier rule names it. */
export const MASK_RULES: readonly MaskRule[] = [
  rule(
    "aws-access-key-id",
    "AWS access key",
    /(?<![A-Za-z0-9])(?:AKIA|ASIA|A3T[A-Z0-9]|AGPA|AIDA|AROA|AIPA|ANPA|ANVA)[A-Z0-9]{16}(?![A-Za-z0-9])/,
  ),
  rule(
    "aws-secret-access-key",
    "AWS secret key",
    /(?<![\w-])(?:aws_?)?secret_?access_?key["']?[ \t]*(?:=>|[:=])[ \t]*["']?(?<secret>[A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])/i,
  ),
  rule("gcp-api-key", "GCP API key", /(?<![\w-])AIza[\w-]{35}(?![\w-])/),
  rule(
    "gcp-service-account-key",
    "GCP service-account key",
    /"private_key"[ \t]*:[ \t]*"(?<secret>-----BEGIN [A-Z ]*PRIVATE KEY-----(?:[^"\\\r\n]|\\.)*)"/,
  ),
  rule(
    "github-token",
    "GitHub token",
    /(?<!\w)(?:gh[pousr]_[A-Za-z0-9]{36,251}|github_pat_[A-Za-z0-9_]{22,244})(?!\w)/,
  ),
  rule("gitlab-token", "GitLab token", /(?<![\w-])glpat-[\w-]{20,}(?![\w-])/),
  rule("slack-token", "Slack token", /(?<![\w-])(?:xox[abposr]-|xapp-\d-)[A-Za-z0-9-]{10,}(?![\w-])/),
  rule(
    "slack-webhook",
    "Slack webhook",
    /https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/[\w/-]+/,
  ),
  rule("stripe-key", "Stripe key", /(?<!\w)(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}(?!\w)/),
  rule("npm-token", "npm token", /(?<!\w)npm_[A-Za-z0-9]{36}(?!\w)/),
  rule("anthropic-key", "Anthropic key", /(?<![\w-])sk-ant-[\w-]{20,}(?![\w-])/),
  rule(
    "openai-key",
    "OpenAI key",
    /(?<![\w-])sk-(?!ant-)(?:proj-|svcacct-|admin-)?[\w-]{20,}(?![\w-])/,
    hasMixedCase,
  ),
  rule("sendgrid-key", "SendGrid key", /(?<![\w.-])SG\.[\w-]{22}\.[\w-]{43}(?![\w-])/),
  rule("twilio-key", "Twilio key", /(?<!\w)SK[0-9a-fA-F]{32}(?!\w)/),
  rule(
    "private-key",
    "Private key",
    /-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----(?:(?:(?!-----BEGIN )[\s\S])*?-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----|(?:\\[rn]|\r?\n|[A-Za-z0-9+/=])+)/,
  ),
  rule("jwt", "JWT", /(?<![\w-])eyJ[\w-]{10,}\.[\w-]{10,}\.[\w-]{8,}(?![\w-])/),
  rule(
    "authorization-bearer",
    "Bearer token",
    /\bAuthorization["']?[ \t]*[:=][ \t]*["']?Bearer[ \t]+(?<secret>[\w.~+/-]+=*)/i,
    (secret) => !isPlaceholder(secret),
  ),
  rule("bearer-token", "Bearer token", /\bBearer[ \t]+(?<secret>[\w.~+/-]+=*)/i, looksRandom),
  rule(
    "basic-auth",
    "Basic auth",
    /\bBasic[ \t]+(?<secret>[A-Za-z0-9+/]{6,}={0,2})(?![\w+/=])/i,
    isBasicCredential,
  ),
  rule(
    "url-password",
    "URL password",
    /(?<![\w+.-])[a-z][a-z0-9+.-]*:\/\/[^\s:/?#@]+:(?<secret>[^\s/?#@]+)@/i,
    (secret) => !isPlaceholder(secret),
  ),
  rule(
    "secret-assignment",
    CREDENTIAL_LABEL,
    new RegExp(
      String.raw`(?<![\w.-])[\w.-]*?${KEY_NAMES}["']?[ \t]*(?:=>|:=|[:=])[ \t]*["']?` +
        String.raw`(?<secret>(?<=")(?:[^"\\\r\n]|\\.)+(?=")|(?<=')[^'\r\n]+(?=')|(?<!["'])[^\s"',;&<>)\]}]+)`,
      "i",
    ),
    isAssignedSecret,
  ),
  rule("payment-card", "Payment card", /(?<![\w.-])\d(?:[ -]?\d){12,18}(?![\w-])/, isPaymentCard),
  rule("us-ssn", "SSN", /(?<![\w-])(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}(?![\w-])/),
];
