/**
 * E3922 (our own id): a REST API stage name is letters, digits, hyphens and underscores, at most
 * 128 characters ("Stage names can only contain alphanumeric characters, hyphens, and
 * underscores", API Gateway API reference). A dot (`v1.0`) or a space makes the stage fail to
 * create. Checked where a REST API stage is named: AWS::ApiGateway::Stage, the StageName of an
 * AWS::ApiGateway::Deployment, and a SAM Api's StageName (which Globals cannot give: E0001).
 */
import type { Rule } from "../rule";
import { literalString, presentEntry, propertySets, resourcesOfType } from "./values";

const STAGE_NAME = /^[A-Za-z0-9_-]{1,128}$/;
const TYPES = ["AWS::ApiGateway::Stage", "AWS::ApiGateway::Deployment", "AWS::Serverless::Api"];

export const apiStageName: Rule = {
  id: "E3922",
  severity: "error",
  shortDescription: "REST API stage names are letters, digits, hyphens and underscores",
  description:
    "The StageName of an API Gateway Stage, Deployment or SAM Api is 1 to 128 letters, digits, hyphens and " +
    "underscores.",
  source: "https://docs.aws.amazon.com/apigateway/latest/api/API_CreateStage.html",
  tags: ["resources", "apigateway"],
  resourceTypes: [...TYPES],
  check({ template, report }) {
    for (const resource of resourcesOfType(template, ...TYPES)) {
      for (const { properties } of propertySets(resource)) {
        const stage = presentEntry(properties, "StageName");
        const name = literalString(stage?.value);
        if (!stage || name === undefined || STAGE_NAME.test(name)) continue;
        report(
          stage.value,
          `Stage name '${name}' of ${resource.name} is not 1 to 128 ` +
            "letters, digits, hyphens and underscores, so API Gateway refuses the stage" +
            (name.includes(".")
              ? `; write '${name.replaceAll(".", "_")}' or '${name.replaceAll(".", "-")}'`
              : ""),
          { path: ["Resources", resource.name, "Properties", "StageName"] },
        );
      }
    }
  },
};
