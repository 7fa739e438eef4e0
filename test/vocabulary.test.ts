/**
 * The shipped vocabularies read support language the way the policy means it: a table of
 * sentences, each with the natures and cues it must (and must not) raise.
 */
import { describe, expect, it } from "vitest";
import { loadPolicy } from "../src/config/load-policy.js";
import { compileVocabulary, cueSentences, findHits } from "../src/intake/cues.js";
import { buildLexicon, conceptsOf } from "../src/match/lexicon.js";

const policy = loadPolicy();
const vocabulary = compileVocabulary(policy);
const lexicon = buildLexicon(policy);
const natures = (text: string) => new Set(findHits(text, vocabulary.natures, "t").map((h) => h.cue));
const cues = (text: string) => new Set(findHits(text, vocabulary.cues, "t").map((h) => h.cue));

describe("natures", () => {
  it.each([
    ["Our billing page lists invoices that belong to a different company", "security"],
    ["one of their users could see another customer's dashboards", "security"],
    ["an ex-employee can still log in to the admin portal", "security"],
    ["a terminated employee kept using their account after being removed in Okta", "security"],
    ["their API key was posted in a public GitHub repo", "security"],
    ["someone was logging in from an unknown country", "security"],
    ["the shared link works for anyone without logging in", "security"],
    ["Vulnerability report: attachments can be downloaded by changing the file ID in the URL", "security"],
    ["Data export is missing rows", "data_integrity"],
    ["Tips report (and CSV) totals $45,930.10 vs $48,212.55 on the payroll run screen", "data_integrity"],
    ["the sync is wiping out custom fields", "data_integrity"],
    ["Salesforce sync is blanking out phone numbers", "data_integrity"],
    ["personal data was not erased after their deletion request", "data_integrity"],
    ["inspectors are losing completed offline inspections when the tablets sync", "data_integrity"],
    ["I've counted 41 lost so far across 6 inspectors", "data_integrity"],
    ["the letter links open for anyone with the URL, even logged out", "security"],
    ["the PDF opens without a portal login", "security"],
    ["Booking page down — 502 Bad Gateway for everyone", "outage"],
    ["Checkout widget down on Black Friday", "outage"],
    ["SSO login loop for all users", "outage"],
    ["Webhooks delayed by hours", "performance"],
    ["Report generation timed out after 900s", "performance"],
    ["Customers asking for recurring tasks in the mobile app", "feature_gap"],
    ["they will leave unless we add a dark mode feature", "feature_gap"],
    ["the field app has no offline mode", "feature_gap"],
    ["wants to know how to email a weekly PDF", "how_to"],
    ["they changed the store time zone last week", "configuration"],
    ["API returning 500 errors intermittently", "bug"],
    ["Bulk approve is greyed out for approvers", "bug"],
    // another tenant's people on screen, said without "security": the tenant is what the customers are
    ["opened her class list and got ~20 kids who aren't hers, different school name in the header", "security"],
    ["the teacher saw another school's class for a moment this morning", "security"],
    ["could pull up another clinic's patient list (owner names, phone numbers)", "security"],
    ["the report lists invoices that are not ours", "security"],
    ["we are locked out of the admin console", "outage"],
    // records silently missing from or wrong in a report, export or sync, the stored data intact
    ["the numbers in the revenue report don't add up vs the app", "data_integrity"],
    ["any invoice with a partial credit note drops out of the revenue report", "data_integrity"],
    ["the invoices themselves are ok in the app, only the report is wrong.", "data_integrity"],
    ["the payroll export leaves out employees who transferred", "data_integrity"],
    ["transactions from the 31st aren't in the export", "data_integrity"],
    ["the report totals don't match the invoice list", "data_integrity"],
    ["some orders don't show up in the sales report", "data_integrity"],
    ["sales are counted twice in the revenue report", "data_integrity"],
    // the export's numbers disagree with the product's own screen
    ["the invoice CSV shows 0 tax for March while the invoice screen in the app shows 4,210", "data_integrity"],
    ["the downloaded report gives much lower totals for the weekend than the dashboard", "data_integrity"],
    ["the payroll export only has about half the employees", "data_integrity"],
    ["the export totals don't match what the app shows", "data_integrity"],
    ["The dashboard looks right, it is the export that is wrong.", "data_integrity"],
    // another tenant's records in front of a user, said without "security"
    ["his client portal lists three folders of another accounting firm", "security"],
    ["a patient could open records owned by a different clinic", "security"],
    ["the tenant admin sees invoices that don't belong to our company", "security"],
    ["the parent app shows documents that have nothing to do with her", "security"],
    // the product making copies of records: a defect
    ["every job on the dispatch board shows up twice", "bug"],
    ["every job created after sync is on gets echoed back from google as a new job", "bug"],
    ["the sync creates duplicate contacts", "bug"],
    ["all jobs doubled on the dispatch board", "bug"],
    ["the webhook fires twice for every order", "bug"],
    // a deletion that did not hold: a removed person's access, an erasure someone asked for
    ["a deleted user can still log in", "security"],
    ["they asked us to delete their data but the contacts are still in the export", "security"],
    // people offered to a user that are not theirs, said without "leak" or "security"
    ["the dropdown suggests people we have never dealt with", "security"],
    ["the composer suggests names and email addresses that have nothing to do with us", "security"],
    ["Composer suggesting people we don't know", "security"],
    ["the To: field autocompletes other customers' contacts", "security"],
    // another person's own details in front of a user
    ["the parent opens the app and sees another child's card - different name, different school", "security"],
    ["she could see the other family's pickup time and phone number", "security"],
    // a fix in the product's code is needed
    ["Needs a code fix in the schedule save path.", "bug"],
    // the account holding back its expansion or evaluating another product
    ["they are evaluating Acmesoft and will hold off", "churn_risk"],
    ["they will not expand to the 9 new properties this spring", "churn_risk"],
    // a question how someone other than the customer does something
    ["how can a licensed contractor upload drawings on a resident's application?", "how_to"],
  ])("%s -> %s", (text, nature) => {
    expect(natures(text)).toContain(nature);
  });

  it.each([
    ["similar to another customer's request", "security"],
    ["We are seeing the same on other organisations and have opened an incident", "security"],
    ["we got similar reports from other customers", "security"],
    ["SSO users all land with the Viewer role", "security"],
    ["Calendar view comes up blank in Safari", "data_integrity"],
    ["webhooks are delayed but all queued, nothing dropped", "data_integrity"],
    ["the field app shows You're offline", "outage"],
    ["service credits for the October outage were not applied", "performance"],
    ["orders after 5pm land on the next day", "performance"],
    ["we have 4 hours gone with no answer", "data_integrity"],
    ["they say $5,000 lost in sales", "data_integrity"],
    ["after 3 attempts lost patience", "data_integrity"],
    ["Amy's team invited the other practice's staff as guests in their tenant", "security"],
    ["the reminder shows the wrong clinic's address since they moved", "security"],
    ["the users said it's not his fault", "security"],
    ["we have never dealt with this error before", "security"],
    ["the composer suggests recipients from past events", "security"],
    ["that 500 has nothing to do with us, it is the carrier's API", "security"],
    ["the list shows people we invited last year", "security"],
    // a worry about what may happen is not an outage now
    ["storage 97% full - are we going to be locked out of our own files??", "outage"],
    ["will we be locked out on Friday?", "outage"],
    // saying nothing was lost is not a loss; records still there are not an exposure
    ["nothing deleted, tasks are all still there under closed.", "data_integrity"],
    ["nothing deleted, tasks are all still there under closed.", "security"],
    ["no data lost, the originals are untouched", "data_integrity"],
    ["Nothing gets lost, the originals are untouched.", "data_integrity"],
    ["the tasks are not deleted, just closed", "data_integrity"],
    ["data is not lost, it is only hidden", "data_integrity"],
    ["no data has been lost or corrupted", "data_integrity"],
    ["we haven't lost any records", "data_integrity"],
    ["none of the records are missing", "data_integrity"],
    ["the file was not corrupted, just renamed", "data_integrity"],
    // a screen element, a colour or a configured view is not a record missing from a report
    ["the Export button is missing from the report page", "data_integrity"],
    ["the logo isn't in the report", "data_integrity"],
    ["the dashboard colours don't match our brand", "data_integrity"],
    ["the report is wrong because the time zone is set to UTC", "data_integrity"],
    ["the numbers don't add up for the renewal", "data_integrity"],
    // the file's layout, speed or a passing error is not a record wrong in it
    ["the export has fewer columns than the screen", "data_integrity"],
    ["the export takes about half the time it used to", "data_integrity"],
    ["the report shows the same totals as the dashboard", "data_integrity"],
    ["the export shows 3 columns while the screen shows 8", "data_integrity"],
    ["the report has 2 errors but the app shows them fine", "data_integrity"],
    ["the export's date format doesn't match the app", "data_integrity"],
    ["the report layout shows 3 columns vs 8 in the app", "data_integrity"],
    // records the customer moved itself, or its own other office, are no exposure
    ["we migrated files from another system", "security"],
    ["these tickets don't belong to our team", "security"],
    ["we see documents from the other office we manage", "security"],
    ["the driver sees another child's stop was moved", "security"],
    ["a parent asked to add another child's guardian", "security"],
    // copies the customer made, or a wish, are not the product duplicating records
    ["we imported the same file twice by mistake", "bug"],
    ["how do I merge duplicate contacts?", "bug"],
    ["we'd like to double the limit", "bug"],
    ["No code change is needed, it is a setting.", "bug"],
    ["this does not need a code fix", "bug"],
    ["we are evaluating the workaround internally", "churn_risk"],
    ["they are evaluating whether the new report fits", "churn_risk"],
    ["the side panel won't expand to full width", "churn_risk"],
    ["how can the export be missing rows?", "how_to"],
  ])("%s is not %s", (text, nature) => {
    expect(natures(text)).not.toContain(nature);
  });
});

