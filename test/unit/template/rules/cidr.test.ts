/**
 * CIDR block properties (`ipv4-network`, `ipv6-network` in the resource provider schemas): E3031
 * for a value that is no CIDR block, W3031 for one with host bits set (cfn-lint: E3002 for both).
 */
import { describe, expect, it } from "vitest";
import {
  checkCidr,
  cidrBlock,
  cidrContains,
  cidrOverlaps,
} from "../../../../src/template/rules/constraints/cidr";
import { brief, lint, yaml } from "../lint";

describe("checkCidr", () => {
  it.each([
    ["10.0.0.0/8", 4],
    ["0.0.0.0/0", 4],
    ["192.168.1.7/32", 4],
    ["10.0.0.1", 4],
    ["::/0", 6],
    ["2001:db8::/32", 6],
    ["fe80::/10", 6],
    ["2001:DB8:0:0:0:0:0:0/64", 6],
    ["::ffff:10.0.0.0/104", 6],
    ["2001:db8::1", 6],
  ] as const)("takes %s as a network", (text, version) => {
    expect(checkCidr(text, version)).toEqual({ kind: "ok" });
  });

  it.each([
    ["10.0.0.0/33", 4],
    ["10.0.0.256/24", 4],
    ["10.0.0/24", 4],
    ["10.0.0.0/", 4],
    ["10.0.0.0/8 ", 4],
    ["10.0.0.0/-1", 4],
    ["any", 4],
    ["", 4],
    ["2001:db8::/129", 6],
    ["2001:db8:::/64", 6],
    ["2001:db8::1::/64", 6],
    ["1:2:3:4:5:6:7/64", 6],
    ["1:2:3:4:5:6:7:8:9/64", 6],
    ["1:2:3:4::5:6:7:8/64", 6],
    ["2001:db8::g/64", 6],
    ["10.0.0.0/8", 6],
  ] as const)("rejects %j", (text, version) => {
    expect(checkCidr(text, version)).toEqual({ kind: "malformed" });
  });

  it.each([
    ["192.168.1.0/0", 4, "0.0.0.0/0"],
    ["10.0.0.1/16", 4, "10.0.0.0/16"],
    ["172.31.255.255/12", 4, "172.16.0.0/12"],
    ["2001:0db8:0000:0000:0000:0000:0000:0001/64", 6, "2001:db8::/64"],
    ["1:0:0:2:0:0:0:3/96", 6, "1:0:0:2::/96"],
    ["1:2:3:4:5:6:7:8/112", 6, "1:2:3:4:5:6:7:0/112"],
    ["1:0:0:5:6:0:0:8/120", 6, "1:0:0:5:6::/120"],
    ["1:0:0:5:0:0:7:9/126", 6, "1::5:0:0:7:8/126"],
    ["::ffff:10.0.0.1/120", 6, "::ffff:a00:0/120"],
  ] as const)("names the network of %s, which has host bits set", (text, version, network) => {
    expect(checkCidr(text, version)).toEqual({ kind: "hostBits", network });
  });
});

const RULES = ["E3031", "W3031", "E3017", "W1030"];

describe("cidrBlock, cidrContains, cidrOverlaps", () => {
  const block = (text: string) => {
    const found = cidrBlock(text, text.includes(":") ? 6 : 4);
    if (!found) throw new Error(`${text} is no block`);
    return found;
  };

  it("reads only address/prefix blocks without host bits", () => {
    expect(cidrBlock("10.0.0.0/16", 4)).toEqual({ version: 4, network: 0x0a000000n, prefix: 16 });
    expect(cidrBlock("2001:db8::/32", 6)).toEqual({ version: 6, network: 0x20010db8n << 96n, prefix: 32 });
    for (const text of ["10.0.0.1/16", "10.0.0.0", "10.0.0.0/33", "not a block", "2001:db8::/32"])
      expect(cidrBlock(text, 4)).toBeUndefined();
    for (const text of ["2001:db8::1/32", "2001:db8::", "10.0.0.0/16"])
      expect(cidrBlock(text, 6)).toBeUndefined();
  });

  it.each([
    ["10.0.0.0/16", "10.0.255.0/24", true],
    ["10.0.0.0/16", "10.0.0.0/16", true],
    ["10.0.0.0/16", "10.1.0.0/24", false],
    ["10.0.0.0/24", "10.0.0.0/16", false],
    ["0.0.0.0/0", "192.168.0.0/24", true],
    ["2001:db8::/56", "2001:db8:0:ff::/64", true],
    ["2001:db8::/56", "2001:db8:0:100::/64", false],
    ["10.0.0.0/8", "::/0", false],
  ] as const)("%s contains %s: %s", (outer, inner, expected) => {
    expect(cidrContains(block(outer), block(inner))).toBe(expected);
  });

  it("finds an overlap whichever block is the larger", () => {
    expect(cidrOverlaps(block("10.0.1.0/24"), block("10.0.0.0/23"))).toBe(true);
    expect(cidrOverlaps(block("10.0.0.0/23"), block("10.0.1.0/24"))).toBe(true);
    expect(cidrOverlaps(block("10.0.2.0/24"), block("10.0.0.0/23"))).toBe(false);
  });
});

