/**
 * The policy: thresholds, cadence and vocabularies, as data. Defaults ship in `policy/*.yaml`;
 * a team's own YAML file is merged over them (objects key by key, lists and numbers replaced).
 * This module only merges and validates; reading files happens in `load-policy.ts`.
 */
import type { z } from "zod";
import type { policySchemaOf } from "./policy-schema.js";

/** The whole policy, after merging a team's overrides over the defaults. */
export type Policy = z.infer<ReturnType<typeof policySchemaOf>>;
/** The natures of POLICY.md section 1. */
export type Nature = keyof Policy["vocabulary"]["natures"];
/** The cues read from text (exec request, churn threat, ...). */
export type CueName = keyof Policy["vocabulary"]["cues"];

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** Merges `override` over `base`: objects key by key, everything else replaced whole. */
export function mergeDeep(base: unknown, override: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(override)) return override === undefined ? base : override;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) out[key] = mergeDeep(base[key], value);
  return out;
}

/** Validates a merged policy; the error names the first bad path. */
export function parsePolicy(raw: unknown, source: string, schema: ReturnType<typeof policySchemaOf>): Policy {
  const result = schema.safeParse(raw);
  if (result.success) {
    for (const [group, lists] of Object.entries({
      ...result.data.vocabulary.natures,
      ...result.data.vocabulary.cues,
    })) {
      for (const pattern of lists) {
        try {
          new RegExp(pattern, "i");
        } catch (error) {
          throw new PolicyError(
            `${source}: vocabulary ${group}: bad pattern ${pattern}: ${(error as Error).message}`,
          );
        }
      }
    }
    return result.data;
  }
  const issue = result.error.issues[0];
  const path = (issue?.path ?? []).map(String).join(".");
  throw new PolicyError(`${source}: ${path || "(root)"}: ${issue?.message ?? "invalid"}`);
}

/** A policy file that does not validate. */
export class PolicyError extends Error {
  override readonly name = "PolicyError";
}
