/**
 * W3939 (ours): a name written out (a resource's, an output's export name, or the name SAM gives the
 * rule or schedule it makes of an event) that is the same in every stack made from the template. A
 * preview stack per pull request deploys one template many times into one account and Region, next
 * to the stack the release pipeline made from it; the second stack that creates a queue named
 * `orders` fails ("orders already exists"), and rolls back. A name the template builds from
 * `${AWS::StackName}`, or leaves out so that CloudFormation makes one, differs per stack. IAM names
 * are unique in the whole account, S3 bucket names across every account, Cognito domain prefixes in
 * the Region across every account, exports in the account and Region. Where the type requires the
 * name (a KMS alias, an event bus), the message asks for it to be built from the stack's name only.
 *
 * Only names that cannot differ between two stacks are reported: text, and a Fn::Sub, Fn::Join or
 * Fn::If of text, the pseudo parameters that are the same for both (the Region, the account, the
 * partition) and imports of exports written out (one value in the account and Region). A parameter,
 * a resource's name or attribute, a mapping or a dynamic reference may differ, and is not judged;
 * nor is a resource or output with a Condition, which a preview stack may leave out. A security
 * group's name is unique in its VPC: reported where the group goes into the default VPC (no VpcId)
 * or a VPC given the same way to every stack, not one given by a parameter or made by the stack.
 * cfn-lint has no such check.
 *
 * W3945 (ours), from the same table: a name built from `${AWS::StackName}` and nothing else that
 * differs between stacks, on a resource whose DeletionPolicy keeps it (Retain,
 * RetainExceptOnCreate). Deleting the stack leaves the resource with its name; the next stack made
 * under the same name (a pull request's preview deployed again after its teardown, when the pull
 * request is reopened; a release stack deleted and made again) asks for the same name and fails.
 * A name written out is W3939's, and not reported again.
 */
import type { MapNode, Node } from "../../model";
import { mapGet } from "../../nodes";
import type { SpecIndex } from "../../spec/types";
import type { Rule } from "../rule";
import { passedEvents, targetPath } from "../sam/event-targets";
import { eventPath } from "../sam/events";
import { namedEntries } from "../template/names";
import { intrinsicName, isNoValue, isString, outputCondition, parseSub } from "../template-index";
import { hasDynamicReference, isAbsent, presentEntry, propertySets, resourcesOfType } from "./values";

/**
 * For a name unique in its VPC: the VPC two stacks share, the account's default VPC (VpcId left
 * out) or one the template names the same way for every stack (written out, imported).
 */
type SharedVpc = "default" | "fixed";

/**
 * A type's name property and where the name must be unique: the account and Region, the whole
 * account (IAM), the VPC (security groups), or a space every account shares, the Region's
 * (Cognito domain prefixes) or all of AWS's (S3), with what those names are for the message.
 */
type Named = { property: string; returnsExisting?: true } & (
  | { scope: "region" | "account" | "vpc" }
  | { scope: "regionShared" | "global"; shared: string }
);

/**
 * Each resource type's name property, and where that name must be unique. `returnsExisting`: the
 * create call returns the resource already of that name when its settings are the same (ELB's
 * CreateLoadBalancer and CreateTargetGroup, Step Functions' CreateStateMachine and CreateActivity),
 * so a second stack may be handed the first stack's resource rather than fail.
 */
