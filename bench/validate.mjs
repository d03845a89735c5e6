// Cold-process validation benchmark: our CLI bundle against cfn-lint (when on PATH) on a minimal
// template, the largest corpus template, a generated quickstart-style template of about 98 KB (many
// parameters, mappings, conditions, IAM, networking and serverless resources), the whole corpus in
// one run, and a generated template of 500 resources near 1 MB; the validate action bundle on the
// minimal and the quickstart-style template; the minimal and the largest template again with every
// rule left out. A bare `node -e 0` is its own row (so is an empty ES module, the floor of any
// bundle), and every row says how many times that start-up it takes, in wall and in CPU time,
// against `node -e 0` runs made right before each of its own.
// Prints the median wall time, CPU time (user + system, steadier than wall time on a busy
// machine) and peak memory of several runs, then the targets (start-up multiple,
// speed-up and memory ratio against cfn-lint) and whether each is met. Each row's runs of ours and
// of cfn-lint alternate, so that a machine slowing down or speeding up hits both alike.
//
// Our rows and `node -e 0` run with the Node that runs this script, or with BENCH_NODE (a path to
// another node binary): the actions run on the runner's node24, the CLI on whatever Node its user has.
// Every row is a cold start with Node's compile cache off; where that Node has one, the largest and
// the quickstart-style template also get a row with it warm, as for a later start (their cold and
// warm runs interleaved).
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { hasCompileCache, median } from "./common.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const corpus = join(root, "../shared/corpus/aws-cloudformation-templates");
const cli = join(root, "dist/cli/index.js");
const node = process.env.BENCH_NODE || process.execPath;
const runs = Number(process.env.BENCH_RUNS ?? 5);
const lintRuns = Number(process.env.BENCH_LINT_RUNS ?? 3);

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const templates = walk(corpus).filter((file) => /\.(ya?ml|json)$/.test(file));
const largest = templates.reduce((a, b) => (statSync(a).size >= statSync(b).size ? a : b));
const work = mkdtempSync(join(tmpdir(), "preview-stacks-bench-"));
process.on("exit", () => rmSync(work, { recursive: true, force: true }));

const minimal = join(work, "minimal.yaml");
writeFileSync(minimal, "Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n");