describe("cues", () => {
  it.each([
    ["the owner wants to talk to our VP of Customer Success", "execRequest"],
    ["asked us to escalate to leadership", "execRequest"],
    ["they are demanding a call with our CEO", "execRequest"],
    ["Customer threatening to churn over a missing feature", "churnThreat"],
    ["we will not renew and will move to Trellis", "churnThreat"],
    ["they are evaluating other vendors", "churnThreat"],
    // the customer's next purchase or its renewal put on the line
    ["if we cannot import them by then, the expansion goes to Benchling", "churnThreat"],
    ["we will have to revisit renewing the existing sites in September", "churnThreat"],
    ["they will take their business elsewhere", "churnThreat"],
    ["they are reconsidering the renewal", "churnThreat"],
    ["their attorneys are now involved", "legalRisk"],
    ["general counsel says we breached the contract", "legalRisk"],
    ["threatening to go public on social media", "prRisk"],
    ["a reporter has already asked them about it", "prRisk"],
    ["a refund outside our refund policy", "policyException"],
    ["asking for a refund outside the 30-day window", "policyException"],
    ["nobody at head office can get in", "productionDown"],
    ["the app won't load for anyone since 9am", "productionDown"],
    ["nobody can book or check in with the QR code", "productionDown"],
    ["shows '502 Bad Gateway' for everyone since about 9am", "productionDown"],
    ["I do not have access to the inbound mail-ingest logs", "complexity"],
    ["loads the widget in their custom React Native app", "customImplementation"],
    ["engineering says this is working as designed", "designDecision"],
    ["the invoice should not include cancelled items", "designDecision"],
    ["we should not have to re-enter the address every time", "designDecision"],
    ["Reproduced against the sandbox", "confirmedBug"],
    ["greyed out again, we fixed this in 4.12", "recurrence"],
    // a team member rules a tracker issue or article out by its key
    ["Not ENG-512: the log says Sent, not Skipped.", "ruledOut"],
    ["this is different from PAY-77, which only hit refunds", "ruledOut"],
    ["Checked the DNS records, so KB-48 is not it.", "ruledOut"],
    ["CB-ENG-590 doesn't apply here, the periods start in the morning", "ruledOut"],
    ["Not the old rounding bug PAY-1288 — totals are off by whole shifts", "ruledOut"],
    // the verb left out at the end of a clause, also when the next sentence starts in lower case
    ["we need to ship the release by Friday and can't", "blocked"],
    ["payroll has to go out by the 1st and can't. error from the console:", "blocked"],
    ["they must close the quarter by Monday and cannot, the export just spins", "blocked"],
    ["We must file by 5 December and cannot produce the figures any other way.", "blocked"],
    // support cannot reproduce it, or cannot see the system's own logs
    ["couldn't repro it from Postman", "complexity"],
    ["I wasn't able to reproduce it on staging", "complexity"],
    ["tried to reproduce it twice but couldn't", "complexity"],
    ["i can't see gateway logs for those request ids", "complexity"],
    ["Support tooling can't see the API gateway logs; needs someone with gateway access", "complexity"],
    ["we have no visibility into the server logs", "complexity"],
    ["the customer's own middleware flow posts every order", "customImplementation"],
    ["their own retry wrapper resends the request", "customImplementation"],
    // the work that cannot be finished, named by its own verb
    ["Payment run error PR-409 - can't release", "blocked"],
    ["~210 invoices, nothing goes out", "blocked"],
    ["we cannot post the journal entries", "blocked"],
    ["the admins are locked out", "productionDown"],
    // someone recalls an earlier occurrence
    ["Anyone remember the department-transfer export thing from January?", "recurrence"],
    ["didn't we fix this last spring?", "recurrence"],
    ["we've seen this before with another bank", "recurrence"],
    ["the sync failures keep recurring every Monday", "recurrence"],
    ["this is a recurring issue for them", "recurrence"],
    ["the timeout has returned since Tuesday's deploy", "recurrence"],
    ["It's a known bug, ENG-4 tracks it", "confirmedBug"],
    // the account evaluating another product, or holding back its expansion
    ["they are evaluating SiteMinder and will not expand", "churnThreat"],
    ["the customer is piloting Zendesk in one region", "churnThreat"],
    ["she said they won't expand into the remaining 4 regions", "churnThreat"],
    ["they will not sign the expansion", "churnThreat"],
    // a whole team of the account unable to work
    ["Their whole night dispatch desk (~140 brokers) cannot put new loads out", "productionDown"],
    ["the entire billing department is unable to log in", "productionDown"],
    // the same action fails every time
    ["Every time we move a customer to Scale mid-cycle the upgrade fails with a 500.", "blocked"],
    ["the import crashes every single time", "blocked"],
  ])("%s -> %s", (text, cue) => {
    expect(cues(text)).toContain(cue);
  });

  it.each([
    ["Our CFO wants a report of spend", "execRequest"],
    ["The job threw an exception at startup", "policyException"],
    ["Any news on the fix?", "prRisk"],
    ["the contract goes to legal for signature", "churnThreat"],
    ["the expansion goes to the board next week", "churnThreat"],
    ["the rollout goes to production on Monday", "churnThreat"],
    ["please review the renewal quote", "churnThreat"],
    // an apology or a regret about one's own act is no design decision
    ["Sorry, I should not have pasted our live key.", "designDecision"],
    ["we should have checked the logs first", "designDecision"],
    ["Harbor Lane Media asked about exports", "prRisk"],
    ["No rush, any time this week is fine", "productionDown"],
    ["I wasn't able to reproduce it on staging", "confirmedBug"],
    ["We were not able to reproduce the 400s", "confirmedBug"],
    ["Not reproducible on small tenants.", "confirmedBug"],
    ["we can't see the activity log anymore", "complexity"],
    ["they invoice their own clients monthly", "customImplementation"],
    ["are we going to be locked out of our own files??", "productionDown"],
    ["are we going to be locked out of our own files??", "blocked"],
    ["the account could get blocked if the card fails again", "blocked"],
    ["remember to send the report by Friday", "recurrence"],
    ["did we fix this yet?", "recurrence"],
    ["recurring payments fail to renew", "recurrence"],
    ["the recurring meeting invites are missing attendees", "recurrence"],
    ["the API returned 500 for every request", "recurrence"],
    ["the export returned an empty file", "recurrence"],
    // a key named as the cause, or back again, is not ruled out
    ["this is STY-4120 again", "ruledOut"],
    ["not the same bug PAY-1288 again, surely?", "ruledOut"],
    ["oh no, not STY-4120 again", "ruledOut"],
    ["same as ENG-77 last month", "ruledOut"],
    ["not only ENG-1 but also ENG-2", "ruledOut"],
    ["ENG-77 is not fixed yet", "ruledOut"],
    ["not sure whether KB-48 applies", "ruledOut"],
    // a hedge is no confirmation
    ["Need someone who knows the routing engine - not sure it's a bug.", "confirmedBug"],
    ["I don't know if this is a defect or their setup", "confirmedBug"],
    ["we wonder whether it is a regression", "confirmedBug"],
    ["we are evaluating the fix from engineering", "churnThreat"],
    ["they are evaluating options for the rollout", "churnThreat"],
    ["the accordion won't expand to show the rows", "churnThreat"],
    ["the whole team is going to the offsite", "productionDown"],
    ["it failed once and worked every time after that", "blocked"],
  ])("%s is not %s", (text, cue) => {
    expect(cues(text)).not.toContain(cue);
  });
});

