/**
 * Decides which gathered records are about this issue: ranks tickets (BM25 over concepts, plus
 * error-signature overlap and the named customer), cuts with the policy's thresholds, then follows
 * the links the team's tools already hold (ticket <-> tracker issue, ids mentioned in chat).
 * Pure: the context and the clock come in.
 */
import type { Policy } from "../config/policy.js";
import type { ChatMessage, KbArticle, PastEscalation, Ticket, TrackerIssue } from "../domain/bundle.js";
import type { Context } from "../domain/context.js";
import {
  accountsForEmail,
  findAccountsNamedIn,
  indexAccountNames,
  normalizeName,
  type CustomerLink,
} from "../intake/customers.js";
import { extractSignatures, httpCodesOverlap, type Signatures } from "../intake/signatures.js";
import {
  agreementHolds,
  agreementNote,
  conceptStats,
  textAgreement,
  toPatternTicket,
} from "../patterns/cluster.js";
import { conceptsOf, type Concept, type Lexicon } from "./lexicon.js";
import { bagOf, coverageIn, idf, scoreBag, type Bag } from "./score.js";
import { chatReplies } from "./chat-replies.js";
import { findRuledOutKeys } from "./ruled-out.js";
import { ticketText } from "../store/sqlite-store.js";
import { featureVector, type PairEvidence } from "../relatedness/features.js";
import { explainScore, scoreRelatedness } from "../relatedness/model.js";
import { compileThesaurus, topicsOf, type Thesaurus } from "../relatedness/thesaurus.js";

/** A record judged to be about the issue, with why. */
export interface Related<T> {
  item: T;
  score: number;
  coverage: number;
  why: string[];
}

/** A ticket the model scored, with its features (for `npm run fit` and the reasons). */
export interface Candidate {
  ticketId: string;
  accountId: string | undefined;
  vector: number[];
  p: number;
  /** How many of the issue's ideas it shares, and whether it quotes the same error. */
  sharedIdeas: number;
  sameError: boolean;
}

/** Everything judged to be about the issue. */
export interface Relations {
  tickets: Array<Related<Ticket> & { accountId: string | undefined }>;
  /** Tickets under the model's threshold but near it: shown as unconfirmed, never counted. */
  possibleTickets: Array<Related<Ticket> & { accountId: string | undefined }>;
  /** Every gathered ticket as the model scored it. */
  candidates: Candidate[];
  /** The description says too few ideas to relate anything by its words. */
  vague: boolean;
  /** Every gathered KB article as the KB model scored it. */
  kbCandidates: Array<{ id: string; vector: number[]; p: number }>;
  trackerIssues: Array<Related<TrackerIssue>>;
  kbArticles: Array<Related<KbArticle>>;
  chatMessages: Array<Related<ChatMessage>>;
  pastEscalations: Array<Related<PastEscalation>>;
  /** The issue text: the description plus the related tickets' text (what later rules read). */
  queryConcepts: string[];
}

/** What the matcher needs to know about the issue. */
export interface RelateInput {
  description: string;
  /** What matching looks for: the description without what still works. */
  problemText: string;
  namedAccountIds: readonly string[];
  /** True when the input names customers or a segment: other accounts then need stronger evidence. */
  scoped: boolean;
  /** Tokens not to match on (customer names, segment words). */
  excludeTokens: ReadonlySet<string>;
  signatures: Signatures;
}

const REF = /\b[A-Z][A-Z0-9]*-\d+\b/g;
const CLOSED = new Set(["solved", "closed"]);
/** The newest creation time among the gathered tickets (the store's "now" when none is given). */
const latest = (context: Context): string =>
  context.tickets.reduce((max, t) => (t.createdAt > max ? t.createdAt : max), "1970-01-01T00:00:00Z");
const refsIn = (text: string): Set<string> => new Set([...text.matchAll(REF)].map((m) => m[0]));

/** The account a ticket belongs to: its own, or the one its requester's e-mail points to. */
export function ticketAccountId(ticket: Ticket, accounts: Context["accounts"]): string | undefined {
  if (ticket.accountId) return ticket.accountId;
  const email = ticket.requester?.email;
  return email ? accountsForEmail(email, accounts)[0] : undefined;
}

const fullTicketText = (t: Ticket): string => {
  const { title, body } = ticketText(t);
  return `${title}\n${body}`;
};

