/**
 * Provisioned concurrency as Lambda takes it: within the reservation (E3908), and on aliases of
 * published versions without weights (E3974).
 *
 * E3908 (a check cfn-lint does not have): provisioned concurrency above the function's reserved
 * concurrency. Provisioned concurrency counts towards the function's reservation, and "you can't
 * allocate more provisioned concurrency than reserved concurrency for a function" (Lambda
 * Developer Guide, "Configuring provisioned concurrency"), so the alias or version fails after the
 * function was created. Each alias or version is compared on its own (their sum counts too, which
 * a template whose aliases point at changing versions cannot show). Read from a SAM function's ProvisionedConcurrencyConfig and ReservedConcurrentExecutions
 * (its own or Globals.Function's), and from an AWS::Lambda::Alias or AWS::Lambda::Version of a
 * function of the template; only written-out numbers are compared.
 *
 * E3974 (our own id): what Lambda refuses of an alias that provisions concurrency or shifts
 * traffic: provisioned concurrency on an alias of `$LATEST` ("Provisioned Concurrency Configs cannot
 * be applied to unpublished function versions", InvalidParameterValueException), RoutingConfig
 * weights on one ("$LATEST is not supported for an alias pointing to more than 1 version"), and
 * provisioned concurrency on an alias with weights ("Alias with weights can not be used with
 * Provisioned Concurrency", InvalidParameterValueException). Each fails the alias. cfn-lint has no such
 * check.
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
  shortDescription: "Lambda aliases with provisioned concurrency or weighted routing fit them",
  description:
    "An AWS::Lambda::Alias of $LATEST has no ProvisionedConcurrencyConfig and no RoutingConfig weights, and an alias " +
    "with RoutingConfig weights has no ProvisionedConcurrencyConfig: Lambda refuses each.",
  source: `${LAMBDA_GUIDE}/provisioned-concurrency.html`,
  tags: ["resources", "lambda"],
  resourceTypes: ["AWS::Lambda::Alias"],
  check({ template, report }) {
    for (const alias of resourcesOfType(template, "AWS::Lambda::Alias")) {
      for (const { properties } of propertySets(alias)) {
        const version = presentEntry(properties, "FunctionVersion")?.value;
        const config = presentEntry(properties, "ProvisionedConcurrencyConfig");
        const weights = mapGet(
          plainMap(presentEntry(properties, "RoutingConfig")?.value),
          "AdditionalVersionWeights",
        );
        // A list written out with a version in it: a Fn::If or a parameter may give none.
        const weighted = weights?.value.kind === "seq" && weights.value.items.length > 0;
        const path = ["Resources", alias.name, "Properties"];
        if (version && literalString(version) === "$LATEST" && (config || weighted)) {
          report(
            version,
            config
              ? `Alias ${alias.name} points at $LATEST and has ProvisionedConcurrencyConfig, and Lambda provisions ` +
                  "concurrency for published versions only, so the alias fails to create; point FunctionVersion " +
                  "at an AWS::Lambda::Version (!GetAtt <Version>.Version), or remove ProvisionedConcurrencyConfig"
              : `Alias ${alias.name} points at $LATEST and shifts traffic to another version, and Lambda routes ` +
                  "between published versions only ($LATEST is not supported for an alias pointing to more than 1 " +
                  "version); point FunctionVersion at an AWS::Lambda::Version, or remove RoutingConfig",
            { path: [...path, "FunctionVersion"] },
          );
        } else if (config && weighted) {
          report(
            config.keyRange,
            `Alias ${alias.name} shifts traffic between versions and has ProvisionedConcurrencyConfig, and Lambda ` +
              "refuses provisioned concurrency on an alias with weights; provision concurrency on the versions " +
              "(AWS::Lambda::Version), or remove RoutingConfig",
            { path: [...path, "ProvisionedConcurrencyConfig"] },
          );
        }
      }
    }
  },
};
