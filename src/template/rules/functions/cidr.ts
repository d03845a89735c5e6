import type { Node } from "../../model";
import type { Report, Rule } from "../rule";
import { isString, USER_GUIDE } from "../template-index";
import { callsOf } from "./calls";
import { checkArity, checkSlot, integerValue, type Slot, slotContext } from "./slots";

const FUNCTIONS = [
  "Fn::FindInMap",
  "Fn::GetAtt",
  "Fn::If",
  "Fn::ImportValue",
  "Fn::Select",
  "Fn::Sub",
  "Ref",
];

const IP_BLOCK: Slot = { label: "the ipBlock of Fn::Cidr", literal: "string", functions: FUNCTIONS };
const COUNT: Slot = { label: "the count of Fn::Cidr", literal: "integer", functions: FUNCTIONS };
const CIDR_BITS: Slot = { label: "the cidrBits of Fn::Cidr", literal: "integer", functions: FUNCTIONS };

const IPV4_CIDR =
  /^((\d|[1-9]\d|1\d{2}|2[0-4]\d|25[0-5])\.){3}(\d|[1-9]\d|1\d{2}|2[0-4]\d|25[0-5])\/(\d|[1-2]\d|3[0-2])$/;
/** IPv6 blocks are usually computed (GetAtt of a VPC's Ipv6CidrBlocks); a literal one is checked loosely. */
const IPV6_CIDR = /^[0-9a-fA-F:]+:[0-9a-fA-F:]*\/(\d|[1-9]\d|1[01]\d|12[0-8])$/;

export const cidrRule: Rule = {
  id: "E1024",
  severity: "error",
  shortDescription: "Cidr validation of parameters",
  description:
    "Fn::Cidr takes [ipBlock, count, cidrBits]: a CIDR block, a count of subnets from 1 to 256 and a subnet mask size in bits.",
  source: `${USER_GUIDE}/intrinsic-function-reference-cidr.html`,
  tags: ["functions", "cidr"],
  check({ template, spec, report }) {
    for (const call of callsOf(template, "Fn::Cidr")) {
      const arg = call.arg;
      if (!checkArity("Fn::Cidr", arg, 2, 3, "[ipBlock, count, cidrBits]", call.node, report)) continue;
      const block = arg.items[0];
      const count = arg.items[1];
      const bits = arg.items[2];
      checkSlot(block, IP_BLOCK, report, slotContext(template, spec, call));
      checkSlot(count, COUNT, report, slotContext(template, spec, call));
      if (bits) checkSlot(bits, CIDR_BITS, report, slotContext(template, spec, call));
      if (isString(block) && !IPV4_CIDR.test(block.value) && !IPV6_CIDR.test(block.value)) {
        report(block, `'${block.value}' is not a CIDR block such as 10.0.0.0/16`);
      }
      checkRange(count, 1, 256, "The count of Fn::Cidr", report);
      if (bits) checkRange(bits, 1, 128, "The cidrBits of Fn::Cidr", report);
    }
  },
};

function checkRange(node: Node, min: number, max: number, what: string, report: Report): void {
  const value = integerValue(node);
  if (value !== undefined && (value < min || value > max)) {
    report(node, `${what} must be from ${min} to ${max}; got ${value}`);
  }
}