/** Relates the gathered context to the issue. */
export function relate(input: RelateInput, context: Context, policy: Policy, lexicon: Lexicon): Relations {
  const m = policy.matching;
  const query = conceptsOf(input.problemText, lexicon, { exclude: input.excludeTokens });
  const named = new Set(input.namedAccountIds);
  const bags = new Map<string, Bag>();
  for (const t of context.tickets) {
    const { title, body } = ticketText(t);
    bags.set(t.id, bagOf(title, body));
  }
  const localWeights = localIdf(context, [...bags.values()]);
  const present = localWeights.present;
  // a query word no gathered document uses cannot tell documents apart: it carries no weight
  const weights = new Map<string, number>();
  for (const c of query) {
    weights.set(
      c.key,
      present(c) ? idf(Math.max(context.stats.total, 1), context.stats.df.get(c.key) ?? 0) : 0,
    );
  }
  // as evidence, though, a word of the issue that a candidate lacks is missing from it, whether or not
  // any other record uses it: "CSV export button greyed out" is not covered by a ticket that only
  // shares "file" because no record says "greyed"
  const evidenceWeights = new Map(
    query.map((c) => [c.key, idf(Math.max(context.stats.total, 1), context.stats.df.get(c.key) ?? 0)]),
  );

  // a description of fewer ideas than the policy asks ("things are slow") can match anything that
  // says its one word: nothing is related by words, only by the ids it names (it is shown as vague)
  const vague = query.length < m.minIssueIdeas;

  // --- stage 1: every candidate ticket scored by the relatedness model (src/relatedness)
  const avg = average([...bags.values()].map((b) => b.length));
  const model = policy.relatedness.tickets;
  const thesaurus = thesaurusOf(policy);
  const rarer = rarerHalf(query, evidenceWeights);
  // every gathered ticket against a query (its concepts, their weights, its text and topics)
  const scoreAgainst = (
    q: readonly Concept[],
    qWeights: ReadonlyMap<string, number>,
    qEvidence: ReadonlyMap<string, number>,
    qText: string,
  ) => {
    const qBag = bagOf("", qText);
    const qTopics = topicsOf(qText, thesaurus);
    const qRarer = rarerHalf(q, qEvidence);
    return context.tickets.map((t) => {
      const bag = bags.get(t.id) ?? bagOf("", "");
      const rel = scoreBag(q, qWeights, bag, avg);
      const sig = extractSignatures(fullTicketText(t));
      const shared = sharedSignatures(input.signatures, sig);
      const coverage = Math.min(1, rel.coverage + (shared.length > 0 ? 0.15 : 0));
      const accountId = ticketAccountId(t, context.accounts);
      const subjectConcepts = conceptsOf(t.subject, lexicon, { exclude: input.excludeTokens });
      return {
        ticket: t,
        accountId,
        ...rel,
        coverage,
        shared,
        evidence: {
          coverage: coverageIn(q, qEvidence, bag),
          relative: 0,
          subject: coverageIn(subjectConcepts, localWeights.weigh(subjectConcepts), qBag),
          sharedIdeas: rel.matched.length,
          rare: coverageIn(qRarer, qEvidence, bag),
          issueTopics: qTopics,
          candidateTopics: topicsOf(`${t.subject}\n${t.description ?? ""}`, thesaurus),
          sameError: shared.length > 0,
          sameAccount: accountId !== undefined && named.has(accountId),
          otherAccount: input.scoped && !(accountId !== undefined && named.has(accountId)),
          ageDays: (Date.parse(latest(context)) - Date.parse(t.createdAt)) / 86_400_000,
        } satisfies PairEvidence,
      };
    });
  };
  const judge = (list: ReturnType<typeof scoreAgainst>) => {
    const top = Math.max(0, ...list.map((x) => x.score));
    return list.map((x) => {
      x.evidence.relative = top > 0 ? x.score / top : 0;
      const vector = featureVector(x.evidence);
      return { ...x, vector, judged: scoreRelatedness(vector, model) };
    });
  };
  const scored = scoreAgainst(query, weights, evidenceWeights, input.problemText);
  const best = Math.max(0, ...scored.map((s) => s.score));
  const related = new Map<string, Related<Ticket> & { accountId: string | undefined }>();
  const possible = new Map<string, Related<Ticket> & { accountId: string | undefined }>();
  const candidates: Candidate[] = [];
  for (const s of judge(scored)) {
    const { vector, judged } = s;
    candidates.push({
      ticketId: s.ticket.id,
      accountId: s.accountId,
      vector,
      p: judged.p,
      sharedIdeas: s.evidence.sharedIdeas,
      sameError: s.evidence.sameError,
    });
    if (judged.p < model.possibleThreshold) continue;
    // a ticket that shares no idea and no error with the issue is not related by its words, however
    // recent or close to the customer it is: only a link the tools hold can relate it
    const said = s.evidence.sharedIdeas > 0 || s.evidence.sameError;
    const shares = s.matched.length > 0 ? `; shares ${s.matched.slice(0, 6).join(", ")}` : "";
    const why = [`relatedness ${judged.p.toFixed(2)} (${explainScore(judged)}${shares})`];
    if (s.shared.length > 0) why.push(`same error signature ${s.shared.join(", ")}`);
    if (s.evidence.sameAccount) why.push("named customer's ticket");
    (said && !vague && judged.p >= model.threshold ? related : possible).set(s.ticket.id, {
      item: s.ticket,
      accountId: s.accountId,
      score: s.score,
      coverage: s.coverage,
      why,
    });
  }

  // a named customer's other open tickets (its own, or from its contacts' and domain's addresses)
  // that tell the issue as its matching ticket tells it: a second site writing in the customer's
  // language ("Pré-arrivée pas reçue") or in a few words ("absence notices stopped") shares too little
  // with the description alone, but its subject is said by the description with that ticket, as a
  // tracker title must be, or the two tickets agree as `escalate patterns` asks two tickets to agree
  for (const accountId of named) {
    const anchors = [...related.values()].filter(
      (r) => r.accountId === accountId && !CLOSED.has(r.item.status),
    );
    for (const x of scored) {
      if (x.accountId !== accountId || related.has(x.ticket.id) || CLOSED.has(x.ticket.status)) continue;
      const fit = anchors
        .map((a) => {
          const said = `${input.description}\n${fullTicketText(a.item)}`;
          const cs = conceptsOf(x.ticket.subject, lexicon, { exclude: input.excludeTokens });
          const alike = coverageIn(cs, localWeights.weigh(cs), bagOf("", said));
          const agree =
            alike >= m.trackerMinCoverage
              ? null
              : ticketAgreement(
                  said,
                  a.item,
                  x.ticket,
                  input.excludeTokens,
                  lexicon,
                  localWeights,
                  policy.pattern.similarity,
                );
          return { anchor: a.item.id, alike, agree };
        })
        .find((f) => f.alike >= m.trackerMinCoverage || f.agree !== null);
      if (!fit) continue;
      related.set(x.ticket.id, {
        item: x.ticket,
        accountId,
        score: x.score,
        coverage: x.coverage,
        why: [
          fit.agree
            ? `the named customer's ticket agrees with ${fit.anchor} (${agreementNote(fit.agree.shared, fit.agree.overlap)})`
            : `the named customer's ticket; its subject is said by the issue and ${fit.anchor} (${fit.alike.toFixed(2)})`,
        ],
      });
    }
  }

  // a named customer with no matching ticket: its open ticket that shares the most with the issue,
  // or its only recent open ticket, stands in (said so in the reasons). A tracker issue linked to a
  // ticket restates its problem in the team's words (a ticket written in French, its bug in English),
  // so the titles of the tickets' linked issues count as their text here
  const trackerTitles = new Map(context.trackerIssues.map((i) => [i.key, i.title]));
  const linkedTitles = (t: Ticket) =>
    [...new Set(context.links.filter((l) => l.ticketId === t.id).map((l) => l.trackerKey))]
      .map((k) => trackerTitles.get(k) ?? "")
      .join("\n");
  for (const accountId of named) {
    if ([...related.values()].some((r) => r.accountId === accountId)) continue;
    const own = scored
      .filter((x) => x.accountId === accountId && !CLOSED.has(x.ticket.status))
      .map((x) => {
        const titles = linkedTitles(x.ticket);
        if (!titles) return { ...x, withLinked: false };
        const { title, body } = ticketText(x.ticket);
        return {
          ...x,
          ...scoreBag(query, weights, bagOf(title, `${body}\n${titles}`), avg),
          withLinked: true,
        };
      });
    const best = own.filter((x) => x.score > 0).sort((a, b) => b.score - a.score)[0];
    const recent = own.filter(
      (x) => Date.parse(x.ticket.createdAt) >= Date.parse(latest(context)) - 30 * 86_400_000,
    );
    const pick = best ?? (recent.length === 1 ? recent[0] : undefined);
    if (!pick || related.has(pick.ticket.id)) continue;
    // a tracker issue linked to it that the issue's words match is evidence; being the customer's
    // closest or only open ticket is not: such a ticket is shown as unconfirmed, never counted
    const confirmed = best !== undefined && pick.withLinked && pick.coverage >= m.namedAccountMinCoverage;
    possible.delete(pick.ticket.id);
    (confirmed ? related : possible).set(pick.ticket.id, {
      item: pick.ticket,
      accountId,
      score: pick.score,
      coverage: pick.coverage,
      why: [
        confirmed
          ? `the named customer's open ticket closest to the issue (shares ${pick.matched.join(", ")}, with its linked tracker issues)`
          : best
            ? `the named customer's open ticket closest to the issue (shares ${pick.matched.join(", ")}); unconfirmed`
            : "the named customer's only recent open ticket; unconfirmed",
      ],
    });
  }

  // tickets the description names by id are about the issue by definition
  const namedInDescription = refsIn(input.description);
  for (const t of context.tickets) {
    if (!namedInDescription.has(t.id) || related.has(t.id)) continue;
    related.set(t.id, {
      item: t,
      accountId: ticketAccountId(t, context.accounts),
      score: best,
      coverage: 1,
      why: ["named in the description"],
    });
  }

  // an agent's note on a related open ticket that names other accounts ("same as Juniper Hill (Sept)")
  // points at those accounts' look-alike tickets: opened before the note, and whose subject the
  // noted ticket (with the description) says for the most part, as a tracker title must
  // The team's chat about the issue counts as such a note ("smells like the release setting again
  // (like Lingua Franca in Dec)"): a message naming a related ticket, or discussing the issue
  const accountNames = indexAccountNames(context.accounts, policy.vocabulary.legalSuffixes);
  const likeCase = policy.vocabulary.cues.likeCase.map((p) => new RegExp(p, "i"));
  const teamChat = context.chatMessages
    .filter(
      (c) =>
        [...refsIn(c.text)].some((id) => related.has(id)) ||
        scoreBag(query, weights, bagOf("", c.text), avg).coverage >= m.chatMinCoverage,
    )
    .map((c) => ({ body: c.text, createdAt: c.at }));
  for (const r of [...related.values()].filter((x) => !CLOSED.has(x.item.status))) {
    const notes = [
      ...(r.item.comments ?? []).filter((c) => c.role !== "customer"),
      ...(r.accountId !== undefined && named.has(r.accountId) ? teamChat : []),
    ];
    if (notes.length === 0) continue;
    const said = bagOf("", `${input.description}\n${fullTicketText(r.item)}`);
    // or, when the subject is worded apart ("Storage 95% warning" for "storage almost full"), the
    // two tickets, replies included, agree as `escalate patterns` asks two tickets to agree
    const agreement = (t: Ticket, link: CustomerLink) =>
      ticketAgreement(
        `${input.description}\n${fullTicketText(r.item)}`,
        r.item,
        t,
        new Set([...input.excludeTokens, ...normalizeName(link.matched)]),
        lexicon,
        localWeights,
        policy.pattern.similarity,
      );
    // the named account's own name in its subject is no evidence of a look-alike
    const subjectCoverage = (subject: string, link: CustomerLink) => {
      const exclude = new Set([...input.excludeTokens, ...normalizeName(link.matched)]);
      const cs = conceptsOf(subject, lexicon, { exclude });
      return coverageIn(cs, localWeights.weigh(cs), said);
    };
    const notedAt = notes.reduce((max, c) => (c.createdAt > max ? c.createdAt : max), "");
    const text = notes.map((c) => c.body).join("\n");
    const inNotes = new Set(
      findAccountsNamedIn(
        (r.item.comments ?? [])
          .filter((c) => c.role !== "customer")
          .map((c) => c.body)
          .join("\n"),
        accountNames,
      ).map((l) => l.accountId),
    );
    for (const link of findAccountsNamedIn(text, accountNames)) {
      if (link.accountId === r.accountId) continue;
      // chat also lists who is affected ("that's Tamarack, H&C and Verdi"): there only an account
      // the issue is likened to ("like Lingua Franca in Dec") points at an earlier look-alike
      const inChatOnly = !inNotes.has(link.accountId);
      if (inChatOnly && !likensTo(text, link.matched, likeCase)) continue;
      const namedWhere = inChatOnly ? `the team's chat about ${r.item.id}` : `a note on ${r.item.id}`;
      const pick = scored
        .filter(
          (x) => x.accountId === link.accountId && !related.has(x.ticket.id) && x.ticket.createdAt <= notedAt,
        )
        .map((x) => ({ ...x, alike: subjectCoverage(x.ticket.subject, link) }))
        .map((x) => ({ ...x, agree: x.alike >= m.trackerMinCoverage ? null : agreement(x.ticket, link) }))
        .filter((x) => x.alike >= m.trackerMinCoverage || x.agree !== null)
        .sort(
          (a, b) =>
            b.alike - a.alike || (b.agree?.overlap ?? 0) - (a.agree?.overlap ?? 0) || b.score - a.score,
        )[0];
      if (!pick) continue;
      related.set(pick.ticket.id, {
        item: pick.ticket,
        accountId: pick.accountId,
        score: pick.score,
        coverage: pick.coverage,
        why: [
          pick.agree
            ? `${link.matched} named in ${namedWhere}; the two tickets agree (${agreementNote(pick.agree.shared, pick.agree.overlap)})`
            : `${link.matched} named in ${namedWhere}; its subject matches (${pick.alike.toFixed(2)})`,
        ],
      });
    }
  }

  // --- the issue text: description + what the related tickets say
  const issueText = [input.description, ...[...related.values()].map((r) => fullTicketText(r.item))].join(
    "\n",
  );
  const issueBag = bagOf("", issueText);
  const titleCoverage = (title: string) => {
    const cs = conceptsOf(title, lexicon, { keepMeta: true, exclude: input.excludeTokens });
    return coverageIn(cs, localWeights.weigh(cs), issueBag);
  };
  const queryCoverage = (title: string, body: string) =>
    scoreBag(query, weights, bagOf(title, body), avg).coverage;
  // what the issue is about, said once more by the customer: the subjects of the related open
  // tickets ("ADP file short 4 employees" for "RLF payroll export is short 4 ppl ...")
  const subjects = [...related.values()]
    .filter((r) => !CLOSED.has(r.item.status))
    .map((r) => conceptsOf(r.item.subject, lexicon, { exclude: input.excludeTokens }))
    .filter((cs) => cs.length > 0);
  const aboutCoverage = (title: string, body: string) => {
    const bag = bagOf(title, body);
    const bySubject = subjects.map((cs) => coverageIn(cs, localWeights.weigh(cs), bag));
    return Math.max(scoreBag(query, weights, bag, avg).coverage, ...bySubject);
  };

  // keys a team member rules out (the description, staff notes on the related tickets, chat that
  // names them): "Not STY-4120: these bookings ..." keeps STY-4120 out, whatever words it shares
  const ruledOut = findRuledOutKeys(
    [
      input.description,
      ...[...related.values()].flatMap((r) =>
        (r.item.comments ?? []).filter((c) => c.role !== "customer").map((c) => c.body),
      ),
      ...context.chatMessages
        .filter((c) => [...refsIn(c.text)].some((id) => related.has(id)))
        .map((c) => c.text),
    ],
    policy.vocabulary.cues.ruledOut,
  );

  // --- tracker issues: linked to a related ticket, or about the same thing
  const linkedKeys = new Set(context.links.filter((l) => related.has(l.ticketId)).map((l) => l.trackerKey));
  const trackerIssues: Array<Related<TrackerIssue>> = [];
  for (const issue of context.trackerIssues) {
    if (ruledOut.has(issue.key)) continue;
    const tc = titleCoverage(issue.title);
    const qc = queryCoverage(issue.title, issue.description ?? "");
    if (linkedKeys.has(issue.key)) {
      const by = context.links
        .filter((l) => l.trackerKey === issue.key && related.has(l.ticketId))
        .map((l) => l.ticketId);
      trackerIssues.push({
        item: issue,
        score: tc,
        coverage: qc,
        why: [`linked to ${[...new Set(by)].join(", ")}`],
      });
    } else if (!vague && tc >= m.trackerMinCoverage && qc >= 0.25) {
      trackerIssues.push({
        item: issue,
        score: tc,
        coverage: qc,
        why: [`title matches the issue (${tc.toFixed(2)})`],
      });
    }
  }
  const trackerKeys = new Set(trackerIssues.map((r) => r.item.key));

  // --- chat: about the issue, or mentioning what is related
  const chatMessages: Array<Related<ChatMessage>> = [];
  for (const message of context.chatMessages) {
    const qc = queryCoverage("", message.text);
    const refs = [...refsIn(message.text)].filter((r) => related.has(r) || trackerKeys.has(r));
    if (refs.length > 0)
      chatMessages.push({ item: message, score: qc, coverage: qc, why: [`mentions ${refs.join(", ")}`] });
    else if (!vague && qc >= m.chatMinCoverage)
      chatMessages.push({
        item: message,
        score: qc,
        coverage: qc,
        why: [`discusses the issue (${qc.toFixed(2)})`],
      });
  }

  // replies to those messages in chat without thread ids: what the team answered
  for (const { reply, to } of chatReplies(
    chatMessages.map((c) => c.item),
    context.chatMessages,
    lexicon,
    { minutes: m.chatReplyMinutes, minShared: m.chatReplyMinShared },
  )) {
    if (chatMessages.some((c) => c.item === reply)) continue;
    chatMessages.push({
      item: reply,
      score: 0,
      coverage: 0,
      why: [`answers ${to.author ?? "a message"} in ${to.channel} (${to.at})`],
    });
  }

  // --- stage 2: follow links to more tickets (tracker issue lists, ids named in related chat)
  const byId = new Map(context.tickets.map((t) => [t.id, t]));
  const addLinked = (id: string, reason: string) => {
    const t = byId.get(id);
    if (!t) return;
    const existing = related.get(id);
    if (existing) {
      if (!existing.why.includes(reason)) existing.why.push(reason);
      return;
    }
    related.set(id, {
      item: t,
      accountId: ticketAccountId(t, context.accounts),
      score: 0,
      coverage: 0,
      why: [reason],
    });
  };
  for (const r of trackerIssues) {
    for (const l of context.links)
      if (l.trackerKey === r.item.key) addLinked(l.ticketId, `linked to ${r.item.key}`);
  }
  for (const r of chatMessages) {
    for (const ref of refsIn(r.item.text)) addLinked(ref, `named in chat ${r.item.channel}`);
  }

  // --- KB articles and past escalations: referenced, or about the same thing
  const relatedText = [
    input.description,
    ...[...related.values()].map((r) => fullTicketText(r.item)),
    ...chatMessages.map((c) => c.item.text),
  ].join("\n");
  const mentioned = refsIn(relatedText);
  const kbArticles: Array<Related<KbArticle>> = [];
  const issueCodes = extractSignatures(issueText).httpCodes;
  const relatedTopics = topicsOf(
    [input.description, ...[...related.values()].map((r) => r.item.subject)].join("\n"),
    thesaurus,
  );
  const kbScored: Array<{
    article: KbArticle;
    score: number;
    conflict: boolean;
    referenced: boolean;
    evidence: PairEvidence;
  }> = [];
  for (const article of context.kbArticles) {
    if (ruledOut.has(article.id)) continue;
    const referenced = mentioned.has(article.id);
    if (referenced)
      kbArticles.push({
        item: article,
        score: 1,
        coverage: 1,
        why: [`referenced in related tickets or chat`],
      });
    const bag = bagOf(article.title, article.body);
    const rel = scoreBag(query, weights, bag, avg);
    const codes = extractSignatures(`${article.title}\n${article.body}`).httpCodes;
    const conflict = codes.length > 0 && issueCodes.length > 0 && !httpCodesOverlap(codes, issueCodes);
    kbScored.push({
      article,
      score: rel.score,
      conflict,
      referenced,
      evidence: {
        coverage: coverageIn(query, evidenceWeights, bag),
        relative: 0,
        subject: titleCoverage(article.title),
        sharedIdeas: rel.matched.length,
        rare: coverageIn(rarer, evidenceWeights, bag),
        issueTopics: relatedTopics,
        candidateTopics: topicsOf(`${article.title}\n${article.body}`, thesaurus),
        sameError: codes.length > 0 && issueCodes.length > 0 && !conflict,
        sameAccount: false,
        otherAccount: false,
        ageDays: 0,
      },
    });
  }
  const kbModel = policy.relatedness.kb;
  const kbBest = Math.max(0, ...kbScored.map((k) => k.score));
  const kbCandidates: Array<{ id: string; vector: number[]; p: number }> = [];
  for (const k of kbScored) {
    k.evidence.relative = kbBest > 0 ? k.score / kbBest : 0;
    const vector = featureVector(k.evidence);
    const judged = scoreRelatedness(vector, kbModel);
    kbCandidates.push({ id: k.article.id, vector, p: judged.p });
    // an article about another HTTP status is about another problem, whatever words it shares
    if (vague || k.referenced || k.conflict || judged.p < kbModel.threshold) continue;
    kbArticles.push({
      item: k.article,
      score: judged.p,
      coverage: k.evidence.coverage,
      why: [`relatedness ${judged.p.toFixed(2)} (${explainScore(judged)})`],
    });
  }
  const pastEscalations: Array<Related<PastEscalation>> = [];
  for (const esc of context.pastEscalations) {
    if (ruledOut.has(esc.id) || (esc.trackerKey && ruledOut.has(esc.trackerKey))) continue;
    if (mentioned.has(esc.id) || (esc.trackerKey && trackerKeys.has(esc.trackerKey))) {
      pastEscalations.push({
        item: esc,
        score: 1,
        coverage: 1,
        why: [
          mentioned.has(esc.id) ? "referenced in related chat or tickets" : `tracked as ${esc.trackerKey}`,
        ],
      });
      continue;
    }
    const tc = titleCoverage(esc.summary);
    const qc = aboutCoverage(esc.summary, esc.rootCause ?? "");
    if (!vague && tc >= m.escalationMinCoverage && qc >= 0.3) {
      pastEscalations.push({
        item: esc,
        score: tc,
        coverage: qc,
        why: [`summary matches the issue (${tc.toFixed(2)})`],
      });
    }
  }
  // tracker issues named in related text (e.g. "ENG-702 stall again" in chat) are related too, and
  // so are those a matching KB article names ("Known bug DRW-455: ... Workaround: ..."): the article
  // is about this problem, so the bug it documents is this problem's bug
  const namedByKb = new Map<string, string>();
  for (const r of kbArticles)
    for (const key of refsIn(`${r.item.title}\n${r.item.body}`))
      if (!namedByKb.has(key)) namedByKb.set(key, r.item.id);
  for (const issue of context.trackerIssues) {
    if (trackerKeys.has(issue.key) || ruledOut.has(issue.key)) continue;
    const kbId = namedByKb.get(issue.key);
    if (!mentioned.has(issue.key) && !kbId) continue;
    trackerIssues.push({
      item: issue,
      score: 1,
      coverage: 1,
      why: [mentioned.has(issue.key) ? "referenced in related tickets or chat" : `named in ${kbId}`],
    });
    trackerKeys.add(issue.key);
  }

  const byScore = <T>(a: Related<T>, b: Related<T>) => b.score - a.score;
  return {
    tickets: [...related.values()].sort((a, b) => b.score - a.score || a.item.id.localeCompare(b.item.id)),
    possibleTickets: [...possible.values()]
      .filter((r) => !related.has(r.item.id))
      .sort((a, b) => b.score - a.score || a.item.id.localeCompare(b.item.id)),
    candidates,
    kbCandidates,
    vague,
    trackerIssues: trackerIssues.sort(byScore),
    kbArticles: kbArticles.sort(byScore),
    chatMessages: chatMessages.sort((a, b) => a.item.at.localeCompare(b.item.at)),
    pastEscalations: pastEscalations.sort(byScore),
    queryConcepts: query.map((c) => c.words[0] ?? c.key),
  };
}