const NAMED: Record<string, Named> = {
  "AWS::S3::Bucket": { property: "BucketName", scope: "global", shared: "bucket names" },
  "AWS::S3::AccessPoint": { property: "Name", scope: "region" },
  "AWS::Cognito::UserPoolDomain": { property: "Domain", scope: "regionShared", shared: "Cognito domains" },
  "AWS::IAM::Role": { property: "RoleName", scope: "account" },
  "AWS::IAM::ManagedPolicy": { property: "ManagedPolicyName", scope: "account" },
  "AWS::IAM::InstanceProfile": { property: "InstanceProfileName", scope: "account" },
  "AWS::IAM::User": { property: "UserName", scope: "account" },
  "AWS::IAM::Group": { property: "GroupName", scope: "account" },
  "AWS::Lambda::Function": { property: "FunctionName", scope: "region" },
  "AWS::Serverless::Function": { property: "FunctionName", scope: "region" },
  "AWS::SQS::Queue": { property: "QueueName", scope: "region" },
  "AWS::SNS::Topic": { property: "TopicName", scope: "region" },
  "AWS::DynamoDB::Table": { property: "TableName", scope: "region" },
  "AWS::DynamoDB::GlobalTable": { property: "TableName", scope: "region" },
  "AWS::Serverless::SimpleTable": { property: "TableName", scope: "region" },
  // CreateStateMachine and CreateActivity return the one of that name when its definition and type match.
  "AWS::StepFunctions::StateMachine": {
    property: "StateMachineName",
    scope: "region",
    returnsExisting: true,
  },
  "AWS::Serverless::StateMachine": { property: "Name", scope: "region", returnsExisting: true },
  "AWS::StepFunctions::Activity": { property: "Name", scope: "region", returnsExisting: true },
  "AWS::Logs::LogGroup": { property: "LogGroupName", scope: "region" },
  "AWS::Events::Rule": { property: "Name", scope: "region" },
  "AWS::Events::EventBus": { property: "Name", scope: "region" },
  "AWS::Scheduler::Schedule": { property: "Name", scope: "region" },
  "AWS::Pipes::Pipe": { property: "Name", scope: "region" },
  "AWS::Kinesis::Stream": { property: "Name", scope: "region" },
  "AWS::KinesisFirehose::DeliveryStream": { property: "DeliveryStreamName", scope: "region" },
  "AWS::SSM::Parameter": { property: "Name", scope: "region" },
  "AWS::SecretsManager::Secret": { property: "Name", scope: "region" },
  "AWS::ECR::Repository": { property: "RepositoryName", scope: "region" },
  "AWS::CloudWatch::Alarm": { property: "AlarmName", scope: "region" },
  "AWS::KMS::Alias": { property: "AliasName", scope: "region" },
  "AWS::ElasticLoadBalancingV2::LoadBalancer": { property: "Name", scope: "region", returnsExisting: true },
  "AWS::ElasticLoadBalancingV2::TargetGroup": { property: "Name", scope: "region", returnsExisting: true },
  "AWS::Events::Connection": { property: "Name", scope: "region" },
  "AWS::Events::ApiDestination": { property: "Name", scope: "region" },
  "AWS::IoT::TopicRule": { property: "RuleName", scope: "region" },
  "AWS::RDS::DBCluster": { property: "DBClusterIdentifier", scope: "region" },
  "AWS::RDS::DBInstance": { property: "DBInstanceIdentifier", scope: "region" },
  "AWS::ElastiCache::ReplicationGroup": { property: "ReplicationGroupId", scope: "region" },
  "AWS::ElastiCache::CacheCluster": { property: "ClusterName", scope: "region" },
  "AWS::DocDB::DBCluster": { property: "DBClusterIdentifier", scope: "region" },
  "AWS::Neptune::DBCluster": { property: "DBClusterIdentifier", scope: "region" },
  "AWS::OpenSearchService::Domain": { property: "DomainName", scope: "region" },
  "AWS::Elasticsearch::Domain": { property: "DomainName", scope: "region" },
  "AWS::EKS::Cluster": { property: "Name", scope: "region" },
  "AWS::Events::Archive": { property: "ArchiveName", scope: "region" },
  "AWS::Scheduler::ScheduleGroup": { property: "Name", scope: "region" },
  "AWS::Athena::WorkGroup": { property: "Name", scope: "region" },
  "AWS::CodeBuild::Project": { property: "Name", scope: "region" },
  "AWS::CodePipeline::Pipeline": { property: "Name", scope: "region" },
  "AWS::CodeCommit::Repository": { property: "RepositoryName", scope: "region" },
  "AWS::SSM::Document": { property: "Name", scope: "region" },
  "AWS::CloudTrail::Trail": { property: "TrailName", scope: "region" },
  "AWS::WAFv2::WebACL": { property: "Name", scope: "region" },
  "AWS::EC2::SecurityGroup": { property: "GroupName", scope: "vpc" },
};

