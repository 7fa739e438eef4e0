import { describe, expect, it } from "vitest";
import { containsSecret, maskDeep, maskText } from "../src/mask/mask.js";

// Every secret below is fake: random characters in the vendor's format.
const jwt =
  "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c3JfNDgyMSIsIm5hbWUiOiJEYW5hIE9ydGl6IiwiaWF0IjoxNzY3MjI1NjAwfQ.Xq9c2Rk0bTfV8mZ1yLwP3sHn6uJd4aGe7iKo5NhB2Yc";
const pemBody = [
  "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCRgd7cwlHUBGCk/4CRTPvtPmJumiVUtIa",
  "yCtnqt9O9u+IhCKVQSW8RVxDqtWLUFLbRwWK9H7JYtV4ONqu0FX+hgiZ1+LvtoBp",
];
const pem = ["-----BEGIN RSA PRIVATE KEY-----", ...pemBody, "-----END RSA PRIVATE KEY-----"].join("\n");
const gcpKey = `-----BEGIN PRIVATE KEY-----\\n${pemBody.join("\\n")}\\n-----END PRIVATE KEY-----\\n`;

const corpus: [string, string, string][] = [
  ["AWS access key id", "key AKIALHJ4KDYHNSU3WN36 leaked", "key [REDACTED:AWS access key] leaked"],
  ["AWS session key id", "ASIAADTEIMEPPFB66JEN", "[REDACTED:AWS access key]"],
  [
    "AWS secret key",
    "aws_secret_access_key = UvJd8ZnVgI2AVR9es8YcjUOMAsOzXzoTXi7NjA7a",
    "aws_secret_access_key = [REDACTED:AWS secret key]",
  ],
  [
    "AWS secret key in CLI JSON",
    '"SecretAccessKey": "UvJd8ZnVgI2AVR9es8YcjUOMAsOzXzoTXi7NjA7a"',
    '"SecretAccessKey": "[REDACTED:AWS secret key]"',
  ],
  [
    "GCP API key",
    "GET /maps?key=AIzak4HgBaH4owJQ9VmkQbhxgzPhkSjtTYoAzFT&q=x",
    "GET /maps?key=[REDACTED:GCP API key]&q=x",
  ],
  [
    "GCP service-account JSON",
    `{"type": "service_account", "private_key": "${gcpKey}", "client_email": "sync@acme.iam.gserviceaccount.com"}`,
    '{"type": "service_account", "private_key": "[REDACTED:GCP service-account key]", "client_email": "sync@acme.iam.gserviceaccount.com"}',
  ],
  ["GitHub ghp_", "ghp_06aWbyQPbL6MhsQyg6lRjD0fv5pkPiNfdS39", "[REDACTED:GitHub token]"],
  ["GitHub gho_", "(gho_4h6bOIMGRbodcDdyqQ8sjkiCofJINT0VmIvB)", "([REDACTED:GitHub token])"],
  [
    "GitHub ghs_",
    "GITHUB_TOKEN ghs_6LbYeE09FUGZN2hlzsveFAQ7q6d1dyVS5F4Z.",
    "GITHUB_TOKEN [REDACTED:GitHub token].",
  ],
  [
    "GitHub fine-grained PAT",
    "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",
    "[REDACTED:GitHub token]",
  ],
  ["GitLab PAT", "glpat-JHcjFaWcTrlpRVcejpyZ in CI", "[REDACTED:GitLab token] in CI"],
  ["Slack bot token", "xoxb-429435737099-9738914459326-V26nvrZMGrENgbwdjMobyIuu", "[REDACTED:Slack token]"],
  [
    "Slack user token",
    "xoxp-991637878104-402421700506-9393551988239-f719333e560be8506c273e592cddb8dd",
    "[REDACTED:Slack token]",
  ],
  [
    "Slack app token",
    "xapp-1-AGK3ZYDCHDF-2088490441804-c824ebf82ac23aeb4107eac1f40713cc8f5bd6077dfbb118b98648ad4e4f9a7a",
    "[REDACTED:Slack token]",
  ],
  [
    "Slack webhook URL",
    "posting to https://hooks.slack.com/services/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 now",
    "posting to [REDACTED:Slack webhook] now",
  ],
  ["Stripe live key", "sk_live_51s0D53nwbKhvMyF4zm9pi7Mde", "[REDACTED:Stripe key]"],
  ["Stripe restricted key", "rk_live_51DjypuSAavvE2jrdsIwdrHRvt", "[REDACTED:Stripe key]"],
  ["Stripe test key", "STRIPE=sk_test_5176gYoSlUSQJwe5oHem0oaOrO", "STRIPE=[REDACTED:Stripe key]"],
  [
    "npm token",
    "//registry.npmjs.org/:_authToken=npm_fLCPPZTgMhqLhj9F0lVpaMYw7WK9BqL9wjfD",
    "//registry.npmjs.org/:_authToken=[REDACTED:npm token]",
  ],
  ["OpenAI project key", "sk-proj-N6aoNsbrMszr0rCBig2ccZzj3BjUZgl1KaG42aJ2NeXEYxsa", "[REDACTED:OpenAI key]"],
  ["OpenAI legacy key", "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", "[REDACTED:OpenAI key]"],
  [
    "Anthropic key",
    "sk-ant-api03-7ssnQW2rMdfDPfnIv1eBYWL7Y7ochD4xlOxPmMFN3oQuEYsR7Fs3n425OddD3Vs3rwhT6iR7ZORRWoyo08AoH7ol1xMO4AA",
    "[REDACTED:Anthropic key]",
  ],
  [
    "SendGrid key",
    "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",
    "[REDACTED:SendGrid key]",
  ],
  ["Twilio API key", "sid SKda5c7f21deb09db8666ee2662f166791", "sid [REDACTED:Twilio key]"],
  ["JWT", `session=${jwt};`, "session=[REDACTED:JWT];"],
  ["Authorization: Bearer", "Authorization: Bearer 8c1f2e", "Authorization: Bearer [REDACTED:Bearer token]"],
  [
    "bare Bearer token",
    "retry with Bearer 5d2c8a9f41b6e7d03c9a",
    "retry with Bearer [REDACTED:Bearer token]",
  ],
  [
    "Basic auth header",
    "Authorization: Basic YWxpY2U6czNjcjN0LXBhc3M=",
    "Authorization: Basic [REDACTED:Basic auth]",
  ],
  [
    "password in a URL",
    "mongodb+srv://admin:Tr0ub4dor&3@cluster0.acme.mongodb.net/app",
    "mongodb+srv://admin:[REDACTED:URL password]@cluster0.acme.mongodb.net/app",
  ],
  ["env password", "DB_PASSWORD=hunter2", "DB_PASSWORD=[REDACTED:Credential]"],
  ["YAML password", "password: Xy7-pass", "password: [REDACTED:Credential]"],
  ["JSON password with spaces", '{"password": "correct horse"}', '{"password": "[REDACTED:Credential]"}'],
  ["passwd and pwd", "passwd=s3cret pwd='a b'", "passwd=[REDACTED:Credential] pwd='[REDACTED:Credential]'"],
  ["client_secret", "client_secret=9f8e7d6c5b4a", "client_secret=[REDACTED:Credential]"],
  ["api key header", "X-Api-Key: 3f9a7c21e8", "X-Api-Key: [REDACTED:Credential]"],
  ["camelCase token", "accessToken => 'q9WmZ2'", "accessToken => '[REDACTED:Credential]'"],
  [
    "access_key and private_key",
    "access_key: k1 private_key=k2",
    "access_key: [REDACTED:Credential] private_key=[REDACTED:Credential]",
  ],
  [
    "secret in a query string",
    "/cb?state=ok&token=abc123&user=7",
    "/cb?state=ok&token=[REDACTED:Credential]&user=7",
  ],
  ["PEM private key", `key:\n${pem}\nthanks`, "key:\n[REDACTED:Private key]\nthanks"],
  ["truncated PEM", `-----BEGIN OPENSSH PRIVATE KEY-----\n${pemBody[0]}`, "[REDACTED:Private key]"],
  ["Visa with spaces", "card 4111 1111 1111 1111.", "card [REDACTED:Payment card]."],
  ["Mastercard with dashes", "5555-5555-5555-4444", "[REDACTED:Payment card]"],
  ["Amex as one block", "amex 378282246310005 on file", "amex [REDACTED:Payment card] on file"],
  [
    "two cards in a row",
    "4111111111111111 5555555555554444",
    "[REDACTED:Payment card] [REDACTED:Payment card]",
  ],
  ["US SSN", "SSN 123-45-6789", "SSN [REDACTED:SSN]"],
];

