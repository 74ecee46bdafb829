#!/usr/bin/env bash
# Tests of the GitLab CI/CD components in gitlab-ci-templates/:
#  - lint: every component (spec header and jobs), the component project's .gitlab-ci.yml, the example
#    .gitlab-ci.yml and their fully rendered forms against GitLab's CI JSON schema (schema/ci.json, ajv);
#    GitLab's component rules (typed inputs with descriptions and defaults, no global keywords);
#  - pipelines: gitlab-ci-local (shell executor, one build directory per job, so artifacts and dotenv
#    really travel between jobs) runs the pipelines on the Lending Club example with the mlgate.jar of
#    this repository: everything passes, the manual deploy runs when triggered and gets MODEL_VERSION,
#    a stricter gate fails the pipeline, drifted data fails validate, a warning is a yellow job, invalid
#    inputs are rejected, the merge request note is posted and then edited in place.
# Installs what it needs: Node 22 (npm package node@22), gitlab-ci-local, ajv-cli, js-yaml (npm, pinned,
# into $MLGATE_GITLAB_TEST_TOOLS), rsync, jq and xmllint (apt, when missing). Builds mlgate.jar when
# mlgate-cli/target/mlgate.jar is missing (or takes $MLGATE_JAR).
# Prints PASS:/FAIL: per test and "N passed, N failed" last; exits 1 when any test failed.
set -uo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
COMPONENTS=$(dirname "$HERE")
REPO=$(dirname "$COMPONENTS")
NODE_VERSION=22.23.3
GCL_VERSION=4.75.1
AJV_CLI_VERSION=5.0.0
AJV_FORMATS_VERSION=3.0.1
JS_YAML_VERSION=4.1.0
TOOLS=${MLGATE_GITLAB_TEST_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/mlgate-gitlab-ci-test}
COMPONENT_NAMES="validate-data train-model evaluate-gate register-model deploy-model mlgate monitor-model"
PASSED=0
FAILED=0

die() { echo "run-tests: $*" >&2; exit 2; }
pass() { PASSED=$((PASSED + 1)); echo "PASS: $1"; }
fail() {
    FAILED=$((FAILED + 1))
    echo "FAIL: $1${2:+ - $2}"
    if [ -n "${3:-}" ] && [ -f "$3" ]; then tail -n 30 "$3" | sed 's/^/    | /'; fi
}

# ---------------------------------------------------------------- tools
install_tools() {
    local want="node@$NODE_VERSION gitlab-ci-local@$GCL_VERSION ajv-cli@$AJV_CLI_VERSION ajv-formats@$AJV_FORMATS_VERSION js-yaml@$JS_YAML_VERSION"
    if [ "$(cat "$TOOLS/.installed" 2>/dev/null)" != "$want" ]; then
        mkdir -p "$TOOLS"
        # shellcheck disable=SC2086
        npm install --prefix "$TOOLS" --no-audit --no-fund --save-exact --loglevel=error $want >"$TOOLS/npm-install.log" 2>&1 \
            || { cat "$TOOLS/npm-install.log"; die "npm install failed"; }
        echo "$want" >"$TOOLS/.installed"
    fi
    NODE="$TOOLS/node_modules/node/bin/node"
    GCL_JS="$TOOLS/node_modules/gitlab-ci-local/dist/index.js"
    AJV_JS="$TOOLS/node_modules/ajv-cli/dist/index.js"
    [ -x "$NODE" ] || die "$NODE missing: the node@$NODE_VERSION package did not install its binary"
    "$NODE" "$HERE/patch-gitlab-ci-local.cjs" "$GCL_JS" >/dev/null || die "cannot patch gitlab-ci-local"
    local missing=""
    command -v rsync >/dev/null 2>&1 || missing="$missing rsync"
    command -v jq >/dev/null 2>&1 || missing="$missing jq"
    command -v xmllint >/dev/null 2>&1 || missing="$missing libxml2-utils"
    command -v git >/dev/null 2>&1 || missing="$missing git"
    command -v curl >/dev/null 2>&1 || missing="$missing curl"
    if [ -n "$missing" ]; then
        [ "$(id -u)" = 0 ] || die "install$missing (apt) first"
        # shellcheck disable=SC2086
        (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing) >/dev/null \
            || die "apt-get install$missing failed"
    fi
}

build_jar() {
    JAR=${MLGATE_JAR:-$REPO/mlgate-cli/target/mlgate.jar}
    if [ ! -f "$JAR" ]; then
        echo "run-tests: building $JAR"
        (cd "$REPO" && mvn -B -q -ntp -DskipTests package -pl mlgate-cli -am) || die "mvn package failed"
    fi
    [ -f "$JAR" ] || die "$JAR missing"
}