const NAMED_TYPES = Object.keys(NAMED);

/** Pseudo parameters that are the same for two stacks in one account and Region. */
const SAME_FOR_EVERY_STACK = new Set(["AWS::Region", "AWS::AccountId", "AWS::Partition", "AWS::URLSuffix"]);

/** Whether a pseudo parameter is the same for two stacks (of one name, with `sameName`). */
function samePseudo(name: string, sameName: boolean): boolean {
  return SAME_FOR_EVERY_STACK.has(name) || (sameName && name === "AWS::StackName");
}

/**
 * Where a second stack with the same name fails: the name's own scope, narrowed by the pseudo
 * parameters in it (`assets-${AWS::AccountId}-${AWS::Region}` is a bucket name per account and Region).
 */
function whereTaken(named: Named, uses: ReadonlySet<string>, vpc: SharedVpc | undefined): string {
  if (named.scope === "vpc") {
    return vpc === "default"
      ? "a second stack in the same account and Region (in its default VPC: VpcId is left out)"
      : "a second stack in the same VPC";
  }
  const account = named.scope === "region" || named.scope === "account" || uses.has("AWS::AccountId");
  const region = named.scope === "region" || named.scope === "regionShared" || uses.has("AWS::Region");
  if (account && region) return "a second stack in the same account and Region";
  if (account) {
    const iam = named.scope === "account" ? " (IAM names are account-wide)" : "";
    return `a second stack in the same account, in any Region${iam}`;
  }
  // Neither: the name is in a space every account shares.
  const shared = "shared" in named ? `${named.shared} are shared by every account` : "";
  return region
    ? `a second stack in the same Region, in any account (${shared})`
    : `a second stack in any account and Region (${shared})`;
}

/**
 * Whether `node` gives the same text in every stack made from the template (see the header); the
 * pseudo parameters it uses go into `uses`. With `sameName`, for stacks of one name: AWS::StackName
 * counts as the same too (AWS::StackId does not: it differs each time a stack is made).
 */
function isFixed(node: Node, uses: Set<string>, sameName = false): boolean {
  if (node.kind === "scalar") {
    return node.value !== null && !(typeof node.value === "string" && hasDynamicReference(node.value));
  }
  const fn = intrinsicName(node);
  if (!fn || node.kind !== "map") return false;
  const arg = node.entries[0].value;
  switch (fn) {
    case "Ref":
      if (!isString(arg) || !samePseudo(arg.value, sameName)) return false;
      uses.add(arg.value);
      return true;
    case "Fn::Sub": {
      const [text, map] = arg.kind === "seq" ? arg.items : [arg, undefined];
      if (!isString(text) || hasDynamicReference(text.value)) return false;
      if (map && (map.kind !== "map" || intrinsicName(map))) return false;
      return parseSub(text.value).variables.every(({ name }) => {
        const given = mapGet(map, name)?.value;
        if (given) return isFixed(given, uses, sameName);
        if (!samePseudo(name, sameName)) return false;
        uses.add(name);
        return true;
      });
    }
    case "Fn::Join": {
      if (arg.kind !== "seq" || arg.items.length !== 2) return false;
      const [delimiter, list] = arg.items;
      return (
        delimiter.kind === "scalar" &&
        list.kind === "seq" &&
        list.items.every((item) => isFixed(item, uses, sameName))
      );
    }
    case "Fn::ImportValue":
      // An export of a fixed name has one value in the account and Region, the same for every stack there.
      if (!isFixed(arg, uses, sameName)) return false;
      uses.add("AWS::AccountId");
      uses.add("AWS::Region");
      return true;
    case "Fn::If": {
      // Fixed only when every branch is: a branch without the name lets CloudFormation make one.
      if (arg.kind !== "seq" || arg.items.length !== 3) return false;
      return arg.items.slice(1).every((branch) => !isNoValue(branch) && isFixed(branch, uses, sameName));
    }
    default:
      return false;
  }
}

