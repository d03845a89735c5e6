/**
 * Calls and deliveries to a function, queue or topic of the template that no grant allows (checks
 * cfn-lint does not have; which grants count is ./delivery-grants.ts's):
 *
 * E3906: a log subscription filter to a function without a permission for logs.amazonaws.com.
 * CloudWatch Logs tests the destination when the filter is created, so the filter fails to create.
 * W3906: the permission exists, but the filter does not wait for it, so it may be created first.
 * W3907: an EventBridge rule target, an SNS subscription (lambda, sqs), an API Gateway integration
 * or Lambda authorizer (REST and HTTP APIs; not one given credentials, a role API Gateway invokes
 * the function as), or a Cognito user pool trigger, without the permission
 * or policy its service needs. The stack deploys, and every delivery, request or sign-in that needs
 * it fails, with nothing in the function's or the queue's logs to say why.
 *
 * E3967: a custom AWS Config rule (Source Owner CUSTOM_LAMBDA) or an SES receipt rule's Lambda
 * action whose function has no permission for config.amazonaws.com or ses.amazonaws.com. Both
 * services check that they may invoke the function when the rule is created (PutConfigRule's
 * InsufficientPermissionsException, CreateReceiptRule's InvalidLambdaFunction), so the rule fails
 * to create. W3967: the permission exists, but the rule does not wait for it.
 *
 * W3910: a function URL with AuthType NONE without the permissions for Principal '*' to call
 * lambda:InvokeFunctionUrl and lambda:InvokeFunction; every request is refused.
 *
 * A SAM function with an event of the same kind gets its permission from the transform, and is
 * left alone.
 */

import type { Node } from "../../model";
import { mapGet } from "../../nodes";
import { dependsOn } from "../resources/circular-dependency";
import type { Rule } from "../rule";
import { type ResourceInfo, type TemplateIndex, USER_GUIDE } from "../template-index";
import {
  deliveryTarget,
  grantFix,
  grantsFor,
  grantWanted,
  samEventOf,
  type Target,
  targetsIn,
} from "./delivery-grants";
import { literalString, presentEntry, propertySets, resourcesOfType, valuesAtPath } from "./values";

export const logSubscriptionPermission: Rule = {
  id: "E3906",
  severity: "error",
  shortDescription: "A log subscription filter's function lets CloudWatch Logs invoke it",
  description:
    "An AWS::Logs::SubscriptionFilter to a function of the template needs an AWS::Lambda::Permission for " +
    "logs.amazonaws.com: CloudWatch Logs tests the destination when the filter is created.",
  source: `${USER_GUIDE}/aws-resource-logs-subscriptionfilter.html`,
  tags: ["resources", "logs", "lambda"],
  check({ template, report }) {
    for (const { filter, value, target, grants } of logSubscriptions(template)) {
      if (grants.length > 0) continue;
      report(
        value,
        `Subscription filter '${filter}' sends log events to '${target}', which has no ` +
          `AWS::Lambda::Permission that lets logs.amazonaws.com invoke it: CloudWatch Logs tests the destination ` +
          `when the filter is created, and the filter fails to create; add an AWS::Lambda::Permission with ` +
          `FunctionName !GetAtt ${target}.Arn, Action lambda:InvokeFunction, Principal logs.amazonaws.com, and ` +
          "give the filter DependsOn on it",
      );
    }
  },
};

export const logSubscriptionOrder: Rule = {
  id: "W3906",
  severity: "warning",
  shortDescription: "A log subscription filter waits for its function's permission",
  description:
    "A subscription filter that does not depend on the permission that lets CloudWatch Logs invoke its function " +
    "may be created first, and then fails.",
  source: `${USER_GUIDE}/aws-resource-logs-subscriptionfilter.html`,
  tags: ["resources", "logs", "lambda"],
  check({ template, report }) {
    for (const { filter, value, target, grants } of logSubscriptions(template)) {
      if (grants.length === 0 || grants.some((grant) => dependsOn(template, filter, grant))) continue;
      report(
        value,
        `Subscription filter '${filter}' does not wait for the permission that lets CloudWatch Logs invoke ` +
          `'${target}', so CloudFormation may create the filter first, and it then fails to create; give it ` +
          `DependsOn on ${grants.length === 1 ? `'${grants[0]}'` : "the permission"}`,
      );
    }
  },
};

interface LogSubscription {
  filter: string;
  value: Node;
  target: string;
  grants: string[];
}

