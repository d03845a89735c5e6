// Generates the compact resource-spec index under src/template/spec/data from
// @aws-cdk/aws-service-spec plus the reviewed corrections in src/template/spec/spec-supplement.json
// (the AWS::Serverless::* types, and a few others the service spec gets wrong).
//
//   node scripts/build-spec.mjs [outDir]
//
// Output (plain JSON, keys sorted, so every run produces the same bytes):
//   names.json          every resource type name, sorted: enough for has() and suggest()
//   <Vendor>-<Service>.json
//                       one shard per service namespace ("AWS::S3" -> AWS-S3.json), mapping each
//                       type name to [properties, attributes, structs] and, for a type with list or
//                       object attributes, [listAttributes, objectAttributes]: properties is a flat
//                       [name, type, name, type, ...] list, structs a list of [structName, name, type, ...]
//
// Types are encoded as short strings, decoded by src/template/spec/index.ts:
//   s string, n number, i integer, b boolean, j json, t timestamp, * any,
//   [T] list of T, {T} map of T, #Name struct, A|B union; a trailing "!" marks a required property.
//   constraints/        what values must meet, from the provider schemas in cfn-lint (see below)

import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { loadAwsServiceSpec } from "@aws-cdk/aws-service-spec";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const specDir = join(root, "src", "template", "spec");
const SERVICE_SPEC_VERSION = createRequire(import.meta.url)("@aws-cdk/aws-service-spec/package.json").version;

/** Name of the synthetic struct standing for the spec's builtin `tag` type. */
const TAG_STRUCT = "Tag";

export function shardFileName(typeName) {
  const [vendor, service] = typeName.split("::");
  return `${vendor}-${service}.json`;
}

/** JSON with object keys sorted at every level, so output does not depend on insertion order. */
export function stableJson(value) {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object") {
    const out = {};
    for (const key of Object.keys(value).sort()) out[key] = sortKeys(value[key]);
    return out;
  }
  return value;
}

