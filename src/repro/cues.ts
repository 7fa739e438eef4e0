/**
 * The vocabulary of reproduction extraction: one table per concern. Patterns are plain RegExps
 * (flags other than `g` are kept; scanning adds `g` itself). Where a pattern has a named group
 * `frag`, only that group is quoted; otherwise the whole match is.
 */
import type { EnvironmentKind, EvidenceKind } from "./types.js";

/** A fragment pattern of one kind, with an optional filter the fragment must also match. */
export interface FragmentPattern<K extends string> {
  kind: K;
  pattern: RegExp;
  /** The fragment is kept only when this also matches it. */
  requires?: RegExp;
  /** Why the pattern exists (for readers of the table). */
  note: string;
}

/** Cues that make a sentence a reproduction step. */
export interface StepCues {
  /** Someone reproduced or verified the problem ("Reproduced on staging: ..."). */
  reproduction: RegExp;
  /** "could not reproduce": never a step. */
  notReproduced: RegExp;
  /** A line announcing a list of steps ("Steps to reproduce:"). */
  heading: RegExp;
  /** A sentence opening with an instruction ("Go to", "Click", "POST"). */
  imperative: RegExp;
  /** An opening that is a noun phrase after all ("Refresh tokens are ..."): not an instruction. */
  notImperative: RegExp;
  /** A clause sequencing an action ("when", "after", "then"): a step only with an interaction verb a few words on. */
  sequence: RegExp;
  /** A user or client action ("click", "sign in", "export", "upload"). */
  interaction: RegExp;
  /** An API call by method and path. */
  httpCall: RegExp;
  /** Advice, promises and status updates: never steps. */
  advisory: RegExp;
  /** Names something concrete: digits, quoted text, an endpoint or UI path. */
  concrete: RegExp;
  /** Like `concrete` but without spelled-out numbers: what makes a reproduction note strong. */
  strongConcrete: RegExp;
  /** Greeting or label at the start of a sentence, dropped from quotes ("Thanks Claire, ", "Update: "). */
  leadIn: RegExp;
}

