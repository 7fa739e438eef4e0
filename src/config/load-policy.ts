/**
 * Reads the shipped default policy and a team's override file (the only file I/O of the policy).
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse as parseYaml } from "yaml";
import { UserError } from "../errors.js";
import { mergeDeep, parsePolicy, PolicyError, type Policy } from "./policy.js";

const policyDir = fileURLToPath(new URL("../../policy/", import.meta.url));

function readYaml(path: string): unknown {
  try {
    return parseYaml(readFileSync(path, "utf8")) as unknown;
  } catch (error) {
    throw new UserError(`policy: cannot read ${path}: ${(error as Error).message.split("\n")[0]}`);
  }
}

/** The defaults: `policy/default.yaml` plus `policy/vocabulary.yaml` under `vocabulary`. */
export function loadDefaultPolicyData(): Record<string, unknown> {
  const base = readYaml(`${policyDir}default.yaml`) as Record<string, unknown>;
  return { ...base, vocabulary: readYaml(`${policyDir}vocabulary.yaml`) };
}

/** Loads the defaults merged with the team's file at `overridePath`, when there is one. */
export function loadPolicy(overridePath?: string): Policy {
  let data: unknown = loadDefaultPolicyData();
  let source = "default policy";
  if (overridePath) {
    if (!existsSync(overridePath))
      throw new UserError(`policy: no file at ${overridePath}; fix --policy or ESCALATE_POLICY`);
    data = mergeDeep(data, readYaml(overridePath));
    source = overridePath;
  }
  try {
    return parsePolicy(data, source);
  } catch (error) {
    if (error instanceof PolicyError) throw new UserError(`policy: ${error.message}`);
    throw error;
  }
}
