// STS: GetCallerIdentity, which the project calls to learn the account before naming buckets.
import { AwsError, parseQuery, queryError, queryResponse } from "./protocol";
import type { FakeContext, FakeRequest, FakeResponse } from "./types";

export const STS_XMLNS = "https://sts.amazonaws.com/doc/2011-06-15/";

export async function handleSts(req: FakeRequest, ctx: FakeContext): Promise<FakeResponse> {
  const params = parseQuery(req.body, req.query);
  const action = params.get("Action") ?? "";
  if (action === "GetCallerIdentity") {
    return queryResponse(action, STS_XMLNS, {
      UserId: "AIDAFAKEPREVIEWSTACKS",
      Account: ctx.accountId,
      Arn: `arn:aws:iam::${ctx.accountId}:user/preview-stacks-fake`,
    });
  }
  return queryError(
    new AwsError("InvalidAction", `Could not find operation ${action} for version 2011-06-15`),
    STS_XMLNS,
  );
}