describe("sentences cues are read in", () => {
  it.each([
    [
      "they have to file it by the 5th and can't. from the network tab:",
      ["they have to file it by the 5th and can't.", "from the network tab:"],
    ],
    ["wasn't this fixed in 14.2?? they can't run it", ["wasn't this fixed in 14.2??", "they can't run it"]],
    ["see e.g. the export tab. it fails", ["see e.g. the export tab.", "it fails"]],
    ["version 14.2 broke it. Then it failed again.", ["version 14.2 broke it.", "Then it failed again."]],
    [
      "Sr. Almeida's client saw another firm's folders. Dr. Lee too, e.g. Ortiz and Co.",
      ["Sr. Almeida's client saw another firm's folders.", "Dr. Lee too, e.g. Ortiz and Co."],
    ],
  ])("%s", (text, expected) => {
    expect(cueSentences(text)).toEqual(expected);
  });
});

describe("synonyms", () => {
  const keys = (text: string) => new Set(conceptsOf(text, lexicon).map((c) => c.key));
  const share = (a: string, b: string) => [...keys(a)].some((k) => keys(b).has(k));

  it.each([
    ["keeps logging me out", "GMs getting kicked out"],
    ["session expires way too fast", "App signs coordinators out randomly"],
    ["get bounced back to the sign-in page every 15 minutes", "users get signed out"],
    ["the app logs everyone out", "click Log Off"],
  ])("%s ~ %s", (a, b) => {
    expect(share(a, b)).toBe(true);
  });

  it.each([
    ["session expires way too fast", "the card expired"],
    ["keeps logging me out", "the reset link expired"],
    ["GMs getting kicked out", "we kicked off the migration"],
    ["users get signed out", "the budget needs manager sign-off"],
    ["keeps logging me out", "the audit log out of date"],
  ])("%s is apart from %s", (a, b) => {
    expect(share(a, b)).toBe(false);
  });
});
