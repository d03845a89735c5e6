/**
 * What rules may ask of the resource specification. The data behind it is a compact index
 * generated at build time from @aws-cdk/aws-service-spec (plus a small SAM supplement); the full
 * spec database is never loaded at run time.
 */

export type TypeRef =
  | { kind: "string" | "number" | "integer" | "boolean" | "json" | "timestamp" | "any" }
  | { kind: "list"; item: TypeRef }
  | { kind: "map"; item: TypeRef }
  /** A property type defined by the resource type, looked up in `ResourceTypeSpec.structs`. */
  | { kind: "struct"; name: string }
  | { kind: "union"; types: TypeRef[] };

export interface PropertySpec {
  type: TypeRef;
  required: boolean;
}

export interface StructSpec {
  properties: Record<string, PropertySpec>;
}

export interface ResourceTypeSpec {
  /** e.g. "AWS::S3::Bucket" */
  name: string;
  properties: Record<string, PropertySpec>;
  /** Names usable in Fn::GetAtt, e.g. "Arn", "Endpoint.Address". */
  attributes: string[];
  /** The attributes Fn::GetAtt gives a list of; the others give text, but for objectAttributes. */
  listAttributes?: string[];
  /** The attributes whose value is an object or a type the spec does not name. */
  objectAttributes?: string[];
  /** Property types (structures) of this resource type, by name. */
  structs: Record<string, StructSpec>;
}

export interface SpecIndex {
  /** The resource type, or undefined when the spec does not know it. */
  resource(typeName: string): ResourceTypeSpec | undefined;
  /** Whether the spec knows this resource type (cheap: does not load the type's details). */
  has(typeName: string): boolean;
  /** The closest known resource type name, for "did you mean" messages. */
  suggest(typeName: string): string | undefined;
  /** What the type's property values must meet, or undefined when nothing is known (loaded per service). */
  constraints(typeName: string): ResourceConstraints | undefined;
  /**
   * The IAM actions of a service prefix ("s3"), lowercase, or undefined for a prefix the data does
   * not know (from cfn-lint's copy of the service authorization reference; loaded on first use).
   */
  iamActions(service: string): ReadonlySet<string> | undefined;
  /**
   * A lowercase action of iamActions(service) in the case of the API operation of that name
   * (`describebudgetactionsforbudget` is DescribeBudgetActionsForBudget), or lowercase where the
   * data knows no operation of that name; undefined for an action the service does not have.
   */
  iamActionName(service: string, action: string): string | undefined;
  /** Every service prefix the IAM action data knows, for "did you mean" messages. */
  iamServices(): readonly string[];
  /**
   * The SAM policy templates by name, each with the parameters the transform requires (from the
   * aws-sam-translator that cfn-lint ships with; loaded on first use).
   */
  samPolicyTemplates(): ReadonlyMap<string, SamPolicyTemplate>;
  /**
   * The AWS managed policies, each as its path and name after `arn:aws:iam::aws:policy/`
   * (`service-role/AWSLambdaBasicExecutionRole`), from cfn-lint's list; loaded on first use.
   */
  managedPolicies(): ReadonlySet<string>;
  /**
   * The instance types (node types, DB instance classes) that any region offers for a service, by
   * the keys of constraints/instance-types.json ("ec2", "rds-instance"), from cfn-lint's pricing
   * data; undefined for a key the data lacks. Loaded on first use.
   */
  instanceTypes(service: string): InstanceTypes | undefined;
  /**
   * The RDS engine versions RDS no longer creates a cluster or an instance with, by lowercase
   * engine name, from cfn-lint's list, and the oldest version RDS lists of each line; loaded on
   * first use.
   */
  deprecatedEngineVersions(kind: "cluster" | "instance"): DeprecatedEngineVersions;
  /** The engines and engine versions ElastiCache offers (constraints/cache-engine-versions.json). */
  cacheEngineVersions(): CacheEngineVersions;
}

