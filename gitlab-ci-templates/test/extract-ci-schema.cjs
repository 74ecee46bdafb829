// Re-creates schema/ci.json: GitLab's CI/CD JSON schema (app/assets/javascripts/editor/schema/ci.json),
// as bundled in the pinned gitlab-ci-local npm package, which copies it verbatim from GitLab.
//   node extract-ci-schema.cjs <tools>/node_modules/gitlab-ci-local/dist/index.js > schema/ci.json
// The bundle holds the schema as one object literal; this finds it, evaluates only that literal and
// prints it as JSON, so the vendored file can be refreshed when the pinned version changes.
const fs = require("fs");
const src = fs.readFileSync(process.argv[2], "utf8");
const start = src.indexOf('{$schema:"http://json-schema.org/draft-07/schema#",$id:"https://gitlab.com/.gitlab-ci.yml"');
if (start < 0) {
    throw new Error(`GitLab's CI schema literal not found in ${process.argv[2]}`);
}
let depth = 0;
let quote = null;
let end = start;
for (; end < src.length; end++) {
    const c = src[end];
    if (quote) {
        if (c === "\\") { end++; continue; }
        if (c === quote) quote = null;
        continue;
    }
    if (c === "\"" || c === "'" || c === "`") { quote = c; continue; }
    if (c === "{") depth++;
    else if (c === "}" && --depth === 0) break;
}
const schema = (0, eval)("(" + src.slice(start, end + 1) + ")");
process.stdout.write(JSON.stringify(schema, null, 2) + "\n");