# The mlgate command the test pipelines use (input cli_command): the real jar for every step; `deploy`
# answers like a successful deployment and records its arguments until MLGATE_TEST_REAL_DEPLOY=1, because
# the real one needs a running `mlgate serve` (or Kubernetes) as its target.
write_cli_stub() {
    mkdir -p "$WORK/bin"
    cat >"$WORK/bin/mlgate" <<EOF
#!/usr/bin/env bash
set -euo pipefail
if [ "\${1:-}" = deploy ] && [ "${MLGATE_TEST_REAL_DEPLOY:-0}" != 1 ]; then
    printf '%s\n' "\$@" >>"$WORK/deploy.log"
    echo "--" >>"$WORK/deploy.log"
    echo '{"status" : "PASSED", "message" : "deploy stub of run-tests.sh"}'
    exit 0
fi
exec java -jar "$JAR" "\$@"
EOF
    chmod +x "$WORK/bin/mlgate"
}

# ---------------------------------------------------------------- helpers
# A git repository laid out like the published component project (templates/, README.md, .gitlab-ci.yml,
# examples/lending-club/), or like a model project using the example .gitlab-ci.yml with the components
# pinned to this commit instead of a release. gitlab-ci-local resolves
# $CI_SERVER_FQDN/<this project>/<name>@<this commit> from the working tree: its "local component" form.
make_project() {
    local dir="$WORK/$1" kind=$2
    mkdir -p "$dir"
    cp -r "$COMPONENTS/templates" "$COMPONENTS/README.md" "$dir/"
    if [ "$kind" = component ]; then
        cp "$COMPONENTS/.gitlab-ci.yml" "$dir/"
        (cd "$REPO" && git ls-files examples/lending-club) | rsync -a --files-from=- "$REPO/" "$dir/"
    else
        (cd "$REPO" && git ls-files examples/lending-club) | rsync -a --files-from=- "$REPO/" "$WORK/$1.tmp/"
        cp -r "$WORK/$1.tmp/examples/lending-club/." "$dir/"
        rm -rf "$WORK/$1.tmp"
        sed 's#\(mlgate/components/[a-z-]*\)@0\.1\.0$#\1@$CI_COMMIT_SHA#' "$COMPONENTS/examples/${3:-.gitlab-ci.yml}" >"$dir/.gitlab-ci.yml"
    fi
    (
        cd "$dir" && git init -q -b main && git remote add origin git@gitlab.example.com:mlgate/components.git \
            && git add -A && git -c user.name=ci -c user.email=ci@example.com commit -qm "test project"
    ) || die "cannot create $dir"
}

# gitlab-ci-local in a project directory; output in a log file; returns its exit code.
gcl() {
    local dir=$1 log=$2
    shift 2
    (cd "$dir" && "$NODE" "$GCL_JS" --force-shell-executor --shell-isolation --no-color \
        --max-job-name-padding 0 "$@") >"$log" 2>&1
}

# The verdict gitlab-ci-local printed for a job in its summary: PASS, WARN or FAIL (empty: did not run).
job_result() { sed -n "s/^ \(PASS\|WARN\|FAIL\) \{1,\}$2\( .*\)\{0,1\}\$/\1/p" "$1" | tail -n 1; }