/** Default step cues. */
export const STEP_CUES: StepCues = {
  reproduction:
    /\b(?:reproduced|reproduces|reproducible|reproduce|repro|steps to reproduce|verified on|confirmed on|confirmed (?:with|using))\b/i,
  notReproduced:
    /\b(?:could not|couldn't|cannot|can't|unable to|not able to|failed to) (?:reproduce|repro)\b/i,
  heading: /\b(?:steps to reproduce|repro(?:duction)? steps|to reproduce|steps)\s*:\s*$/i,
  imperative:
    /^(?:(?:first|then|next|finally|now),?\s+)?(?:go to|navigate to|open|click|tap|press|select|choose|enter|type|fill in|log in|sign in|log out|sign out|upload|download|submit|save|create|add|delete|remove|edit|change|switch|export|import|run|call|send|POST|GET|PUT|PATCH|DELETE|refresh|reload|drag|attach|invite|approve|reject)\b/i,
  notImperative: /^\S+(?:\s+\S+){0,2}\s+(?:are|is|was|were|has|have|had)\b/i,
  sequence: /(?<![\w-])(?:when(?:ever)?|after|once|each time|every time|as soon as|then)\b/i,
  interaction:
    /\b(?:click|tap|press|open|select|choose|enter|type|log(?:s|ged|ging)? in|sign(?:s|ed|ing)? in|upload|download|submit|save|create|add|delete|remove|edit|change|switch|export|import|run|call|send|refresh|reload|drag|attach|invite|approve|reject|load|visit|navigate|go(?:es)? to|land|post|sync)(?:s|es|ed|d|ing)?\b/i,
  httpCall: /\b(?:GET|POST|PUT|PATCH|DELETE)\s+\/\S/,
  advisory:
    /\b(?:you can|you could|you may|please|we recommend|I recommend|recommended|workaround|is safe|next update|will update|I will|we will|ETA|let (?:me|us) (?:know|check)|thanks? for|sorry|working on (?:it|a fix|this)|while we|fix(?:ing)? (?:this|it))\b/i,
  concrete:
    /\d|["“'‘`][^"”'’`]{2,}["”'’`]|→|\/[\w{]|\b(?:GET|POST|PUT|PATCH|DELETE)\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve)[- ]\w/,
  strongConcrete: /\d|["“'‘`][^"”'’`]{2,}["”'’`]|→|\/[\w{]|\b(?:GET|POST|PUT|PATCH|DELETE)\b/,
  leadIn:
    /^(?:(?:thanks|thank you|hi|hello|hey|ok|okay|update|note|fyi)\b[^,:.!?—–]{0,30}(?:[,:!.—–]| - )|(?:internal|repro)\s*:)\s*/i,
};

/** Cues for expected and actual behaviour. */
export interface ExpectationCues {
  /** States what should happen ("should", "expected", "used to"). */
  expected: RegExp;
  /** Sentences with these are promises about the fix, not expected behaviour. */
  notExpectation: RegExp;
  /** Where an expectation turns into what happens instead ("..., but", "instead"). */
  contrast: RegExp;
  /** A sentence opening that reports the actual behaviour right after an expectation ("Instead, ..."). */
  contrastOpening: RegExp;
  /** States what happens ("returns", "fails with", "is greyed out"). */
  actual: RegExp;
}

/** Default expectation cues. */
export const EXPECTATION_CUES: ExpectationCues = {
  expected: /\b(?:expected|expect(?:s|ing)?|should|supposed to|used to|meant to|ought to)\b/i,
  notExpectation:
    /\b(?:fix(?:ed|es)?|resolved?|update[sd]?|ETA|hear back|patch(?:ed)?|deploy(?:ed)?|renew(?:al)?|roadmap|should I|should we)\b/i,
  contrast: /\s*[,;]?\s*\b(?:but|instead|however|whereas)\b[,]?\s*/i,
  contrastOpening: /^(?:instead|but|however|in fact|actually)\b/i,
  actual:
    /\b(?:instead|actually|returns?|returned|returning|fails?|failed|failing|errors?|throws?|threw|crash(?:es|ed)?|hangs?|spins?|times? out|timed out|stops?|stopped|greyed out|disabled|blank|empty|missing|wrong|short|shows?|showing|displays?|get(?:s|ting)? (?:an? )?(?:error|blank|empty|stuck|logged out|redirected|bounced|kicked|the \w+ role)|lands?|never|doesn't|does not|don't|do not|didn't|did not|cannot|can't|won't|no longer|not (?:working|loading|arriving|sent|saved|generated|applied))\b/i,
};

/** Cues for how often the problem happens. */
export interface FrequencyCues {
  always: RegExp;
  intermittent: RegExp;
  /** Stated rates; the group `frag` (or the whole match) is the rate. */
  rate: RegExp[];
  /** Conditions under which it happens; the whole match is the condition. */
  condition: RegExp[];
}

/** Default frequency cues. */
export const FREQUENCY_CUES: FrequencyCues = {
  always:
    /\b(?:always|every (?:single )?time|each time|consistently|every (?:call|request|attempt|run|export|import|login|sign-in|upload|night|day|morning)|100% of|reproducible|reliably reproduc\w*|none of (?:our|the|my) (?:staff|users|employees|calls|requests)|nobody (?:in [\w ]{1,30} )?can|never (?:works|loads|arrives|succeeds))\b/i,
  intermittent:
    /\b(?:intermittent(?:ly)?|sometimes|occasionally|sporadic(?:ally)?|randomly|at random|from time to time|now and then|every so often|once in a while|flaky|not always|some of the (?:time|calls|requests)|hit[- ]or[- ]miss|usually (?:works|succeeds)|succeeds? on retry)\b/i,
  rate: [
    /\b(?<frag>(?:\d+|one|two|three|four|five) (?:in|out of) (?:every )?\d[\d,]*)\b/i,
    /(?<frag>\d+(?:\.\d+)?\s?%)(?= of (?:the )?(?:all )?(?:time|calls|requests|attempts|runs|jobs|orders|uploads|exports|logins|sign-ins|users|syncs|events|deliveries|transactions|messages|emails)\b)/i,
    /\b(?:error|failure|fail|5xx|4xx|success) rate (?:of |is |at |around |about |~)?(?<frag>\d+(?:\.\d+)?\s?%)/i,
  ],
  condition: [
    /\bonly (?:when|if|on|for|in|with|after|during|above|over)\b[^,.;:]{1,60}/i,
    /\b(?:(?:with|for|having|containing) )?(?:more|fewer|less|larger|bigger|greater) than \d[\d,.]*(?:\s?(?:%|KB|MB|GB|k\b))?(?: (?!(?:times?|fails?|failed|returns?|is|are|was|were|get|gets|and|or|but|the)\b)[a-z][\w-]*){0,2}/i,
    /\b(?:over|above|beyond) \d[\d,.]*\s?(?:KB|MB|GB|rows|items|line items|records|users|parcels|stops|files)\b/i,
    /\b(?:under (?:heavy )?load|at peak|during peak(?: hours)?)\b/i,
  ],
};

/** Sentences that say what has been ruled out, each pattern documented by its example. */
export const RULED_OUT_CUES: ReadonlyArray<{ pattern: RegExp; example: string }> = [
  {
    pattern: /\bnothing (?:has )?changed on (?:our|my|their) (?:side|end)\b/i,
    example: "Nothing changed on our side",
  },
  { pattern: /\bno changes? on (?:our|my|their) (?:side|end)\b/i, example: "No changes on our end" },
  {
    pattern: /\b(?:haven't|have not|didn't|did not) change(?:d)? anything\b/i,
    example: "We didn't change anything",
  },
  {
    pattern: /\bsame (?:client|app|sdk|integration|code|config(?:uration)?) version\b/i,
    example: "same client version since September",
  },
  {
    pattern:
      /\b(?:tested|tried|checked|reproduced|happens|same (?:thing|behaviou?r|result|issue))\b[^.]{0,80}\b(?:Chrome|Firefox|Safari|Edge|private windows?|incognito|another browser|other browsers|different browsers?)\b/i,
    example: "Tested in Chrome and Firefox — same behavior",
  },
  { pattern: /\bsame behaviou?r\b/i, example: "same behavior" },
  {
    pattern: /\bnot (?:account|browser|user|device|network|region|tenant)[- ]specific\b/i,
    example: "Not account-specific",
  },
  {
    pattern:
      /\bnot (?:your|the|their|a) (?:browser|network|device|setup|configuration|integration|client)\b/i,
    example: "so this is not your browser",
  },
  {
    pattern:
      /\breproduced (?:it |this )?(?:on|in|with|from) (?:a |an |our |the )?(?:test|internal|clean|fresh|separate|own)\b/i,
    example: "reproduced on test account",
  },
  {
    pattern: /\bretry(?:ing)?\b[^.]{0,60}\b(?:succeeds?|works)\b/i,
    example: "Retrying the same payload usually succeeds",
  },
  {
    pattern:
      /\b(?:[Ww]orks(?! on| around)|[Ww]orks fine|shows everything|loads (?:fine|correctly|normally))\b|\b[A-Z][\w.]*(?: \d+(?:\.\d+)*)? (?:is|are) (?:fine|unaffected|not affected)\b/,
    example: "it works for Admins; Android is fine",
  },
  {
    pattern: /\bsame (?:login|user|account|file|payload|request|report) (?:in|on|from|with)\b/i,
    example: "The same login in Chrome",
  },
  { pattern: /\b(?:cleared|clearing) (?:the )?(?:cache|cookies)\b/i, example: "cleared the cache" },
  { pattern: /\b(?:private|incognito) (?:window|mode|tab)s?\b/i, example: "private windows" },
  {
    pattern: /\b(?:different|another|other) (?:browser|device|network|machine|account|user|workspace)s?\b/i,
    example: "on a different network",
  },
  { pattern: /\bwent through\b[^.]{0,40}\bchecklist\b/i, example: "went through the KB-230 checklist" },
  {
    pattern: /\bfollowed (?:KB-\d+|the (?:guide|docs|documentation|article))\b/i,
    example: "We followed KB-230",
  },
];

/** Sentences that describe the starting state: account type, configuration, permissions. */
export const STARTING_STATE_CUES: ReadonlyArray<{ pattern: RegExp; example: string }> = [
  {
    pattern:
      /\b(?:sandbox|staging|test (?:account|user|workspace|tenant|org\w*)|fresh (?:account|workspace)|new (?:account|workspace|org)|trial account)\b/i,
    example: "Reproduced against the Acme sandbox",
  },
  { pattern: /\b[\w-]+-role\b|\broles?\b|\bpermissions?\b/i, example: "with an Approver-role test user" },
  {
    pattern: /\b(?:admin|administrator|approver|editor|viewer|owner|member|guest)s? (?:user|account|role)\b/i,
    example: "as an Admin user",
  },
  {
    pattern: /\b(?:configured|configuration|enabled|disabled by|enforced|turned (?:on|off)|set up)\b/i,
    example: "with the new-exports feature flag enabled",
  },
  { pattern: /\bon (?:the|our|an?) [A-Z][\w+-]* plan\b/, example: "on the Business plan" },
];

/** Words that never start a name (keeps "Our integration" out of integration names). */
const NOT_A_NAME = "(?!(?:Our|Your|The|This|That|My|Their|An?|Its|Each|Every|Any|No)\\b)";

/** Environment patterns: plan, endpoint, browser, OS, device, client, version, deploy, flags, integrations. */
export const ENVIRONMENT_PATTERNS: ReadonlyArray<FragmentPattern<EnvironmentKind>> = [
  {
    kind: "endpoint",
    pattern: /\b(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+\/[\w\-./{}:%]*[\w}]/,
    note: "method and path: POST /v2/orders",
  },
  {
    kind: "endpoint",
    pattern: /(?<![\w/])\/(?:api|v\d+)\/[\w\-./{}:%]*[\w}]/,
    note: "bare API path: /api/v1/files/{id}",
  },
  {
    kind: "browser",
    pattern:
      /\b(?:Chrome|Chromium|Firefox|Safari|Edge|Opera|Brave|Vivaldi|Internet Explorer|Samsung Internet)(?: \d+(?:\.\d+)*)?\b/,
    note: "browser with optional version: Safari 18",
  },
  {
    kind: "os",
    pattern:
      /\b(?:Windows(?: \d+| XP)?|macOS(?: \d+(?:\.\d+)*| Sonoma| Sequoia| Ventura| Monterey| Tahoe)?|Mac OS X?|OS X|iOS(?: \d+(?:\.\d+)*)?|iPadOS(?: \d+)?|Android(?: \d+(?:\.\d+)*)?|Linux|Ubuntu(?: \d+\.\d+)?|ChromeOS|Chrome OS)\b/,
    note: "operating system with optional version: Windows 11, iOS 17.4",
  },
  {
    kind: "device",
    pattern:
      /\b(?:iPhone(?: \d+(?: Pro(?: Max)?)?)?|iPad(?: Pro| Air| mini)?|MacBook(?: Pro| Air)?|Pixel \d+|Chromebook)\b/,
    note: "device: iPad, MacBook",
  },
  {
    kind: "client",
    pattern: /\b(?:mobile|Android|iOS|iPhone|iPad|desktop|web|field) app\b/i,
    note: "which client: the Android app",
  },
  {
    kind: "version",
    pattern: /\b(?:version|release|build|v)\s?\d+(?:\.\d+)+(?:[-+][\w.]+)?/i,
    note: "labelled version: v2026.11.09.2, version 4.15.1",
  },
  {
    kind: "version",
    pattern: /(?<![\w.])\d+\.\d+\.\d+(?![\w.]*\d)/,
    note: "bare semver (not an IP address): 4.15.1",
  },
  {
    kind: "version",
    pattern: /\b(?:fixed|regressed|released|shipped|introduced) in (?<frag>\d+\.\d+(?:\.\d+)?)\b/i,
    note: "version named by what happened in it: fixed in 4.12",
  },
  {
    kind: "deploy",
    pattern:
      /\b(?:(?!(?:the|a|an|our|your|this|that|since|after|with|from)\b)[a-z][\w-]* )?v?\d[\w.-]*\s(?:deploy(?:ment)?|release|upgrade|rollout|migration)\b/i,
    note: "versioned deploy: the v2026.11.09.2 deploy, geocoder v4 upgrade",
  },
  {
    kind: "feature_flag",
    pattern: /\bfeature[- ]flags?\s+[`'"“]?[\w.:-]{3,}[`'"”]?/i,
    note: "feature flag new-exports",
  },
  {
    kind: "feature_flag",
    pattern: /[`'"“]?[\w.:-]{3,}[`'"”]? (?:feature )?flag\b/i,
    note: "the new-exports feature flag",
  },
  { kind: "feature_flag", pattern: /\b(?:ff|flag)[_.:][a-z0-9_.:-]{3,}\b/i, note: "ff_new_exports" },
  {
    kind: "integration",
    pattern:
      /\b(?:Salesforce|HubSpot|NetSuite|QuickBooks|Xero|Shopify|Stripe|Zapier|Slack|Microsoft Teams|Okta|Azure AD|Entra ID|OneLogin|Google Workspace|Microsoft 365|Office 365|Gmail|Outlook|Zendesk|Jira|Intercom|SCIM|SAML|SFTP|Snowflake|BigQuery|Twilio|SendGrid|Mailchimp|React Native|react-native-webview)\b/,
    note: "known integration and protocol names",
  },
  {
    kind: "integration",
    pattern: new RegExp(`\\b${NOT_A_NAME}[A-Z][\\w.]+ (?:integration|connector|plugin)\\b`),
    note: "named integration: Acme ERP integration",
  },
  {
    kind: "plan",
    pattern: new RegExp(
      `\\b${NOT_A_NAME}(?!I\\b)[A-Z][\\w+-]*(?: [A-Z][\\w+-]*)? (?:plan|tier|edition)\\b(?! to\\b)`,
    ),
    note: "plan named in text: Business plan",
  },
  {
    kind: "instance",
    pattern: /\b(?:staging|sandbox)(?: (?:sandbox|environment|workspace|tenant))?\b/i,
    note: "where it was reproduced",
  },
];

/** What makes quoted text an error message rather than a UI label. */
const ERRORISH =
  /\b(?:error|errors|\w+(?:Error|Exception)|fail(?:ed|ure|s)?|exceed(?:s|ed)?|timed out|time ?out|invalid|denied|unavailable|not found|too many|forbidden|unauthori[sz]ed|exception|cannot|can't|could not|couldn't|unable|offline|refused|expired|limit|rejected|went wrong|try again|not allowed|undefined|null|[45]\d\d)\b/i;

const REASON =
  "(?:OK|Bad Request|Unauthorized|Forbidden|Not Found|Conflict|Gone|Payload Too Large|Unprocessable Entity|Too Many Requests|Internal Server Error|Bad Gateway|Service Unavailable|Gateway Timeout)";

/** Evidence patterns: exact error text worth quoting to engineering. */
export const EVIDENCE_PATTERNS: ReadonlyArray<FragmentPattern<EvidenceKind>> = [
  {
    kind: "http_status",
    pattern: new RegExp(`\\bHTTP(?:\\/\\d(?:\\.\\d)?)?\\s+[1-5]\\d\\d\\b(?:\\s+${REASON})?`),
    note: "HTTP 500, HTTP 429 Too Many Requests",
  },
  {
    kind: "http_status",
    pattern: new RegExp(`\\b[1-5]\\d\\d\\s+(?:${REASON}|\\(${REASON}\\))`),
    note: "503 Service Unavailable",
  },
  {
    kind: "http_status",
    pattern:
      /\b(?:returns?|returned|returning|respond(?:s|ed)? with|fail(?:s|ed|ing)? with|error(?:s|ed)? with|status(?: code)?)\s+(?:an?\s+)?(?:HTTP\s+)?[45]\d\d\b(?:\s+(?:errors?|responses?|[a-z]+(?:_[a-z]+)+))?/i,
    note: "returns 500, fails with 401 token_expired",
  },
  {
    kind: "http_status",
    pattern: /\b[45]\d\d(?:s\b| errors?\b| responses?\b)/,
    note: "500 errors, intermittent 500s",
  },
  { kind: "http_status", pattern: /\b[45]xx\b/i, note: "5xx" },
  {
    kind: "exception",
    pattern:
      /\b(?:[a-z_]\w*\.)*[A-Z][a-z0-9]+[A-Za-z0-9]*(?:Exception|Error|Fault)\b(?::\s[^.;\n"”']{1,120}|\s+after\s+\d[\d,.]*\s*(?:ms|s|seconds?|milliseconds?)\b)?/,
    note: "ReservationTimeoutException after 5000 ms, TypeError: x is undefined",
  },
  {
    kind: "error_body",
    pattern: /\{[^{}\n]{0,400}"(?:error|errors|message|code|detail)"[^{}\n]{0,400}\}/,
    note: 'JSON error body: {"error":"internal_error"}',
  },
  {
    kind: "error_message",
    pattern: /"(?<frag>[^"\n]{3,200})"/,
    requires: ERRORISH,
    note: 'double-quoted message: "Upload failed"',
  },
  {
    kind: "error_message",
    pattern: /“(?<frag>[^”\n]{3,200})”/,
    requires: ERRORISH,
    note: "curly-quoted message",
  },
  {
    kind: "error_message",
    pattern: /(?<!\w)'(?<frag>[^'\n]{3,200}?)'(?!\w)/,
    requires: ERRORISH,
    note: "single-quoted message: 'File exceeds maximum of 10,000 rows'",
  },
  {
    kind: "error_message",
    pattern: /‘(?<frag>[^’\n]{3,200})’/,
    requires: ERRORISH,
    note: "curly single-quoted message",
  },
  {
    kind: "error_message",
    pattern: /`(?<frag>[^`\n]{3,200})`/,
    requires: ERRORISH,
    note: "back-quoted message",
  },
  {
    kind: "request_id",
    pattern: /\b(?:req|request|trace|span|corr|correlation|txn|evt)[_-](?=[A-Za-z0-9]*\d)[A-Za-z0-9]{6,}\b/,
    note: "req_8f2c19ab",
  },
  {
    kind: "request_id",
    pattern: /\b(?:request|trace|correlation) ?ids?:?\s+(?<frag>(?=[\w-]*\d)[A-Za-z0-9][\w-]{5,})/i,
    note: "Request ID: 7f3a9c1e",
  },
  {
    kind: "request_id",
    pattern: /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i,
    note: "UUID",
  },
  { kind: "error_code", pattern: /\bERR_[A-Z0-9_]{3,}\b/, note: "ERR_TOO_MANY_REDIRECTS" },
  {
    kind: "error_code",
    pattern: /\bE(?:CONNRESET|CONNREFUSED|TIMEDOUT|NOTFOUND|PIPE|ADDRINUSE|AI_AGAIN)\b/,
    note: "Node socket errors",
  },
  { kind: "error_code", pattern: /\berror code:?\s+(?<frag>[\w-]{2,})/i, note: "error code E1234" },
];

/** The whole vocabulary, replaceable piecewise through `BuildReproductionOptions`. */
export interface ReproVocabulary {
  steps: StepCues;
  expectation: ExpectationCues;
  frequency: FrequencyCues;
  ruledOut: ReadonlyArray<{ pattern: RegExp; example: string }>;
  startingState: ReadonlyArray<{ pattern: RegExp; example: string }>;
  environment: ReadonlyArray<FragmentPattern<EnvironmentKind>>;
  evidence: ReadonlyArray<FragmentPattern<EvidenceKind>>;
}

/** The default vocabulary. */
export const DEFAULT_REPRO_VOCABULARY: ReproVocabulary = {
  steps: STEP_CUES,
  expectation: EXPECTATION_CUES,
  frequency: FREQUENCY_CUES,
  ruledOut: RULED_OUT_CUES,
  startingState: STARTING_STATE_CUES,
  environment: ENVIRONMENT_PATTERNS,
  evidence: EVIDENCE_PATTERNS,
};