function logSubscriptions(template: TemplateIndex): LogSubscription[] {
  const found: LogSubscription[] = [];
  for (const filter of resourcesOfType(template, "AWS::Logs::SubscriptionFilter")) {
    for (const { properties } of propertySets(filter)) {
      const value = presentEntry(properties, "DestinationArn")?.value;
      const target = deliveryTarget(template, value, ["function"]);
      if (!value || !target || samEventOf(target, ["CloudWatchLogs"])) continue;
      found.push({
        filter: filter.name,
        value,
        target: target.resource.name,
        grants: grantsFor(template, target, "logs"),
      });
    }
  }
  return found;
}

/** Where a service calls a function of the template to test it when the resource is created. */
const TESTED_CALLS: {
  type: string;
  path: string[];
  service: string;
  what: string;
  when?: [string[], string];
}[] = [
  {
    type: "AWS::Config::ConfigRule",
    path: ["Source", "SourceIdentifier"],
    service: "config",
    what: "Config rule",
    when: [["Source", "Owner"], "CUSTOM_LAMBDA"],
  },
  {
    type: "AWS::SES::ReceiptRule",
    path: ["Rule", "Actions", "*", "LambdaAction", "FunctionArn"],
    service: "ses",
    what: "receipt rule",
  },
];
const TESTED_TYPES = TESTED_CALLS.map((call) => call.type);

interface TestedCall {
  owner: string;
  what: string;
  service: string;
  value: Node;
  target: string;
  grants: string[];
}

const testedByOwner = new WeakMap<ResourceInfo, TestedCall[]>();

/**
 * The custom Config rules' and SES receipt rules' functions of the template, with their grants
 * (once per resource: E3967 and W3967 both read them).
 */
function testedCalls(template: TemplateIndex, owner: ResourceInfo): TestedCall[] {
  const known = testedByOwner.get(owner);
  if (known) return known;
  const found: TestedCall[] = [];
  testedByOwner.set(owner, found);
  for (const call of TESTED_CALLS) {
    if (owner.type !== call.type) continue;
    for (const { properties } of propertySets(owner)) {
      if (
        call.when &&
        valuesAtPath(properties, call.when[0]).every((v) => literalString(v) !== call.when?.[1])
      )
        continue;
      for (const value of valuesAtPath(properties, call.path)) {
        const target = deliveryTarget(template, value, ["function"]);
        if (!target) continue;
        found.push({
          owner: owner.name,
          what: call.what,
          service: call.service,
          value,
          target: target.resource.name,
          grants: grantsFor(template, target, call.service),
        });
      }
    }
  }
  return found;
}

export const testedCallPermission: Rule = {
  id: "E3967",
  severity: "error",
  shortDescription: "A custom Config rule's or SES receipt rule's function lets the service invoke it",
  description:
    "A custom AWS Config rule (Source Owner CUSTOM_LAMBDA) or an SES receipt rule's Lambda action with a function of " +
    "the template needs an AWS::Lambda::Permission for config.amazonaws.com or ses.amazonaws.com: the service " +
    "checks that it may invoke the function when the rule is created.",
  source: "https://docs.aws.amazon.com/config/latest/APIReference/API_PutConfigRule.html",
  tags: ["resources", "config", "ses", "lambda"],
  resourceTypes: TESTED_TYPES,
  check({ template, report }) {
    for (const owner of resourcesOfType(template, ...TESTED_TYPES)) {
      for (const { owner: name, what, service, value, target, grants } of testedCalls(template, owner)) {
        if (grants.length > 0) continue;
        report(
          value,
          `${what} ${name} calls ${target}, which has no AWS::Lambda::Permission that lets ${service}.amazonaws.com ` +
            "invoke it: the service checks that it may invoke the function when the rule is created, and the rule " +
            `fails to create; add an AWS::Lambda::Permission with FunctionName !GetAtt ${target}.Arn, Action ` +
            `lambda:InvokeFunction, Principal ${service}.amazonaws.com, and give the rule DependsOn on it`,
        );
      }
    }
  },
};

export const testedCallOrder: Rule = {
  id: "W3967",
  severity: "warning",
  shortDescription: "A custom Config rule or SES receipt rule waits for its function's permission",
  description:
    "A custom AWS Config rule or SES receipt rule that does not depend on the permission that lets the service invoke " +
    "its function may be created first, and then fails.",
  source: "https://docs.aws.amazon.com/config/latest/APIReference/API_PutConfigRule.html",
  tags: ["resources", "config", "ses", "lambda"],
  resourceTypes: TESTED_TYPES,
  check({ template, report }) {
    for (const owner of resourcesOfType(template, ...TESTED_TYPES)) {
      for (const { owner: name, what, value, target, grants } of testedCalls(template, owner)) {
        if (grants.length === 0 || grants.some((grant) => dependsOn(template, name, grant))) continue;
        report(
          value,
          `${what} ${name} does not wait for the permission that lets the service invoke ${target}, so ` +
            "CloudFormation may create the rule first, and it then fails to create; give it DependsOn on " +
            `${grants.length === 1 ? grants[0] : "the permission"}`,
        );
      }
    }
  },
};