expect_jobs() { # log, then job=VERDICT pairs; VERDICT "-" means the job must not have run
    local log=$1 pair job want got
    shift
    for pair in "$@"; do
        job=${pair%%=*}
        want=${pair#*=}
        got=$(job_result "$log" "$job")
        [ "$want" = - ] && want=""
        if [ "$got" != "$want" ]; then
            REASON="$job: expected ${want:-not run}, got ${got:-not run}"
            return 1
        fi
    done
}

run_test() { # name, function, args...; MLGATE_TEST_ONLY=<regex> runs only the tests whose name matches
    local name=$1
    shift
    if [ -n "${MLGATE_TEST_ONLY:-}" ] && ! [[ $name =~ $MLGATE_TEST_ONLY ]]; then return 0; fi
    REASON=""
    LOG=""
    if "$@"; then pass "$name"; else fail "$name" "$REASON" "$LOG"; fi
}

# ---------------------------------------------------------------- lint
t_tools() {
    local node_v gcl_v
    node_v=$("$NODE" --version)
    gcl_v=$("$NODE" "$GCL_JS" --version)
    [[ $node_v == v22.* ]] || { REASON="node $node_v"; return 1; }
    [ "$gcl_v" = "$GCL_VERSION" ] || { REASON="gitlab-ci-local $gcl_v"; return 1; }
}

ajv_validate() { # files...
    LOG="$WORK/ajv.log"
    "$NODE" "$AJV_JS" validate --spec=draft7 --strict=false --all-errors -c ajv-formats \
        -s "$HERE/schema/ci.json" $(printf -- '-d %s ' "$@") >"$LOG" 2>&1
}

to_json() { # yaml, label -> prints the JSON files
    NODE_PATH="$TOOLS/node_modules" "$NODE" "$HERE/ci-yaml.cjs" to-json "$1" "$WORK/lint" "$2"
}

t_schema_component() {
    local files
    files=$(to_json "$COMPONENTS/templates/$1.yml" "$1") || { REASON="not YAML"; return 1; }
    [ "$(echo "$files" | wc -l)" -eq 2 ] || { REASON="expected a spec header and the jobs"; return 1; }
    # shellcheck disable=SC2086
    ajv_validate $files || REASON="invalid against GitLab's CI schema"
}

t_schema_file() { # yaml, label
    local files
    files=$(to_json "$1" "$2") || { REASON="not YAML"; return 1; }
    # shellcheck disable=SC2086
    ajv_validate $files || REASON="invalid against GitLab's CI schema"
}

t_schema_negative_control() {
    printf 'job:\n  script: [echo]\n  allow_failure:\n    exit_codes: four\n  when: sometimes\n' >"$WORK/broken.yml"
    local files
    files=$(to_json "$WORK/broken.yml" broken)
    # shellcheck disable=SC2086
    if ajv_validate $files; then REASON="a broken job passed the lint: the validator checks nothing"; return 1; fi
    grep -q 'exit_codes' "$LOG" || { REASON="the error does not name exit_codes"; return 1; }
}

t_component_rules() {
    LOG="$WORK/rules-$1.log"
    NODE_PATH="$TOOLS/node_modules" "$NODE" "$HERE/ci-yaml.cjs" check-component "$COMPONENTS/templates/$1.yml" >"$LOG" 2>&1 \
        || { REASON="$(head -n 1 "$LOG")"; return 1; }
}

t_shared_blocks() {
    # The CLI setup script and the CLI inputs are copied into every step component; they must not drift.
    local name first="" block
    # (the first CLI setup of each file: monitor-model has two jobs with the same setup)
    for name in validate-data train-model evaluate-gate register-model deploy-model monitor-model; do
        block=$(sed -n '/# The mlgate CLI:/,/^      set --$/{p;/^      set --$/q;}' "$COMPONENTS/templates/$name.yml"; sed -n '/^    image:/,/^    cli_command:/p' "$COMPONENTS/templates/$name.yml")
        [ "$name" != monitor-model ] || [ "$(grep -c '# The mlgate CLI:' "$COMPONENTS/templates/$name.yml")" = 2 ] \
            || { REASON="monitor-model: expected the CLI setup in its monitor and dataset jobs"; return 1; }
        [ -n "$block" ] || { REASON="$name has no CLI setup block"; return 1; }
        if [ -z "$first" ]; then first=$block; elif [ "$block" != "$first" ]; then REASON="$name differs from validate-data"; return 1; fi
    done
}

t_readme() {
    # Catalog form: a summary, "## Components", one section with a YAML example per component, every input named.
    local readme="$COMPONENTS/README.md" name section input
    LOG="$WORK/readme.log"
    grep -q '^## Components$' "$readme" || { REASON="no '## Components' section"; return 1; }
    for name in $COMPONENT_NAMES; do
        section=$(sed -n "/^### $name\$/,/^### /p" "$readme")
        [ -n "$section" ] || { REASON="no '### $name' section"; return 1; }
        grep -q '^```yaml$' <<<"$section" || { REASON="no YAML example for $name"; return 1; }
        grep -q "component: \$CI_SERVER_FQDN/mlgate/components/$name@" <<<"$section" || { REASON="the $name example does not include $name"; return 1; }
        for input in $(NODE_PATH="$TOOLS/node_modules" "$NODE" -e 'const y=require("js-yaml"),f=require("fs");
            console.log(Object.keys(y.loadAll(f.readFileSync(process.argv[1],"utf8"))[0].spec.inputs).join(" "))' "$COMPONENTS/templates/$name.yml"); do
            grep -q "| \`$input\` |" "$readme" || { REASON="input $input of $name is not documented"; return 1; }
        done
    done
}

t_rendered() { # project, label: gitlab-ci-local --preview renders includes, inputs and extends
    LOG="$WORK/preview-$2.log"
    (cd "$WORK/$1" && "$NODE" "$GCL_JS" --preview --no-color --input "cli_command=$WORK/bin/mlgate") >"$WORK/preview-$2.yml" 2>"$LOG" \
        || { REASON="gitlab-ci-local --preview failed"; return 1; }
    t_schema_file "$WORK/preview-$2.yml" "rendered-$2"
}

# ---------------------------------------------------------------- pipelines
INPUTS=()
common_inputs() { # project: the inputs every pipeline test passes
    INPUTS=(--input "cli_command=$WORK/bin/mlgate" --input "registry=file:$WORK/registry-$1")
}

t_list_manual_deploy() {
    LOG="$WORK/list.log"
    common_inputs component
    gcl "$WORK/component" "$LOG" --list "${INPUTS[@]}" || { REASON="--list failed"; return 1; }
    grep -Eq '^mlgate-deploy-component-test +deploy +manual +false +component-test ' "$LOG" \
        || { REASON="the deploy job is not manual, blocking, in environment component-test"; return 1; }
    grep -Eq '^mlgate-evaluate +test +on_success +\[4\] ' "$LOG" || { REASON="evaluate does not allow exit code 4 only"; return 1; }
    ! grep -q '^mlgate-mr-note' "$LOG" || { REASON="the merge request note job is in a branch pipeline"; return 1; }
}

t_pipeline_passes() {
    LOG="$WORK/pipeline.log"
    common_inputs component
    gcl "$WORK/component" "$LOG" "${INPUTS[@]}" || { REASON="gitlab-ci-local exited non-zero"; return 1; }
    expect_jobs "$LOG" mlgate-validate=PASS mlgate-train=PASS mlgate-evaluate=PASS mlgate-register=PASS \
        mlgate-deploy-component-test=- mlgate-mr-note=- || return 1
    grep -q 'mlgate: registering after GATE_STATUS=PASSED (from the evaluate job)' "$LOG" \
        || { REASON="the evaluate job's dotenv did not reach register"; return 1; }
}

t_reports() {
    local a="$WORK/component/.gitlab-ci-local/artifacts" f
    LOG="$WORK/reports.log"
    : >"$LOG"
    for f in mlgate-validate/mlgate-out/junit-validation.xml mlgate-evaluate/mlgate-out/junit.xml; do
        [ -s "$a/$f" ] || { REASON="$f missing"; return 1; }
        xmllint --noout "$a/$f" 2>>"$LOG" || { REASON="$f is not well-formed XML"; return 1; }
        [ "$(xmllint --xpath 'count(//testcase)' "$a/$f")" -gt 0 ] || { REASON="$f has no test case"; return 1; }
    done
    [ "$(xmllint --xpath 'count(//testcase[@name="[absolute - auc]"])' "$a/mlgate-evaluate/mlgate-out/junit.xml")" = 1 ] \
        || { REASON="junit.xml has no case for the auc gate"; return 1; }
    f="$a/mlgate-evaluate/mlgate-out/metrics.txt"
    [ "$(tail -n 1 "$f")" = "# EOF" ] || { REASON="metrics.txt does not end with # EOF"; return 1; }
    grep -Eq '^mlgate_metric\{model="credit-risk",version="candidate",metric="auc"\} 0\.[0-9]+$' "$f" \
        || { REASON="metrics.txt has no candidate auc"; return 1; }
    for f in evaluation.json report.html; do
        [ -s "$a/mlgate-evaluate/mlgate-out/$f" ] || { REASON="$f missing"; return 1; }
    done
    jq -e '.status == "PASSED" and (.gates.results | length) == 4' "$a/mlgate-evaluate/mlgate-out/evaluation.json" >/dev/null \
        || { REASON="evaluation.json does not parse or lacks the gates"; return 1; }
    [ -s "$a/mlgate-train/mlgate-out/model/model.tribuo" ] || { REASON="the model directory is not an artifact"; return 1; }
}

t_dotenv() {
    local d="$WORK/component/.gitlab-ci-local/artifacts"
    LOG="$d/mlgate-register/.gitlab-ci-reports/dotenv/mlgate-out/register.env"
    grep -qx 'VALIDATION_STATUS=PASSED' "$d/mlgate-validate/.gitlab-ci-reports/dotenv/mlgate-out/validate.env" \
        || { REASON="validate.env"; return 1; }
    grep -qx 'GATE_STATUS=PASSED' "$d/mlgate-evaluate/.gitlab-ci-reports/dotenv/mlgate-out/evaluate.env" \
        || { REASON="evaluate.env"; return 1; }
    grep -qx 'MODEL_VERSION=1' "$LOG" && grep -qx 'MODEL_NAME=credit-risk' "$LOG" && grep -qx 'GATE_STATUS=PASSED' "$LOG" \
        || { REASON="register.env lacks MODEL_VERSION=1, MODEL_NAME or GATE_STATUS"; return 1; }
}

t_manual_deploy() {
    LOG="$WORK/deploy.run.log"
    common_inputs component
    : >"$WORK/deploy.log"
    # running the manual job by name later is what clicking "play" does: it takes the artifacts and dotenv
    # of the jobs it needs from the pipeline that already ran
    gcl "$WORK/component" "$LOG" "${INPUTS[@]}" mlgate-deploy-component-test || { REASON="gitlab-ci-local exited non-zero"; return 1; }
    expect_jobs "$LOG" mlgate-deploy-component-test=PASS || return 1
    grep -q 'mlgate: deploying credit-risk version 1 to component-test, GATE_STATUS=PASSED' "$LOG" \
        || { REASON="MODEL_VERSION/GATE_STATUS did not reach the deploy job"; return 1; }
    local args
    args=$(tr '\n' ' ' <"$WORK/deploy.log")
    for want in "deploy " "--version 1 " "--environment component-test " "--strategy replace " "--reason Deployed by " "--json "; do
        [[ $args == *"$want"* ]] || { REASON="mlgate was called as: $args (no '$want')"; return 1; }
    done
}

# The same manual deploy with the real `mlgate deploy` against a real `mlgate serve` (local target): the job
# passes, the ledger says PASSED, and the server answers with version 1 as its stable version.
t_real_deploy() {
    LOG="$WORK/real-deploy.log"
    local port token="$WORK/admin-token" i
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$token"
    java -jar "$JAR" serve --registry "file:$WORK/registry-component" --port "$port" --admin-token-file "$token" \
        >"$WORK/serve.log" 2>&1 &
    SERVE_PID=$!
    for i in $(seq 1 300); do
        curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
        sleep 0.2
    done
    curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1 || { REASON="mlgate serve did not start; see $WORK/serve.log"; LOG="$WORK/serve.log"; return 1; }
    mkdir -p "$WORK/bin-real"
    printf '#!/usr/bin/env bash\nexec java -jar "%s" "$@"\n' "$JAR" >"$WORK/bin-real/mlgate"
    chmod +x "$WORK/bin-real/mlgate"
    gcl "$WORK/component" "$LOG" --input "cli_command=$WORK/bin-real/mlgate" --input "registry=file:$WORK/registry-component" \
        --input "overrides=deploy.url=http://127.0.0.1:$port" --variable "MLGATE_ADMIN_TOKEN=$(cat "$token")" \
        mlgate-deploy-component-test || { REASON="gitlab-ci-local exited non-zero"; return 1; }
    expect_jobs "$LOG" mlgate-deploy-component-test=PASS || return 1
    grep -q '\[deploy - component-test\]: PASSED - credit-risk stable 1 (was nothing deployed) on local' "$LOG" \
        || { REASON="no PASSED deploy line from the real mlgate deploy"; return 1; }
    curl -sf "http://127.0.0.1:$port/v1/models/credit-risk" | grep -q '"stable":"1"' \
        || { REASON="the server does not serve version 1 after the deploy job"; return 1; }
}

t_mr_note() {
    local port="" i
    LOG="$WORK/mr-note.log"
    rm -f "$WORK/mock.port" "$WORK/mock.log"
    MOCK_TOKEN=test-token "$NODE" "$HERE/mock-gitlab-notes.mjs" "$WORK/mock.port" "$WORK/mock.log" "$WORK/mock-notes.json" &
    MOCK_PID=$!
    for i in $(seq 1 100); do
        [ -s "$WORK/mock.port" ] && break
        sleep 0.1
    done
    port=$(cat "$WORK/mock.port" 2>/dev/null)
    [ -n "$port" ] || { REASON="the mock GitLab API did not start"; return 1; }
    common_inputs component
    local mr=(--variable CI_MERGE_REQUEST_IID=7 --variable "CI_SERVER_URL=http://127.0.0.1:$port" --variable MLGATE_GITLAB_TOKEN=test-token)
    for i in 1 2; do
        gcl "$WORK/component" "$LOG" "${INPUTS[@]}" "${mr[@]}" mlgate-mr-note || { REASON="run $i: gitlab-ci-local exited non-zero"; return 1; }
        expect_jobs "$LOG" mlgate-mr-note=PASS || return 1
    done
    kill "$MOCK_PID" 2>/dev/null
    wait "$MOCK_PID" 2>/dev/null
    MOCK_PID=""
    [ "$(grep -c '^POST .*/merge_requests/7/notes 201$' "$WORK/mock.log")" = 1 ] || { REASON="expected one POST: $(tr '\n' ';' <"$WORK/mock.log")"; return 1; }
    grep -Eq '^PUT .*/merge_requests/7/notes/[0-9]+ 200$' "$WORK/mock.log" || { REASON="the second run did not edit the note"; return 1; }
    grep -q '^GET .*/merge_requests/7/notes?per_page=100&page=2&' "$WORK/mock.log" || { REASON="the job did not page through the notes"; return 1; }
    jq -e 'length == 1 and (.[0].body | contains("<!-- mlgate-note: mlgate-evaluate -->")
            and contains("| metric | candidate | champion") and contains("| auc | 0.")
            and contains("[absolute - auc]: PASSED"))' "$WORK/mock-notes.json" >/dev/null \
        || { REASON="the note is not the candidate-vs-champion table: $(cat "$WORK/mock-notes.json")"; return 1; }
}

t_mr_note_off() {
    LOG="$WORK/mr-note-off.log"
    common_inputs component
    gcl "$WORK/component" "$LOG" --list "${INPUTS[@]}" --variable CI_MERGE_REQUEST_IID=7 || { REASON="--list failed"; return 1; }
    grep -Eq '^mlgate-mr-note +test +always ' "$LOG" || { REASON="no note job in a merge request pipeline"; return 1; }
    gcl "$WORK/component" "$LOG" --list "${INPUTS[@]}" --variable CI_MERGE_REQUEST_IID=7 --input mr_note=false || { REASON="--list failed"; return 1; }
    ! grep -q '^mlgate-mr-note' "$LOG" || { REASON="mr_note: false still adds the note job"; return 1; }
}

t_warning_is_yellow() {
    LOG="$WORK/warning.log"
    common_inputs component
    # gates.3 is the recall gate with criticality: warning
    gcl "$WORK/component" "$LOG" "${INPUTS[@]}" --input "gate_overrides=gates.3.threshold=0.99" mlgate-evaluate \
        || { REASON="a warning failed the pipeline"; return 1; }
    expect_jobs "$LOG" mlgate-evaluate=WARN || return 1
    grep -q 'mlgate: evaluate exit code 4, GATE_STATUS=WARNING' "$LOG" || { REASON="evaluate did not exit 4"; return 1; }
}

t_stricter_gate_fails() {
    LOG="$WORK/strict.log"
    common_inputs component
    if gcl "$WORK/component" "$LOG" "${INPUTS[@]}" --input "gate_overrides=gates.0.threshold=0.99"; then
        REASON="the pipeline exited 0"
        return 1
    fi
    expect_jobs "$LOG" mlgate-validate=PASS mlgate-train=PASS mlgate-evaluate=FAIL mlgate-register=- || return 1
    grep -q '\[absolute - auc\]: FAILED - candidate 0\.[0-9]* < 0\.99' "$LOG" || { REASON="no FAILED auc gate message"; return 1; }
    grep -q 'mlgate: evaluate exit code 3' "$LOG" || { REASON="evaluate did not exit 3"; return 1; }
}

t_drift_fails_validate() {
    LOG="$WORK/drift.log"
    common_inputs component
    if gcl "$WORK/component" "$LOG" "${INPUTS[@]}" --input "data=examples/lending-club/data/holdout-drifted.csv"; then
        REASON="the pipeline exited 0"
        return 1
    fi
    expect_jobs "$LOG" mlgate-validate=FAIL mlgate-train=- mlgate-evaluate=- mlgate-register=- || return 1
    grep -q '\[drift - int_rate\]: FAILED - PSI' "$LOG" || { REASON="int_rate drift not reported"; return 1; }
    grep -q 'mlgate: validate exit code 5' "$LOG" || { REASON="validate did not exit 5"; return 1; }
    [ -s "$WORK/component/.gitlab-ci-local/artifacts/mlgate-validate/mlgate-out/junit-validation.xml" ] \
        || { REASON="no JUnit report from the failed job (artifacts:when: always)"; return 1; }
}

t_drift_warning_is_yellow() {
    LOG="$WORK/drift-warn.log"
    common_inputs component
    # an inputs file keeps "5" a string, as in a .gitlab-ci.yml (the --input flag would parse it as a number)
    printf 'data: examples/lending-club/data/holdout-drifted.csv\npsi_fail: "5"\n' >"$WORK/drift-warn-inputs.yml"
    gcl "$WORK/component" "$LOG" "${INPUTS[@]}" --inputs-file "$WORK/drift-warn-inputs.yml" mlgate-validate \
        || { REASON="a drift warning failed the pipeline"; return 1; }
    expect_jobs "$LOG" mlgate-validate=WARN || return 1
    grep -q 'mlgate: validate exit code 4, VALIDATION_STATUS=WARNING' "$LOG" || { REASON="validate did not exit 4"; return 1; }
}

t_rejects() { # label, expected message (regex), input...
    local label=$1 message=$2
    shift 2
    LOG="$WORK/reject-$label.log"
    common_inputs component
    if gcl "$WORK/component" "$LOG" --list "${INPUTS[@]}" "$@"; then REASON="accepted"; return 1; fi
    grep -Eq "$message" "$LOG" || { REASON="no message matching /$message/"; return 1; }
}

t_consumer_pipeline() {
    LOG="$WORK/consumer.log"
    common_inputs consumer
    gcl "$WORK/consumer" "$WORK/consumer.list" --list "${INPUTS[@]}" || { REASON="--list failed"; LOG="$WORK/consumer.list"; return 1; }
    grep -Eq '^mlgate-deploy-staging +deploy +manual +false +staging ' "$WORK/consumer.list" \
        && grep -Eq '^mlgate-deploy-production +deploy +manual +false +production +\[mlgate-deploy-staging,' "$WORK/consumer.list" \
        || { REASON="two manual deploy jobs, production after staging, expected"; LOG="$WORK/consumer.list"; return 1; }
    gcl "$WORK/consumer" "$LOG" "${INPUTS[@]}" || { REASON="gitlab-ci-local exited non-zero"; return 1; }
    expect_jobs "$LOG" mlgate-validate=PASS mlgate-train=PASS mlgate-evaluate=PASS mlgate-register=PASS \
        mlgate-deploy-staging=- mlgate-deploy-production=- || return 1
    : >"$WORK/deploy.log"
    gcl "$WORK/consumer" "$LOG" "${INPUTS[@]}" mlgate-deploy-staging || { REASON="the staging deploy failed"; return 1; }
    expect_jobs "$LOG" mlgate-deploy-staging=PASS || return 1
    local args
    args=$(tr '\n' ' ' <"$WORK/deploy.log")
    for want in "--version 1 " "--environment staging " "--strategy canary " "--set deploy.canary_percent=20 "; do
        [[ $args == *"$want"* ]] || { REASON="mlgate was called as: $args (no '$want')"; return 1; }
    done
}

# ---------------------------------------------------------------- continuous training (retrain.gitlab-ci.yml)
# A prediction log and labelled outcomes as `mlgate serve --prediction-log` and a labelling process would leave
# them: the first 40 holdout rows, answered by version 1, and what really happened to them.
write_prediction_log() {
    mkdir -p "$WORK/prediction-log"
    python3 - "$WORK/retrain/data/holdout.csv" "$WORK/prediction-log/predictions.jsonl" "$WORK/outcomes.csv" <<'PY'
import csv, json, sys
rows = list(csv.DictReader(open(sys.argv[1])))[:40]
with open(sys.argv[2], "w") as log, open(sys.argv[3], "w") as out:
    out.write("request_id,actual\n")
    for i, r in enumerate(rows):
        actual = r.pop("Class")
        log.write(json.dumps({"request_id": f"req-{i}", "row": 0, "rows": 1, "time": "2026-05-01T10:00:00Z",
                              "model": "credit-risk", "version": "1", "inputs": r, "prediction": "good",
                              "score": 0.1, "probabilities": {"bad": 0.1, "good": 0.9}}) + "\n")
        out.write(f"req-{i},{actual}\n")
PY
}

RETRAIN_VARS=()
retrain_vars() { # the schedule's variables: no model server here, the log and outcomes of write_prediction_log
    RETRAIN_VARS=(--input "cli_command=$WORK/bin/mlgate" --input "registry=file:$WORK/registry-retrain"
        --variable CI_PIPELINE_SOURCE=schedule --variable MLGATE_SERVER_URL=
        --variable "MLGATE_PREDICTION_LOG=$WORK/prediction-log" --variable "MLGATE_OUTCOMES=$WORK/outcomes.csv")
}
RETRAIN_JOBS="retrain-monitor retrain-dataset retrain-validate retrain-train retrain-evaluate retrain-register"

t_retrain_only_scheduled() {
    LOG="$WORK/retrain.list"
    retrain_vars
    gcl "$WORK/retrain" "$LOG" --list --input "cli_command=$WORK/bin/mlgate" || { REASON="--list failed"; return 1; }
    ! grep -q '^retrain-' "$LOG" || { REASON="retraining jobs in a push pipeline"; return 1; }
    gcl "$WORK/retrain" "$LOG" --list "${RETRAIN_VARS[@]}" || { REASON="--list failed"; return 1; }
    local job
    for job in $RETRAIN_JOBS; do
        grep -q "^$job " "$LOG" || { REASON="$job is not in a scheduled pipeline"; return 1; }
    done
    grep -Eq '^retrain-deploy-production +deploy +manual +false +production ' "$LOG" || { REASON="no manual production deploy"; return 1; }
}

t_retrain_runs() {
    LOG="$WORK/retrain-true.log"
    retrain_vars
    # the registry has the model (version 1), as after the first deployment; then the monitor asks on demand
    (cd "$WORK/retrain" && java -jar "$JAR" train --config mlgate.yaml --registry "file:$WORK/registry-retrain" --no-progress \
        --set train.params.rounds=20 >"$WORK/retrain-seed.log" 2>&1 \
        && java -jar "$JAR" register --config mlgate.yaml --registry "file:$WORK/registry-retrain" --no-progress \
        >>"$WORK/retrain-seed.log" 2>&1) || { REASON="cannot register version 1"; LOG="$WORK/retrain-seed.log"; return 1; }
    write_prediction_log
    gcl "$WORK/retrain" "$LOG" "${RETRAIN_VARS[@]}" --variable MLGATE_RETRAIN=true || { REASON="gitlab-ci-local exited non-zero"; return 1; }
    expect_jobs "$LOG" retrain-monitor=PASS retrain-dataset=PASS retrain-validate=PASS retrain-train=PASS \
        retrain-evaluate=PASS retrain-register=PASS retrain-deploy-production=- || return 1
    grep -q 'mlgate: monitor RETRAIN=true, MONITOR_STATUS=FAILED, RETRAIN_REASON=on demand (MLGATE_RETRAIN' "$LOG" \
        || { REASON="the monitor did not ask for a retrain"; return 1; }
    grep -q 'mlgate: dataset build exit code 0, 7926 training rows' "$LOG" || { REASON="the dataset job did not append 40 logged rows"; return 1; }
    grep -q 'mlgate: register exit code 0, MODEL_NAME=credit-risk MODEL_VERSION=2' "$LOG" || { REASON="version 2 was not registered"; return 1; }
    local history
    history=$(cd "$WORK/retrain" && java -jar "$JAR" history --config mlgate.yaml --registry "file:$WORK/registry-retrain" 2>&1)
    grep -q 'retrain-requested' <<<"$history" || { REASON="no retrain-requested entry in the history: $history"; return 1; }
    grep -q '"retrain_trigger" *: *"on-demand"' "$WORK/retrain/.gitlab-ci-local/artifacts/retrain-register/mlgate-out/registration.json" \
        || { REASON="version 2 has no retrain_trigger tag"; return 1; }
}

t_retrain_skipped() {
    LOG="$WORK/retrain-false.log"
    retrain_vars
    gcl "$WORK/retrain" "$LOG" "${RETRAIN_VARS[@]}" || { REASON="gitlab-ci-local exited non-zero"; return 1; }
    expect_jobs "$LOG" retrain-monitor=PASS retrain-dataset=PASS retrain-validate=PASS retrain-train=PASS \
        retrain-evaluate=PASS retrain-register=PASS || return 1
    grep -q 'mlgate: monitor RETRAIN=false' "$LOG" || { REASON="the monitor did not say RETRAIN=false"; return 1; }
    [ "$(grep -c 'mlgate: no retrain (RETRAIN=false, MONITOR_STATUS=[A-Z]*): nothing to do' "$LOG")" -ge 4 ] \
        || { REASON="validate, train, evaluate and register did not skip their work"; return 1; }
    ! grep -q 'mlgate: register exit code\|mlgate: train exit code' "$LOG" || { REASON="a retraining job did its work"; return 1; }
}

cleanup() {
    [ -n "${MOCK_PID:-}" ] && kill "$MOCK_PID" 2>/dev/null
    [ -n "${SERVE_PID:-}" ] && kill "$SERVE_PID" 2>/dev/null
    [ -n "${WORK:-}" ] && [ -z "${MLGATE_TEST_KEEP:-}" ] && rm -rf "$WORK"
}

# ---------------------------------------------------------------- main
install_tools
build_jar
WORK=$(mktemp -d "${TMPDIR:-/tmp}/mlgate-gitlab-test.XXXXXX")
MOCK_PID=""
SERVE_PID=""
trap cleanup EXIT
mkdir -p "$WORK/lint"
write_cli_stub
make_project component component
make_project consumer consumer
make_project retrain consumer retrain.gitlab-ci.yml
echo "run-tests: gitlab-ci-local $GCL_VERSION on node $("$NODE" --version), jar $JAR, work in $WORK"

run_test "tools: gitlab-ci-local $GCL_VERSION runs on Node 22 from the npm package node@22" t_tools
run_test "lint: the schema lint rejects a broken job (negative control)" t_schema_negative_control
for name in $COMPONENT_NAMES; do
    run_test "lint: templates/$name.yml (spec header and jobs) against GitLab's CI schema" t_schema_component "$name"
    run_test "component rules: templates/$name.yml (typed, described inputs with valid defaults; no global keywords)" t_component_rules "$name"
done
run_test "component rules: every step component has the same CLI setup and CLI inputs" t_shared_blocks
run_test "readme: catalog form, a YAML example per component, every input documented" t_readme
run_test "lint: .gitlab-ci.yml of the component project against GitLab's CI schema" t_schema_file "$COMPONENTS/.gitlab-ci.yml" component-project
run_test "lint: examples/.gitlab-ci.yml against GitLab's CI schema" t_schema_file "$COMPONENTS/examples/.gitlab-ci.yml" example
run_test "lint: examples/retrain.gitlab-ci.yml against GitLab's CI schema" t_schema_file "$COMPONENTS/examples/retrain.gitlab-ci.yml" retrain-example
run_test "lint: the rendered component project pipeline (includes and inputs expanded) against the schema" t_rendered component component
run_test "lint: the rendered example pipeline against the schema" t_rendered consumer consumer
run_test "lint: the rendered retrain pipeline against the schema" t_rendered retrain retrain
run_test "inputs: a value outside options is rejected (deployment_tier=prod)" \
    t_rejects option 'deployment_tier.*not in the list of allowed options' --input deployment_tier=prod
run_test "inputs: a value not matching the regex is rejected (model=Credit Risk)" \
    t_rejects regex 'model.*does not match required regex' --input "model=Credit Risk"
run_test "inputs: a string for a number input is rejected (canary_percent=ten)" \
    t_rejects number 'canary_percent.*not a number' --input canary_percent=ten
run_test "inputs: a string for a boolean input is rejected (mr_note=yes)" \
    t_rejects boolean 'mr_note.*not a boolean' --input mr_note=yes
run_test "pipeline: the deploy job is manual, blocking, with its environment; no MR note job on a branch" t_list_manual_deploy
run_test "pipeline: component project on lending-club: validate, train, evaluate, register pass; deploy waits" t_pipeline_passes
run_test "reports: JUnit XML parses, metrics.txt ends with # EOF, evaluation.json, report.html, model kept" t_reports
run_test "dotenv: VALIDATION_STATUS, GATE_STATUS, MODEL_NAME, MODEL_VERSION written for later jobs" t_dotenv
run_test "deploy: the manual deploy runs when triggered, with MODEL_VERSION from register" t_manual_deploy
run_test "deploy: the real mlgate deploy from the manual job reaches a running mlgate serve (local target)" t_real_deploy
run_test "mr note: posted once, then edited in place (mock GitLab notes API)" t_mr_note
run_test "mr note: only in merge request pipelines, and not with mr_note: false" t_mr_note_off
run_test "gates: a WARNING (exit 4) is a yellow job and the pipeline passes" t_warning_is_yellow
run_test "gates: a stricter threshold fails evaluate and the pipeline; nothing is registered" t_stricter_gate_fails
run_test "data: the drifted holdout fails validate and stops the pipeline" t_drift_fails_validate
run_test "data: drift below a raised psi_fail is a yellow validate job" t_drift_warning_is_yellow
run_test "component include: the example .gitlab-ci.yml with the five step components runs; staging canary deploy" t_consumer_pipeline

run_test "retrain: the retraining jobs are only in scheduled pipelines; deploy stays manual" t_retrain_only_scheduled
run_test "retrain: RETRAIN=true (on demand): dataset from the log, validate, train, evaluate, register version 2 with its trigger" t_retrain_runs
run_test "retrain: RETRAIN=false: every retraining job ends at once, nothing is trained or registered" t_retrain_skipped

echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