describe("CIDR block properties", () => {
  it("reports a block that is not one (E3031) and one with host bits set (W3031)", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  Open:",
        "    Type: AWS::EC2::SecurityGroupIngress",
        "    Properties:",
        "      GroupId: sg-12345678",
        "      IpProtocol: tcp",
        "      FromPort: 22",
        "      ToPort: 22",
        "      CidrIp: 192.168.1.0/0",
        "  V6:",
        "    Type: AWS::EC2::SecurityGroupEgress",
        "    Properties:",
        "      GroupId: sg-12345678",
        "      IpProtocol: '-1'",
        "      CidrIpv6: 2001:db8::1/64",
        "  Vpc:",
        "    Type: AWS::EC2::VPC",
        "    Properties:",
        "      CidrBlock: 10.0.0.0/33",
        "  Fine:",
        "    Type: AWS::EC2::VPC",
        "    Properties:",
        "      CidrBlock: 10.0.0.0/16",
        "  Intrinsic:",
        "    Type: AWS::EC2::VPC",
        "    Properties:",
        "      CidrBlock: !Select [0, [10.0.0.1/16]]",
      ),
      { only: RULES },
    );
    expect(brief(findings)).toEqual(["W3031 9:15", "W3031 15:17", "E3031 19:18"]);
    expect(findings.map((f) => [f.severity, f.message])).toEqual([
      [
        "warning",
        "'CidrIp' of AWS::EC2::SecurityGroupIngress has host bits set: the block is 0.0.0.0/0, every address. " +
          "Write the network, or the prefix length meant",
      ],
      [
        "warning",
        "'CidrIpv6' of AWS::EC2::SecurityGroupEgress has host bits set: the block is 2001:db8::/64. " +
          "Write the network, or the prefix length meant",
      ],
      ["error", "'CidrBlock' of AWS::EC2::VPC must be an IPv4 CIDR block, such as 10.0.0.0/16"],
    ]);
  });

  it("checks the rules of a security group, and a block that may be IPv4 or IPv6", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  Group:",
        "    Type: AWS::EC2::SecurityGroup",
        "    Properties:",
        "      GroupDescription: web",
        "      SecurityGroupIngress:",
        "        - { IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0 }",
        "        - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 10.1.2.3/8 }",
        "  List:",
        "    Type: AWS::EC2::PrefixList",
        "    Properties:",
        "      PrefixListName: office",
        "      AddressFamily: IPv4",
        "      MaxEntries: 5",
        "      Entries:",
        "        - Cidr: 10.1.2.3/8",
        "        - Cidr: 2001:db8::/32",
        "        - Cidr: office",
      ),
      { only: RULES },
    );
    // A value either family accepts with a warning is a warning, not a failed one-of (E3017).
    expect(brief(findings)).toEqual(["W3031 8:64", "W3031 16:17", "E3017 18:17"]);
    expect(findings.map((f) => f.message)).toEqual([
      "'SecurityGroupIngress[1].CidrIp' of AWS::EC2::SecurityGroup has host bits set: the block is 10.0.0.0/8. " +
        "Write the network, or the prefix length meant",
      "'Entries[0].Cidr' of AWS::EC2::PrefixList has host bits set: the block is 10.0.0.0/8. " +
        "Write the network, or the prefix length meant",
      "'Entries[2].Cidr' of AWS::EC2::PrefixList must meet one of: must be an IPv4 CIDR block, such as 10.0.0.0/16; " +
        "or must be an IPv6 CIDR block, such as 2001:db8::/56",
    ]);
  });

  it("warns of a parameter's Default with host bits set, and names no network of a NoEcho one", () => {
    const findings = lint(
      yaml(
        "Parameters:",
        "  Office:",
        "    Type: String",
        "    Default: 203.0.113.7/24",
        "  Hidden:",
        "    Type: String",
        "    NoEcho: true",
        "    Default: 198.51.100.9/24",
        "Resources:",
        "  Subnet:",
        "    Type: AWS::EC2::Subnet",
        "    Properties:",
        "      VpcId: vpc-12345678",
        "      CidrBlock: !Ref Office",
        "  Other:",
        "    Type: AWS::EC2::Subnet",
        "    Properties:",
        "      VpcId: vpc-12345678",
        "      CidrBlock: !Ref Hidden",
      ),
      { only: RULES },
    );
    expect(brief(findings)).toEqual(["W1030 4:14", "W1030 8:14"]);
    expect(findings.map((f) => f.message)).toEqual([
      "Default of parameter 'Office' is given to: 'CidrBlock' of AWS::EC2::Subnet has host bits set: the block is " +
        "203.0.113.0/24. Write the network, or the prefix length meant",
      "Default of parameter 'Hidden' is given to: 'CidrBlock' of AWS::EC2::Subnet has host bits set. " +
        "Write the network, or the prefix length meant",
    ]);
  });
});