export const deliveryWithoutGrant: Rule = {
  id: "W3907",
  severity: "warning",
  shortDescription:
    "Services that deliver at run time may invoke the functions, queues and topics they target",
  description:
    "An EventBridge rule target, SNS subscription, API Gateway integration or authorizer, or Cognito trigger to a " +
    "function, queue or topic of the template needs a Lambda permission, queue policy or topic policy for that " +
    "service; without it the stack deploys and every delivery fails.",
  source: "https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html",
  tags: ["resources", "events", "sns", "apigateway", "cognito", "lambda", "sqs"],
  check({ template, report }) {
    for (const delivery of runtimeDeliveries(template)) {
      const { value, owner, target, source } = delivery;
      if (samEventOf(target, source.samEvents) || grantsFor(template, target, source.service).length > 0)
        continue;
      report(
        value,
        `${owner} ${source.verb} '${target.resource.name}', which has no ${grantWanted(target, source.service)}: ` +
          `${source.effect}; ${grantFix(target, source.service)}`,
      );
    }
  },
};

interface Source {
  service: string;
  /** SAM event types whose transform writes the grant. */
  samEvents: string[];
  verb: string;
  effect: string;
}

const EVENTS: Source = {
  service: "events",
  samEvents: ["CloudWatchEvent", "EventBridgeRule", "Schedule"],
  verb: "targets",
  effect: "the rule deploys, but EventBridge cannot deliver to it",
};
const SNS: Source = {
  service: "sns",
  samEvents: ["SNS"],
  verb: "delivers to",
  effect: "the subscription deploys, but SNS cannot deliver to it",
};
const API: Source = {
  service: "apigateway",
  samEvents: ["Api", "HttpApi"],
  verb: "invokes",
  effect: "the API deploys, but every request that needs it fails with an internal server error",
};
const COGNITO: Source = {
  service: "cognito-idp",
  samEvents: ["Cognito"],
  verb: "calls",
  effect: "the user pool deploys, but every sign-up or sign-in that runs the trigger fails",
};

/** Cognito user pool triggers: LambdaConfig keys that hold a function ARN, and nested LambdaArn ones. */
const COGNITO_TRIGGERS = [
  "CreateAuthChallenge",
  "CustomMessage",
  "DefineAuthChallenge",
  "PostAuthentication",
  "PostConfirmation",
  "PreAuthentication",
  "PreSignUp",
  "PreTokenGeneration",
  "UserMigration",
  "VerifyAuthChallengeResponse",
];
const COGNITO_NESTED_TRIGGERS = ["CustomEmailSender", "CustomSMSSender", "PreTokenGenerationConfig"];

/**
 * API Gateway resources that invoke a function through a URI: the property, the type that says so,
 * and the role API Gateway may invoke it with instead of the function's permission.
 */
const API_INVOKERS: { type: string; uri: string; kind: string; kinds: string[]; credentials: string }[] = [
  {
    type: "AWS::ApiGateway::Method",
    uri: "Integration.Uri",
    kind: "Integration.Type",
    kinds: ["AWS", "AWS_PROXY"],
    credentials: "Integration.Credentials",
  },
  {
    type: "AWS::ApiGatewayV2::Integration",
    uri: "IntegrationUri",
    kind: "IntegrationType",
    kinds: ["AWS", "AWS_PROXY"],
    credentials: "CredentialsArn",
  },
  {
    type: "AWS::ApiGateway::Authorizer",
    uri: "AuthorizerUri",
    kind: "Type",
    kinds: ["TOKEN", "REQUEST"],
    credentials: "AuthorizerCredentials",
  },
  {
    type: "AWS::ApiGatewayV2::Authorizer",
    uri: "AuthorizerUri",
    kind: "AuthorizerType",
    kinds: ["REQUEST"],
    credentials: "AuthorizerCredentialsArn",
  },
];

interface Delivery {
  value: Node;
  owner: string;
  target: Target;
  source: Source;
}

