/**
 * Stacks made in the fake AWS as deploy would have made them (through CreateStack, tagged), then
 * aged by setting their creation time: what the sweep's end-to-end tests and benchmark start from.
 */
import { CloudFormationClient, CreateStackCommand, type Tag } from "@aws-sdk/client-cloudformation";
import { previewTags } from "../../src/stack/tags";
import type { FakeAws } from "../fakes/aws/index";

const DAY = 86_400_000;

export const TOPIC_TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Topic:
    Type: AWS::SNS::Topic
`;

/** The topic and a bucket, `Uploads`, for the teardown path to empty. */
export const BUCKET_TEMPLATE = `${TOPIC_TEMPLATE}  Uploads:
    Type: AWS::S3::Bucket
`;

export interface StackSeed {
  name: string;
  ageDays: number;
  /** Tags of this repository's preview of `pr`, unless `tags` says otherwise. */
  repository?: string;
  pr?: number;
  tags?: Tag[];
  template?: string;
}

/** Creates the stacks (20 at a time), waits until each is CREATE_COMPLETE, then ages them. */
export async function seedStacks(aws: FakeAws, stacks: StackSeed[], repository = "acme/shop"): Promise<void> {
  const cfn = new CloudFormationClient({ ...aws.clientConfig(), maxAttempts: 1 });
  for (let i = 0; i < stacks.length; i += 20) {
    await Promise.all(
      stacks.slice(i, i + 20).map((s) =>
        cfn.send(
          new CreateStackCommand({
            StackName: s.name,
            TemplateBody: s.template ?? TOPIC_TEMPLATE,
            Tags: s.tags ?? previewTags({ repository: s.repository ?? repository, pr: s.pr ?? 0 }),
          }),
        ),
      ),
    );
  }
  cfn.destroy();
  const created = () => {
    aws.tick();
    return stacks.every((s) => aws.state.cloudformation.findStack(s.name)?.status === "CREATE_COMPLETE");
  };
  while (!created()) await new Promise((resolve) => setTimeout(resolve, 20));
  for (const s of stacks) {
    const stack = aws.state.cloudformation.findStack(s.name);
    if (stack) stack.creationTime = aws.clock.now() - s.ageDays * DAY;
  }
}

/** The physical name of a stack's bucket. */
export function bucketOf(aws: FakeAws, stackName: string, logicalId = "Uploads"): string {
  const bucket = aws.state.cloudformation.findStack(stackName)?.resources.get(logicalId)?.physicalId;
  if (!bucket) throw new Error(`${stackName} has no bucket ${logicalId}`);
  return bucket;
}
