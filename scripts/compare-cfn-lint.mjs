// `npm run compare:cfn-lint`: runs cfn-lint and our validator (the built CLI, dist/cli) on the shared
// corpus and the sample apps, and prints what each finds, per rule id and per file, so the gaps on
// either side are visible. Not part of `npm test`: it needs cfn-lint, and it is a tool for deciding
// what to check next, not a pass/fail gate.
//
//   node scripts/compare-cfn-lint.mjs [--warnings] [--all-files] [--reuse] [paths...]
//
// Findings match when they have the same file, rule id and start line. By default only errors are
// compared (`--warnings` adds warnings). The per-file section lists every file where only one tool
// reports an error, with each error's line and both tools' messages at that line; `--all-files`
// also lists unmatched errors in files where both tools report some. cfn-lint takes minutes on the
// corpus: its findings are kept in node_modules/.cache, and `--reuse` reads them back when the file
// list and cfn-lint's version are the same.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const withWarnings = args.includes("--warnings");
const allFiles = args.includes("--all-files");
const reuse = args.includes("--reuse");
const cachePath = join(root, "node_modules/.cache/compare-cfn-lint.json");
let reused = false;
const explicit = args.filter((a) => !a.startsWith("--"));

function templatesUnder(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...templatesUnder(path));
    else if (/\.(ya?ml|json|template)$/i.test(name)) out.push(path);
  }
  return out;
}

function defaultFiles() {
  const corpus = resolve(root, "../shared/corpus/aws-cloudformation-templates");
  const samples = ["workflows-examples/sample-app/template.yaml", "workflows-examples/java-app/template.yaml"]
    .map((p) => join(root, p))
    .filter((p) => existsSync(p));
  if (!existsSync(corpus)) {
    console.error(`The shared corpus is not at ${corpus}; give template paths as arguments.`);
    process.exit(2);
  }
  return [...templatesUnder(corpus), ...samples];
}

const files = (explicit.length > 0 ? explicit.map((p) => resolve(p)) : defaultFiles()).sort();
const keep = (level) => level === "error" || (withWarnings && level === "warning");

function runCfnLint() {
  const probe = spawnSync("cfn-lint", ["--version"], { encoding: "utf8" });
  if (probe.error || probe.status !== 0) {
    console.error("cfn-lint is not installed here (pip install cfn-lint); nothing to compare against.");
    process.exit(2);
  }
  const version = probe.stdout.trim();
  if (reuse && existsSync(cachePath)) {
    const cached = JSON.parse(readFileSync(cachePath, "utf8"));
    if (cached.version === version && JSON.stringify(cached.files) === JSON.stringify(files)) {
      reused = true;
      return cached.findings.filter((f) => keep(f.level));
    }
  }
  const findings = [];
  // In chunks, so one broken file cannot hide the others and the argument list stays short.
  for (let i = 0; i < files.length; i += 60) {
    const chunk = files.slice(i, i + 60);
    const run = spawnSync("cfn-lint", ["-f", "json", "--", ...chunk], {
      encoding: "utf8",
      maxBuffer: 1 << 28,
    });
    if (run.stdout.trim() === "") {
      console.error(
        `cfn-lint printed nothing for ${chunk.length} files (exit ${run.status}): ${run.stderr.slice(0, 500)}`,
      );
      continue;
    }
    for (const f of JSON.parse(run.stdout)) {
      findings.push({
        file: resolve(f.Filename),
        line: f.Location.Start.LineNumber,
        rule: f.Rule.Id,
        level: f.Level.toLowerCase(),
        message: f.Message,
      });
    }
  }
  mkdirSync(dirname(cachePath), { recursive: true });
  writeFileSync(cachePath, JSON.stringify({ version, files, findings }));
  return findings.filter((f) => keep(f.level));
}