/**
 * The finding's message: what is named, what happens to the second stack, and what to do. A name
 * the type requires (a KMS alias, an event bus) cannot be left out, only built from the stack's name.
 */
function collides(
  what: string,
  named: Named,
  uses: ReadonlySet<string>,
  required: boolean,
  vpc?: SharedVpc,
): string {
  const fate = named.returnsExisting
    ? "fails because the name is taken or, where every setting is the same, may be handed the first stack's " +
      "(the create call returns the one that exists), which the first stack's delete then takes away"
    : "fails because the name is taken";
  const fix = required
    ? "Build it from ${AWS::StackName}"
    : "Leave it out so that CloudFormation names the resource, or build it from ${AWS::StackName}";
  return `${what} is the same in every stack made from this template: ${whereTaken(named, uses, vpc)}, such as another pull request's preview, ${fate}. ${fix}`;
}

/** The VPC every stack's security group goes into, if the template makes it the same for all. */
function sharedVpc(properties: MapNode): SharedVpc | undefined {
  if (isAbsent(properties, "VpcId")) return "default";
  const vpcId = mapGet(properties, "VpcId");
  return vpcId && isFixed(vpcId.value, new Set()) ? "fixed" : undefined;
}

/** Whether the type requires its name property (the spec's own word; unknown counts as not). */
function requiresName(spec: SpecIndex, type: string, named: Named): boolean {
  return spec.resource(type)?.properties[named.property]?.required === true;
}

export const fixedNames: Rule = {
  id: "W3939",
  severity: "warning",
  shortDescription: "Resource names are not the same in every stack made from the template",
  description:
    "A name written out (BucketName, FunctionName, QueueName, TableName, RoleName, ...) is taken by the first " +
    "stack made from the template: a preview stack per pull request, or any second deployment in the same " +
    "account and Region, fails because the name exists. Leave the name out, or build it from ${AWS::StackName}.",
  source: "https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-name.html",
  tags: ["resources", "names", "preview"],
  resourceTypes: NAMED_TYPES,
  check({ template, spec, report }) {
    for (const resource of resourcesOfType(template, ...NAMED_TYPES)) {
      const type = resource.type ?? "";
      const named = NAMED[type];
      if (!named || resource.condition) continue;
      for (const set of propertySets(resource)) {
        const entry = presentEntry(set.properties, named.property);
        const uses = new Set<string>();
        if (!entry || !isFixed(entry.value, uses)) continue;
        const vpc = named.scope === "vpc" ? sharedVpc(set.properties) : undefined;
        // A VPC that may differ between stacks (a parameter, one the template makes) keeps names apart.
        if (named.scope === "vpc" && !vpc) continue;
        report(
          entry.value,
          collides(
            `${named.property} of ${resource.name}`,
            named,
            uses,
            requiresName(spec, type, named),
            vpc,
          ),
          {
            path: ["Resources", resource.name, "Properties", named.property],
          },
        );
      }
    }
  },
};

export const fixedExportNames: Rule = {
  id: "W3939",
  severity: "warning",
  shortDescription: "Export names are not the same in every stack made from the template",
  description:
    "An output's Export Name written out is taken by the first stack made from the template: exports are unique " +
    "in the account and Region, so a second stack (another pull request's preview) fails. Build the name from " +
    "${AWS::StackName}.",
  source: "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/outputs-section-structure.html",
  tags: ["outputs", "names", "preview"],
  check({ template, report }) {
    for (const output of namedEntries(template.outputs)) {
      if (outputCondition(output)) continue;
      const name = mapGet(mapGet(output.value, "Export")?.value, "Name")?.value;
      if (!name || !isFixed(name, new Set())) continue;
      report(
        name,
        `The export name of output ${output.key} is the same in every stack made from this template: a second ` +
          "stack in the same account and Region, such as another pull request's preview, fails because the " +
          "export name is taken. Build it from ${AWS::StackName}",
        { path: ["Outputs", output.key, "Export", "Name"] },
      );
    }
  },
};