/** Splits a union at top level only: "s|[s|n]" -> ["s", "[s|n]"]. */
function splitUnion(code) {
  const parts = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (c === "[" || c === "{") depth++;
    else if (c === "]" || c === "}") depth--;
    else if (c === "|" && depth === 0) {
      parts.push(code.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(code.slice(start));
  return parts;
}

/** Union of encoded types, flattened, deduplicated and sorted; "*" absorbs everything. */
function unionOf(codes) {
  const members = new Set();
  for (const code of codes) for (const part of splitUnion(code)) members.add(part);
  if (members.has("*")) return "*";
  return [...members].sort().join("|");
}

function encodeType(db, type, structNames) {
  switch (type.type) {
    case "string":
      return "s";
    case "number":
      return "n";
    case "integer":
      return "i";
    case "boolean":
      return "b";
    case "json":
      return "j";
    case "date-time":
      return "t";
    // A null member carries no constraint a template can meet other than omitting the value.
    case "null":
      return "*";
    case "tag":
      return `#${TAG_STRUCT}`;
    case "array":
      return `[${encodeType(db, type.element, structNames)}]`;
    case "map":
      return `{${encodeType(db, type.element, structNames)}}`;
    case "union":
      return unionOf(type.types.map((t) => encodeType(db, t, structNames)));
    case "ref": {
      const name = structNames.get(type.reference.$ref);
      if (!name) throw new Error(`Unresolved type reference ${type.reference.$ref}`);
      return `#${name}`;
    }
    default:
      throw new Error(`Unknown property type ${JSON.stringify(type)}`);
  }
}

/**
 * A property whose type changed keeps accepting its previous types: templates written against the
 * older shape still deploy, so the linter must not flag them. JSON kept beside a struct goes where
 * the provider schema closes the object (closeJsonAlternatives): CloudFormation validates with it.
 */
function encodeProperty(db, prop, structNames) {
  const types = [prop.type, ...(prop.previousTypes ?? [])];
  const code = unionOf(types.map((t) => encodeType(db, t, structNames)));
  return prop.required ? `${code}!` : code;
}

function encodeProperties(db, props, structNames) {
  const out = {};
  for (const [name, prop] of Object.entries(props)) out[name] = encodeProperty(db, prop, structNames);
  return out;
}

/** Struct names referenced (transitively) from the resource's properties. */
function reachableStructs(entry) {
  const seen = new Set();
  const visit = (code) => {
    for (const match of code.matchAll(/#([A-Za-z0-9_.]+)/g)) {
      const name = match[1];
      if (seen.has(name) || !entry.s[name]) continue;
      seen.add(name);
      for (const propCode of Object.values(entry.s[name])) visit(propCode);
    }
  };
  for (const code of Object.values(entry.p)) visit(code);
  return seen;
}

/**
 * Resource types whose every property Fn::GetAtt reads, beside their documented attributes (`!GetAtt
 * Db.DBInstanceIdentifier`, `!GetAtt Queue.QueueName`): the list cfn-lint 1.51 keeps of them
 * (`_all_property_types` in cfnlint/schema/_getatts.py, MIT-0), as CloudFormation takes them.
 */
const PROPERTY_ATTRIBUTE_TYPES = new Set([
  "AWS::Amplify::Branch",
  "AWS::Amplify::Domain",
  "AWS::AppSync::DomainName",
  "AWS::AppSync::FunctionConfiguration",
  "AWS::AppSync::Resolver",
  "AWS::AutoScaling::AutoScalingGroup",
  "AWS::Backup::BackupSelection",
  "AWS::Backup::BackupVault",
  "AWS::Backup::LogicallyAirGappedBackupVault",
  "AWS::CodeArtifact::Domain",
  "AWS::CodeArtifact::Repository",
  "AWS::EC2::CapacityReservation",
  "AWS::EC2::Instance",
  "AWS::EC2::SecurityGroup",
  "AWS::EC2::Subnet",
  "AWS::EC2::VPC",
  "AWS::EFS::MountTarget",
  "AWS::EKS::Nodegroup",
  "AWS::ElastiCache::ReplicationGroup",
  "AWS::ElasticLoadBalancingV2::LoadBalancer",
  "AWS::Events::EventBus",
  "AWS::EventSchemas::Discoverer",
  "AWS::EventSchemas::Registry",
  "AWS::EventSchemas::Schema",
  "AWS::GameLift::GameSessionQueue",
  "AWS::GameLift::MatchmakingConfiguration",
  "AWS::GameLift::MatchmakingRuleSet",
  "AWS::Grafana::Workspace",
  "AWS::Greengrass::ConnectorDefinition",
  "AWS::Greengrass::CoreDefinition",
  "AWS::Greengrass::DeviceDefinition",
  "AWS::Greengrass::FunctionDefinition",
  "AWS::Greengrass::Group",
  "AWS::Greengrass::LoggerDefinition",
  "AWS::Greengrass::ResourceDefinition",
  "AWS::Greengrass::SubscriptionDefinition",
  "AWS::ImageBuilder::Component",
  "AWS::ImageBuilder::ContainerRecipe",
  "AWS::ImageBuilder::DistributionConfiguration",
  "AWS::ImageBuilder::ImagePipeline",
  "AWS::ImageBuilder::ImageRecipe",
  "AWS::ImageBuilder::InfrastructureConfiguration",
  "AWS::ManagedBlockchain::Node",
  "AWS::Neptune::DBCluster",
  "AWS::RDS::DBInstance",
  "AWS::RDS::DBParameterGroup",
  "AWS::RedshiftServerless::Workgroup",
  "AWS::RoboMaker::RobotApplication",
  "AWS::RoboMaker::SimulationApplication",
  "AWS::Route53Resolver::ResolverRule",
  "AWS::Route53Resolver::ResolverRuleAssociation",
  "AWS::S3::AccessPoint",
  "AWS::SageMaker::DataQualityJobDefinition",
  "AWS::SageMaker::ModelBiasJobDefinition",
  "AWS::SageMaker::ModelExplainabilityJobDefinition",
  "AWS::SageMaker::ModelQualityJobDefinition",
  "AWS::SageMaker::MonitoringSchedule",
  "AWS::SNS::Topic",
  "AWS::SQS::Queue",
  "AWS::SSM::Parameter",
  "AWS::StepFunctions::Activity",
]);

/**
 * Adds a PROPERTY_ATTRIBUTE_TYPES entry's properties to its attributes, as cfn-lint names them: a
 * struct's properties by their path (`Endpoint.Address`), a list of scalars as a list attribute; a
 * list of structs or lists, a map and JSON are not attributes.
 */
function addPropertyAttributes(entry) {
  const attributes = new Set(entry.a);
  const lists = new Set(entry.l);
  const seen = new Set();
  const visit = (properties, prefix) => {
    for (const [name, code] of Object.entries(properties)) {
      const type = code.replace(/!$/, "");
      const path = `${prefix}${name}`;
      const struct = /^#([A-Za-z0-9_.]+)$/.exec(type);
      if (struct) {
        if (seen.has(struct[1]) || !entry.s[struct[1]]) continue;
        seen.add(struct[1]);
        visit(entry.s[struct[1]], `${path}.`);
        seen.delete(struct[1]);
      } else if (/^\[[^[#{]*\]$/.test(type)) {
        attributes.add(path);
        lists.add(path);
      } else if (!/[[{#]/.test(type) && type !== "j") attributes.add(path);
    }
  };
  visit(entry.p, "");
  entry.a = [...attributes].sort();
  entry.l = [...lists].sort();
}

function encodeResource(db, resource) {
  const defs = db.follow("usesType", resource).map((link) => link.entity);
  const structNames = new Map(defs.map((def) => [def.$id, def.name]));
  const entry = {
    p: encodeProperties(db, resource.properties, structNames),
    a: Object.keys(resource.attributes).sort(),
    ...attributeShapes(resource),
    s: {},
  };
  for (const def of defs) {
    if (entry.s[def.name]) throw new Error(`${resource.cloudFormationType}: two structs named ${def.name}`);
    entry.s[def.name] = encodeProperties(db, def.properties, structNames);
  }
  // Which of Key and Value a tag needs differs by type (S3 needs both, ECS and Elastic Load
  // Balancing take a tag without Value): the provider schemas' required lists, in the constraints
  // below, say so per type (E3003), so the builtin tag type requires neither here.
  entry.s[TAG_STRUCT] ??= { Key: "s", Value: "s" };
  if (PROPERTY_ATTRIBUTE_TYPES.has(resource.cloudFormationType)) addPropertyAttributes(entry);
  return entry;
}

/** Scalar attribute types: what Fn::GetAtt gives of them is text. */
const SCALAR_ATTRIBUTE_TYPES = new Set(["string", "integer", "number", "boolean"]);

/**
 * The attributes Fn::GetAtt gives a list of (type array), and those it gives an object or a type
 * the spec does not name (ref, map, json); the rest give text. For the property walk's E3012.
 */
function attributeShapes(resource) {
  const l = [];
  const o = [];
  for (const [name, attribute] of Object.entries(resource.attributes)) {
    const type = attribute.type?.type;
    if (type === "array") l.push(name);
    else if (!SCALAR_ATTRIBUTE_TYPES.has(type)) o.push(name);
  }
  return { l: l.sort(), o: o.sort() };
}

/**
 * Merges a supplement entry over a spec entry: supplement properties and structs replace those of
 * the same name, those it lists as withoutProperties go, and those it lists as optionalProperties
 * are no longer required; attributes are added, directly (listAttributes give a list) or copied from the
 * resource SAM generates.
 */
function applySupplement(entry, supplement, entries) {
  const merged = entry ?? { p: {}, a: [], l: [], o: [], s: {} };
  Object.assign(merged.p, supplement.properties ?? {});
  for (const name of supplement.withoutProperties ?? []) {
    if (!Object.hasOwn(merged.p, name))
      throw new Error(`withoutProperties: the spec has no property ${name}`);
    delete merged.p[name];
  }
  for (const name of supplement.optionalProperties ?? []) {
    if (!merged.p[name]?.endsWith("!"))
      throw new Error(`optionalProperties: the spec has no required property ${name}`);
    merged.p[name] = merged.p[name].slice(0, -1);
  }
  Object.assign(merged.s, supplement.structs ?? {});
  const attributes = new Set([...merged.a, ...(supplement.attributes ?? [])]);
  const lists = new Set(merged.l);
  const objects = new Set(merged.o);
  for (const source of supplement.attributesFrom ?? []) {
    const from = entries.get(source);
    if (!from) throw new Error(`attributesFrom: the spec has no ${source}`);
    for (const name of from.a) attributes.add(name);
    for (const name of from.l) lists.add(name);
    for (const name of from.o) objects.add(name);
  }
  for (const name of supplement.listAttributes ?? []) {
    attributes.add(name);
    lists.add(name);
  }
  merged.a = [...attributes].sort();
  merged.l = [...lists].sort();
  merged.o = [...objects].sort();
  return merged;
}

function finish(entry) {
  const reachable = reachableStructs(entry);
  const structs = {};
  for (const name of reachable) structs[name] = entry.s[name];
  for (const [typeName, code] of [
    ...Object.entries(entry.p),
    ...Object.values(structs).flatMap((s) => Object.entries(s)),
  ]) {
    for (const match of code.matchAll(/#([A-Za-z0-9_.]+)/g)) {
      if (!structs[match[1]]) throw new Error(`${typeName} refers to missing struct ${match[1]}`);
    }
  }
  const encoded = [
    flatPairs(entry.p),
    entry.a,
    Object.keys(structs)
      .sort()
      .map((name) => [name, ...flatPairs(structs[name])]),
  ];
  if (entry.l.length > 0 || entry.o.length > 0) encoded.push([entry.l, entry.o]);
  return encoded;
}

/**
 * Name/code pairs as one flat array, sorted by name. V8 parses arrays of strings several times
 * faster than objects with as many distinct key sets, and parsing is most of a shard's load time.
 */
function flatPairs(record) {
  return Object.keys(record)
    .sort()
    .flatMap((name) => [name, record[name]]);
}

function loadSupplement() {
  const raw = JSON.parse(readFileSync(join(specDir, "spec-supplement.json"), "utf8"));
  const types = {};
  for (const [name, value] of Object.entries(raw)) if (!name.startsWith("$")) types[name] = value;
  return types;
}

/** Builds every file of the index in memory: file name -> JSON text. */
export async function buildIndex() {
  const db = await loadAwsServiceSpec();
  const entries = new Map();
  for (const resource of db.all("resource")) {
    entries.set(resource.cloudFormationType, encodeResource(db, resource));
  }
  for (const type of PROPERTY_ATTRIBUTE_TYPES)
    if (!entries.has(type)) throw new Error(`PROPERTY_ATTRIBUTE_TYPES: the spec has no ${type}`);
  const cfnLint = findCfnLint();
  // Without cfn-lint the index would keep JSON where CloudFormation takes none, and lose its constraints.
  if (!cfnLint)
    throw new Error(
      "npm run spec needs cfn-lint (python3 -c 'import cfnlint' fails): the type index and its constraints " +
        "come from the provider schemas inside it; install it with pip install cfn-lint",
    );
  closeJsonAlternatives(entries, cfnLint);
  for (const [name, supplement] of Object.entries(loadSupplement())) {
    entries.set(name, applySupplement(entries.get(name), supplement, entries));
  }

  const shards = new Map();
  for (const name of [...entries.keys()].sort()) {
    const file = shardFileName(name);
    if (!shards.has(file)) shards.set(file, {});
    shards.get(file)[name] = finish(entries.get(name));
  }
  const files = new Map([["names.json", `${stableJson([...entries.keys()].sort())}\n`]]);
  for (const [file, shard] of shards) files.set(file, `${stableJson(shard)}\n`);
  for (const [file, text] of buildConstraints(db, cfnLint)) files.set(file, text);
  return files;
}

/** A struct, or a list of one, with JSON beside it: `#Name|j`, `[#Name]|j`. */
const STRUCT_OR_JSON = /^(\[?)#([A-Za-z0-9_.]+)(\]?)\|j(!?)$/;

/**
 * A property whose type the service spec once gave as JSON keeps JSON beside the struct it has
 * now (encodeProperty), so any keys pass. Where the provider schema CloudFormation validates with
 * gives the property a closed object (`additionalProperties: false`, no other type), CloudFormation
 * refuses a key the struct lacks ("extraneous key [amiTags] is not permitted") and text: the JSON
 * alternative goes, and E3002 and the value checks judge the struct (cfn-lint's E3002 does).
 * Round 42 found `amiTags` in an Image Builder distribution's AmiDistributionConfiguration.
 */
function closeJsonAlternatives(entries, cfnLint) {
  for (const [typeName, hash] of providerTypes(cfnLint.schemas, CONSTRAINT_REGION)) {
    const entry = entries.get(typeName);
    if (!entry) continue;
    let schema;
    const holders = [[undefined, entry.p], ...Object.entries(entry.s)];
    for (const [structName, properties] of holders) {
      for (const [name, code] of Object.entries(properties)) {
        const match = STRUCT_OR_JSON.exec(code);
        if (!match) continue;
        schema ??= JSON.parse(readFileSync(join(cfnLint.schemas, "resources", `${hash}.json`), "utf8"));
        const holder = structName === undefined ? schema : schema.definitions?.[structName];
        let node = holder?.properties?.[name];
        if (match[1] === "[" && node?.type === "array") node = node.items;
        if (!closedObject(schema, node)) continue;
        properties[name] = `${match[1]}#${match[2]}${match[3]}${match[4]}`;
      }
    }
  }
}

/** Whether a provider schema node is (a $ref to) an object of listed properties and no others. */
function closedObject(schema, node) {
  for (let depth = 0; node && typeof node.$ref === "string" && depth < 8; depth++) {
    const name = /^#\/definitions\/(.+)$/.exec(node.$ref)?.[1];
    node = name === undefined ? undefined : schema.definitions?.[name];
  }
  if (node?.additionalProperties !== false || node.properties === undefined) return false;
  return node.type === undefined || node.type === "object";
}

/**
 * Writes the index into outDir and removes files of namespaces that no longer exist. Shards are
 * plain JSON, not gzip: a cold process pays for loading zlib and its stream machinery on the first
 * gunzip, which measured as about half the load time of a small template's spec.
 */
export async function writeIndex(outDir) {
  const files = await buildIndex();
  for (const dir of ["", "constraints"]) {
    mkdirSync(join(outDir, dir), { recursive: true });
    for (const file of readdirSync(join(outDir, dir))) {
      const name = dir ? `${dir}/${file}` : file;
      if (!files.has(name) && file.endsWith(".json")) rmSync(join(outDir, name));
    }
  }
  for (const [file, text] of files) writeFileSync(join(outDir, file), text);
  return { files: files.size };
}

// ---------------------------------------------------------------------------------------------
// Constraints from the CloudFormation resource provider schemas, as shipped in the cfn-lint Python
// package (data/schemas: providers/us_east_1.py maps each type to resources/<hash>.json; cfn-lint's
// patches under data/schemas/patches are already applied to those files when cfn-lint publishes
// them, so they are read as they are). The CDK spec above keeps types only; these files add what a
// value must meet. Each service gets constraints/<Vendor>-<Service>.json beside its type shard:
//
//   { "<TypeName>": "<JSON text of { r: <node>, d: { <Definition>: <node>, ... }, lc?, pi?, tg? }>" }
//
// lc is the service's lifecycle when the schema records one ({ s: "maintenance" | "sunset" |
// "shutdown", d?: "YYYY-MM-DD" }), for E3710/W3696/W3697; pi the properties that identify a
// resource, when a template sets them all (see primaryIdentifierOf), for E3019; tg 1 when the
// schema marks the type taggable and its tags are its Tags property, for E3024. A type with a
// lifecycle, identifiers or tags and no constraint gets an entry with an empty r.
//
// A node keeps only the keywords checked at run time, under short keys (decoded by
// src/template/spec/types.ts, ConstraintNode; checked by src/template/rules/constraints/walk.ts):
//   e enum (ci: 1 when case-insensitive), mn/mx minimum/maximum, xn/xx exclusive bounds,
//   ln/lx minLength/maxLength, p pattern (JavaScript source, `u` flag; "P" when it needs no flag),
//   f pattern flags other than u ("i", "s"), fm a cfn-lint named format or ipv4-network/ipv6-network,
//   in/ix minItems/maxItems, u uniqueItems, uk cfn-lint's uniqueKeys (the keys no two items share),
//   r required, pr properties, it items, $ definition name, al allOf (nodes),
//   a/o anyOf/oneOf property groups (alternatives: { r, n (the only names allowed), a, o, l }),
//   av anyOf of value alternatives (nodes), x requiredXor, ro requiredOr,
//   dr dependentRequired (and draft-4 dependencies), dx dependentExcluded.
// Subtrees without any of these are left out; definitions are kept only when reachable.
// constraints/source.json records the cfn-lint version and what could not be carried over.
// constraints/iam-actions.json holds the IAM actions of each service (see iamActionsFile).

/** The `format`s of CIDR blocks, checked by src/template/rules/constraints/cidr.ts. */
const CIDR_FORMATS = new Set(["ipv4-network", "ipv6-network"]);

/** SAM resources pass these properties to the resource they generate unchanged. */
const SAM_PASSTHROUGH = {
  "AWS::Serverless::Function": {
    from: "AWS::Lambda::Function",
    properties: [
      "Architectures",
      "CodeSigningConfigArn",
      "Description",
      "Environment",
      "EphemeralStorage",
      "FileSystemConfigs",
      "FunctionName",
      "Handler",
      "ImageConfig",
      "KmsKeyArn",
      "Layers",
      "LoggingConfig",
      "MemorySize",
      "PackageType",
      "RecursiveLoop",
      "ReservedConcurrentExecutions",
      "Role",
      "Runtime",
      "RuntimeManagementConfig",
      "SnapStart",
      "Timeout",
      "VpcConfig",
    ],
  },
  "AWS::Serverless::LayerVersion": {
    from: "AWS::Lambda::LayerVersion",
    properties: ["CompatibleArchitectures", "CompatibleRuntimes", "Description", "LayerName", "LicenseInfo"],
  },
};

const CONSTRAINT_REGION = "us-east-1";

/**
 * Name rules the service API references document and the provider schemas leave out, added where
 * a schema constrains the property not at all: a length (E3033) and one of our named formats
 * (src/template/rules/constraints/formats.ts, E3031). Without them a target group named after a
 * long stack (`${AWS::StackName}-tg`) passes both linters and fails minutes into the deploy.
 * Sources: Elastic Load Balancing's CreateTargetGroup and CreateLoadBalancer (32 characters,
 * letters, digits and hyphens, not at either end; a v2 load balancer's not starting `internal-`),
 * the Classic Load Balancer's CreateLoadBalancer (the same, 32), and SQS's CreateQueue (80
 * characters, letters, digits, hyphens and underscores, with `.fifo` counted in a FIFO queue's),
 * OpenSearch's DomainInfo and Elasticsearch's CreateElasticsearchDomain (3 to 28 characters,
 * lower-case letters, digits and hyphens, a letter first), ElastiCache's CreateReplicationGroup
 * (40) and CreateCacheCluster (50: letters, digits and hyphens, a letter first, no hyphen at the
 * end or two together), and the AWS::Cognito::UserPoolDomain reference and Cognito's
 * CreateUserPoolDomain (a domain of lower-case letters, digits and hyphens, none first or last;
 * a custom domain's labels joined by periods).
 */
const DOCUMENTED_NAMES = {
  "AWS::ElasticLoadBalancing::LoadBalancer": {
    LoadBalancerName: { fm: "AWS::ElasticLoadBalancing::LoadBalancer.Name", lx: 32 },
  },
  "AWS::ElasticLoadBalancingV2::LoadBalancer": {
    Name: { fm: "AWS::ElasticLoadBalancingV2::LoadBalancer.Name", lx: 32 },
  },
  "AWS::ElasticLoadBalancingV2::TargetGroup": {
    Name: { fm: "AWS::ElasticLoadBalancingV2::TargetGroup.Name", lx: 32 },
  },
  "AWS::SQS::Queue": { QueueName: { fm: "AWS::SQS::Queue.QueueName", lx: 80 } },
  // OpenSearch's DomainInfo and Elasticsearch's CreateElasticsearchDomain: 3 to 28, [a-z][a-z0-9-]+.
  "AWS::OpenSearchService::Domain": {
    DomainName: { fm: "AWS::OpenSearchService::Domain.DomainName", ln: 3, lx: 28 },
  },
  "AWS::Elasticsearch::Domain": {
    DomainName: { fm: "AWS::OpenSearchService::Domain.DomainName", ln: 3, lx: 28 },
  },
  // ElastiCache's CreateReplicationGroup (1 to 40) and CreateCacheCluster (1 to 50): letters, digits
  // and hyphens, a letter first, no hyphen at the end or two together.
  "AWS::ElastiCache::ReplicationGroup": {
    ReplicationGroupId: { fm: "AWS::ElastiCache::ReplicationGroup.ReplicationGroupId", lx: 40 },
  },
  "AWS::ElastiCache::CacheCluster": {
    ClusterName: { fm: "AWS::ElastiCache::ReplicationGroup.ReplicationGroupId", lx: 50 },
  },
  // A Cognito prefix or custom domain: lower-case letters, digits and hyphens (periods between a
  // custom domain's labels), no hyphen first or last.
  "AWS::Cognito::UserPoolDomain": { Domain: { fm: "AWS::Cognito::UserPoolDomain.Domain" } },
};

/**
 * Alternatives the service API references document and cfn-lint's patches predate, added to a type's
 * requiredXor (E3014): a CloudWatch PromQL alarm takes its data from EvaluationCriteria (PutMetricAlarm
 * "associates it with the specified metric, metric math expression, anomaly detection model, Metrics
 * Insights query, or PromQL query"), with neither Metrics nor MetricName, which cfn-lint's manual
 * patch of AWS::CloudWatch::Alarm requires exactly one of.
 */
const DOCUMENTED_XOR_ALTERNATIVES = {
  "AWS::CloudWatch::Alarm": ["EvaluationCriteria"],
};

/**
 * Allowed values the service API references document and the schemas cfn-lint ships predate, added
 * to an enum (E3030), by the definition and property that hold it: Application Auto Scaling's
 * PredefinedMetricSpecification takes the ECS high-resolution metric types ("the high-resolution
 * version of ECSServiceAverageCPUUtilization that uses 20-second CloudWatch metrics").
 */
const DOCUMENTED_ENUM_VALUES = {
  "AWS::ApplicationAutoScaling::ScalingPolicy": {
    "PredefinedMetricSpecification.PredefinedMetricType": [
      "ECSServiceAverageCPUUtilizationHighResolution",
      "ECSServiceAverageMemoryUtilizationHighResolution",
    ],
  },
};

/**
 * The allowed values @aws-cdk/aws-service-spec gives a property: its type's, a list's items', and
 * those of the types it had before (a template written for those still deploys).
 */
function specAllowedValues(property) {
  const of = (type) =>
    type.type === "string" ? (type.allowedValues ?? []) : type.type === "array" ? of(type.element) : [];
  return [property.type, ...(property.previousTypes ?? [])].flatMap(of);
}

/**
 * Adds to each enum of the constraint data the values @aws-cdk/aws-service-spec allows at the same
 * place and the enum lacks. Both come from CloudFormation's registry schemas, and the spec package
 * is released more often than cfn-lint's schemas: a value a service added since (Bedrock's MANAGED
 * knowledge bases and MANAGED_KNOWLEDGE_BASE_CONNECTOR data sources, round 40; 57 enums here) would
 * otherwise be E3030's false error until cfn-lint has it. A place is a resource's property or a
 * definition's property of the same name in both (a `$` followed to the enum it names, a list's
 * items); values are only added, after the enum's own, so a check only ever gets more lenient.
 */
function addSpecEnumValues(entries, db) {
  const added = { enums: 0, values: 0 };
  const follow = (entry, node) => {
    let target = node;
    while (target?.$) target = entry.d[target.$];
    if (target && target.e === undefined && target.it) return follow(entry, target.it);
    return target;
  };
  for (const resource of db.all("resource")) {
    const entry = entries.get(resource.cloudFormationType);
    if (!entry) continue;
    const definitions = new Map(
      db.follow("usesType", resource).map((link) => [link.entity.name, link.entity]),
    );
    const places = [[entry.r, resource.properties]];
    for (const [name, definition] of Object.entries(entry.d))
      places.push([definition, definitions.get(name)?.properties]);
    for (const [node, properties] of places) {
      if (!properties) continue;
      for (const [name, constraint] of Object.entries(node.pr ?? {})) {
        const values = properties[name] ? specAllowedValues(properties[name]) : [];
        const target = values.length > 0 ? follow(entry, constraint) : undefined;
        if (!Array.isArray(target?.e)) continue;
        const key = (value) => (target.ci ? String(value).toLowerCase() : String(value));
        const known = new Set(target.e.map(key));
        const missing = [...new Set(values)].filter((value) => !known.has(key(value)));
        if (missing.length === 0) continue;
        target.e.push(...missing);
        added.enums++;
        added.values += missing.length;
      }
    }
  }
  return added;
}

/**
 * Properties named `...Arn` that the service also takes a name for, where cfn-lint's schema
 * patches give the ARN format (E3031 would refuse a name that deploys): ECS's RegisterTaskDefinition
 * takes "the short name or full Amazon Resource Name (ARN)" of a task's role, and fills in the
 * account of the execution role's name too (ECS fills the ARN in; the stack then shows the property
 * as drifted: cloudformation-coverage-roadmap#1468, aws-actions/amazon-ecs-render-task-definition#19).
 * A Ref of a role, which gives its name, is taken there for the same reason (E1041 reads neither).
 */
const DOCUMENTED_NAME_OR_ARN = {
  "AWS::ECS::TaskDefinition": ["TaskRoleArn", "ExecutionRoleArn"],
};

/** Drops the ARN format of DOCUMENTED_NAME_OR_ARN's properties. */
function dropNameOrArnFormats(entries) {
  for (const [typeName, names] of Object.entries(DOCUMENTED_NAME_OR_ARN)) {
    for (const name of names) {
      const property = entries.get(typeName)?.r.pr?.[name];
      if (property?.fm === undefined)
        throw new Error(`DOCUMENTED_NAME_OR_ARN: ${typeName} ${name} has no format to drop`);
      delete property.fm;
      if (Object.keys(property).length === 0) delete entries.get(typeName).r.pr[name];
    }
  }
}

/** Adds DOCUMENTED_ENUM_VALUES to the enums they name, keeping each enum sorted. */
function addDocumentedEnumValues(entries) {
  for (const [typeName, places] of Object.entries(DOCUMENTED_ENUM_VALUES)) {
    for (const [place, values] of Object.entries(places)) {
      const [definition, property] = place.split(".");
      const e = entries.get(typeName)?.d[definition]?.pr?.[property]?.e;
      if (!e) throw new Error(`DOCUMENTED_ENUM_VALUES: ${typeName} has no enum at ${place}`);
      for (const value of values) if (!e.includes(value)) e.push(value);
      e.sort();
    }
  }
}

/**
 * Constraints the references document for properties the schemas leave free, by their path from
 * Properties (`*`: a list's items), added as the compact index writes them:
 * - allowed values (E3030), compared without case, since whether the service takes `none` for
 *   `NONE` is not documented: API Gateway's PutMethod ("Valid values are NONE for open access,
 *   AWS_IAM for using AWS IAM permissions, CUSTOM for using a custom authorizer, or
 *   COGNITO_USER_POOLS for using a Cognito user pool") and API Gateway v2's CreateRoute (NONE,
 *   AWS_IAM and CUSTOM, and JWT for an HTTP API): `IAM` for `AWS_IAM` passes both linters and
 *   fails at the method or route; and SNS's Subscribe, whose API model leaves Protocol free text
 *   and whose documentation lists the protocols (http, https, email, email-json, sms, sqs,
 *   application, lambda, firehose); and RDS's CreateDBCluster and CreateDBInstance, whose API
 *   models leave Engine free text and whose documentation (botocore's model, the Engine member's
 *   "Valid Values") lists the engines: `postgresql` for `postgres` passes both linters and fails
 *   at the database. The retired `aurora` stays allowed here: E3690 and E3691 say what to move to;
 * - ranges (E3034), from the CloudFormation reference's property documentation that
 *   @aws-cdk/aws-service-spec carries: an API Gateway REST API's MinimumCompressionSize ("between
 *   0 and 10485760 (10M) bytes, inclusive"), and a CloudFront origin's ConnectionTimeout ("the
 *   minimum timeout is 1 second, the maximum is 10 seconds") and ConnectionAttempts ("the minimum
 *   number is 1, the maximum is 3");
 * - a pattern (E3031), from the CloudFront API reference: a distribution's DefaultRootObject
 *   "can't begin with a forward slash (/)" (round 44 found `/browser/index.html`);
 * - dependent properties (E3021, E3020), from the Glue API reference's Job: "Do not set
 *   MaxCapacity if using WorkerType and NumberOfWorkers" (the Glue team in boto3#2644: "you cannot
 *   submit both in a Create or Update job call"; AllocatedCapacity is the older MaxCapacity), and a
 *   WorkerType without NumberOfWorkers, or the other way round, fails ("Please set both Worker Type
 *   and Number of Workers", aws-cdk#26241). Round 44 found a job with all three.
 */
const DOCUMENTED_CONSTRAINTS = {
  "AWS::ApiGateway::Method": {
    AuthorizationType: { e: ["AWS_IAM", "COGNITO_USER_POOLS", "CUSTOM", "NONE"], ci: 1 },
  },
  "AWS::ApiGatewayV2::Route": { AuthorizationType: { e: ["AWS_IAM", "CUSTOM", "JWT", "NONE"], ci: 1 } },
  "AWS::SNS::Subscription": {
    Protocol: {
      e: ["application", "email", "email-json", "firehose", "http", "https", "lambda", "sms", "sqs"],
      ci: 1,
    },
  },
  "AWS::RDS::DBCluster": {
    Engine: { e: ["aurora", "aurora-mysql", "aurora-postgresql", "mysql", "neptune", "postgres"], ci: 1 },
  },
  "AWS::RDS::DBInstance": {
    Engine: {
      e: [
        "aurora",
        "aurora-mysql",
        "aurora-postgresql",
        "custom-oracle-ee",
        "custom-oracle-ee-cdb",
        "custom-oracle-se2",
        "custom-oracle-se2-cdb",
        "custom-sqlserver-dev",
        "custom-sqlserver-ee",
        "custom-sqlserver-se",
        "custom-sqlserver-web",
        "db2-ae",
        "db2-se",
        "mariadb",
        "mysql",
        "oracle-ee",
        "oracle-ee-cdb",
        "oracle-se2",
        "oracle-se2-cdb",
        "postgres",
        "sqlserver-dev-ee",
        "sqlserver-ee",
        "sqlserver-ex",
        "sqlserver-se",
        "sqlserver-web",
      ],
      ci: 1,
    },
  },
  "AWS::ApiGateway::RestApi": { MinimumCompressionSize: { mn: 0, mx: 10485760 } },
  "AWS::CloudFront::Distribution": {
    "DistributionConfig.Origins.*.ConnectionTimeout": { mn: 1, mx: 10 },
    "DistributionConfig.Origins.*.ConnectionAttempts": { mn: 1, mx: 3 },
    // DistributionConfig's DefaultRootObject: "Your string can't begin with a forward slash (/)".
    "DistributionConfig.DefaultRootObject": { p: "^(?!/)" },
  },
  "AWS::Glue::Job": {
    "": {
      dr: { WorkerType: ["NumberOfWorkers"], NumberOfWorkers: ["WorkerType"] },
      dx: {
        MaxCapacity: ["WorkerType", "NumberOfWorkers"],
        AllocatedCapacity: ["WorkerType", "NumberOfWorkers"],
      },
    },
  },
};

/**
 * Constraints of the services' API models (botocore's `data/<service>/<version>/service-2.json`,
 * Apache-2.0, installed with boto3 by aws-sam-translator, which cfn-lint depends on) for
 * properties the schemas leave free and CloudFormation passes unchanged to the API member named
 * here ("<model> <Shape>.<member>"; the path from Properties as in DOCUMENTED_CONSTRAINTS, a list
 * member's items at a path ending in `*`). The pairs were matched by hand, from a list of schema
 * objects whose property names match an API structure's members (made outside the repository).
 * npm run spec reads the member's shape: a number's min and max (E3034); a text's enum (E3030,
 * compared without case: whether a handler passes another case on is not documented), else its
 * longest length and a shortest above 1 (E3033; an API's length of 1 is left out, as
 * CloudFormation may read empty text as unset). A shape without such a constraint, or a schema
 * that gains its own, fails the build. A property a service rule already judges is left to it
 * (a DynamoDB KeyType to E3924, an RDS ReplicaMode to E3721).
 */
const API_CONSTRAINTS = {
  "AWS::ApiGateway::Authorizer": { Type: "apigateway CreateAuthorizerRequest.type" },
  "AWS::ApiGateway::Deployment": {
    "StageDescription.CacheClusterSize": "apigateway CreateStageRequest.cacheClusterSize",
  },
  "AWS::ApiGateway::DomainName": {
    "EndpointConfiguration.Types.*": "apigateway EndpointConfiguration.types",
    SecurityPolicy: "apigateway CreateDomainNameRequest.securityPolicy",
    EndpointAccessMode: "apigateway CreateDomainNameRequest.endpointAccessMode",
    "EndpointConfiguration.IpAddressType": "apigateway EndpointConfiguration.ipAddressType",
  },
  "AWS::ApiGateway::DomainNameV2": {
    "EndpointConfiguration.Types.*": "apigateway EndpointConfiguration.types",
    SecurityPolicy: "apigateway CreateDomainNameRequest.securityPolicy",
    EndpointAccessMode: "apigateway CreateDomainNameRequest.endpointAccessMode",
    "EndpointConfiguration.IpAddressType": "apigateway EndpointConfiguration.ipAddressType",
  },
  "AWS::ApiGateway::GatewayResponse": {
    ResponseType: "apigateway PutGatewayResponseRequest.responseType",
  },
  "AWS::ApiGateway::RestApi": {
    "EndpointConfiguration.Types.*": "apigateway EndpointConfiguration.types",
    SecurityPolicy: "apigateway CreateRestApiRequest.securityPolicy",
    EndpointAccessMode: "apigateway CreateRestApiRequest.endpointAccessMode",
    "EndpointConfiguration.IpAddressType": "apigateway EndpointConfiguration.ipAddressType",
  },
  "AWS::ApiGateway::Stage": { CacheClusterSize: "apigateway CreateStageRequest.cacheClusterSize" },
  "AWS::Backup::BackupVault": {
    "Notifications.BackupVaultEvents.*": "backup PutBackupVaultNotificationsInput.BackupVaultEvents",
  },
  "AWS::Batch::ComputeEnvironment": {
    "UpdatePolicy.JobExecutionTimeoutMinutes": "batch UpdatePolicy.jobExecutionTimeoutMinutes",
  },
  "AWS::CertificateManager::Certificate": {
    KeyAlgorithm: "acm RequestCertificateRequest.KeyAlgorithm",
    ValidationMethod: "acm RequestCertificateRequest.ValidationMethod",
  },
  "AWS::CodeBuild::Project": {
    "Artifacts.NamespaceType": "codebuild ProjectArtifacts.namespaceType",
    "Artifacts.Packaging": "codebuild ProjectArtifacts.packaging",
    "Artifacts.Type": "codebuild ProjectArtifacts.type",
    "Cache.Modes.*": "codebuild ProjectCache.modes",
    "Cache.Type": "codebuild ProjectCache.type",
    "Environment.ComputeType": "codebuild ProjectEnvironment.computeType",
    "Environment.EnvironmentVariables.*.Type": "codebuild EnvironmentVariable.type",
    "Environment.ImagePullCredentialsType": "codebuild ProjectEnvironment.imagePullCredentialsType",
    // Not Environment.Type: CodeBuild still takes the first release's `linuxContainer`, which the
    // API model lacks (awslabs/aws-refarch-cross-account-pipeline#20: "the deployment still
    // works"; a public template of round 33).
    "LogsConfig.CloudWatchLogs.Status": "codebuild CloudWatchLogsConfig.status",
    "LogsConfig.S3Logs.Status": "codebuild S3LogsConfig.status",
    "SecondaryArtifacts.*.Type": "codebuild ProjectArtifacts.type",
    "SecondarySources.*.Type": "codebuild ProjectSource.type",
    "Source.Auth.Type": "codebuild SourceAuth.type",
    "Source.Type": "codebuild ProjectSource.type",
  },
  "AWS::CodeBuild::ReportGroup": {
    Type: "codebuild CreateReportGroupInput.type",
    "ExportConfig.ExportConfigType": "codebuild ReportExportConfig.exportConfigType",
  },
  "AWS::CodeCommit::Repository": { "Triggers.*.Events.*": "codecommit RepositoryTrigger.events" },
  "AWS::CodeDeploy::DeploymentGroup": {
    "Deployment.Revision.RevisionType": "codedeploy RevisionLocation.revisionType",
    "Deployment.Revision.S3Location.BundleType": "codedeploy S3Location.bundleType",
  },
  "AWS::Config::ConfigRule": {
    MaximumExecutionFrequency: "config ConfigRule.MaximumExecutionFrequency",
    "Source.Owner": "config Source.Owner",
    "Source.SourceDetails.*.EventSource": "config SourceDetail.EventSource",
    "Source.SourceDetails.*.MaximumExecutionFrequency": "config SourceDetail.MaximumExecutionFrequency",
    "Source.SourceDetails.*.MessageType": "config SourceDetail.MessageType",
  },
  "AWS::Config::DeliveryChannel": {
    "ConfigSnapshotDeliveryProperties.DeliveryFrequency":
      "config ConfigSnapshotDeliveryProperties.deliveryFrequency",
  },
  "AWS::EC2::EIP": { Domain: "ec2 AllocateAddressRequest.Domain" },
  "AWS::EC2::TransitGateway": {
    AutoAcceptSharedAttachments: "ec2 TransitGatewayRequestOptions.AutoAcceptSharedAttachments",
    DefaultRouteTableAssociation: "ec2 TransitGatewayRequestOptions.DefaultRouteTableAssociation",
    DefaultRouteTablePropagation: "ec2 TransitGatewayRequestOptions.DefaultRouteTablePropagation",
    DnsSupport: "ec2 TransitGatewayRequestOptions.DnsSupport",
    MulticastSupport: "ec2 TransitGatewayRequestOptions.MulticastSupport",
    VpnEcmpSupport: "ec2 TransitGatewayRequestOptions.VpnEcmpSupport",
  },
  "AWS::Glue::Classifier": {
    "CsvClassifier.ContainsHeader": "glue CreateCsvClassifierRequest.ContainsHeader",
  },
  "AWS::Glue::SecurityConfiguration": {
    "EncryptionConfiguration.CloudWatchEncryption.CloudWatchEncryptionMode":
      "glue CloudWatchEncryption.CloudWatchEncryptionMode",
    "EncryptionConfiguration.JobBookmarksEncryption.JobBookmarksEncryptionMode":
      "glue JobBookmarksEncryption.JobBookmarksEncryptionMode",
    "EncryptionConfiguration.S3Encryptions.*.S3EncryptionMode": "glue S3Encryption.S3EncryptionMode",
  },
  "AWS::OpenSearchService::Domain": {
    IPAddressType: "opensearch CreateDomainRequest.IPAddressType",
    "DomainEndpointOptions.TLSSecurityPolicy": "opensearch DomainEndpointOptions.TLSSecurityPolicy",
    "EBSOptions.VolumeType": "opensearch EBSOptions.VolumeType",
  },
  "AWS::ApiGateway::UsagePlan": { "Quota.Period": "apigateway QuotaSettings.period" },
  "AWS::ApiGatewayV2::Api": {
    ProtocolType: "apigatewayv2 CreateApiRequest.ProtocolType",
    IpAddressType: "apigatewayv2 CreateApiRequest.IpAddressType",
    "CorsConfiguration.MaxAge": "apigatewayv2 Cors.MaxAge",
  },
  "AWS::ApiGatewayV2::ApiGatewayManagedOverrides": {
    "Integration.TimeoutInMillis": "apigatewayv2 CreateIntegrationRequest.TimeoutInMillis",
    "Stage.DefaultRouteSettings.LoggingLevel": "apigatewayv2 RouteSettings.LoggingLevel",
  },
  "AWS::ApiGatewayV2::Authorizer": {
    AuthorizerType: "apigatewayv2 CreateAuthorizerRequest.AuthorizerType",
    AuthorizerResultTtlInSeconds: "apigatewayv2 CreateAuthorizerRequest.AuthorizerResultTtlInSeconds",
  },
  "AWS::ApiGatewayV2::DomainName": {
    "DomainNameConfigurations.*.EndpointType": "apigatewayv2 DomainNameConfiguration.EndpointType",
    "DomainNameConfigurations.*.IpAddressType": "apigatewayv2 DomainNameConfiguration.IpAddressType",
    "DomainNameConfigurations.*.SecurityPolicy": "apigatewayv2 DomainNameConfiguration.SecurityPolicy",
  },
  "AWS::ApiGatewayV2::Integration": {
    ConnectionType: "apigatewayv2 CreateIntegrationRequest.ConnectionType",
    ContentHandlingStrategy: "apigatewayv2 CreateIntegrationRequest.ContentHandlingStrategy",
    IntegrationType: "apigatewayv2 CreateIntegrationRequest.IntegrationType",
    PassthroughBehavior: "apigatewayv2 CreateIntegrationRequest.PassthroughBehavior",
    TimeoutInMillis: "apigatewayv2 CreateIntegrationRequest.TimeoutInMillis",
  },
  "AWS::ApiGatewayV2::IntegrationResponse": {
    ContentHandlingStrategy: "apigatewayv2 CreateIntegrationResponseRequest.ContentHandlingStrategy",
  },
  "AWS::ApiGatewayV2::Stage": {
    "DefaultRouteSettings.LoggingLevel": "apigatewayv2 RouteSettings.LoggingLevel",
  },
  "AWS::CloudFront::Distribution": {
    "DistributionConfig.CacheBehaviors.*.ViewerProtocolPolicy":
      "cloudfront CacheBehavior.ViewerProtocolPolicy",
    "DistributionConfig.CacheBehaviors.*.FunctionAssociations.*.EventType":
      "cloudfront FunctionAssociation.EventType",
    "DistributionConfig.CacheBehaviors.*.LambdaFunctionAssociations.*.EventType":
      "cloudfront LambdaFunctionAssociation.EventType",
    "DistributionConfig.DefaultCacheBehavior.FunctionAssociations.*.EventType":
      "cloudfront FunctionAssociation.EventType",
    "DistributionConfig.DefaultCacheBehavior.LambdaFunctionAssociations.*.EventType":
      "cloudfront LambdaFunctionAssociation.EventType",
    "DistributionConfig.CustomOrigin.OriginProtocolPolicy":
      "cloudfront CustomOriginConfig.OriginProtocolPolicy",
    "DistributionConfig.Origins.*.CustomOriginConfig.OriginProtocolPolicy":
      "cloudfront CustomOriginConfig.OriginProtocolPolicy",
  },
  "AWS::CloudWatch::Alarm": {
    "EvaluationCriteria.PromQLCriteria.PendingPeriod": "cloudwatch AlarmPromQLCriteria.PendingPeriod",
    "EvaluationCriteria.PromQLCriteria.RecoveryPeriod": "cloudwatch AlarmPromQLCriteria.RecoveryPeriod",
  },
  "AWS::CodePipeline::Pipeline": {
    "Triggers.*.GitConfiguration.PullRequest.*.Events.*": "codepipeline GitPullRequestFilter.events",
    "Stages.*.Actions.*.RunOrder": "codepipeline ActionDeclaration.runOrder",
    "Stages.*.Actions.*.TimeoutInMinutes": "codepipeline ActionDeclaration.timeoutInMinutes",
  },
  "AWS::Cognito::IdentityPool": {
    IdentityPoolName: "cognito-identity CreateIdentityPoolInput.IdentityPoolName",
    DeveloperProviderName: "cognito-identity CreateIdentityPoolInput.DeveloperProviderName",
  },
  "AWS::Cognito::UserPool": {
    "AliasAttributes.*": "cognito-idp CreateUserPoolRequest.AliasAttributes",
    "AutoVerifiedAttributes.*": "cognito-idp CreateUserPoolRequest.AutoVerifiedAttributes",
    "UsernameAttributes.*": "cognito-idp CreateUserPoolRequest.UsernameAttributes",
    "Policies.SignInPolicy.AllowedFirstAuthFactors.*": "cognito-idp SignInPolicyType.AllowedFirstAuthFactors",
    "UserAttributeUpdateSettings.AttributesRequireVerificationBeforeUpdate.*":
      "cognito-idp UserAttributeUpdateSettingsType.AttributesRequireVerificationBeforeUpdate",
    MfaConfiguration: "cognito-idp CreateUserPoolRequest.MfaConfiguration",
    DeletionProtection: "cognito-idp CreateUserPoolRequest.DeletionProtection",
    "AccountRecoverySetting.RecoveryMechanisms.*.Name": "cognito-idp RecoveryOptionType.Name",
    "AccountRecoverySetting.RecoveryMechanisms.*.Priority": "cognito-idp RecoveryOptionType.Priority",
    "AdminCreateUserConfig.UnusedAccountValidityDays":
      "cognito-idp AdminCreateUserConfigType.UnusedAccountValidityDays",
    "AdminCreateUserConfig.InviteMessageTemplate.EmailMessage":
      "cognito-idp MessageTemplateType.EmailMessage",
    "AdminCreateUserConfig.InviteMessageTemplate.EmailSubject":
      "cognito-idp MessageTemplateType.EmailSubject",
    "AdminCreateUserConfig.InviteMessageTemplate.SMSMessage": "cognito-idp MessageTemplateType.SMSMessage",
    "EmailConfiguration.EmailSendingAccount": "cognito-idp EmailConfigurationType.EmailSendingAccount",
    "LambdaConfig.CustomEmailSender.LambdaVersion":
      "cognito-idp CustomEmailLambdaVersionConfigType.LambdaVersion",
    "LambdaConfig.CustomSMSSender.LambdaVersion":
      "cognito-idp CustomSMSLambdaVersionConfigType.LambdaVersion",
    "Policies.PasswordPolicy.MinimumLength": "cognito-idp PasswordPolicyType.MinimumLength",
    "Policies.PasswordPolicy.PasswordHistorySize": "cognito-idp PasswordPolicyType.PasswordHistorySize",
    "Policies.PasswordPolicy.TemporaryPasswordValidityDays":
      "cognito-idp PasswordPolicyType.TemporaryPasswordValidityDays",
    "Schema.*.AttributeDataType": "cognito-idp SchemaAttributeType.AttributeDataType",
    "Schema.*.Name": "cognito-idp SchemaAttributeType.Name",
    "UserPoolAddOns.AdvancedSecurityMode": "cognito-idp UserPoolAddOnsType.AdvancedSecurityMode",
    "VerificationMessageTemplate.DefaultEmailOption":
      "cognito-idp VerificationMessageTemplateType.DefaultEmailOption",
    "VerificationMessageTemplate.EmailMessage": "cognito-idp VerificationMessageTemplateType.EmailMessage",
    "VerificationMessageTemplate.EmailMessageByLink":
      "cognito-idp VerificationMessageTemplateType.EmailMessageByLink",
    "VerificationMessageTemplate.EmailSubject": "cognito-idp VerificationMessageTemplateType.EmailSubject",
    "VerificationMessageTemplate.EmailSubjectByLink":
      "cognito-idp VerificationMessageTemplateType.EmailSubjectByLink",
    "VerificationMessageTemplate.SmsMessage": "cognito-idp VerificationMessageTemplateType.SmsMessage",
  },
  "AWS::Cognito::UserPoolClient": {
    "AllowedOAuthFlows.*": "cognito-idp CreateUserPoolClientRequest.AllowedOAuthFlows",
    "ExplicitAuthFlows.*": "cognito-idp CreateUserPoolClientRequest.ExplicitAuthFlows",
    PreventUserExistenceErrors: "cognito-idp CreateUserPoolClientRequest.PreventUserExistenceErrors",
    "TokenValidityUnits.AccessToken": "cognito-idp TokenValidityUnitsType.AccessToken",
    "TokenValidityUnits.IdToken": "cognito-idp TokenValidityUnitsType.IdToken",
    "TokenValidityUnits.RefreshToken": "cognito-idp TokenValidityUnitsType.RefreshToken",
  },
  "AWS::Cognito::UserPoolGroup": { GroupName: "cognito-idp CreateGroupRequest.GroupName" },
  "AWS::Cognito::UserPoolIdentityProvider": {
    ProviderName: "cognito-idp CreateIdentityProviderRequest.ProviderName",
    ProviderType: "cognito-idp CreateIdentityProviderRequest.ProviderType",
  },
  "AWS::Cognito::UserPoolResourceServer": {
    Identifier: "cognito-idp CreateResourceServerRequest.Identifier",
    Name: "cognito-idp CreateResourceServerRequest.Name",
    "Scopes.*.ScopeDescription": "cognito-idp ResourceServerScopeType.ScopeDescription",
    "Scopes.*.ScopeName": "cognito-idp ResourceServerScopeType.ScopeName",
  },
  "AWS::Cognito::UserPoolRiskConfigurationAttachment": {
    "CompromisedCredentialsRiskConfiguration.EventFilter.*":
      "cognito-idp CompromisedCredentialsRiskConfigurationType.EventFilter",
    "AccountTakeoverRiskConfiguration.Actions.HighAction.EventAction":
      "cognito-idp AccountTakeoverActionType.EventAction",
    "AccountTakeoverRiskConfiguration.Actions.LowAction.EventAction":
      "cognito-idp AccountTakeoverActionType.EventAction",
    "AccountTakeoverRiskConfiguration.Actions.MediumAction.EventAction":
      "cognito-idp AccountTakeoverActionType.EventAction",
    "CompromisedCredentialsRiskConfiguration.Actions.EventAction":
      "cognito-idp CompromisedCredentialsActionsType.EventAction",
  },
  "AWS::Cognito::UserPoolUser": {
    "DesiredDeliveryMediums.*": "cognito-idp AdminCreateUserRequest.DesiredDeliveryMediums",
    MessageAction: "cognito-idp AdminCreateUserRequest.MessageAction",
    Username: "cognito-idp AdminCreateUserRequest.Username",
    "UserAttributes.*.Name": "cognito-idp AttributeType.Name",
  },
  "AWS::DynamoDB::GlobalTable": {
    "GlobalSecondaryIndexes.*.Projection.ProjectionType": "dynamodb Projection.ProjectionType",
    "LocalSecondaryIndexes.*.Projection.ProjectionType": "dynamodb Projection.ProjectionType",
    "Replicas.*.TableClass": "dynamodb CreateTableInput.TableClass",
    "StreamSpecification.StreamViewType": "dynamodb StreamSpecification.StreamViewType",
    "TimeToLiveSpecification.AttributeName": "dynamodb TimeToLiveSpecification.AttributeName",
  },
  "AWS::DynamoDB::Table": {
    BillingMode: "dynamodb CreateTableInput.BillingMode",
    TableClass: "dynamodb CreateTableInput.TableClass",
    "GlobalSecondaryIndexes.*.IndexName": "dynamodb GlobalSecondaryIndex.IndexName",
    "GlobalSecondaryIndexes.*.KeySchema.*.AttributeName": "dynamodb KeySchemaElement.AttributeName",
    "GlobalSecondaryIndexes.*.Projection.ProjectionType": "dynamodb Projection.ProjectionType",
    // Not the capacity units' minimum of 1 (ProvisionedThroughput.ReadCapacityUnits and
    // WriteCapacityUnits, of the table and its indexes): CloudFormation takes 0 and 0 on a
    // PAY_PER_REQUEST table as no throughput (cfn-lint#4524), so E3639 judges the minimum where
    // the table is PROVISIONED (services/dynamodb-provisioned.ts).
    "ImportSourceSpecification.InputCompressionType": "dynamodb ImportTableInput.InputCompressionType",
    "ImportSourceSpecification.InputFormat": "dynamodb ImportTableInput.InputFormat",
    "LocalSecondaryIndexes.*.KeySchema.*.AttributeName": "dynamodb KeySchemaElement.AttributeName",
    "LocalSecondaryIndexes.*.Projection.ProjectionType": "dynamodb Projection.ProjectionType",
    "TimeToLiveSpecification.AttributeName": "dynamodb TimeToLiveSpecification.AttributeName",
  },
  "AWS::ECS::Service": {
    "ServiceConnectConfiguration.LogConfiguration.LogDriver": "ecs LogConfiguration.logDriver",
  },
  "AWS::ECS::TaskDefinition": {
    "ContainerDefinitions.*.LogConfiguration.LogDriver": "ecs LogConfiguration.logDriver",
  },
  "AWS::ElasticLoadBalancing::LoadBalancer": {
    "ConnectionSettings.IdleTimeout": "elb ConnectionSettings.IdleTimeout",
  },
  "AWS::EMRServerless::Application": {
    "AutoStopConfiguration.IdleTimeoutMinutes": "emr-serverless AutoStopConfig.idleTimeoutMinutes",
  },
  "AWS::Events::Rule": {
    "Targets.*.EcsParameters.PlacementStrategies.*.Type": "events PlacementStrategy.type",
  },
  "AWS::IAM::Group": { "Policies.*.PolicyName": "iam PutGroupPolicyRequest.PolicyName" },
  "AWS::IAM::Role": { "Policies.*.PolicyName": "iam PutRolePolicyRequest.PolicyName" },
  "AWS::IAM::User": { "Policies.*.PolicyName": "iam PutUserPolicyRequest.PolicyName" },
  "AWS::Lambda::Version": {
    "RuntimePolicy.UpdateRuntimeOn": "lambda PutRuntimeManagementConfigRequest.UpdateRuntimeOn",
  },
  "AWS::Route53::RecordSet": {
    Failover: "route53 ResourceRecordSet.Failover",
    SetIdentifier: "route53 ResourceRecordSet.SetIdentifier",
    Type: "route53 ResourceRecordSet.Type",
    Weight: "route53 ResourceRecordSet.Weight",
    "GeoProximityLocation.Bias": "route53 GeoProximityLocation.Bias",
  },
  "AWS::Route53::RecordSetGroup": {
    "RecordSets.*.Failover": "route53 ResourceRecordSet.Failover",
    "RecordSets.*.SetIdentifier": "route53 ResourceRecordSet.SetIdentifier",
    "RecordSets.*.Type": "route53 ResourceRecordSet.Type",
    "RecordSets.*.Weight": "route53 ResourceRecordSet.Weight",
    "RecordSets.*.GeoProximityLocation.Bias": "route53 GeoProximityLocation.Bias",
  },
  "AWS::S3::Bucket": {
    "NotificationConfiguration.LambdaConfigurations.*.Filter.S3Key.Rules.*.Name": "s3 FilterRule.Name",
    "NotificationConfiguration.QueueConfigurations.*.Filter.S3Key.Rules.*.Name": "s3 FilterRule.Name",
    "NotificationConfiguration.TopicConfigurations.*.Filter.S3Key.Rules.*.Name": "s3 FilterRule.Name",
  },
  "AWS::SES::ReceiptFilter": { "Filter.IpFilter.Policy": "ses ReceiptIpFilter.Policy" },
  "AWS::SES::ReceiptRule": {
    "Rule.TlsPolicy": "ses ReceiptRule.TlsPolicy",
    "Rule.Actions.*.LambdaAction.InvocationType": "ses LambdaAction.InvocationType",
    "Rule.Actions.*.SNSAction.Encoding": "ses SNSAction.Encoding",
  },
  "AWS::SageMaker::EndpointConfig": {
    "ProductionVariants.*.ServerlessConfig.MaxConcurrency":
      "sagemaker ProductionVariantServerlessConfig.MaxConcurrency",
    "ProductionVariants.*.ServerlessConfig.MemorySizeInMB":
      "sagemaker ProductionVariantServerlessConfig.MemorySizeInMB",
    "ProductionVariants.*.ServerlessConfig.ProvisionedConcurrency":
      "sagemaker ProductionVariantServerlessConfig.ProvisionedConcurrency",
  },
  "AWS::SecretsManager::RotationSchedule": {
    "RotationRules.AutomaticallyAfterDays": "secretsmanager RotationRulesType.AutomaticallyAfterDays",
    "RotationRules.Duration": "secretsmanager RotationRulesType.Duration",
  },
  "AWS::SecretsManager::Secret": {
    "GenerateSecretString.PasswordLength": "secretsmanager GetRandomPasswordRequest.PasswordLength",
  },
  "AWS::ServiceDiscovery::Service": {
    "HealthCheckConfig.FailureThreshold": "servicediscovery HealthCheckConfig.FailureThreshold",
  },
  "AWS::SSM::MaintenanceWindowTask": {
    "TaskInvocationParameters.MaintenanceWindowRunCommandParameters.DocumentHashType":
      "ssm MaintenanceWindowRunCommandParameters.DocumentHashType",
    "TaskInvocationParameters.MaintenanceWindowRunCommandParameters.NotificationConfig.NotificationEvents.*":
      "ssm NotificationConfig.NotificationEvents",
    "TaskInvocationParameters.MaintenanceWindowRunCommandParameters.NotificationConfig.NotificationType":
      "ssm NotificationConfig.NotificationType",
    "TaskInvocationParameters.MaintenanceWindowRunCommandParameters.TimeoutSeconds":
      "ssm MaintenanceWindowRunCommandParameters.TimeoutSeconds",
    "TaskInvocationParameters.MaintenanceWindowStepFunctionsParameters.Name":
      "ssm MaintenanceWindowStepFunctionsParameters.Name",
  },
};

/** Follows a DOCUMENTED_CONSTRAINTS or API_CONSTRAINTS path through an entry, making missing nodes. */
function constraintNode(entry, place) {
  let node = entry.r;
  // "" is the resource's Properties themselves.
  for (const segment of place === "" ? [] : place.split(".")) {
    while (node.$) node = entry.d[node.$];
    if (segment === "*") node = node.it ??= {};
    else {
      node.pr ??= {};
      node = node.pr[segment] ??= {};
    }
  }
  while (node.$) node = entry.d[node.$];
  return node;
}

/** The nodes addConstraint filled, with what it added: two paths may lead to one definition. */
const addedConstraints = new WeakMap();

/** Adds `constraint` at `place` of `typeName`'s entry; a schema with its own there fails the build. */
function addConstraint(entries, table, typeName, place, constraint) {
  const entry = entries.get(typeName) ?? { r: {}, d: {} };
  const node = constraintNode(entry, place);
  if (addedConstraints.get(node) === JSON.stringify(constraint)) return;
  const taken = Object.keys(constraint).filter((key) => node[key] !== undefined);
  if (taken.length > 0)
    throw new Error(`${table}: ${typeName} has its own ${taken.join(", ")} at ${place} now`);
  Object.assign(node, constraint);
  addedConstraints.set(node, JSON.stringify(constraint));
  entries.set(typeName, entry);
}

/** botocore's installation: its data directory and version, or undefined when it is missing. */
export function findBotocore() {
  const found = pythonPackage("botocore", "botocore.__version__");
  return found && { data: join(found.dir, "data"), version: found.version };
}

const botocoreModels = new Map();

/**
 * The newest API model in botocore's directory for a service (`<version>/service-2.json`, gzipped
 * in recent botocore), parsed once; undefined for a directory without one when `optional`.
 */
function botocoreModel(botocore, name, { optional = false } = {}) {
  if (!botocoreModels.has(name)) {
    const dir = join(botocore.data, name);
    let model;
    for (const version of readdirSync(dir).sort().reverse()) {
      const file = join(dir, version, "service-2.json");
      if (existsSync(file)) model = JSON.parse(readFileSync(file, "utf8"));
      else if (existsSync(`${file}.gz`))
        model = JSON.parse(gunzipSync(readFileSync(`${file}.gz`)).toString("utf8"));
      if (model) break;
    }
    botocoreModels.set(name, model);
  }
  const model = botocoreModels.get(name);
  if (!model && !optional) throw new Error(`botocore has no API model for ${name}`);
  return model;
}

/**
 * Values a service takes beyond its API model's enum, added to API_CONSTRAINTS' enums, each found on
 * a template AWS deployed: CodeBuild's ComputeType `small`, which the toolchain templates AWS
 * CodeStar deployed for every project give (public templates of round 39 hold them).
 */
const API_EXTRA_VALUES = {
  "AWS::CodeBuild::Project": { "Environment.ComputeType": ["small"] },
};

/** Adds API_CONSTRAINTS from botocore's models; returns how many were added. */
function addApiConstraints(entries, botocore) {
  const model = (name) => botocoreModel(botocore, name).shapes;
  let added = 0;
  for (const [typeName, places] of Object.entries(API_CONSTRAINTS)) {
    for (const [place, member] of Object.entries(places)) {
      const [, name, shapeName, memberName] = /^(\S+) (\w+)\.(\w+)$/.exec(member) ?? [];
      const shapes = name && model(name);
      let target = shapes?.[shapes[shapeName]?.members?.[memberName]?.shape];
      if (!target) throw new Error(`API_CONSTRAINTS: ${member} is not in botocore's models`);
      // A list's constraint is its items', at a path that ends with `*`.
      if (target.type === "list" && place.endsWith(".*")) target = shapes[target.member.shape];
      const constraint = {};
      if (["integer", "long", "double", "float"].includes(target.type)) {
        if (typeof target.min === "number") constraint.mn = target.min;
        if (typeof target.max === "number") constraint.mx = target.max;
      } else if (target.type === "string" && Array.isArray(target.enum)) {
        constraint.e = [...target.enum, ...(API_EXTRA_VALUES[typeName]?.[place] ?? [])].sort();
        constraint.ci = 1;
      } else if (target.type === "string") {
        if (typeof target.min === "number" && target.min > 1) constraint.ln = target.min;
        if (typeof target.max === "number") constraint.lx = target.max;
      }
      if (Object.keys(constraint).length === 0)
        throw new Error(`API_CONSTRAINTS: ${member} has no constraint to add (${typeName} ${place})`);
      addConstraint(entries, "API_CONSTRAINTS", typeName, place, constraint);
      added++;
    }
  }
  return added;
}

/**
 * Adds DOCUMENTED_CONSTRAINTS, following each path through the entry's definitions (`$`) and
 * making the nodes a schema without other constraints there left out; a schema that gains one of
 * the added keywords there fails the build, so a newer cfn-lint is noticed.
 */
function addDocumentedConstraints(entries) {
  for (const [typeName, places] of Object.entries(DOCUMENTED_CONSTRAINTS))
    for (const [place, constraint] of Object.entries(places))
      addConstraint(entries, "DOCUMENTED_CONSTRAINTS", typeName, place, constraint);
}

/** Adds DOCUMENTED_XOR_ALTERNATIVES to the requiredXor of the types' Properties. */
function addDocumentedXorAlternatives(entries) {
  for (const [typeName, names] of Object.entries(DOCUMENTED_XOR_ALTERNATIVES)) {
    const x = entries.get(typeName)?.r.x;
    if (!x) throw new Error(`DOCUMENTED_XOR_ALTERNATIVES: ${typeName} has no requiredXor to add to`);
    for (const name of names) if (!x.includes(name)) x.push(name);
  }
}

/** Adds DOCUMENTED_NAMES to the types' constraint entries, where the schemas left the property free. */
function addDocumentedNames(entries) {
  for (const [typeName, properties] of Object.entries(DOCUMENTED_NAMES)) {
    const entry = entries.get(typeName) ?? { r: {}, d: {} };
    entry.r.pr ??= {};
    for (const [name, constraint] of Object.entries(properties)) {
      if (entry.r.pr[name] === undefined) entry.r.pr[name] = constraint;
    }
    entries.set(typeName, entry);
  }
}

/** A Python package's directory and version (from `versionOf`), or undefined when it is not installed. */
function pythonPackage(module, versionOf) {
  try {
    const out = execFileSync(
      "python3",
      ["-c", `import ${module}, os; print(os.path.dirname(${module}.__file__)); print(${versionOf})`],
      { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] },
    );
    const [dir, version] = out.trim().split("\n");
    return { dir, version };
  } catch {
    return undefined;
  }
}

/** The cfn-lint installation: its schema directory and version, or undefined when it is missing. */
export function findCfnLint() {
  const found = pythonPackage("cfnlint", "__import__('cfnlint.version').version.__version__");
  return found && { schemas: join(found.dir, "data", "schemas"), version: found.version };
}

/**
 * The SAM translator that cfn-lint depends on: the file of its policy templates and its version,
 * or undefined when it is missing.
 */
export function findSamTranslator() {
  const found = pythonPackage("samtranslator", "samtranslator.__version__");
  return (
    found && {
      templates: join(found.dir, "policy_templates_data", "policy_templates.json"),
      version: found.version,
    }
  );
}

/**
 * constraints/sam-policy-templates.json: each SAM policy template's name, the parameters it needs
 * (`p`; the transform requires all of them), and those of them it writes after the account field
 * of an ARN (`n`: the template builds the resource's ARN from its name or id, so an ARN or URL
 * given there grants nothing): `{"SQSPollerPolicy":{"n":["QueueName"],"p":["QueueName"]},...}`.
 */
function samPolicyTemplatesFile(file) {
  const { Templates } = JSON.parse(readFileSync(file, "utf8"));
  const out = {};
  for (const name of Object.keys(Templates).sort()) {
    const parameters = Object.keys(Templates[name].Parameters ?? {}).sort();
    const uses = new Map(parameters.map((parameter) => [parameter, new Set()]));
    policyTemplateUses(Templates[name].Definition, uses);
    const names = parameters.filter((parameter) => {
      const found = uses.get(parameter);
      return found.size === 1 && found.has("name");
    });
    out[name] = { n: names, p: parameters };
  }
  return { text: `${stableJson(out)}\n`, templates: Object.keys(out).length };
}

/**
 * Where a policy template's definition writes each parameter: "name" inside a Fn::Sub after the
 * account field of an ARN (`arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:${queueName}`,
 * its variable a Ref to the parameter), "value" anywhere else.
 */
function policyTemplateUses(node, uses) {
  if (Array.isArray(node)) {
    for (const item of node) policyTemplateUses(item, uses);
    return;
  }
  if (!node || typeof node !== "object") return;
  const sub = node["Fn::Sub"];
  if (sub !== undefined) {
    const [text, variables] = Array.isArray(sub) ? sub : [sub, {}];
    for (const match of String(text).matchAll(/\$\{([^}!]+)\}/g)) {
      const variable = variables?.[match[1]];
      const parameter = variable && typeof variable.Ref === "string" ? variable.Ref : match[1];
      // Fields before it, each `${...}` one piece of text (AWS::Partition has colons of its own).
      const before = text.slice(0, match.index).replace(/\$\{[^}]*\}/g, "x");
      uses.get(parameter)?.add(before.startsWith("arn:") && before.split(":").length > 5 ? "name" : "value");
    }
    // The variables' own values: a Ref there is the parameter placed above, anything else is read as is.
    for (const variable of Object.values(variables ?? {}))
      if (!(variable && typeof variable.Ref === "string")) policyTemplateUses(variable, uses);
    return;
  }
  if (typeof node.Ref === "string") uses.get(node.Ref)?.add("value");
  for (const value of Object.values(node)) policyTemplateUses(value, uses);
}

/**
 * constraints/managed-policies.json: the AWS managed policies, each as its path and name after
 * `arn:aws:iam::aws:policy/` (`service-role/AWSLambdaBasicExecutionRole`), one a line, sorted.
 */
function managedPoliciesFile(schemas) {
  const policies = JSON.parse(
    readFileSync(join(schemas, "..", "Serverless", "ManagedPolicies.json"), "utf8"),
  );
  const prefix = "arn:aws:iam::aws:policy/";
  const names = [...new Set(Object.values(policies))]
    .filter((arn) => arn.startsWith(prefix))
    .map((arn) => arn.slice(prefix.length))
    .sort();
  if (names.length === 0)
    throw new Error("No AWS managed policies in cfn-lint's Serverless/ManagedPolicies.json");
  return { text: `[${names.map((name) => JSON.stringify(name)).join(",\n")}]\n`, policies: names.length };
}

/** type name -> schema file hash, from cfn-lint's providers/<region>.py. */
function providerTypes(schemas, region) {
  const text = readFileSync(join(schemas, "providers", `${region.replaceAll("-", "_")}.py`), "utf8");
  const types = new Map();
  for (const match of text.matchAll(/^\s*"([^"]+)": "([0-9a-f]+)",$/gm)) types.set(match[1], match[2]);
  if (types.size === 0) throw new Error(`No resource types in cfn-lint's providers/${region} module`);
  return types;
}

const JS_ESCAPES = new Set([..."dDwWsSbBnrtfvcx0"]);

/**
 * A provider-schema pattern (Python `regex` syntax, searched, not anchored) as a JavaScript
 * pattern: [source, flags, unicode] or a reason it cannot be carried over. Python's `\w` is
 * Unicode-aware, so it becomes the matching Unicode classes.
 */
export function translatePattern(pattern) {
  let source = pattern;
  let flags = "";
  for (;;) {
    const inline = /^\(\?([is]+)\)/.exec(source);
    if (!inline) break;
    for (const flag of inline[1]) if (!flags.includes(flag)) flags += flag;
    source = source.slice(inline[0].length);
  }
  if (/\(\?[a-zA-Z]+\)|\(\?P[<=]/.test(source)) return { skip: "inline flags or Python named groups" };
  const unicode = pythonToJs(source, true);
  try {
    new RegExp(unicode, `u${flags}`);
    return { source: unicode, flags, unicode: true };
  } catch {
    // Without the u flag an unknown escape (\p, \k) silently matches a letter: only patterns whose
    // escapes all mean the same in both syntaxes are kept.
    const plain = pythonToJs(source, false);
    for (const match of plain.matchAll(/\\([A-Za-z])/g)) {
      if (!JS_ESCAPES.has(match[1])) return { skip: `escape \\${match[1]}` };
    }
    try {
      new RegExp(plain, flags);
      return { source: plain, flags, unicode: false };
    } catch (error) {
      return { skip: error.message };
    }
  }
}

/** \A and \Z become ^ and $; with `unicode`, \w becomes the Unicode classes Python's \w matches. */
function pythonToJs(source, unicode) {
  let out = "";
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") {
      const next = source[i + 1] ?? "";
      i++;
      if (!inClass && next === "Z") out += "$";
      else if (!inClass && next === "A") out += "^";
      else if (unicode && next === "w")
        out += inClass ? "\\p{L}\\p{N}\\p{M}\\p{Pc}" : "[\\p{L}\\p{N}\\p{M}\\p{Pc}]";
      else out += `\\${next}`;
      continue;
    }
    if (c === "[" && !inClass) inClass = true;
    else if (c === "]" && inClass) inClass = false;
    out += c;
  }
  return out;
}

const GROUP_ALTERNATIVE_KEYS = new Set([
  "required",
  "properties",
  "additionalProperties",
  "type",
  "title",
  "description",
  "$comment",
  "oneOf",
  "anyOf",
  "allOf",
]);

/**
 * A oneOf/anyOf alternative that only names properties (which must be present, or are the only
 * ones allowed), or undefined when it says more than that. Value constraints inside an
 * alternative's `properties` are checked where the walk reaches the property anyway; leaving them
 * out here only makes alternatives match more often.
 */
function groupAlternative(schema) {
  if (schema === true || (schema && typeof schema === "object" && Object.keys(schema).length === 0))
    return {};
  if (!schema || typeof schema !== "object" || Array.isArray(schema)) return undefined;
  for (const key of Object.keys(schema)) if (!GROUP_ALTERNATIVE_KEYS.has(key)) return undefined;
  if (schema.type !== undefined && schema.type !== "object") return undefined;
  const alt = {};
  if (Array.isArray(schema.required) && schema.required.length > 0) alt.r = [...schema.required];
  if (schema.properties) {
    for (const value of Object.values(schema.properties)) if (value === false) return undefined;
    if (schema.additionalProperties === false) alt.n = Object.keys(schema.properties).sort();
  }
  for (const [keyword, short] of [
    ["anyOf", "a"],
    ["oneOf", "o"],
    ["allOf", "l"],
  ]) {
    if (schema[keyword] === undefined) continue;
    if (!Array.isArray(schema[keyword])) return undefined;
    const alternatives = schema[keyword].map(groupAlternative);
    if (alternatives.some((a) => a === undefined)) return undefined;
    alt[short] = alternatives;
  }
  return alt;
}

/** True when a group alternative can fail at all (an empty one matches every mapping). */
function altConstrains(alt) {
  return Boolean(alt.r || alt.n || alt.a || alt.o || alt.l);
}

const SCALAR_KEYS = new Set(["e", "ci", "mn", "mx", "xn", "xx", "ln", "lx", "p", "P", "f", "fm"]);

class ConstraintCompiler {
  constructor(stats) {
    this.stats = stats;
  }

  /** Compiles one resource schema: { r, d } with only the definitions the root reaches. */
  resource(schema) {
    const definitions = schema.definitions ?? {};
    // Definitions that hold constraints, found by shrinking: a definition whose node is empty once
    // references to empty definitions are dropped is empty too.
    let useful = new Set(Object.keys(definitions));
    let compiled;
    for (;;) {
      this.refUseful = useful;
      this.countPatterns = false;
      compiled = new Map();
      for (const [name, def] of Object.entries(definitions)) {
        const node = this.node(def);
        if (node) compiled.set(name, node);
      }
      const next = new Set(compiled.keys());
      if (next.size === useful.size) break;
      useful = next;
    }
    this.countPatterns = true;
    const root = this.node(this.settable(schema)) ?? {};
    const d = {};
    const pending = [root];
    const seen = new Set();
    while (pending.length > 0) {
      const node = pending.pop();
      for (const name of refsOf(node)) {
        if (seen.has(name)) continue;
        seen.add(name);
        d[name] = this.node(definitions[name]);
        pending.push(d[name]);
      }
    }
    return Object.keys(root).length === 0 ? undefined : { r: root, d };
  }

  /** The resource schema without read-only properties, which a template never sets. */
  settable(schema) {
    const readOnly = new Set((schema.readOnlyProperties ?? []).map((p) => p.replace(/^\/properties\//, "")));
    const properties = {};
    for (const [name, value] of Object.entries(schema.properties ?? {})) {
      if (!readOnly.has(name)) properties[name] = value;
    }
    return { ...schema, properties, definitions: undefined };
  }

  node(schema) {
    if (!schema || typeof schema !== "object" || Array.isArray(schema)) return undefined;
    const out = {};
    const ref = typeof schema.$ref === "string" ? /^#\/definitions\/(.+)$/.exec(schema.$ref) : null;
    if (ref && this.refUseful.has(ref[1])) out.$ = ref[1];
    const isScalar = (v) => v === null || ["string", "number", "boolean"].includes(typeof v);
    if (Array.isArray(schema.enum) && schema.enum.length > 0 && schema.enum.every(isScalar))
      out.e = schema.enum;
    if (Array.isArray(schema.enumCaseInsensitive) && schema.enumCaseInsensitive.every(isScalar)) {
      out.e = schema.enumCaseInsensitive;
      out.ci = 1;
    }
    if (schema.const !== undefined && isScalar(schema.const)) out.e = [schema.const];
    for (const [keyword, short] of [
      ["minimum", "mn"],
      ["maximum", "mx"],
      ["exclusiveMinimum", "xn"],
      ["exclusiveMaximum", "xx"],
      ["minLength", "ln"],
      ["maxLength", "lx"],
      ["minItems", "in"],
      ["maxItems", "ix"],
    ]) {
      const value = schema[keyword];
      if (typeof value !== "number") continue;
      if (value === 0 && (short === "ln" || short === "in")) continue;
      out[short] = value;
    }
    if (typeof schema.pattern === "string") {
      const translated = translatePattern(schema.pattern);
      if (translated.skip) {
        if (this.countPatterns) this.stats.skippedPatterns.add(schema.pattern);
      } else {
        out[translated.unicode ? "p" : "P"] = translated.source;
        if (translated.flags) out.f = translated.flags;
      }
    }
    // cfn-lint's named formats (AWS::S3::Bucket.Name, AWS::KMS::Key.Arn, ...) and CIDR blocks
    // (ipv4-network, ipv6-network); the rules know which to check.
    if (
      typeof schema.format === "string" &&
      (schema.format.startsWith("AWS::") || CIDR_FORMATS.has(schema.format))
    )
      out.fm = schema.format;
    if (schema.uniqueItems === true) out.u = 1;
    if (Array.isArray(schema.uniqueKeys) && schema.uniqueKeys.length > 0) out.uk = [...schema.uniqueKeys];
    if (Array.isArray(schema.required) && schema.required.length > 0) out.r = [...schema.required];
    if (schema.properties && typeof schema.properties === "object") {
      const pr = {};
      for (const [name, value] of Object.entries(schema.properties)) {
        const node = this.node(value);
        if (node) pr[name] = node;
      }
      if (Object.keys(pr).length > 0) out.pr = pr;
    }
    if (schema.items && typeof schema.items === "object" && !Array.isArray(schema.items)) {
      const it = this.node(schema.items);
      if (it) out.it = it;
    }
    for (const [keyword, short] of [
      ["anyOf", "a"],
      ["oneOf", "o"],
    ]) {
      if (!Array.isArray(schema[keyword])) continue;
      const alternatives = schema[keyword].map(groupAlternative);
      if (alternatives.every((a) => a !== undefined)) {
        if (alternatives.every(altConstrains)) out[short] = alternatives;
        continue;
      }
      if (keyword === "anyOf") {
        const values = schema.anyOf.map((alt) => this.node(alt));
        // A value alternative with no scalar constraint accepts anything, and so does the anyOf.
        if (values.every((v) => v && Object.keys(v).every((k) => SCALAR_KEYS.has(k)))) out.av = values;
      }
    }
    if (Array.isArray(schema.allOf)) {
      const al = schema.allOf.map((member) => this.node(member)).filter(Boolean);
      if (al.length > 0) out.al = al;
    }
    if (Array.isArray(schema.requiredXor) && schema.requiredXor.length > 1) out.x = [...schema.requiredXor];
    if (Array.isArray(schema.requiredOr) && schema.requiredOr.length > 1) out.ro = [...schema.requiredOr];
    const dr = {};
    for (const source of [schema.dependencies, schema.dependentRequired]) {
      for (const [name, value] of Object.entries(source ?? {})) {
        if (Array.isArray(value) && value.length > 0)
          dr[name] = [...new Set([...(dr[name] ?? []), ...value])];
      }
    }
    if (Object.keys(dr).length > 0) out.dr = dr;
    const dx = {};
    for (const [name, value] of Object.entries(schema.dependentExcluded ?? {})) {
      if (Array.isArray(value) && value.length > 0) dx[name] = [...value];
    }
    if (Object.keys(dx).length > 0) out.dx = dx;
    return Object.keys(out).length > 0 ? out : undefined;
  }
}

function refsOf(node) {
  const refs = [];
  const visit = (value) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === "object") {
      if (typeof value.$ === "string") refs.push(value.$);
      for (const [key, child] of Object.entries(value)) if (key !== "e") visit(child);
    }
  };
  visit(node);
  return refs;
}

/**
 * The service lifecycle cfn-lint's schemas record for a type (`lifecycle: { status, date }`): a
 * service in maintenance, sunsetting (shut down on the date) or shut down. As `{ s, d? }`.
 */
function lifecycleOf(schema) {
  const { status, date } = schema.lifecycle ?? {};
  if (!["shutdown", "sunset", "maintenance"].includes(status)) return undefined;
  if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date))
    throw new Error(`${schema.typeName}: lifecycle date ${date}`);
  return date === undefined ? { s: status } : { s: status, d: date };
}

/**
 * The properties that identify a resource in its account and Region (the schema's
 * primaryIdentifier), for E3019, when a template sets them all: root properties that are not
 * read-only. cfn-lint's exception is kept: a CodeBuild project is identified by its Name.
 */
const PRIMARY_IDENTIFIER_OVERRIDES = { "AWS::CodeBuild::Project": ["Name"] };

function primaryIdentifierOf(schema) {
  if (PRIMARY_IDENTIFIER_OVERRIDES[schema.typeName]) return PRIMARY_IDENTIFIER_OVERRIDES[schema.typeName];
  const ids = schema.primaryIdentifier ?? [];
  const readOnly = new Set(schema.readOnlyProperties ?? []);
  if (ids.length === 0 || ids.some((id) => readOnly.has(id) || !/^\/properties\/[^/]+$/.test(id)))
    return undefined;
  return ids.map((id) => id.slice("/properties/".length));
}

/**
 * The IAM actions of every service, from cfn-lint's data/AdditionalSpecs/Policies.json (the
 * service authorization reference, lowercased), for W3037: one service prefix a line, its actions
 * sorted and joined by spaces, so the loader can find a service's line without parsing the rest:
 *
 *   {"a2c":"getcontainerizationjobdetails getdeploymentjobdetails ...",
 *   ...
 *   "s3":"AbortMultipartUpload ... GetObject ... replicatetags ...",
 *   ...}
 *
 * An action whose name is an operation of the service's API model in botocore (the model whose
 * signing name, endpoint prefix or directory is the prefix) is written in that operation's case,
 * for W3037's suggestions; the others stay lowercase. IAM compares actions without case.
 */
function iamActionsFile(schemas, botocore) {
  const policies = JSON.parse(readFileSync(join(schemas, "..", "AdditionalSpecs", "Policies.json"), "utf8"));
  const operations = apiOperationNames(botocore);
  const lines = [];
  let actions = 0;
  let cased = 0;
  for (const service of Object.keys(policies).sort()) {
    const names = Object.keys(policies[service].Actions ?? {}).sort();
    if (!/^[a-z0-9-]+$/.test(service) || names.some((name) => !/^[a-z0-9_-]+$/.test(name)))
      throw new Error(`IAM actions: unexpected characters in service ${service} of Policies.json`);
    if (names.length === 0) continue;
    const known = operations.get(service);
    const written = names.map((name) => known?.get(name) ?? name);
    cased += written.filter((name, i) => name !== names[i]).length;
    lines.push(`${JSON.stringify(service)}:${JSON.stringify(written.join(" "))}`);
    actions += names.length;
  }
  return { text: `{${lines.join(",\n")}}\n`, services: lines.length, actions, cased };
}

/** Each API model's operation names, lowercase -> as written, by signing name, endpoint prefix and directory. */
function apiOperationNames(botocore) {
  const byKey = new Map();
  const dirs = readdirSync(botocore.data, { withFileTypes: true }).filter((entry) => entry.isDirectory());
  for (const dir of dirs.map((entry) => entry.name).sort()) {
    const model = botocoreModel(botocore, dir, { optional: true });
    if (!model) continue;
    const { metadata, operations } = model;
    for (const key of new Set([metadata.signingName, metadata.endpointPrefix, dir])) {
      if (!key) continue;
      const names = byKey.get(key) ?? new Map();
      for (const name of Object.keys(operations))
        if (!names.has(name.toLowerCase())) names.set(name.toLowerCase(), name);
      byKey.set(key, names);
    }
  }
  return byKey;
}

/**
 * The instance types, node types and DB instance classes each service offers, from cfn-lint's
 * regional extension schemas (data/schemas/extensions/<type>/<file>, gathered from the pricing
 * APIs): key -> the extension file. src/template/rules/services/instance-types.ts names the
 * properties each list applies to. cfn-lint's E3652 (Elasticsearch domains) has no data to carry
 * over: its file lists no region.
 */
const INSTANCE_TYPE_FILES = {
  amazonmq: "aws_amazonmq_broker/instancetype_enum.json",
  appstream: "aws_appstream_fleet/instancetype_enum.json",
  dax: "aws_dax_cluster/nodetype_enum.json",
  docdb: "aws_docdb_dbinstance/dbinstanceclass_enum.json",
  ec2: "aws_ec2_instance/instancetype_enum.json",
  elasticache: "aws_elasticache_cachecluster/cachenodetype_enum.json",
  emr: "aws_emr_cluster/instancetypeconfig_instancetype_enum.json",
  gamelift: "aws_gamelift_fleet/ec2instancetype_enum.json",
  managedblockchain: "aws_managedblockchain_node/nodeconfiguration_instancetype_enum.json",
  neptune: "aws_neptune_dbinstance/dbinstanceclass_enum.json",
  "rds-cluster": "aws_rds_dbcluster/dbclusterinstanceclass_enum.json",
  "rds-instance": "aws_rds_dbinstance/dbinstanceclass_enum.json",
  redshift: "aws_redshift_cluster/nodetype_enum.json",
};

/**
 * Properties whose provider schema carries the EC2 API's list of instance types as an enum
 * (cfn-lint patches it in from the API model, data/schemas/patches/extensions/all/<type>/smithy.json,
 * the same in every region; `*` stands for the items of a list). That list and the pricing data
 * disagree both ways: the API list lags behind new types (c8ib, m8in, ... which the pricing data
 * lists, and E3030 would refuse), and names a few that no price list carries (trn2.3xlarge,
 * p6e-gb200.36xlarge, ...; E3628 would refuse them). So the enums are left out here, their types
 * join the pricing data's EC2 list (instanceTypesFile), and E3628 judges these properties against
 * the two together. test/unit/template/rules/instance-types.test.ts checks that no property the
 * instance type rules read keeps an enum.
 */
const INSTANCE_TYPE_ENUMS = {
  "AWS::EC2::Instance": [["InstanceType"]],
  "AWS::EC2::LaunchTemplate": [["LaunchTemplateData", "InstanceType"]],
  "AWS::EC2::EC2Fleet": [["LaunchTemplateConfigs", "*", "Overrides", "*", "InstanceType"]],
  "AWS::EC2::CapacityReservationFleet": [["InstanceTypeSpecifications", "*", "InstanceType"]],
};

/**
 * Removes the enums of INSTANCE_TYPE_ENUMS from a resource schema, following `$ref`s to
 * definitions, and adds their values to `into`.
 */
function dropInstanceTypeEnums(typeName, schema, into) {
  const resolve = (node) => {
    let at = node;
    while (at?.$ref) at = schema.definitions?.[at.$ref.replace("#/definitions/", "")];
    return at;
  };
  for (const path of INSTANCE_TYPE_ENUMS[typeName] ?? []) {
    let node = schema;
    for (const key of path)
      node = resolve(key === "*" ? resolve(node)?.items : resolve(node)?.properties?.[key]);
    if (!node?.enum)
      throw new Error(`${typeName} ${path.join(".")} has no enum to leave to the instance type rules`);
    for (const value of node.enum) into.add(String(value));
    delete node.enum;
  }
}

/** Every string of every `enum` in a schema fragment. */
function enumValues(node, into) {
  if (Array.isArray(node)) for (const item of node) enumValues(item, into);
  else if (node && typeof node === "object")
    for (const [key, value] of Object.entries(node)) {
      if (key === "enum" && Array.isArray(value)) for (const item of value) into.add(String(item));
      else enumValues(value, into);
    }
}

/**
 * constraints/instance-types.json: for each key of INSTANCE_TYPE_FILES, the types any region
 * offers (the union of the regions' lists, and of the lists per engine for RDS), sorted; a run
 * does not know the region it will deploy to, so a type is judged against all of them. EC2's list
 * also holds the types of the EC2 API's enum (`ec2Api`, see INSTANCE_TYPE_ENUMS).
 */
function instanceTypesFile(schemas, version, ec2Api) {
  const types = {};
  for (const [key, file] of Object.entries(INSTANCE_TYPE_FILES)) {
    const byRegion = JSON.parse(readFileSync(join(schemas, "extensions", file), "utf8"));
    const found = new Set(key === "ec2" ? ec2Api : []);
    for (const [region, schema] of Object.entries(byRegion))
      if (region !== "description") enumValues(schema, found);
    if (found.size === 0) throw new Error(`No instance types in cfn-lint's extensions/${file}`);
    types[key] = [...found].sort();
  }
  const text = `${JSON.stringify({ cfnLint: version, types }, null, 0).replace(/\],"/g, '],\n"')}\n`;
  return { text, lists: Object.keys(types).length };
}

/**
 * constraints/deprecated-engine-versions.json: the RDS engine versions RDS no longer creates a
 * cluster or an instance with, by engine, and the oldest version of each line (oldestEngineVersions), from cfn-lint's extension schemas
 * (aws_rds_db*\/engine_version_deprecated.json: an `if` per engine whose EngineVersion enum is
 * refused). A version once deprecated stays so, so the list does not go stale the way a list of
 * current versions would.
 */
function deprecatedEngineVersionsFile(schemas, version) {
  const out = { cfnLint: version };
  for (const [key, dir] of [
    ["cluster", "aws_rds_dbcluster"],
    ["instance", "aws_rds_dbinstance"],
  ]) {
    const schema = JSON.parse(
      readFileSync(join(schemas, "extensions", dir, "engine_version_deprecated.json"), "utf8"),
    );
    const byEngine = {};
    for (const { if: condition } of schema.allOf ?? []) {
      const engine = condition?.properties?.Engine?.const;
      const versions = condition?.properties?.EngineVersion?.enum;
      if (typeof engine !== "string" || !Array.isArray(versions))
        throw new Error(
          `cfn-lint's ${dir}/engine_version_deprecated.json has a condition of an unknown shape`,
        );
      byEngine[engine] = [...new Set(versions.map(String))].sort();
    }
    if (Object.keys(byEngine).length === 0) throw new Error(`No deprecated engine versions in ${dir}`);
    out[key] = byEngine;
  }
  out.oldest = oldestEngineVersions(schemas);
  return { text: `${stableJson(out)}\n`, engines: Object.keys(out.cluster).length };
}

/**
 * The engines whose versions are numbers with dots, and how many of them name a version's line:
 * MySQL 5.7, MariaDB 10.6, PostgreSQL 16 (9.6 before version 10). Kept the same in the E3690,
 * E3691 and E3695 checks (services/engine-versions.ts, versionLine).
 */
const VERSION_LINE_ENGINES = ["aurora-postgresql", "mariadb", "mysql", "postgres"];

function versionLine(engine, version) {
  if (!/^\d+(\.\d+)+$/.test(version)) return undefined;
  const parts = version.split(".");
  const size =
    engine.endsWith("postgres") || engine.endsWith("postgresql") ? (Number(parts[0]) >= 10 ? 1 : 2) : 2;
  return parts.length > size ? parts.slice(0, size).join(".") : undefined;
}

function compareVersions(a, b) {
  const x = a.split(".").map(Number);
  const y = b.split(".").map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++)
    if ((x[i] ?? -1) !== (y[i] ?? -1)) return (x[i] ?? -1) - (y[i] ?? -1);
  return 0;
}

/** The oldest of `versions` (of `engine`) in each line, by line ("5.7": "5.7.33"). */
function oldestOfLines(engine, versions) {
  const lines = {};
  for (const version of versions.map(String)) {
    const line = versionLine(engine, version);
    if (line !== undefined && (lines[line] === undefined || compareVersions(version, lines[line]) < 0))
      lines[line] = version;
  }
  return lines;
}

/**
 * The oldest version RDS lists of each line of an engine (VERSION_LINE_ENGINES), for clusters and
 * instances, from cfn-lint's lists of the versions RDS offers (aws_rds_db*\/engine_version.json,
 * which keep deprecated versions too). RDS drops versions from the old end of a line, so one older
 * than every version of its line is no longer offered, however long ago the list was taken; a
 * newer one may be newer than the list, and is not judged.
 */
function oldestEngineVersions(schemas) {
  const out = {};
  for (const [key, dir] of [
    ["cluster", "aws_rds_dbcluster"],
    ["instance", "aws_rds_dbinstance"],
  ]) {
    const schema = JSON.parse(readFileSync(join(schemas, "extensions", dir, "engine_version.json"), "utf8"));
    const byEngine = {};
    for (const { if: condition, then } of schema.allOf ?? []) {
      const engine = condition?.properties?.Engine?.const;
      if (!VERSION_LINE_ENGINES.includes(engine)) continue;
      const versions = then?.properties?.EngineVersion?.enum;
      if (!Array.isArray(versions))
        throw new Error(`cfn-lint's ${dir}/engine_version.json has a condition of an unknown shape`);
      byEngine[engine] = oldestOfLines(engine, versions);
    }
    if (Object.keys(byEngine).length === 0)
      throw new Error(`No engine versions in ${dir}/engine_version.json`);
    out[key] = byEngine;
  }
  return out;
}

/**
 * constraints/cache-engine-versions.json: the engines an ElastiCache cache cluster takes, and the
 * oldest version ElastiCache lists of each line of each engine (memcached 1.6, redis 5.0), from
 * cfn-lint's list of the versions it offers (aws_elasticache_cachecluster/engine_version.json,
 * taken from the ElastiCache API). ElastiCache drops versions from the old end of a line (redis
 * 5.0.0 to 5.0.5, the 2.8 and 3.2 lines), so one older than every version of its line, or of a
 * line older than every line, is no longer offered; a newer one may be newer than the list.
 */
function cacheEngineVersionsFile(schemas, version) {
  const dir = "aws_elasticache_cachecluster";
  const schema = JSON.parse(readFileSync(join(schemas, "extensions", dir, "engine_version.json"), "utf8"));
  let engines;
  const oldest = {};
  for (const { if: condition, then } of schema.allOf ?? []) {
    const engine = condition?.properties?.Engine?.const;
    if (engine === undefined && Array.isArray(then?.properties?.Engine?.enum)) {
      engines = then.properties.Engine.enum;
      continue;
    }
    const versions = then?.properties?.EngineVersion?.enum;
    if (typeof engine !== "string" || !Array.isArray(versions))
      throw new Error(`cfn-lint's ${dir}/engine_version.json has a condition of an unknown shape`);
    oldest[engine] = oldestOfLines(engine, versions);
  }
  if (!Array.isArray(engines) || Object.keys(oldest).length === 0)
    throw new Error(`No engines or engine versions in ${dir}/engine_version.json`);
  const out = { cfnLint: version, engines: [...engines].sort(), oldest };
  return { text: `${stableJson(out)}\n`, engines: engines.length };
}

/**
 * Constraint files, "constraints/<file>" -> JSON text, from the cfn-lint package `cfnLint` (findCfnLint).
 * `db` is @aws-cdk/aws-service-spec's database, whose newer enums add values (addSpecEnumValues).
 */
export function buildConstraints(db, cfnLint) {
  const stats = { skippedPatterns: new Set() };
  const compiler = new ConstraintCompiler(stats);
  const entries = new Map();
  const ec2ApiTypes = new Set();
  for (const [typeName, hash] of providerTypes(cfnLint.schemas, CONSTRAINT_REGION)) {
    const schema = JSON.parse(readFileSync(join(cfnLint.schemas, "resources", `${hash}.json`), "utf8"));
    dropInstanceTypeEnums(typeName, schema, ec2ApiTypes);
    const entry = compiler.resource(schema);
    const lc = lifecycleOf(schema);
    const pi = primaryIdentifierOf(schema);
    // cfn-lint's E3024 applies its tagging schema to the Tags of the types the schemas mark taggable.
    const tg = schema.tagging?.taggable === true && schema.properties?.Tags !== undefined;
    if (entry || lc || pi || tg)
      entries.set(typeName, {
        ...(entry ?? { r: {}, d: {} }),
        ...(lc ? { lc } : {}),
        ...(pi ? { pi } : {}),
        ...(tg ? { tg: 1 } : {}),
      });
  }
  addDocumentedNames(entries);
  addDocumentedXorAlternatives(entries);
  addDocumentedEnumValues(entries);
  const specEnums = addSpecEnumValues(entries, db);
  dropNameOrArnFormats(entries);
  addDocumentedConstraints(entries);
  const botocore = findBotocore();
  if (!botocore)
    throw new Error("cfn-lint is installed without botocore, whose API models npm run spec reads");
  const apiConstraints = addApiConstraints(entries, botocore);
  for (const [samType, { from, properties }] of Object.entries(SAM_PASSTHROUGH)) {
    const source = entries.get(from);
    if (!source) throw new Error(`SAM constraints: no constraints for ${from}`);
    const pr = {};
    for (const name of properties) if (source.r.pr?.[name]) pr[name] = source.r.pr[name];
    const r = { pr };
    const d = {};
    const pending = [r];
    while (pending.length > 0) {
      for (const name of refsOf(pending.pop())) {
        if (d[name]) continue;
        d[name] = source.d[name];
        pending.push(d[name]);
      }
    }
    entries.set(samType, { r, d });
  }
  // Each type's entry is stored as JSON text inside the shard: parsing a string is far cheaper than
  // parsing the objects of every type of a large service (EC2 has over a hundred), and a template
  // uses few of them; the loader parses an entry when a rule first asks for it.
  const shards = new Map();
  for (const name of [...entries.keys()].sort()) {
    const file = `constraints/${shardFileName(name)}`;
    if (!shards.has(file)) shards.set(file, {});
    shards.get(file)[name] = stableJson(entries.get(name));
  }
  const iam = iamActionsFile(cfnLint.schemas, botocore);
  const managed = managedPoliciesFile(cfnLint.schemas);
  const instanceTypes = instanceTypesFile(cfnLint.schemas, cfnLint.version, ec2ApiTypes);
  const deprecatedEngines = deprecatedEngineVersionsFile(cfnLint.schemas, cfnLint.version);
  const cacheEngines = cacheEngineVersionsFile(cfnLint.schemas, cfnLint.version);
  const sam = findSamTranslator();
  if (!sam)
    throw new Error(
      "cfn-lint is installed without aws-sam-translator, whose policy templates npm run spec reads",
    );
  const policyTemplates = samPolicyTemplatesFile(sam.templates);
  const files = new Map();
  files.set(
    "constraints/source.json",
    `${JSON.stringify(
      {
        from: "CloudFormation resource provider schemas shipped with cfn-lint (MIT-0)",
        cfnLint: cfnLint.version,
        region: CONSTRAINT_REGION,
        types: entries.size,
        skippedPatterns: [...stats.skippedPatterns].sort(),
        iamActions: {
          from: "data/AdditionalSpecs/Policies.json of cfn-lint (MIT-0); in the case of botocore's API operations where one has the name",
          services: iam.services,
          actions: iam.actions,
          cased: iam.cased,
        },
        managedPolicies: {
          from: "data/Serverless/ManagedPolicies.json of cfn-lint (MIT-0)",
          policies: managed.policies,
        },
        deprecatedEngineVersions: {
          from: "data/schemas/extensions/aws_rds_db*/engine_version_deprecated.json of cfn-lint (MIT-0); the oldest version of each line from engine_version.json",
          engines: deprecatedEngines.engines,
        },
        cacheEngineVersions: {
          from: "data/schemas/extensions/aws_elasticache_cachecluster/engine_version.json of cfn-lint (MIT-0): the engines, and the oldest version of each line",
          engines: cacheEngines.engines,
        },
        instanceTypes: {
          from:
            "data/schemas/extensions/*/*_enum.json of cfn-lint (MIT-0), every region's types; for EC2 also the " +
            "EC2 API's instance types of the provider schemas",
          lists: instanceTypes.lists,
        },
        specEnumValues: {
          from: "the allowedValues of @aws-cdk/aws-service-spec (Apache-2.0), newer than cfn-lint's schemas, added to their enums",
          awsServiceSpec: SERVICE_SPEC_VERSION,
          enums: specEnums.enums,
          values: specEnums.values,
        },
        apiConstraints: {
          from: "data/<service>/<version>/service-2.json of botocore (Apache-2.0), for the properties API_CONSTRAINTS names",
          botocore: botocore.version,
          constraints: apiConstraints,
        },
        samPolicyTemplates: {
          from: "policy_templates_data/policy_templates.json of aws-sam-translator (Apache-2.0)",
          samTranslator: sam.version,
          templates: policyTemplates.templates,
        },
      },
      null,
      1,
    )}\n`,
  );
  for (const [file, shard] of shards) files.set(file, `${stableJson(shard)}\n`);
  files.set("constraints/iam-actions.json", iam.text);
  files.set("constraints/managed-policies.json", managed.text);
  files.set("constraints/instance-types.json", instanceTypes.text);
  files.set("constraints/deprecated-engine-versions.json", deprecatedEngines.text);
  files.set("constraints/cache-engine-versions.json", cacheEngines.text);
  files.set("constraints/sam-policy-templates.json", policyTemplates.text);
  return files;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = resolve(process.argv[2] ?? join(specDir, "data"));
  const { files } = await writeIndex(outDir);
  console.log(`spec index: ${files} files written to ${outDir}`);
  const source = JSON.parse(readFileSync(join(outDir, "constraints", "source.json"), "utf8"));
  console.log(
    `constraints: ${source.types} resource types from cfn-lint ${source.cfnLint} (${source.region}); ` +
      `${source.skippedPatterns.length} patterns do not compile as JavaScript and are not checked`,
  );
}