function runOurs() {
  const cli = join(root, "dist/cli/index.js");
  const run = spawnSync(
    process.execPath,
    [cli, "validate", ...files, "--format", "json", "--fail-on", "never"],
    {
      encoding: "utf8",
      maxBuffer: 1 << 28,
    },
  );
  if (run.status !== 0) {
    console.error(`preview-stacks validate exited ${run.status}: ${run.stderr.slice(0, 500)}`);
    process.exit(1);
  }
  return JSON.parse(run.stdout)
    .map((f) => ({
      file: resolve(f.file),
      line: f.line,
      rule: f.rule,
      level: f.severity,
      message: f.message,
    }))
    .filter((f) => keep(f.level));
}

const started = Date.now();
const theirs = runCfnLint();
const cfnLintMs = Date.now() - started;
const oursStarted = Date.now();
const ours = runOurs();
const oursMs = Date.now() - oursStarted;

const key = (f) => `${f.file}\0${f.rule}\0${f.line}`;
const theirKeys = new Set(theirs.map(key));
const ourKeys = new Set(ours.map(key));
const perRule = new Map();
const row = (rule) => {
  if (!perRule.has(rule)) perRule.set(rule, { both: 0, cfnLint: 0, ours: 0 });
  return perRule.get(rule);
};
for (const f of theirs) row(f.rule)[ourKeys.has(key(f)) ? "both" : "cfnLint"]++;
for (const f of ours) if (!theirKeys.has(key(f))) row(f.rule).ours++;

const label = withWarnings ? "errors and warnings" : "errors";
console.log(`# preview-stacks validate against cfn-lint: ${label} on ${files.length} templates\n`);
console.log(
  `cfn-lint ${reused ? "findings reused from its last run (--reuse)" : `${cfnLintMs} ms`}, preview-stacks ${oursMs} ms. A finding matches on file, rule id and line.\n`,
);
console.log("| rule | both | only cfn-lint | only preview-stacks |");
console.log("| --- | ---: | ---: | ---: |");
const totals = { both: 0, cfnLint: 0, ours: 0 };
for (const rule of [...perRule.keys()].sort()) {
  const r = perRule.get(rule);
  console.log(`| ${rule} | ${r.both} | ${r.cfnLint} | ${r.ours} |`);
  for (const k of Object.keys(totals)) totals[k] += r[k];
}
console.log(`| **all** | ${totals.both} | ${totals.cfnLint} | ${totals.ours} |`);

const byFile = (list) => {
  const map = new Map();
  for (const f of list) {
    if (!map.has(f.file)) map.set(f.file, []);
    map.get(f.file).push(f);
  }
  return map;
};
const theirsByFile = byFile(theirs);
const oursByFile = byFile(ours);
const name = (file) => relative(process.cwd(), file);
const onlyOne = [];
const mixed = [];
for (const file of files) {
  const t = theirsByFile.get(file) ?? [];
  const o = oursByFile.get(file) ?? [];
  if ((t.length === 0) !== (o.length === 0)) onlyOne.push(file);
  else if (t.length > 0 && allFiles) mixed.push(file);
}

function printFile(file, onlyUnmatched) {
  const t = theirsByFile.get(file) ?? [];
  const o = oursByFile.get(file) ?? [];
  const lines = [...new Set([...t, ...o].map((f) => f.line))].sort((a, b) => a - b);
  console.log(`\n### ${name(file)}`);
  for (const line of lines) {
    const here = (list) => list.filter((f) => f.line === line);
    const tl = here(t).filter((f) => !onlyUnmatched || !ourKeys.has(key(f)));
    const ol = here(o).filter((f) => !onlyUnmatched || !theirKeys.has(key(f)));
    if (tl.length === 0 && ol.length === 0) continue;
    console.log(`- line ${line}`);
    for (const f of here(t)) console.log(`  - cfn-lint ${f.rule}: ${f.message.slice(0, 300)}`);
    for (const f of here(o)) console.log(`  - preview-stacks ${f.rule}: ${f.message.slice(0, 300)}`);
  }
}

console.log(
  `\n## Files where only one tool reports an ${withWarnings ? "error or warning" : "error"} (${onlyOne.length})`,
);
for (const file of onlyOne) printFile(file, false);
if (allFiles) {
  console.log(`\n## Unmatched findings in files where both report (${mixed.length} files)`);
  for (const file of mixed) printFile(file, true);
}
