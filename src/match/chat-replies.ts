/**
 * Replies in chat that carries no thread ids: the next message in the same channel (and thread,
 * when there is one), soon after a message about the issue and sharing some of its ideas, answers
 * it ("yes — freeze keeps the price, KB-140 has it"). A message posted in the thread a message opens
 * answers it, whatever its words. Pure: messages, lexicon and limits come in.
 */
import type { ChatMessage } from "../domain/bundle.js";
import { conceptsOf, type Lexicon } from "./lexicon.js";

/** Limits of {@link chatReplies} (policy `matching.chatReplyMinutes`, `chatReplyMinShared`). */
export interface ReplyLimits {
  minutes: number;
  minShared: number;
}

/** A reply and the message it answers. */
export interface ChatReply {
  reply: ChatMessage;
  to: ChatMessage;
}

const sameThread = (a: ChatMessage, b: ChatMessage) =>
  a.channel === b.channel && (a.threadId ?? null) === (b.threadId ?? null);

/** The replies among `all` to each of `about`: the channel's next message, in time, sharing ideas. */
export function chatReplies(
  about: readonly ChatMessage[],
  all: readonly ChatMessage[],
  lexicon: Lexicon,
  limits: ReplyLimits,
): ChatReply[] {
  const out: ChatReply[] = [];
  const sorted = [...all].sort((a, b) => a.at.localeCompare(b.at));
  const ideas = (m: ChatMessage) => new Set(conceptsOf(m.text, lexicon).map((c) => c.key));
  for (const to of about) {
    const at = Date.parse(to.at);
    // a reply posted in the message's own thread answers it, whatever words it uses
    const threaded = sorted.filter(
      (m) =>
        to.id !== undefined &&
        m.channel === to.channel &&
        m.threadId === to.id &&
        Date.parse(m.at) > at &&
        !about.includes(m),
    );
    if (threaded.length > 0) {
      out.push(...threaded.map((reply) => ({ reply, to })));
      continue;
    }
    const next = sorted.find((m) => m !== to && sameThread(m, to) && Date.parse(m.at) > at);
    if (!next || Date.parse(next.at) - at > limits.minutes * 60_000) continue;
    if (about.includes(next)) continue;
    const theirs = ideas(to);
    const shared = [...ideas(next)].filter((k) => theirs.has(k));
    if (shared.length >= limits.minShared) out.push({ reply: next, to });
  }
  return out;
}
