import {
  GetTemplateCommand,
  ListStackResourcesCommand,
  type StackResourceSummary,
} from "@aws-sdk/client-cloudformation";
import {
  DeleteObjectsCommand,
  ListObjectVersionsCommand,
  type ListObjectVersionsCommandOutput,
} from "@aws-sdk/client-s3";
import { describeAwsError, errorCode } from "../aws/errors";
import type { CfnClient, S3Like } from "./runtime";
import { plainTemplate } from "./template-source";

/**
 * What a stack holds that CloudFormation cannot delete on its own: its S3 buckets (nested stacks
 * included), each with its DeletionPolicy, and the emptying of a bucket, every object version and
 * delete marker, a page of at most 1,000 listed and then deleted with one DeleteObjects call. A
 * bucket of 10,000 versions takes 20 S3 calls.
 */

export interface BucketPlan {
  logicalId: string;
  /** The bucket's name (its physical id). */
  bucket: string;
  /** Logical ids of the nested stacks leading to it; empty for the root stack's own buckets. */
  parentPath: string[];
  /** True when its DeletionPolicy is Retain (or RetainExceptOnCreate): it is neither emptied nor deleted. */
  retained: boolean;
  /** Object versions and delete markers in it, counted for the plan; undefined once emptied. */
  versions?: number;
  deleteMarkers?: number;
  /** Object versions and delete markers this run deleted from it. */
  emptied?: number;
  /** True once S3 said the bucket no longer exists. */
  gone?: boolean;
}

/** A root-level resource of the stack, as ListStackResources has it. */
export interface StackResource {
  logicalId: string;
  resourceType: string;
  physicalId: string | undefined;
}

export interface StackInventory {
  buckets: BucketPlan[];
  /** The stack's id and those of its nested stacks, to find the exports any of them makes. */
  stackIds: string[];
  /** The root stack's own resources by logical id. */
  resources: Map<string, StackResource>;
}

/** A version or delete marker DeleteObjects did not delete, with S3's reason. */
export interface ObjectError {
  bucket: string;
  key: string;
  versionId: string | undefined;
  code: string;
  message: string;
}

const NESTED_STACK = "AWS::CloudFormation::Stack";
const BUCKET = "AWS::S3::Bucket";
const RETAIN = new Set(["Retain", "RetainExceptOnCreate"]);
/** S3's own cap on a ListObjectVersions page and on the keys of one DeleteObjects call. */
export const S3_BATCH = 1_000;
/** CloudFormation nests stacks only so deep; a loop in what it answers must not run forever. */
const MAX_NESTING = 10;

async function listResources(cfn: CfnClient, stackId: string): Promise<StackResourceSummary[]> {
  const resources: StackResourceSummary[] = [];
  let token: string | undefined;
  do {
    try {
      const page = await cfn.send(new ListStackResourcesCommand({ StackName: stackId, NextToken: token }));
      resources.push(...(page.StackResourceSummaries ?? []));
      token = page.NextToken;
    } catch (error) {
      throw describeAwsError(error, { action: "cloudformation:ListStackResources", stackName: stackId });
    }
  } while (token);
  return resources;
}

/**
 * The logical ids of the stack's resources that CloudFormation keeps on delete, read from its
 * deployed template (the processed one: what a macro made is what was deployed). A policy that is
 * not a plain string counts as Retain: emptying a bucket someone meant to keep cannot be undone.
 */
async function retainedIds(cfn: CfnClient, stackId: string): Promise<Set<string>> {
  let body: string | undefined;
  try {
    body = (await cfn.send(new GetTemplateCommand({ StackName: stackId, TemplateStage: "Processed" })))
      .TemplateBody;
  } catch (error) {
    throw describeAwsError(error, { action: "cloudformation:GetTemplate", stackName: stackId });
  }
  const template = body ? plainTemplate(body, "deployed template") : undefined;
  const resources = (template?.Resources ?? {}) as Record<string, { DeletionPolicy?: unknown }>;
  const ids = new Set<string>();
  for (const [id, resource] of Object.entries(resources)) {
    const policy = resource?.DeletionPolicy;
    if (policy !== undefined && (typeof policy !== "string" || RETAIN.has(policy))) ids.add(id);
  }
  return ids;
}

function isLive(resource: StackResourceSummary): boolean {
  return resource.PhysicalResourceId !== undefined && resource.ResourceStatus !== "DELETE_COMPLETE";
}

/**
 * The stack's buckets and nested stacks, followed down through AWS::CloudFormation::Stack
 * resources. Templates are read only for stacks that have a bucket.
 */
