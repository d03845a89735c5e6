/**
 * E3905 (a check cfn-lint does not have): `!GetAtt Table.StreamArn` (or `${Table.StreamArn}`) of an
 * AWS::DynamoDB::Table without StreamSpecification. A table has a stream only when it is asked
 * for, and CloudFormation fails the resource that reads the attribute of a table without one;
 * usually an event source mapping or a SAM DynamoDB event, whose function never gets a record.
 * A StreamSpecification under a condition counts as there.
 */
import type { Rule } from "../rule";
import { USER_GUIDE } from "../template-index";
import { isAbsent, propertySets } from "./values";

export const dynamodbStreamArn: Rule = {
  id: "E3905",
  severity: "error",
  shortDescription: "A table's StreamArn is read only when the table has a stream",
  description:
    "Fn::GetAtt StreamArn of an AWS::DynamoDB::Table needs the table's StreamSpecification: a table without one " +
    "has no stream.",
  source: `${USER_GUIDE}/aws-resource-dynamodb-table.html`,
  tags: ["resources", "dynamodb", "serverless"],
  check({ template, report }) {
    for (const ref of template.references) {
      if ((ref.kind !== "GetAtt" && ref.kind !== "Sub") || ref.attribute !== "StreamArn") continue;
      const table = template.resources.get(ref.target);
      if (table?.type !== "AWS::DynamoDB::Table" || !table.body) continue;
      if (!propertySets(table).every(({ properties }) => isAbsent(properties, "StreamSpecification")))
        continue;
      report(
        ref.range,
        `Table '${table.name}' has no StreamSpecification, so it has no stream and no StreamArn; add ` +
          "StreamSpecification with the StreamViewType the consumer needs (NEW_IMAGE, OLD_IMAGE, " +
          "NEW_AND_OLD_IMAGES or KEYS_ONLY)",
      );
    }
  },
};
