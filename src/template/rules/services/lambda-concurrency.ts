/**
 * E3908 (a check cfn-lint does not have): provisioned concurrency above the function's reserved
 * concurrency. Provisioned concurrency counts towards the function's reservation, and "you can't
 * allocate more provisioned concurrency than reserved concurrency for a function" (Lambda
 * Developer Guide, "Configuring provisioned concurrency"), so the alias or version fails after the
 * function was created. Each alias or version is compared on its own (their sum counts too, which
 * a template whose aliases point at changing versions cannot show). Read from a SAM function's ProvisionedConcurrencyConfig and ReservedConcurrentExecutions
 * (its own or Globals.Function's), and from an AWS::Lambda::Alias or AWS::Lambda::Version of a
 * function of the template; only written-out numbers are compared.
 *
 * E3974 (our own id): provisioned concurrency on an alias of `$LATEST`. Lambda provisions
 * concurrency for published versions only ("Provisioned Concurrency Configs cannot be applied to
 * unpublished function versions", InvalidParameterValueException), so the alias fails to create.
 * cfn-lint has no such check.
 */
import { plural } from "../../../text";
import { mapGet } from "../../nodes";
import type { Rule } from "../rule";
import { FUNCTION, SAM_FUNCTION } from "./lambda";
import {
  inheritedProperty,
  literalNumber,
  literalString,
  plainMap,
  presentEntry,
  propertySets,
  referenceTarget,
  resourcesOfType,
} from "./values";

const LAMBDA_GUIDE = "https://docs.aws.amazon.com/lambda/latest/dg";

export const provisionedOverReserved: Rule = {
  id: "E3908",
  severity: "error",
  shortDescription: "Provisioned concurrency is within the function's reserved concurrency",
  description:
    "A function with ReservedConcurrentExecutions can have at most that much provisioned concurrency on an alias " +
    "or version; Lambda refuses more.",
  source: `${LAMBDA_GUIDE}/provisioned-concurrency.html`,
  tags: ["resources", "lambda"],
  check({ template, report }) {
    const fix = "lower ProvisionedConcurrentExecutions, or raise ReservedConcurrentExecutions";
    for (const fn of resourcesOfType(template, SAM_FUNCTION)) {
      for (const set of propertySets(fn)) {
        const reserved = literalNumber(
          inheritedProperty(template, set, "ReservedConcurrentExecutions")?.entry.value,
        );
        const config = inheritedProperty(template, set, "ProvisionedConcurrencyConfig");
        const provisioned = mapGet(plainMap(config?.entry.value), "ProvisionedConcurrentExecutions")?.value;
        const count = literalNumber(provisioned);
        if (reserved === undefined || !config || !provisioned || count === undefined || count <= reserved)
          continue;
        report(
          config.inherited ? fn.entry.keyRange : provisioned,
          `${fn.name} provisions ${plural(count, "concurrent execution")} on its alias but reserves only ${reserved}, and ` +
            `Lambda refuses provisioned concurrency above the reservation; ${fix}`,
          {
            path: [
              "Resources",
              fn.name,
              "Properties",
              "ProvisionedConcurrencyConfig",
              "ProvisionedConcurrentExecutions",
            ],
          },
        );
      }
    }
    for (const holder of resourcesOfType(template, "AWS::Lambda::Alias", "AWS::Lambda::Version")) {
      for (const { properties } of propertySets(holder)) {
        const provisioned = mapGet(
          plainMap(presentEntry(properties, "ProvisionedConcurrencyConfig")?.value),
          "ProvisionedConcurrentExecutions",
        )?.value;
        const count = literalNumber(provisioned);
        const name = presentEntry(properties, "FunctionName")?.value;
        const target = name && referenceTarget(name);
        const fn = target && template.resources.get(target.name);
        if (!provisioned || count === undefined || fn?.type !== FUNCTION) continue;
        const reserved = propertySets(fn)
          .map(({ properties: fnProperties }) =>
            literalNumber(presentEntry(fnProperties, "ReservedConcurrentExecutions")?.value),
          )
          .find((value) => value !== undefined);
        if (reserved === undefined || count <= reserved) continue;
        report(
          provisioned,
          `${holder.name} provisions ${plural(count, "concurrent execution")} of ${fn.name}, which reserves only ${reserved}, ` +
            `and Lambda refuses provisioned concurrency above the reservation; ${fix}`,
          {
            path: [
              "Resources",
              holder.name,
              "Properties",
              "ProvisionedConcurrencyConfig",
              "ProvisionedConcurrentExecutions",
            ],
          },
        );
      }
    }
  },
};

export const provisionedOnLatest: Rule = {
  id: "E3974",
  severity: "error",
  shortDescription: "Provisioned concurrency goes on an alias of a published version",
  description:
    "An AWS::Lambda::Alias with ProvisionedConcurrencyConfig points at a published version: Lambda refuses " +
    "provisioned concurrency for $LATEST.",
  source: `${LAMBDA_GUIDE}/provisioned-concurrency.html`,
  tags: ["resources", "lambda"],
  resourceTypes: ["AWS::Lambda::Alias"],
  check({ template, report }) {
    for (const alias of resourcesOfType(template, "AWS::Lambda::Alias")) {
      for (const { properties } of propertySets(alias)) {
        const version = presentEntry(properties, "FunctionVersion")?.value;
        const config = presentEntry(properties, "ProvisionedConcurrencyConfig");
        if (!version || !config || literalString(version) !== "$LATEST") continue;
        report(
          version,
          `Alias ${alias.name} points at $LATEST and has ProvisionedConcurrencyConfig, and Lambda provisions ` +
            "concurrency for published versions only, so the alias fails to create; point FunctionVersion at an " +
            "AWS::Lambda::Version (!GetAtt <Version>.Version), or remove ProvisionedConcurrencyConfig",
          { path: ["Resources", alias.name, "Properties", "FunctionVersion"] },
        );
      }
    }
  },
};