const ordinary = [
  "HTTP 502 Bad Gateway, then 429 Too Many Requests",
  "request id req_8f2c19ab failed",
  "see T-1001 and ZD-58101",
  "upgraded to v2026.11.09.2 on 2026-11-09",
  "first seen 2026-11-09T14:03:00Z, again 2026-11-10 09:15",
  "call +1 415 555 0100 or 415-555-0100",
  "renewal worth $480,000 ARR",
  "trace 3f2b8c1e-9a4d-4e2f-8b1a-2c3d4e5f6a7b",
  "contact jane.doe@acme.io",
  "Luhn fails: 4111 1111 1111 1112 and 5555555555554445",
  "order 1234567812345670 shipped",
  "between 2026-11-09 2026-11-10",
  "https://status.acme.io:443/incidents?email=jane@acme.io",
  "Basic authentication is enabled on the Basic plan",
  "the bearer of bad news; Bearer tokens expire hourly",
  "token: expired, password: reset, max_tokens: 4096",
  "the password reset link and the API token were rotated",
  "sk-learn-pipeline-configuration",
];

describe("maskText", () => {
  it.each(corpus)("masks %s", (_name, input, expected) => {
    const result = maskText(input);
    expect(result.text).toBe(expected);
    expect(result.findings.length).toBeGreaterThan(0);
    for (const f of result.findings) expect(result.text).not.toContain(input.slice(f.start, f.end));
    expect(containsSecret(input)).toBe(true);
  });

  it.each(ordinary)("leaves ordinary support text alone: %s", (input) => {
    expect(maskText(input)).toEqual({ text: input, findings: [] });
    expect(containsSecret(input)).toBe(false);
  });

  it.each(corpus)("is idempotent for %s", (_name, input) => {
    const once = maskText(input).text;
    expect(maskText(once)).toEqual({ text: once, findings: [] });
    expect(containsSecret(once)).toBe(false);
  });

  it("reports positions in the original text", () => {
    const input = "ping DB_PASSWORD=hunter2 and card 4111111111111111";
    const { findings } = maskText(input);
    expect(findings).toEqual([
      { rule: "secret-assignment", label: "Credential", start: 17, end: 24 },
      { rule: "payment-card", label: "Payment card", start: 34, end: 50 },
    ]);
    expect(findings.map((f) => input.slice(f.start, f.end))).toEqual(["hunter2", "4111111111111111"]);
  });
});

