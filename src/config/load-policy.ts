/**
 * Reads the policy: the shipped defaults and a team's override file (the only file I/O of the
 * policy). The build validates the defaults once and writes them as JSON beside the compiled code,
 * so a normal run loads neither the YAML parser nor zod; both load only for a team's own file.
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type * as Yaml from "yaml";
import type * as ZodModule from "zod";
import { UserError } from "../errors.js";
import { policySchemaOf } from "./policy-schema.js";
import { mergeDeep, parsePolicy, PolicyError, type Policy } from "./policy.js";

const require = createRequire(import.meta.url);
const policyDir = fileURLToPath(new URL("../../policy/", import.meta.url));
/** Where the build writes the validated defaults (dist/policy-defaults.json). */
export const prebuiltDefaultsPath = fileURLToPath(new URL("../policy-defaults.json", import.meta.url));

function readYaml(path: string): unknown {
  const yaml = require("yaml") as typeof Yaml;
  try {
    return yaml.parse(readFileSync(path, "utf8")) as unknown;
  } catch (error) {
    throw new UserError(`policy: cannot read ${path}: ${(error as Error).message.split("\n")[0]}`);
  }
}

function validate(data: unknown, source: string): Policy {
  const { z } = require("zod") as typeof ZodModule;
  try {
    return parsePolicy(data, source, policySchemaOf(z));
  } catch (error) {
    if (error instanceof PolicyError) throw new UserError(`policy: ${error.message}`);
    throw error;
  }
}

/** The defaults as written: `policy/default.yaml`, plus `vocabulary.yaml`, `thesaurus.yaml` and
 * `relatedness.yaml` and `translations.yaml` under their own keys. */
export function loadDefaultPolicyData(): Record<string, unknown> {
  const base = readYaml(`${policyDir}default.yaml`) as Record<string, unknown>;
  return {
    ...base,
    vocabulary: readYaml(`${policyDir}vocabulary.yaml`),
    thesaurus: readYaml(`${policyDir}thesaurus.yaml`),
    relatedness: readYaml(`${policyDir}relatedness.yaml`),
    translations: readYaml(`${policyDir}translations.yaml`),
  };
}

/** The defaults, validated (from the YAML sources). */
export function loadDefaultPolicy(): Policy {
  return validate(loadDefaultPolicyData(), "default policy");
}

let defaults: Policy | undefined;

/** Loads the defaults merged with the team's file at `overridePath`, when there is one. */
export function loadPolicy(overridePath?: string): Policy {
  defaults ??= existsSync(prebuiltDefaultsPath)
    ? (JSON.parse(readFileSync(prebuiltDefaultsPath, "utf8")) as Policy)
    : loadDefaultPolicy();
  if (!overridePath) return defaults;
  if (!existsSync(overridePath)) {
    throw new UserError(`policy: no file at ${overridePath}; fix --policy or ESCALATE_POLICY`);
  }
  return validate(mergeDeep(defaults, readYaml(overridePath)), overridePath);
}