/** True when `name` follows words that liken the issue to that account's case ("like X in Dec"). */
export function likensTo(text: string, name: string, likeCase: readonly RegExp[]): boolean {
  const lower = text.toLowerCase();
  const needle = name.toLowerCase();
  for (let i = lower.indexOf(needle); i >= 0; i = lower.indexOf(needle, i + 1)) {
    const before = lower.slice(Math.max(0, i - 60), i);
    if (likeCase.some((re) => re.test(before))) return true;
  }
  return false;
}

function sharedSignatures(a: Signatures, b: Signatures): string[] {
  const out: string[] = [];
  if (a.httpCodes.length > 0 && httpCodesOverlap(a.httpCodes, b.httpCodes))
    out.push(`HTTP ${a.httpCodes.join("/")}`);
  for (const n of a.names) if (b.names.includes(n)) out.push(n);
  for (const q of a.quoted) if (b.quoted.some((x) => x.toLowerCase() === q.toLowerCase())) out.push(`"${q}"`);
  return out;
}

/**
 * How a noted ticket (its text given with the description) and a candidate look-alike agree, by the
 * rule `escalate patterns` groups two tickets with (shared ideas, one in both subjects, a share of
 * the smaller text's weight); null when they do not agree that much.
 */
function ticketAgreement(
  notedText: string,
  noted: Ticket,
  candidate: Ticket,
  exclude: ReadonlySet<string>,
  lexicon: Lexicon,
  local: LocalIdf,
  similarity: Policy["pattern"]["similarity"],
): { shared: string[]; overlap: number } | null {
  const view = (t: Ticket, text: string) => ({
    ...toPatternTicket(t, undefined, [], lexicon),
    subject: new Set(conceptsOf(t.subject, lexicon, { exclude }).map((c) => c.key)),
    concepts: new Set(conceptsOf(text, lexicon, { exclude }).map((c) => c.key)),
  });
  const a = view(noted, notedText);
  const b = view(candidate, fullTicketText(candidate));
  const df = new Map<string, number>();
  for (const c of conceptsOf(`${notedText}\n${fullTicketText(candidate)}`, lexicon, { exclude }))
    df.set(c.key, local.df(c));
  const stats = conceptStats(local.total, df, similarity.priorDocuments, similarity.commonShare);
  const x = textAgreement(a, b, stats);
  if (!agreementHolds(x, similarity)) return null;
  return { shared: [...x.shared].sort((p, q) => stats.weight(q) - stats.weight(p)), overlap: x.overlap };
}

