// YAML helpers for run-tests.sh (js-yaml, pinned by run-tests.sh).
//   node ci-yaml.cjs to-json FILE.yml OUTDIR LABEL   writes OUTDIR/LABEL.<n>.json, one per YAML document
//   node ci-yaml.cjs check-component FILE.yml    GitLab's rules for a CI/CD component, beyond the schema
// check-component prints one line per problem and exits 1 when there is any.
"use strict";
const fs = require("fs");
const path = require("path");
const yaml = require("js-yaml");

const [command, file, outDir, label] = process.argv.slice(2);
const docs = yaml.loadAll(fs.readFileSync(file, "utf8"));

if (command === "to-json") {
    docs.forEach((doc, i) => {
        const target = path.join(outDir, `${label}.${i}.json`);
        fs.writeFileSync(target, JSON.stringify(doc, null, 2));
        console.log(target);
    });
    process.exit(0);
}
if (command !== "check-component") {
    console.error(`unknown command ${command}`);
    process.exit(2);
}

const problems = [];
const name = path.basename(file, ".yml");
if (docs.length !== 2) {
    problems.push(`${docs.length} YAML documents; a component is a spec header, ---, then the jobs`);
}
const [header, body] = docs;
const inputs = header?.spec?.inputs ?? {};
if (Object.keys(header ?? {}).join() !== "spec" || Object.keys(header.spec).join() !== "inputs") {
    problems.push("the header must be exactly spec: inputs:");
}
for (const [key, input] of Object.entries(inputs)) {
    const type = input.type ?? "string";
    if (!input.description) problems.push(`input ${key}: no description`);
    if (!("default" in input)) problems.push(`input ${key}: no default (every input is optional, so the component works with none)`);
    const value = input.default;
    const actual = Array.isArray(value) ? "array" : typeof value;
    if (actual !== type) problems.push(`input ${key}: default ${JSON.stringify(value)} is not a ${type}`);
    if (input.options && !input.options.includes(value)) problems.push(`input ${key}: default ${JSON.stringify(value)} is not one of its options`);
    if (input.regex !== undefined) {
        if (type !== "string") problems.push(`input ${key}: regex on a ${type} input (GitLab allows it on strings only)`);
        if (!new RegExp(input.regex).test(String(value))) problems.push(`input ${key}: default ${JSON.stringify(value)} does not match its regex ${input.regex}`);
    }
}
// Global keywords would leak into (and override) the including project's configuration.
const globals = new Set(["default", "stages", "variables", "workflow", "image", "services", "cache",
    "before_script", "after_script", "pages", "spec"]);
for (const key of Object.keys(body ?? {})) {
    if (globals.has(key)) problems.push(`global keyword ${key} in a component`);
    if (key === "include" && name !== "mlgate") problems.push("only the mlgate component includes others");
    if (key !== "include" && !key.startsWith("$[[ inputs.job_prefix ]]")) problems.push(`job ${key} does not start with $[[ inputs.job_prefix ]]`);
}
const text = JSON.stringify(body);
const used = new Set([...text.matchAll(/\$\[\[\s*inputs\.([\w-]+)\s*\]\]/g)].map((m) => m[1]));
for (const key of used) {
    if (!(key in inputs)) problems.push(`$[[ inputs.${key} ]] is used but not declared`);
}
for (const key of Object.keys(inputs)) {
    if (!used.has(key)) problems.push(`input ${key} is declared but never used`);
}
for (const problem of problems) console.log(`${file}: ${problem}`);
process.exit(problems.length === 0 ? 0 : 1);