function generated() {
  const lines = [
    'AWSTemplateFormatVersion: "2010-09-09"',
    "Parameters:",
    "  Stage:",
    "    Type: String",
    "    Default: dev",
    "Resources:",
  ];
  const code = "x".repeat(1400);
  for (let i = 0; i < 500; i++) {
    if (i % 2 === 0) {
      lines.push(
        `  Queue${i}:`,
        "    Type: AWS::SQS::Queue",
        "    Properties:",
        `      QueueName: !Sub "\${Stage}-queue-${i}"`,
        "      VisibilityTimeout: 60",
        "      Tags:",
        "        - Key: note",
        `          Value: "${code}"`,
      );
    } else {
      lines.push(
        `  Topic${i}:`,
        "    Type: AWS::SNS::Topic",
        `    DependsOn: Queue${i - 1}`,
        "    Properties:",
        `      DisplayName: !Join ["-", [!Ref Stage, topic, "${i}"]]`,
        "      Subscription:",
        `        - Endpoint: !GetAtt Queue${i - 1}.Arn`,
        "          Protocol: sqs",
        "      Tags:",
        "        - Key: note",
        `          Value: "${code}"`,
      );
    }
  }
  const file = join(work, "generated-500.yaml");
  writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

/**
 * A template in the style of the large quickstart templates: a VPC per tier with subnets and
 * routes, security groups, IAM roles with inline policies, Lambda functions with log groups and
 * queues, tables and buckets; many parameters with allowed values and patterns, a region mapping,
 * conditions used through Fn::If, and exported outputs. About 98 KB, and clean for both tools.
 */
function quickstartStyle(file) {
  const l = [
    'AWSTemplateFormatVersion: "2010-09-09"',
    "Description: Quickstart-style benchmark template",
    "Parameters:",
  ];
  for (let i = 0; i < 26; i++) {
    l.push(
      `  SubnetCidr${i}:`,
      "    Type: String",
      `    Default: 10.${i}.0.0/24`,
      "    AllowedPattern: ^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})$",
      "    Description: CIDR block of a private subnet",
    );
  }
  l.push(
    "  Environment:",
    "    Type: String",
    "    Default: dev",
    "    AllowedValues: [dev, staging, prod]",
    "  KeyPairName:",
    "    Type: String",
    '    Default: ""',
    "Mappings:",
    "  RegionMap:",
  );
  for (const region of [
    "us-east-1",
    "us-east-2",
    "us-west-2",
    "eu-west-1",
    "eu-central-1",
    "ap-southeast-2",
  ]) {
    l.push(`    ${region}:`, "      Ami: ami-0123456789abcdef0", "      Az1: a", "      Az2: b");
  }
  l.push(
    "Conditions:",
    "  IsProd: !Equals [!Ref Environment, prod]",
    '  HasKeyPair: !Not [!Equals [!Ref KeyPairName, ""]]',
    "  ProdWithKey: !And [!Condition IsProd, !Condition HasKeyPair]",
    "Resources:",
    "  Vpc:",
    "    Type: AWS::EC2::VPC",
    "    Properties:",
    "      CidrBlock: 10.0.0.0/8",
    "      EnableDnsSupport: true",
    "      EnableDnsHostnames: true",
    "      Tags:",
    "        - Key: Name",
    '          Value: !Sub "${AWS::StackName}-vpc"',
  );
  for (let i = 0; i < 26; i++) {
    l.push(
      `  Subnet${i}:`,
      "    Type: AWS::EC2::Subnet",
      "    Properties:",
      "      VpcId: !Ref Vpc",
      `      CidrBlock: !Ref SubnetCidr${i}`,
      `      AvailabilityZone: !Select [${i % 2}, !GetAZs ""]`,
      "      Tags:",
      "        - Key: Name",
      `          Value: !Sub "\${AWS::StackName}-subnet-${i}"`,
      `  RouteTable${i}:`,
      "    Type: AWS::EC2::RouteTable",
      "    Properties:",
      "      VpcId: !Ref Vpc",
      `  RouteTableAssociation${i}:`,
      "    Type: AWS::EC2::SubnetRouteTableAssociation",
      "    Properties:",
      `      SubnetId: !Ref Subnet${i}`,
      `      RouteTableId: !Ref RouteTable${i}`,
    );
  }
  for (let i = 0; i < 25; i++) {
    l.push(
      `  SecurityGroup${i}:`,
      "    Type: AWS::EC2::SecurityGroup",
      "    Properties:",
      `      GroupDescription: Tier ${i} security group`,
      "      VpcId: !Ref Vpc",
      "      SecurityGroupIngress:",
      "        - IpProtocol: tcp",
      "          FromPort: 443",
      "          ToPort: 443",
      "          CidrIp: 10.0.0.0/8",
      `  Role${i}:`,
      "    Type: AWS::IAM::Role",
      "    Properties:",
      "      AssumeRolePolicyDocument:",
      '        Version: "2012-10-17"',
      "        Statement:",
      "          - Effect: Allow",
      "            Principal:",
      "              Service: lambda.amazonaws.com",
      "            Action: sts:AssumeRole",
      "      ManagedPolicyArns:",
      "        - !Sub arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole",
      "      Policies:",
      "        - PolicyName: data",
      "          PolicyDocument:",
      '            Version: "2012-10-17"',
      "            Statement:",
      "              - Effect: Allow",
      "                Action: [dynamodb:GetItem, dynamodb:PutItem, dynamodb:Query]",
      `                Resource: !GetAtt Table${i}.Arn`,
      "              - Effect: Allow",
      "                Action: [sqs:SendMessage, sqs:ReceiveMessage, sqs:DeleteMessage, sqs:GetQueueAttributes]",
      `                Resource: !GetAtt Queue${i}.Arn`,
      `  Function${i}:`,
      "    Type: AWS::Lambda::Function",
      "    Properties:",
      "      Runtime: python3.13",
      "      Handler: index.handler",
      "      MemorySize: !If [IsProd, 1024, 256]",
      "      Timeout: 30",
      `      Role: !GetAtt Role${i}.Arn`,
      "      Code:",
      "        ZipFile: |",
      "          def handler(event, context):",
      "              return {'statusCode': 200}",
      "      Environment:",
      "        Variables:",
      `          TABLE: !Ref Table${i}`,
      `          QUEUE: !Ref Queue${i}`,
      "      VpcConfig:",
      `        SecurityGroupIds: [!Ref SecurityGroup${i}]`,
      `        SubnetIds: [!Ref Subnet${i}, !Ref Subnet${(i + 1) % 26}]`,
      `  LogGroup${i}:`,
      "    Type: AWS::Logs::LogGroup",
      "    Properties:",
      `      LogGroupName: !Sub /aws/lambda/\${Function${i}}`,
      "      RetentionInDays: !If [IsProd, 365, 14]",
      `  Queue${i}:`,
      "    Type: AWS::SQS::Queue",
      "    Properties:",
      "      VisibilityTimeout: 180",
      "      MessageRetentionPeriod: 345600",
      `  EventSource${i}:`,
      "    Type: AWS::Lambda::EventSourceMapping",
      "    Properties:",
      `      EventSourceArn: !GetAtt Queue${i}.Arn`,
      `      FunctionName: !Ref Function${i}`,
      "      BatchSize: 10",
      `  Table${i}:`,
      "    Type: AWS::DynamoDB::Table",
      "    Properties:",
      "      BillingMode: PAY_PER_REQUEST",
      "      AttributeDefinitions:",
      "        - AttributeName: pk",
      "          AttributeType: S",
      "        - AttributeName: sk",
      "          AttributeType: S",
      "      KeySchema:",
      "        - AttributeName: pk",
      "          KeyType: HASH",
      "        - AttributeName: sk",
      "          KeyType: RANGE",
      "      PointInTimeRecoverySpecification:",
      "        PointInTimeRecoveryEnabled: !If [IsProd, true, false]",
      `  Bucket${i}:`,
      "    Type: AWS::S3::Bucket",
      "    DeletionPolicy: Retain",
      "    UpdateReplacePolicy: Retain",
      "    Properties:",
      "      BucketEncryption:",
      "        ServerSideEncryptionConfiguration:",
      "          - ServerSideEncryptionByDefault:",
      "              SSEAlgorithm: AES256",
      "      PublicAccessBlockConfiguration:",
      "        BlockPublicAcls: true",
      "        BlockPublicPolicy: true",
      "        IgnorePublicAcls: true",
      "        RestrictPublicBuckets: true",
    );
  }
  l.push(
    "  Instance:",
    "    Type: AWS::EC2::Instance",
    "    Condition: ProdWithKey",
    "    Properties:",
    '      ImageId: !FindInMap [RegionMap, !Ref "AWS::Region", Ami]',
    "      InstanceType: t3.micro",
    "      KeyName: !Ref KeyPairName",
    "      SubnetId: !Ref Subnet0",
    "Outputs:",
  );
  for (let i = 0; i < 25; i++) {
    l.push(
      `  Function${i}Arn:`,
      `    Value: !GetAtt Function${i}.Arn`,
      "    Export:",
      `      Name: !Sub "\${AWS::StackName}-function-${i}"`,
      `  Bucket${i}Name:`,
      `    Value: !Ref Bucket${i}`,
    );
  }
  writeFileSync(file, `${l.join("\n")}\n`);
  return file;
}

const kb = (file) => `${(statSync(file).size / 1024).toFixed(0)} KB`;
const quickstart = quickstartStyle(join(work, "quickstart-style.yaml"));
const big = generated();
const rows = [
  { name: "minimal template", files: [minimal] },
  { name: `largest corpus template (${kb(largest)})`, files: [largest] },
  { name: `quickstart-style template (${kb(quickstart)})`, files: [quickstart] },
  { name: `whole corpus (${templates.length} files)`, files: templates },
  { name: `generated, 500 resources (${kb(big)})`, files: [big] },
];

/**
 * Node reads every certificate of NODE_EXTRA_CA_CERTS at start-up (on the machines this project
 * is developed on it points at the whole system bundle), which a GitHub runner does not set. It would make every start slower and every "x node -e 0" look better than it is, so
 * our rows and `node -e 0` run without it.
 */
const runnerEnv = { ...process.env };
delete runnerEnv.NODE_EXTRA_CA_CERTS;
if (process.env.NODE_EXTRA_CA_CERTS) {
  console.log("NODE_EXTRA_CA_CERTS is set here: our rows and `node -e 0` run without it, as on a runner.");
}
/**
 * The bundles turn on Node's compile cache (22.1 and later; see scripts/build.mjs), so every run
 * after the first would read compiled code from disk. The rows measure a cold start, the first of
 * a job, with the cache off; rows marked "compile cache warm" measure later starts, with a cache
 * filled by one run before them.
 */
delete runnerEnv.NODE_COMPILE_CACHE;
runnerEnv.NODE_DISABLE_COMPILE_CACHE = "1";
const compileCache = hasCompileCache(node);

/**
 * Runs a command once under /usr/bin/time; returns wall ms (measured here), CPU ms (user + system)
 * and peak RSS in MB.
 */
function measure(command, args, env = runnerEnv) {
  const start = process.hrtime.bigint();
  const result = spawnSync("/usr/bin/time", ["-f", "%M %U %S", command, ...args], {
    encoding: "utf8",
    maxBuffer: 1 << 28,
    env,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const [rss, user, sys] = result.stderr.trim().split("\n").pop().split(" ").map(Number);
  return { ms, cpu: (user + sys) * 1000, rss: rss / 1024, status: result.status };
}

function summary(command, args, samples, mustSucceed) {
  const failed = samples.find((sample) => sample.status !== 0);
  if (mustSucceed && failed) {
    throw new Error(
      `${command} ${args.join(" ")} exited with ${failed.status}: a failed run is not a measurement.`,
    );
  }
  return {
    ms: median(samples.map((s) => s.ms)),
    cpu: median(samples.map((s) => s.cpu)),
    rss: median(samples.map((s) => s.rss)),
  };
}

/**
 * Every "x node -e 0" is a ratio of two timings, and the machine's speed drifts within a bench
 * run: a start-up measured once, before or after all rows, would put that drift into each ratio.
 * So every run of ours comes right after a run of `node -e 0`, and each row is compared with its
 * own start-up runs. `bareRuns` keeps them all, for the start-up row.
 */
const bareArgs = ["-e", "0"];
const bareRuns = [];

/** One run of ours with Node, after one of `node -e 0` that goes into `bare` (and `bareRuns`). */
function measureOurs(args, env, bare) {
  const start = measure(node, bareArgs);
  bare.push(start);
  bareRuns.push(start);
  return measure(node, args, env);
}

/** `count` runs of ours, each paired with a `node -e 0` run: the row's median and its start-up's. */
function bench(args, count, env = runnerEnv) {
  const bare = [];
  const samples = Array.from({ length: count }, () => measureOurs(args, env, bare));
  return { ours: summary(node, args, samples, true), bare: summary(node, bareArgs, bare, true) };
}

/**
 * Two ways of running the same command, interleaved run by run, so the machine's drift hits both
 * alike; each pair follows one `node -e 0` run, the start-up both are compared with.
 */
function benchInterleaved(args, count, envA, envB) {
  const a = [];
  const b = [];
  const bare = [];
  for (let i = 0; i < count; i++) {
    a.push(measureOurs(args, envA, bare));
    b.push(measure(node, args, envB));
  }
  const start = summary(node, bareArgs, bare, true);
  return [
    { ours: summary(node, args, a, true), bare: start },
    { ours: summary(node, args, b, true), bare: start },
  ];
}

let cfnLint = null;
try {
  cfnLint = execFileSync("cfn-lint", ["--version"], { encoding: "utf8" }).trim();
} catch {
  console.log("cfn-lint is not on PATH: its columns stay empty.");
}

/**
 * Our runs and cfn-lint's for one row, spread over each other (ours, cfn-lint, ours, ...): the
 * machine's speed drifts over the minute or more that cfn-lint's runs of a row take, and runs taken
 * one side after the other would put that drift into the speed-up. Our runs beyond cfn-lint's
 * count come after its last run.
 */
function benchBoth(files) {
  const oursArgs = [cli, "validate", ...files, "--fail-on", "never"];
  const theirsArgs = ["--", ...files];
  const ours = [];
  const theirs = [];
  const bare = [];
  for (let i = 0; i < Math.max(runs, lintRuns); i++) {
    if (i < runs) ours.push(measureOurs(oursArgs, runnerEnv, bare));
    if (cfnLint && i < lintRuns) theirs.push(measure("cfn-lint", theirsArgs, process.env));
  }
  return {
    ours: summary(node, oursArgs, ours, true),
    bare: summary(node, bareArgs, bare, true),
    theirs: cfnLint && lintRuns > 0 ? summary("cfn-lint", theirsArgs, theirs, false) : null,
  };
}

const table = [];
for (const row of rows) table.push({ row, ...benchBoth(row.files) });

// The action bundle as the runner starts it, on the minimal and the quickstart-style template: it
// also loads @actions/core and writes outputs and the job summary, so each is compared with the
// same cfn-lint run as the CLI row of its template.
const runner = mkdtempSync(join(tmpdir(), "preview-stacks-bench-runner-"));
process.on("exit", () => rmSync(runner, { recursive: true, force: true }));
writeFileSync(join(runner, "output"), "");
writeFileSync(join(runner, "summary.md"), "");
// The runner's own environment holds more than this, but nothing the action reads.
const actionEnv = (template) => ({
  PATH: process.env.PATH,
  GITHUB_WORKSPACE: work,
  GITHUB_OUTPUT: join(runner, "output"),
  GITHUB_STEP_SUMMARY: join(runner, "summary.md"),
  INPUT_TEMPLATES: template,
  "INPUT_FAIL-ON": "never",
  NODE_DISABLE_COMPILE_CACHE: "1",
});
const action = join(root, "dist/validate/index.js");
const quickstartRow = table.findIndex(({ row }) => row.files?.[0] === quickstart);
table.splice(quickstartRow + 1, 0, {
  row: { name: "quickstart-style template, validate action bundle" },
  ...bench([action], runs, actionEnv("quickstart-style.yaml")),
  theirs: table[quickstartRow].theirs,
});
table.splice(1, 0, {
  row: { name: "minimal template, validate action bundle" },
  ...bench([action], runs, actionEnv("minimal.yaml")),
  theirs: table[0].theirs,
});

if (compileCache) {
  const { NODE_DISABLE_COMPILE_CACHE: _, ...cacheOn } = runnerEnv;
  for (const template of [largest, quickstart]) {
    const index = table.findIndex(({ row }) => row.files?.length === 1 && row.files[0] === template);
    const args = [cli, "validate", template, "--fail-on", "never"];
    const env = { ...cacheOn, NODE_COMPILE_CACHE: mkdtempSync(join(work, "compile-cache-")) };
    measure(node, args, env);
    // The cold row is measured again, interleaved with the warm one, so the two compare.
    const [cold, warm] = benchInterleaved(args, runs, runnerEnv, env);
    Object.assign(table[index], cold);
    table.splice(index + 1, 0, {
      row: { name: `${table[index].row.name}, compile cache warm` },
      ...warm,
      theirs: table[index].theirs,
    });
  }
}

// What a cold run costs before any rule runs: the same runs with every rule left out (the bundle
// still loads the rule code, reads and parses the template and loads its types). The rows above
// less these are what the rules cost; these less `node -e 0` are start-up, module loading and
// parsing, which no rule change can lower.
for (const template of [minimal, largest]) {
  const index = table.findIndex(({ row }) => row.files?.length === 1 && row.files[0] === template);
  const name = table[index].row.name;
  let after = index + 1;
  while (after < table.length && table[after].row.name.startsWith(`${name},`)) after++;
  table.splice(after, 0, {
    row: { name: `${name.replace(/ \(.*\)$/, "")}, every rule left out` },
    ...bench([cli, "validate", template, "--ignore-rules", "E,W", "--fail-on", "never"], runs),
    theirs: null,
  });
}

// What any ES module costs before it runs a line (Node's module loader), as every bundle is one:
// the floor under every "x node -e 0" of ours.
const emptyModule = join(work, "empty.mjs");
writeFileSync(emptyModule, "");
const emptyRow = { row: { name: "an empty ES module" }, ...bench([emptyModule], runs), theirs: null };
// Every start-up run of the bench: each row's own are in its ratios.
const bare = summary(node, bareArgs, bareRuns, true);
table.unshift({ row: { name: "`node -e 0` (start-up alone)" }, ours: bare, bare, theirs: null }, emptyRow);

const fmt = (n, digits = 0) => n.toFixed(digits);
console.log(
  `\nvalidate, cold process, median of ${runs} runs (cfn-lint: ${lintRuns}, alternating with ours); node ${execFileSync(node, ["--version"], { encoding: "utf8" }).trim()}; ${cfnLint ?? "no cfn-lint"}\n`,
);
console.log(
  "| case | ours ms | ours CPU ms | x node -e 0 | CPU x node -e 0 | ours MB | cfn-lint ms | cfn-lint MB | speed-up | memory ratio |",
);
console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
for (const { row, ours, bare: start, theirs } of table) {
  console.log(
    `| ${row.name} | ${fmt(ours.ms)} | ${fmt(ours.cpu)} | ${fmt(ours.ms / start.ms, 2)} | ${fmt(ours.cpu / start.cpu, 2)} | ${fmt(ours.rss)} | ` +
      `${theirs ? fmt(theirs.ms) : "-"} | ${theirs ? fmt(theirs.rss) : "-"} | ` +
      `${theirs ? `${fmt(theirs.ms / ours.ms, 1)}x` : "-"} | ${theirs ? fmt(ours.rss / theirs.rss, 2) : "-"} |`,
  );
}

// The targets: a cold validate within 1.6 times `node -e 0` on the largest corpus template and the
// quickstart-style one; the whole corpus at least 50 times faster than cfn-lint with at most half its
// peak memory.
const find = (template) => table.find(({ row }) => row.files?.length === 1 && row.files[0] === template);
const whole = table.find(({ row }) => row.files === templates);
const targets = [
  ...[
    ["largest corpus template", find(largest)],
    ["quickstart-style template", find(quickstart)],
  ].map(([name, { ours, bare: start }]) => {
    const times = ours.ms / start.ms;
    return [`${name}: at most 1.6x \`node -e 0\``, `${fmt(times, 2)}x`, times <= 1.6 ? "yes" : "no"];
  }),
  ...(whole.theirs
    ? [
        [
          "whole corpus: at least 50x faster than cfn-lint",
          `${fmt(whole.theirs.ms / whole.ours.ms, 1)}x`,
          whole.theirs.ms / whole.ours.ms >= 50 ? "yes" : "no",
        ],
        [
          "whole corpus: at most half cfn-lint's peak memory",
          fmt(whole.ours.rss / whole.theirs.rss, 2),
          whole.ours.rss / whole.theirs.rss <= 0.5 ? "yes" : "no",
        ],
      ]
    : [["whole corpus against cfn-lint", "-", cfnLint ? "BENCH_LINT_RUNS is 0" : "cfn-lint is not on PATH"]]),
];
console.log("\n| target | measured | met |\n|---|---:|---|");
for (const cells of targets) console.log(`| ${cells.join(" | ")} |`);