export async function stackInventory(cfn: CfnClient, stackId: string): Promise<StackInventory> {
  const found: StackInventory = { buckets: [], stackIds: [], resources: new Map() };
  const visit = async (id: string, parentPath: string[]): Promise<void> => {
    if (found.stackIds.includes(id) || parentPath.length > MAX_NESTING) return;
    found.stackIds.push(id);
    const resources = await listResources(cfn, id);
    if (parentPath.length === 0) {
      for (const r of resources) {
        found.resources.set(r.LogicalResourceId ?? "", {
          logicalId: r.LogicalResourceId ?? "",
          resourceType: r.ResourceType ?? "",
          physicalId: r.PhysicalResourceId || undefined,
        });
      }
    }
    const buckets = resources.filter((r) => r.ResourceType === BUCKET && isLive(r));
    const retained = buckets.length > 0 ? await retainedIds(cfn, id) : new Set<string>();
    for (const r of buckets) {
      found.buckets.push({
        logicalId: r.LogicalResourceId ?? "",
        bucket: r.PhysicalResourceId as string,
        parentPath,
        retained: retained.has(r.LogicalResourceId ?? ""),
      });
    }
    for (const r of resources) {
      if (r.ResourceType !== NESTED_STACK || !isLive(r) || !r.PhysicalResourceId?.startsWith("arn:"))
        continue;
      await visit(r.PhysicalResourceId, [...parentPath, r.LogicalResourceId ?? ""]);
    }
  };
  await visit(stackId, []);
  return found;
}

/** One page of the bucket's versions and delete markers, or undefined when the bucket does not exist. */
async function listVersions(
  s3: S3Like,
  bucket: string,
  marker: { key?: string; versionId?: string },
): Promise<ListObjectVersionsCommandOutput | undefined> {
  try {
    return await s3.send(
      new ListObjectVersionsCommand({
        Bucket: bucket,
        MaxKeys: S3_BATCH,
        KeyMarker: marker.key,
        VersionIdMarker: marker.versionId,
      }),
    );
  } catch (error) {
    if (errorCode(error) === "NoSuchBucket") return undefined;
    throw describeAwsError(error, { action: "s3:ListBucketVersions", bucket });
  }
}

/** S3 orders keys by their UTF-8 bytes. */
function laterKey(a: string | undefined, b: string): string {
  return a !== undefined && Buffer.compare(Buffer.from(a), Buffer.from(b)) >= 0 ? a : b;
}

/** How many versions and delete markers the bucket holds; undefined when it does not exist. */
export async function countVersions(
  s3: S3Like,
  bucket: string,
): Promise<{ versions: number; deleteMarkers: number } | undefined> {
  const count = { versions: 0, deleteMarkers: 0 };
  let marker: { key?: string; versionId?: string } = {};
  for (;;) {
    const page = await listVersions(s3, bucket, marker);
    if (!page) return undefined;
    count.versions += page.Versions?.length ?? 0;
    count.deleteMarkers += page.DeleteMarkers?.length ?? 0;
    if (!page.IsTruncated) return count;
    marker = { key: page.NextKeyMarker, versionId: page.NextVersionIdMarker };
  }
}

export interface EmptiedBucket {
  /** Versions and delete markers deleted. */
  deleted: number;
  /** False when the bucket was already gone: nothing to empty, and nothing in the way of the delete. */
  exists: boolean;
  /** What S3 would not delete, key by key. */
  errors: ObjectError[];
}

/**
 * Deletes every object version and delete marker in the bucket, each page as soon as it is listed.
 * What a page listed is gone once deleted, so the next page is listed from the start again, not
 * from a marker naming a version that no longer exists; only keys S3 refused to delete a version
 * of are stepped over (listing after the last of them), and their bucket cannot be emptied anyway.
 */
export async function emptyBucket(s3: S3Like, bucket: string): Promise<EmptiedBucket> {
  const result: EmptiedBucket = { deleted: 0, exists: true, errors: [] };
  let after: string | undefined;
  for (;;) {
    const page = await listVersions(s3, bucket, { key: after });
    if (!page) return { ...result, exists: false };
    const objects = [...(page.Versions ?? []), ...(page.DeleteMarkers ?? [])].map((v) => ({
      Key: v.Key ?? "",
      VersionId: v.VersionId,
    }));
    if (objects.length > 0) {
      let errors: { Key?: string; VersionId?: string; Code?: string; Message?: string }[];
      try {
        const answer = await s3.send(
          new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: objects, Quiet: true } }),
        );
        errors = answer.Errors ?? [];
      } catch (error) {
        // Deleted meanwhile, by a person or the stack's own delete: nothing left to empty.
        if (errorCode(error) === "NoSuchBucket") return { ...result, exists: false };
        throw describeAwsError(error, { action: "s3:DeleteObjectVersion", bucket });
      }
      result.deleted += objects.length - errors.length;
      for (const e of errors) {
        after = laterKey(after, e.Key ?? "");
        result.errors.push({
          bucket,
          key: e.Key ?? "",
          versionId: e.VersionId,
          code: e.Code ?? "Unknown",
          message: e.Message ?? "",
        });
      }
    }
    if (!page.IsTruncated) return result;
  }
}