function runtimeDeliveries(template: TemplateIndex): Delivery[] {
  const found: Delivery[] = [];
  const add = (value: Node | undefined, owner: string, target: Target | undefined, source: Source) => {
    if (value && target) found.push({ value, owner, target, source });
  };
  for (const rule of resourcesOfType(template, "AWS::Events::Rule")) {
    for (const { properties } of propertySets(rule)) {
      for (const value of valuesAtPath(properties, ["Targets", "*", "Arn"]))
        add(
          value,
          `Rule '${rule.name}'`,
          deliveryTarget(template, value, ["function", "queue", "topic"]),
          EVENTS,
        );
    }
  }
  const subscriptions: { owner: string; item: Node }[] = [];
  for (const subscription of resourcesOfType(template, "AWS::SNS::Subscription")) {
    for (const { properties } of propertySets(subscription))
      subscriptions.push({ owner: `Subscription '${subscription.name}'`, item: properties });
  }
  for (const topic of resourcesOfType(template, "AWS::SNS::Topic")) {
    for (const { properties } of propertySets(topic)) {
      for (const item of valuesAtPath(properties, ["Subscription", "*"]))
        subscriptions.push({ owner: `A subscription of topic '${topic.name}'`, item });
    }
  }
  for (const { owner, item } of subscriptions) {
    const protocol = literalString(mapGet(item, "Protocol")?.value);
    if (protocol !== "lambda" && protocol !== "sqs") continue;
    const value = mapGet(item, "Endpoint")?.value;
    add(value, owner, deliveryTarget(template, value, [protocol === "lambda" ? "function" : "queue"]), SNS);
  }
  for (const invoker of API_INVOKERS) {
    for (const resource of resourcesOfType(template, invoker.type)) {
      for (const { properties } of propertySets(resource)) {
        const [kind] = valuesAtPath(properties, invoker.kind.split("."));
        const [uri] = valuesAtPath(properties, invoker.uri.split("."));
        const written = literalString(kind);
        if (
          !uri ||
          (kind && written === undefined) ||
          (written !== undefined && !invoker.kinds.includes(written))
        )
          continue;
        // With credentials, API Gateway invokes the function as that role, which needs no permission on it.
        if (valuesAtPath(properties, invoker.credentials.split(".")).length > 0) continue;
        for (const target of targetsIn(template, resource.name, uri, ["function"]))
          add(uri, `${invoker.type.split("::")[2]} '${resource.name}'`, target, API);
      }
    }
  }
  for (const pool of resourcesOfType(template, "AWS::Cognito::UserPool")) {
    for (const { properties } of propertySets(pool)) {
      const config = presentEntry(properties, "LambdaConfig")?.value;
      const values = [
        ...COGNITO_TRIGGERS.flatMap((key) => valuesAtPath(config, [key])),
        ...COGNITO_NESTED_TRIGGERS.flatMap((key) => valuesAtPath(config, [key, "LambdaArn"])),
      ];
      for (const value of values)
        add(value, `User pool '${pool.name}'`, deliveryTarget(template, value, ["function"]), COGNITO);
    }
  }
  return found;
}

export const functionUrlPermission: Rule = {
  id: "W3910",
  severity: "warning",
  shortDescription: "A public function URL comes with the permissions that let anyone call it",
  description:
    "An AWS::Lambda::Url with AuthType NONE needs AWS::Lambda::Permission resources for Principal '*' on its " +
    "function: lambda:InvokeFunctionUrl and, for URLs created since October 2025, lambda:InvokeFunction.",
  source: "https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html",
  tags: ["resources", "lambda"],
  resourceTypes: ["AWS::Lambda::Url"],
  check({ template, report }) {
    for (const url of resourcesOfType(template, "AWS::Lambda::Url")) {
      for (const { properties } of propertySets(url)) {
        if (literalString(presentEntry(properties, "AuthType")?.value) !== "NONE") continue;
        const value = presentEntry(properties, "TargetFunctionArn")?.value;
        const target = deliveryTarget(template, value, ["function"]);
        if (!value || !target) continue;
        const missing = URL_ACTIONS.filter(
          (action) => grantsFor(template, target, /^\*$/, action).length === 0,
        );
        if (missing.length === 0) continue;
        const name = target.resource.name;
        report(
          value,
          `Function URL '${url.name}' has AuthType NONE, and no AWS::Lambda::Permission lets everyone call ` +
            `${missing.join(" or ")} on '${name}': the URL deploys, but every request is refused (403 Forbidden); ` +
            `add ${missing.length === 1 ? "an AWS::Lambda::Permission" : "a permission for each"} with FunctionName ` +
            `!Ref ${name} and Principal '*' (a URL created since October 2025 needs both lambda:InvokeFunctionUrl, ` +
            "with FunctionUrlAuthType NONE, and lambda:InvokeFunction)",
        );
      }
    }
  },
};

const URL_ACTIONS = ["lambda:InvokeFunctionUrl", "lambda:InvokeFunction"];
