/**
 * cfn-lint's named formats (cfnlint/rules/formats, MIT-0), which the provider schemas attach to
 * properties as `format`: each a pattern a literal value must match, often stricter than the
 * schema's own pattern (an S3 bucket name's dots and dashes, an ARN's account id). Last, the
 * formats of the names the schemas leave free and the API references document (npm run spec's
 * DOCUMENTED_NAMES).
 */
export interface NamedFormat {
  /** What a matching value is, for messages: "must be <what>". */
  what: string;
  pattern: RegExp;
}

const ARN = "^arn:aws[a-zA-Z-]*:";

export const NAMED_FORMATS: Record<string, NamedFormat> = {
  "AWS::ACM::Certificate.Arn": {
    what: "an ACM certificate ARN",
    pattern: new RegExp(`${ARN}acm:[a-z0-9-]+:\\d{12}:certificate/.+$`),
  },
  "AWS::IAM::Role.Arn": { what: "an IAM role ARN", pattern: new RegExp(`${ARN}iam::\\d{12}:role/.+$`) },
  "AWS::EC2::Image.Id": { what: "an AMI id", pattern: /^ami-([0-9a-z]{8}|[0-9a-z]{17})$/ },
  "AWS::KMS::Alias.AliasName": { what: "a KMS alias name", pattern: /^alias\/[a-zA-Z0-9:/_-]+$/ },
  "AWS::KMS::Key.Arn": {
    what: "a KMS key or alias ARN",
    pattern: new RegExp(`${ARN}kms:[a-z0-9-]+:\\d{12}:(key|alias)/.+$`),
  },
  "AWS::KMS::Key.Id": {
    what: "a KMS key id",
    pattern:
      /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32}|alias\/[a-zA-Z0-9/_-]+)$/,
  },
  "AWS::Lambda::Function.Arn": {
    what: "a Lambda function ARN",
    pattern: new RegExp(`${ARN}lambda:[a-z0-9-]+:\\d{12}:function:.+(:.+)?$`),
  },
  "AWS::Lambda::Function.Name": { what: "a Lambda function name", pattern: /^[a-zA-Z0-9_-]{1,140}$/ },
  "AWS::S3::Bucket.Name": {
    what: "an S3 bucket name",
    pattern: /^(?![.-])(?!.*\.\.)(?!.*-\.)(?!.*\.-)[a-z0-9.-]{3,63}(?<![.-])$/,
  },
  "AWS::EC2::SecurityGroup.Id": {
    what: "a security group id",
    pattern: /^sg-([a-fA-F0-9]{8}|[a-fA-F0-9]{17})$/,
  },
  "AWS::EC2::SecurityGroup.Name": {
    what: "a security group name",
    pattern: /^[a-zA-Z0-9 ._\-:/()#,@[\]+=&;{}!$*]+$/,
  },
  "AWS::SNS::Topic.Arn": {
    what: "an SNS topic ARN",
    pattern: new RegExp(`${ARN}sns:[a-z0-9-]+:\\d{12}:.+$`),
  },
  "AWS::EC2::Subnet.Id": { what: "a subnet id", pattern: /^subnet-(([0-9A-Fa-f]{8})|([0-9A-Fa-f]{17}))$/ },
  "AWS::EC2::VPC.Id": { what: "a VPC id", pattern: /^vpc-(([0-9A-Fa-f]{8})|([0-9A-Fa-f]{17}))$/ },
  "AWS::ElasticLoadBalancing::LoadBalancer.Name": {
    what: "a load balancer name: letters, digits and hyphens, not at either end",
    pattern: /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/,
  },
  "AWS::ElasticLoadBalancingV2::LoadBalancer.Name": {
    what: "a load balancer name: letters, digits and hyphens, not at either end, not starting with 'internal-'",
    pattern: /^(?!internal-)[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/,
  },
  "AWS::ElasticLoadBalancingV2::TargetGroup.Name": {
    what: "a target group name: letters, digits and hyphens, not at either end",
    pattern: /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/,
  },
  "AWS::SQS::Queue.QueueName": {
    what: "a queue name: letters, digits, hyphens and underscores, with .fifo at the end of a FIFO queue's",
    pattern: /^[A-Za-z0-9_-]+(\.fifo)?$/,
  },
  "AWS::OpenSearchService::Domain.DomainName": {
    what: "a domain name: lower-case letters, digits and hyphens, a letter first",
    pattern: /^[a-z][a-z0-9-]+$/,
  },
  "AWS::Cognito::UserPoolDomain.Domain": {
    what: "a domain of lower-case letters, digits and hyphens (periods between a custom domain's parts), no hyphen first or last",
    pattern: /^[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?$/,
  },
  "AWS::ElastiCache::ReplicationGroup.ReplicationGroupId": {
    what: "a cache name: letters, digits and hyphens, a letter first, no hyphen at the end or two together",
    pattern: /^[A-Za-z](?:-?[A-Za-z0-9])*$/,
  },
  /**
   * Not a schema's: the Resource and NotResource of an identity policy statement, which IAM takes
   * only as an ARN or `*` (cfn-lint's pattern for them). E3510 judges what is written out; the
   * constraint walk judges what a parameter or a function gives there (W1030 to W1035).
   */
  "IAM policy Resource": {
    what: "an ARN (arn:partition:service:region:account:resource) or *",
    pattern: /^(arn:(aws[A-Za-z-]*?|\*):[^:]+:[^:]*(:(?:\d{12}|\*|aws)?:.+|)|\*)$/,
  },
};