export interface CacheEngineVersions {
  /** The engines a cache cluster takes (memcached, redis, valkey), lowercase. */
  engines: ReadonlySet<string>;
  /** The oldest version ElastiCache lists of each line ("5.0", "1.6") of each engine, by lowercase engine. */
  oldest: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** The cfn-lint version the list comes from. */
  cfnLint: string;
}

export interface DeprecatedEngineVersions {
  versions: ReadonlyMap<string, ReadonlySet<string>>;
  /**
   * The oldest version RDS lists of each line ("5.7", "16") of the engines whose versions are
   * numbers (mysql, mariadb, postgres, aurora-postgresql), by lowercase engine.
   */
  oldest: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** The cfn-lint version the list comes from. */
  cfnLint: string;
}

export interface InstanceTypes {
  /** The types, lowercase. */
  types: ReadonlySet<string>;
  /** The cfn-lint version the lists come from. */
  cfnLint: string;
}

/**
 * What a value must meet, from the CloudFormation resource provider schemas (as shipped with
 * cfn-lint), in the compact form scripts/build-spec.mjs writes: only the keys present apply.
 */
/** A SAM policy template's parameters (constraints/sam-policy-templates.json). */
export interface SamPolicyTemplate {
  /** Every parameter; the transform requires all of them. */
  parameters: readonly string[];
  /**
   * Those the template writes after the account field of an ARN (`...:${AWS::AccountId}:${queueName}`):
   * it builds the resource's ARN from its name or id.
   */
  names: readonly string[];
}

export interface ConstraintNode {
  /** enum (or const): the allowed values; `ci` makes the comparison case-insensitive. */
  e?: (string | number | boolean | null)[];
  ci?: 1;
  /** minimum, maximum, exclusiveMinimum, exclusiveMaximum */
  mn?: number;
  mx?: number;
  xn?: number;
  xx?: number;
  /** minLength, maxLength */
  ln?: number;
  lx?: number;
  /** pattern, as a JavaScript source for the `u` flag (`p`) or for none (`P`); `f` extra flags. */
  p?: string;
  P?: string;
  f?: string;
  /** A named format of cfn-lint's, e.g. "AWS::S3::Bucket.Name", or "ipv4-network"/"ipv6-network" (a CIDR block). */
  fm?: string;
  /** minItems, maxItems, uniqueItems */
  in?: number;
  ix?: number;
  u?: 1;
  /** cfn-lint's uniqueKeys: no two items of the list have the same values at these keys. */
  uk?: string[];
  /** required property names */
  r?: string[];
  /** properties and items */
  pr?: Record<string, ConstraintNode>;
  it?: ConstraintNode;
  /** A definition of the resource whose constraints apply too. */
  $?: string;
  /** allOf: nodes that all apply to the same value. */
  al?: ConstraintNode[];
  /** anyOf / oneOf over property groups. */
  a?: GroupAlternative[];
  o?: GroupAlternative[];
  /** anyOf over scalar constraints: the value must meet one of them. */
  av?: ConstraintNode[];
  /** requiredXor (exactly one of), requiredOr (at least one of) */
  x?: string[];
  ro?: string[];
  /** dependentRequired and dependentExcluded: property -> the properties it needs / excludes. */
  dr?: Record<string, string[]>;
  dx?: Record<string, string[]>;
}

/** One alternative of a property group: names that must be present (`r`), the only names allowed (`n`), nested groups. */
export interface GroupAlternative {
  r?: string[];
  n?: string[];
  a?: GroupAlternative[];
  o?: GroupAlternative[];
  /** allOf */
  l?: GroupAlternative[];
}

export interface ResourceConstraints {
  /** The resource's Properties. */
  r: ConstraintNode;
  /** Definitions named by `$`. */
  d: Record<string, ConstraintNode>;
  /** The service's lifecycle, when it is winding down: maintenance, sunset (shut down on `d`) or shut down. */
  lc?: { s: "maintenance" | "sunset" | "shutdown"; d?: string };
  /** The properties that identify the resource in its account and Region, when a template can set them all. */
  pi?: string[];
  /** 1 when the type is taggable through its Tags property (its schema's tagging), for E3024. */
  tg?: 1;
}
