/**
 * E3511: a property that its service reads as an IAM role ARN, written as a literal that is not one
 * (a role name, a user's ARN, an ARN without the account): S3 replication's Role, a Spot Fleet's
 * IamFleetRole and a Batch compute environment's SpotIamFleetRole. The service refuses it when the
 * stack is deployed, but for Batch, which takes the role when it creates the environment: the Spot
 * Fleet refuses it when the environment first starts instances, so that finding is a warning, given
 * only where the environment starts Spot Fleets (startsSpotFleet). `!GetAtt Role.Arn` gives the
 * ARN of a role of the template (a `!Ref` of one, which gives its name, is E1041's finding). A
 * literal with a dynamic reference (`{{resolve:ssm:...}}`) is left alone, as cfn-lint leaves it:
 * CloudFormation puts the value in when it deploys.
 *
 * cfn-lint's E3511 also checks a Batch compute environment's ServiceRole, which Batch takes as a
 * role name too ("When you only specify the name of the service role, Batch assumes that your ARN
 * doesn't use the service-role path prefix"), so that is left alone here; a backup selection's
 * IamRoleArn, where the provider schema's role ARN format already gives E3031; and an ECS task
 * definition's ExecutionRoleArn, which ECS takes a role's name for too, as it does TaskRoleArn
 * (`npm run spec` drops their format: DOCUMENTED_NAME_OR_ARN in scripts/build-spec.mjs).
 */
import type { Node } from "../../model";
import { mapGet } from "../../nodes";
import type { Rule } from "../rule";
import { literalString, propertySets, resourcesOfType, valuesAtPath } from "./values";

/**
 * Whether a Batch compute environment's ComputeResources start Spot Fleets, which assume its
 * SpotIamFleetRole: a SPOT environment whose AllocationStrategy is BEST_FIT or left out (the Batch
 * API reference: the role "is required if the allocation strategy set to BEST_FIT or if the
 * allocation strategy isn't specified"; the other strategies use EC2 Fleet and its service-linked
 * role). A Type or AllocationStrategy a function gives counts as either.
 */
export function startsSpotFleet(computeResources: Node | undefined): boolean {
  const type = literalString(mapGet(computeResources, "Type")?.value);
  const strategy = literalString(mapGet(computeResources, "AllocationStrategy")?.value);
  return (type === undefined || type === "SPOT") && (strategy === undefined || strategy === "BEST_FIT");
}

/**
 * What a message adds where Batch takes a bad SpotIamFleetRole (startsSpotFleet): when it fails.
 */
export const SPOT_FLEET_AT_RUN =
  ": Batch creates the compute environment, and it turns INVALID when it first starts Spot Instances " +
  "(SpotFleetRequestConfig.IamFleetRole is invalid)";

const BATCH = "AWS::Batch::ComputeEnvironment";

/**
 * cfn-lint's pattern, with the partition required (`arn::iam::...` is no ARN) and IAM's path
 * characters (any ASCII from `!` to DEL, as CreateRole takes them) before the role name, which
 * cfn-lint's pattern limits to the name's characters.
 */
const ROLE_ARN = /^arn:aws[a-zA-Z-]*:iam::\d{12}:role\/(?:[\x21-\x7f]*\/)?[\w+=,.@-]+$/;

/** Where each type takes a role ARN, and whose role it is. */
const SITES: Record<string, { path: readonly string[]; what: string }> = {
  "AWS::S3::Bucket": { path: ["ReplicationConfiguration", "Role"], what: "S3 replication" },
  "AWS::EC2::SpotFleet": { path: ["SpotFleetRequestConfigData", "IamFleetRole"], what: "the Spot Fleet" },
  "AWS::Batch::ComputeEnvironment": {
    path: ["ComputeResources", "SpotIamFleetRole"],
    what: "the Spot Fleet of the compute environment",
  },
};

const ROLE_ARN_TYPES = Object.keys(SITES);

export const roleArnPattern: Rule = {
  id: "E3511",
  severity: "error",
  shortDescription: "Properties that take an IAM role ARN are given one",
  description:
    "S3 replication's Role, a Spot Fleet's IamFleetRole and a Batch compute environment's SpotIamFleetRole are " +
    "role ARNs (arn:aws:iam::<account>:role/<name>), not role names or other ARNs.",
  source: "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html",
  tags: ["resources", "iam"],
  resourceTypes: ROLE_ARN_TYPES,
  check({ template, report }) {
    for (const resource of resourcesOfType(template, ...ROLE_ARN_TYPES)) {
      const site = SITES[resource.type as string];
      const batch = resource.type === BATCH;
      for (const { properties } of propertySets(resource)) {
        if (batch && !startsSpotFleet(mapGet(properties, "ComputeResources")?.value)) continue;
        for (const value of valuesAtPath(properties, site.path)) {
          // literalString leaves out a dynamic reference, replaced by its value when the stack is deployed.
          const text = literalString(value);
          if (text === undefined || ROLE_ARN.test(text)) continue;
          report(
            value,
            `${site.path.join(".")} of ${resource.name} is the role that ${site.what} assumes, and must be a role ` +
              `ARN (arn:aws:iam::<account>:role/<name>)${batch ? SPOT_FLEET_AT_RUN : ""}; ` +
              "use !GetAtt <Role>.Arn for a role of this template",
            {
              path: ["Resources", resource.name, "Properties", ...site.path],
              ...(batch ? { severity: "warning" as const } : {}),
            },
          );
        }
      }
    }
  },
};