/**
 * The same for a SAM event whose value SAM passes on as the name of the resource it makes (a
 * Schedule or ScheduleV2 event's Name, an EventBridgeRule event's RuleName: sam/event-targets.ts).
 */
export const fixedEventNames: Rule = {
  id: "W3939",
  severity: "warning",
  shortDescription: "Names SAM gives the resources it makes of events are not the same in every stack",
  description:
    "A SAM event's Name or RuleName written out names the EventBridge rule or schedule SAM makes of it, and is " +
    "taken by the first stack made from the template, as a resource's own name is.",
  source:
    "https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-function-schedule.html",
  tags: ["resources", "names", "preview", "serverless"],
  check({ template, spec, report }) {
    for (const { event, type, target, properties } of passedEvents(template)) {
      const named = NAMED[target.type];
      if (!named || event.resource.condition) continue;
      for (const entry of properties.entries) {
        const to = targetPath(target, entry);
        if (to?.length !== 1 || to[0] !== named.property) continue;
        const uses = new Set<string>();
        if (!isFixed(entry.value, uses)) continue;
        const what = `${entry.key} of ${type} event ${event.entry.key} of ${event.resource.name} (SAM names its ${target.type} so)`;
        report(entry.value, collides(what, named, uses, requiresName(spec, target.type, named)), {
          path: eventPath(event, "Properties", entry.key),
        });
      }
    }
  },
};

/** DeletionPolicy values that keep the resource when its stack is deleted. */
const KEPT_ON_DELETE = new Set(["Retain", "RetainExceptOnCreate"]);

export const retainedStackNames: Rule = {
  id: "W3945",
  severity: "warning",
  shortDescription: "Resources kept when their stack is deleted are not named from the stack's name alone",
  description:
    "A resource whose DeletionPolicy keeps it (Retain, RetainExceptOnCreate) and whose name is built from " +
    "${AWS::StackName} keeps that name after the stack is deleted: the next stack made under the same name, such " +
    "as a pull request's preview deployed again after its teardown, fails because the name is taken.",
  source: "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-attribute-deletionpolicy.html",
  tags: ["resources", "names", "deletionpolicy", "preview"],
  resourceTypes: NAMED_TYPES,
  check({ template, spec, report }) {
    for (const resource of resourcesOfType(template, ...NAMED_TYPES)) {
      const type = resource.type ?? "";
      const named = NAMED[type];
      const policy = mapGet(resource.body, "DeletionPolicy")?.value;
      // A resource with a Condition may be left out of a preview; a policy given by a function is not known.
      if (!named || resource.condition || !isString(policy) || !KEPT_ON_DELETE.has(policy.value)) continue;
      for (const set of propertySets(resource)) {
        const entry = presentEntry(set.properties, named.property);
        const uses = new Set<string>();
        if (!entry || !isFixed(entry.value, uses, true) || !uses.has("AWS::StackName")) continue;
        if (named.scope === "vpc" && !sharedVpc(set.properties)) continue;
        const fix = requiresName(spec, type, named)
          ? "Add a part that differs each time the stack is made (the stack id's last part, " +
            "!Select [2, !Split [/, !Ref AWS::StackId]])"
          : "Leave it out so that CloudFormation names the resource, or add a part that differs each time the " +
            "stack is made (the stack id's last part, !Select [2, !Split [/, !Ref AWS::StackId]])";
        report(
          entry.value,
          `${named.property} of ${resource.name} is built from the stack's name, and DeletionPolicy ${policy.value} ` +
            "keeps the resource, with its name, when the stack is deleted: a stack made again under the same name, " +
            "such as a pull request's preview deployed again after its teardown, fails because the name is taken. " +
            fix,
          { path: ["Resources", resource.name, "Properties", named.property] },
        );
      }
    }
  },
};
