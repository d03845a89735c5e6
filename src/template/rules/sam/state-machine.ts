/**
 * What the SAM transform refuses in an AWS::Serverless::StateMachine: both Role and Policies
 * ("Specify either 'Role' or 'Policies' (but not both at the same time) or neither of them"; a
 * function, by contrast, ignores Policies beside a Role, W0001), and neither Definition nor
 * DefinitionUri ("Either 'Definition' or 'DefinitionUri' property must be specified").
 */
import type { Rule } from "../rule";
import { presentEntry, propertySets, resourcesOfType, samNamedRole } from "../services/values";
import { SAM_GUIDE } from "./events";

export const samStateMachine: Rule = {
  id: "E0001",
  severity: "error",
  shortDescription: "SAM state machines have a definition, and Role or Policies but not both",
  description:
    "An AWS::Serverless::StateMachine needs Definition or DefinitionUri, and takes either a Role or Policies for " +
    "the role SAM makes, not both.",
  source: `${SAM_GUIDE}/sam-resource-statemachine.html`,
  tags: ["sam", "stepfunctions"],
  resourceTypes: ["AWS::Serverless::StateMachine"],
  check({ template, report }) {
    for (const machine of resourcesOfType(template, "AWS::Serverless::StateMachine")) {
      for (const { properties, bare } of propertySets(machine)) {
        if (!presentEntry(properties, "Definition") && !presentEntry(properties, "DefinitionUri"))
          report(
            bare ? machine.entry.keyRange : (machine.properties?.keyRange ?? machine.entry.keyRange),
            `State machine ${machine.name} has neither Definition nor DefinitionUri, and the SAM transform refuses ` +
              "it; write the definition under Definition, or give DefinitionUri",
            { path: ["Resources", machine.name, "Properties"] },
          );
        const policies = presentEntry(properties, "Policies");
        if (!policies || !samNamedRole(properties)) continue;
        report(
          policies.keyRange,
          `State machine ${machine.name} has both Role and Policies, and the SAM transform refuses that: Policies ` +
            "are for the role SAM makes when there is no Role; put them on the role that Role names, or remove Role",
          { path: ["Resources", machine.name, "Properties", "Policies"] },
        );
      }
    }
  },
};