describe("overlapping matches", () => {
  it("masks a JWT inside an Authorization header once", () => {
    const result = maskText(`curl -H "Authorization: Bearer ${jwt}" https://api.acme.io/v1/me`);
    expect(result.text).toBe('curl -H "Authorization: Bearer [REDACTED:JWT]" https://api.acme.io/v1/me');
    expect(result.findings).toHaveLength(1);
  });

  it("masks only the password of a URL inside a sentence", () => {
    const input = "Customer pasted postgres://app:S3cr3t!@db.acme.io:5432/prod (T-1001) at 2026-11-09.";
    expect(maskText(input).text).toBe(
      "Customer pasted postgres://app:[REDACTED:URL password]@db.acme.io:5432/prod (T-1001) at 2026-11-09.",
    );
  });

  it("lets a vendor rule name a value that is also a key=value secret", () => {
    const result = maskText("token=ghp_06aWbyQPbL6MhsQyg6lRjD0fv5pkPiNfdS39");
    expect(result.text).toBe("token=[REDACTED:GitHub token]");
    expect(result.findings.map((f) => f.rule)).toEqual(["github-token"]);
  });

  it("names nested matches after the longest one", () => {
    const result = maskText(`"private_key": "${gcpKey}"`);
    expect(result.text).toBe('"private_key": "[REDACTED:GCP service-account key]"');
    expect(result.findings).toHaveLength(1);
  });

  it("merges partly overlapping spans so no fragment survives", () => {
    // The bare value stops at the first space, inside the PEM header; the PEM match runs past it.
    const input = `secret=abc${pem}\nbye`;
    const result = maskText(input);
    expect(result.text).toBe("secret=[REDACTED:Private key]\nbye");
    expect(result.findings).toEqual([
      { rule: "private-key", label: "Private key", start: 7, end: 7 + 3 + pem.length },
    ]);
  });
});

describe("maskDeep", () => {
  const when = new Date("2026-11-09T00:00:00Z");
  const input = {
    ticket: "T-1001",
    requester: { email: "jane.doe@acme.io", phone: "+1 415 555 0100" },
    headers: { Authorization: "Bearer 8c1f2e", "X-Request-Id": "req_8f2c19ab" },
    config: { dbPassword: "hunter2", token: "", retries: 3, enabled: true, owner: null },
    comments: [`key ${pem}`, { body: "card 4111 1111 1111 1111" }, 42],
    when,
  };

  it("masks every string and string values under secret keys, keeping everything else", () => {
    expect(maskDeep(input)).toEqual({
      ticket: "T-1001",
      requester: { email: "jane.doe@acme.io", phone: "+1 415 555 0100" },
      headers: { Authorization: "[REDACTED:Credential]", "X-Request-Id": "req_8f2c19ab" },
      config: { dbPassword: "[REDACTED:Credential]", token: "", retries: 3, enabled: true, owner: null },
      comments: ["key [REDACTED:Private key]", { body: "card [REDACTED:Payment card]" }, 42],
      when,
    });
  });

  it("returns a new value, leaves the input untouched and is idempotent", () => {
    const snapshot = structuredClone(input);
    const masked = maskDeep(input);
    expect(masked).not.toBe(input);
    expect(masked.config).not.toBe(input.config);
    expect(input).toEqual(snapshot);
    expect(maskDeep(masked)).toEqual(masked);
  });

  it("masks a bare string", () => {
    expect(maskDeep("ghp_06aWbyQPbL6MhsQyg6lRjD0fv5pkPiNfdS39")).toBe("[REDACTED:GitHub token]");
  });
});
