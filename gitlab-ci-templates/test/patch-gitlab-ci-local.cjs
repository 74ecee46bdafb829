// gitlab-ci-local 4.75.1 shows a job with `allow_failure: exit_codes: [4]` that exits 3 or 5 as FAIL, yet
// treats it as allowed to fail: later jobs still start and the process exits 0 (Executor.isPastFailed and
// Executor.getFailed test `job.allowFailure` for truthiness, and exit_codes is an object). GitLab fails the
// job and stops the pipeline. This rewrites both checks to use the job's own verdict (`jobStatus`, which
// already honours exit_codes), so the local pipeline gates like GitLab. Idempotent; fails when the code it
// expects is not there (another version), so a silent no-op cannot pass the tests.
//   node patch-gitlab-ci-local.cjs <tools>/node_modules/gitlab-ci-local/dist/index.js
"use strict";
const fs = require("fs");
const file = process.argv[2];
let src = fs.readFileSync(file, "utf8");
const patches = [
    ["if(r.allowFailure)return!1;return(r.preScriptsExitCode?r.preScriptsExitCode:0)>0", "return r.jobStatus===\"failed\""],
    ["t.finished&&!t.allowFailure&&(t.preScriptsExitCode??0)>0", "t.finished&&t.jobStatus===\"failed\""],
];
for (const [from, to] of patches) {
    const count = src.split(from).length - 1;
    if (count === 1) {
        src = src.replace(from, to);
    } else if (!(count === 0 && src.includes(to))) {
        console.error(`patch-gitlab-ci-local: expected one "${from}" in ${file}, found ${count}`);
        process.exit(1);
    }
}
fs.writeFileSync(file, src);
console.log("patch-gitlab-ci-local: allow_failure:exit_codes now gates like GitLab");
