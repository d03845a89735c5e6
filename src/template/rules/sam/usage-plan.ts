/**
 * A usage plan the SAM transform refuses (api_generator.py): the `Auth.UsagePlan` of an
 * AWS::Serverless::Api, or of Globals.Api, whose CreateUsagePlan is not SHARED, PER_API or NONE
 * as written (the transform compares case and all). Its other keys, and CreateUsagePlan being
 * there at all, are E3002's and E3003's (ApiUsagePlan in the SAM supplement).
 */
import type { Node } from "../../model";
import { mapGet } from "../../nodes";
import { didYouMean } from "../../suggest";
import { globalsFor } from "../resources/shared";
import type { Rule } from "../rule";
import { literalString, propertySets, resourcesOfType } from "../services/values";
import { SAM_GUIDE } from "./events";

const SAM_API = "AWS::Serverless::Api";
const CREATE_USAGE_PLAN = ["SHARED", "PER_API", "NONE"];

export const samUsagePlan: Rule = {
  id: "E0001",
  severity: "error",
  shortDescription: "SAM API usage plans say how they are created: SHARED, PER_API or NONE",
  description:
    "The CreateUsagePlan of an AWS::Serverless::Api's Auth.UsagePlan, or of Globals.Api, is SHARED, PER_API or NONE.",
  source: `${SAM_GUIDE}/sam-property-api-apiusageplan.html`,
  tags: ["sam", "apigateway"],
  check({ template, report }) {
    const judge = (auth: Node | undefined, owner: string, path: string[]) => {
      const value = mapGet(mapGet(auth, "UsagePlan")?.value, "CreateUsagePlan")?.value;
      const written = literalString(value);
      if (!value || written === undefined || CREATE_USAGE_PLAN.includes(written)) return;
      report(
        value,
        `CreateUsagePlan '${written}' of ${owner} is not SHARED, PER_API or NONE, so the SAM transform ` +
          `refuses it${didYouMean(written, CREATE_USAGE_PLAN)}`,
        { path: [...path, "Auth", "UsagePlan", "CreateUsagePlan"] },
      );
    };
    judge(mapGet(globalsFor(template, SAM_API), "Auth")?.value, "Globals.Api", ["Globals", "Api"]);
    for (const api of resourcesOfType(template, SAM_API)) {
      for (const { properties } of propertySets(api)) {
        judge(mapGet(properties, "Auth")?.value, api.name, ["Resources", api.name, "Properties"]);
      }
    }
  },
};
