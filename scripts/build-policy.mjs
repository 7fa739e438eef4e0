// Build step: validate the default policy (policy/*.yaml) and write it as JSON beside the
// compiled code, so a normal run needs neither the YAML parser nor zod.
import { writeFileSync } from "node:fs";
import { loadDefaultPolicy, prebuiltDefaultsPath } from "../dist/config/load-policy.js";

writeFileSync(prebuiltDefaultsPath, JSON.stringify(loadDefaultPolicy()));
