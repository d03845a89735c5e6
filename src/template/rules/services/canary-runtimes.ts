/**
 * E3949 (our own id): a CloudWatch Synthetics canary on a deprecated runtime. "You can't create
 * canaries using deprecated runtime versions" (the CloudWatch User Guide's runtime support policy),
 * so a new stack, as every preview is, fails on it; an existing canary keeps running until it is
 * updated. cfn-lint does not know these runtimes. Round 41 found a canary on
 * `syn-nodejs-puppeteer-3.1`.
 *
 * The runtime is read as E2533 reads a function's (givenTexts): written out, in a Fn::If's
 * branches, or given by a parameter or a function of the template's text; one a parameter's value
 * or a Region's mapping entry chooses is a warning, since another choice may not be deprecated.
 */
import { type Clock, systemClock } from "../../../clock";
import { mapGet } from "../../nodes";
import { givenTexts, reportGiven } from "../functions/resolve";
import { datedRule, type Rule } from "../rule";
import { propertySets, resourcesOfType } from "./values";

export const CANARY_RUNTIMES_SOURCE =
  "https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Synthetics_Runtime_Support_Policy.html";

/**
 * Deprecated Synthetics runtimes, with the day each was deprecated: the support policy's table of
 * deprecation dates. `null` for the first runtimes (`syn-1.0`, `syn-nodejs-2.*`, Puppeteer 3.0 to
 * 3.7, Selenium 1.0 to 1.2), deprecated before 2024: the AWS CDK marks them deprecated or has
 * dropped them, and the table's rows for them are not among the references stored here. A runtime
 * once deprecated stays so; add rows as the table grows.
 */
export const DEPRECATED_CANARY_RUNTIMES: Readonly<Record<string, string | null>> = {
  "syn-1.0": null,
  "syn-nodejs-2.0-beta": null,
  "syn-nodejs-2.0": null,
  "syn-nodejs-2.1": null,
  "syn-nodejs-2.2": null,
  "syn-nodejs-puppeteer-3.0": null,
  "syn-nodejs-puppeteer-3.1": null,
  "syn-nodejs-puppeteer-3.2": null,
  "syn-nodejs-puppeteer-3.3": null,
  "syn-nodejs-puppeteer-3.4": null,
  "syn-nodejs-puppeteer-3.5": null,
  "syn-nodejs-puppeteer-3.6": null,
  "syn-nodejs-puppeteer-3.7": null,
  "syn-nodejs-puppeteer-3.8": "2024-01-08",
  "syn-nodejs-puppeteer-3.9": "2024-01-08",
  "syn-nodejs-puppeteer-4.0": "2024-03-08",
  "syn-nodejs-puppeteer-5.0": "2024-03-08",
  "syn-nodejs-puppeteer-5.1": "2024-03-08",
  "syn-nodejs-puppeteer-5.2": "2026-01-22",
  "syn-nodejs-puppeteer-6.0": "2024-03-08",
  "syn-nodejs-puppeteer-6.1": "2024-03-08",
  "syn-nodejs-puppeteer-6.2": "2026-01-22",
  "syn-nodejs-puppeteer-7.0": "2026-01-22",
  "syn-python-selenium-1.0": null,
  "syn-python-selenium-1.1": null,
  "syn-python-selenium-1.2": null,
  "syn-python-selenium-1.3": "2024-03-08",
  "syn-python-selenium-2.0": "2024-03-08",
  "syn-python-selenium-2.1": "2026-01-22",
  "syn-python-selenium-3.0": "2026-01-22",
  "syn-python-selenium-4.0": "2026-02-03",
  "syn-python-selenium-4.1": "2026-02-03",
  "syn-python-selenium-5.0": "2026-02-03",
  "syn-python-selenium-5.1": "2026-02-03",
};

const CANARY = "AWS::Synthetics::Canary";

export function createCanaryRuntimeRule(clock: Clock = systemClock): Rule {
  return datedRule(
    {
      id: "E3949",
      severity: "error",
      shortDescription: "Synthetics canaries use a runtime that is not deprecated",
      description:
        "CloudWatch Synthetics does not create canaries with a deprecated runtime version, so a new stack with " +
        "one fails; move the canary to a supported runtime.",
      source: CANARY_RUNTIMES_SOURCE,
      tags: ["resources", "synthetics", "runtime"],
    },
    clock,
    ({ template, report }, day) => {
      for (const resource of resourcesOfType(template, CANARY)) {
        for (const { properties } of propertySets(resource)) {
          const entry = mapGet(properties, "RuntimeVersion");
          if (!entry) continue;
          const path = ["Resources", resource.name, "Properties", "RuntimeVersion"];
          for (const found of givenTexts(entry.value, template, false)) {
            const runtime = found.text;
            if (!Object.hasOwn(DEPRECATED_CANARY_RUNTIMES, runtime)) continue;
            const since = DEPRECATED_CANARY_RUNTIMES[runtime];
            if (since !== null && since > day) continue;
            const said =
              `${found.hidden ? "the runtime" : `RuntimeVersion ${runtime}`} of canary ${resource.name} was ` +
              `deprecated ${since === null ? "before 2024" : `on ${since}`}, and CloudWatch Synthetics creates no ` +
              "canary with a deprecated runtime, so a new stack fails on it; move to a supported runtime version";
            reportGiven(report, found, said, { path });
          }
        }
      }
    },
  );
}

export const canaryRuntime = createCanaryRuntimeRule();