const thesauri = new WeakMap<object, Thesaurus>();
/** The compiled thesaurus of a policy (compiled once per policy object). */
function thesaurusOf(policy: Policy): Thesaurus {
  let t = thesauri.get(policy.thesaurus);
  if (!t) thesauri.set(policy.thesaurus, (t = compileThesaurus(policy.thesaurus, policy.translations)));
  return t;
}

/** The rarer half of the query's concepts, by weight (at least one). */
function rarerHalf(query: readonly Concept[], weights: ReadonlyMap<string, number>): Concept[] {
  const sorted = [...query].sort((a, b) => (weights.get(b.key) ?? 0) - (weights.get(a.key) ?? 0));
  return sorted.slice(0, Math.max(1, Math.ceil(sorted.length / 2)));
}

const average = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 1);

/** Document frequencies over the gathered documents. */
interface LocalIdf {
  weigh: (concepts: Concept[]) => Map<string, number>;
  present: (c: Concept) => boolean;
  df: (c: Concept) => number;
  total: number;
}

/** IDF of arbitrary concepts over the gathered documents (for titles that are not the query). */
function localIdf(context: Context, ticketBags: Bag[]): LocalIdf {
  const docs: Bag[] = [
    ...ticketBags,
    ...context.trackerIssues.map((i) => bagOf(i.title, i.description ?? "")),
    ...context.kbArticles.map((k) => bagOf(k.title, k.body)),
    ...context.chatMessages.map((c) => bagOf("", c.text)),
    ...context.pastEscalations.map((e) => bagOf(e.summary, e.rootCause ?? "")),
  ];
  // stem -> the documents that use it, so a concept's document frequency is a union of small sets
  const byStem = new Map<string, Set<number>>();
  docs.forEach((d, i) => {
    for (const stem of [...d.title.keys(), ...d.body.keys()]) {
      let set = byStem.get(stem);
      if (!set) byStem.set(stem, (set = new Set()));
      set.add(i);
    }
  });
  const cache = new Map<string, number>();
  const df = (c: Concept) => {
    let n = cache.get(c.key);
    if (n === undefined) {
      const union = new Set<number>();
      for (const stem of c.stems) for (const i of byStem.get(stem) ?? []) union.add(i);
      n = union.size;
      cache.set(c.key, n);
    }
    return n;
  };
  return {
    weigh: (concepts) => new Map(concepts.map((c) => [c.key, idf(docs.length, df(c))])),
    present: (c) => df(c) > 0,
    df,
    total: docs.length,
  };
}
