// The fake AWS: CloudFormation, S3, Lambda layers and STS behind one local endpoint.
export { SimClock } from "./clock";
export { NO_CHANGES_REASON } from "./cloudformation/changeset";
export type { CloudFormationOptions } from "./cloudformation/state";
export { FaultInjector } from "./faults";
export { type FakeAws, type FakeAwsOptions, type RecordedCall, startFakeAws } from "./server";
export type * from "./types";
