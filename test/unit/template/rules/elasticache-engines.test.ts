/**
 * E3695: ElastiCache engines and engine versions against cfn-lint's list of what ElastiCache
 * offers. cfn-lint 1.51 reports E3695 for the cache clusters' Engine redys and versions 5.0.4 and
 * 1.4.0 below, and also for what is left alone here: versions newer than its list or naming a
 * line (7.2.4, 6.x), and the Engine Redis (engine names are compared in lower case here, as RDS's
 * are); it does not read replication groups.
 */
import { describe, expect, it } from "vitest";
import { brief, lint, yaml } from "../lint";

const cluster = (name: string, ...properties: string[]) => [
  `  ${name}:`,
  "    Type: AWS::ElastiCache::CacheCluster",
  "    Properties:",
  "      CacheNodeType: cache.t3.micro",
  "      NumCacheNodes: 1",
  ...properties.map((line) => `      ${line}`),
];

const group = (name: string, ...properties: string[]) => [
  `  ${name}:`,
  "    Type: AWS::ElastiCache::ReplicationGroup",
  "    Properties:",
  "      ReplicationGroupDescription: cache",
  "      CacheNodeType: cache.t3.micro",
  ...properties.map((line) => `      ${line}`),
];

describe("E3695 ElastiCache engines and versions", () => {
  it("reports an engine ElastiCache does not offer, and versions older than every one it offers of their line", () => {
    const findings = lint(
      yaml(
        "Parameters:",
        "  Engine:",
        "    Type: String",
        "Conditions:",
        "  Old: !Equals [!Ref Engine, x]",
        "Resources:",
        ...cluster("Typo", "Engine: redys"), // 12
        ...cluster("OldPatch", "Engine: redis", "EngineVersion: 5.0.4"), // 19
        ...cluster("OldMemcached", "Engine: memcached", "EngineVersion: '1.4.0'"), // 26
        ...group("OldLine", "EngineVersion: 3.2.10"), // 32
        // Each version a Fn::If gives is judged, and said to be the branch's.
        ...group("Branches", "Engine: redis", "EngineVersion: !If [Old, 2.8.24, 7.1]"), // 39
        ...cluster("BranchEngine", "Engine: !If [Old, memcache, memcached]"), // 45
      ),
      { only: ["E3695"] },
    );
    expect(brief(findings)).toEqual([
      "E3695 12:15",
      "E3695 19:22",
      "E3695 26:22",
      "E3695 32:22",
      "E3695 39:32",
      "E3695 45:25",
    ]);
    expect(findings[0].message).toMatch(
      /^Engine 'redys' is not one ElastiCache offers: use memcached, redis, valkey/,
    );
    expect(findings[1].message).toMatch(
      /^EngineVersion 5\.0\.4 is older than every redis 5\.0 version ElastiCache offers \(the oldest is 5\.0\.6\)/,
    );
    expect(findings[2].message).toMatch(
      /older than every memcached 1\.4 version ElastiCache offers \(the oldest is 1\.4\.5\)/,
    );
    // A replication group without Engine is redis.
    expect(findings[3].message).toMatch(
      /^EngineVersion 3\.2\.10 is of redis 3\.2, older than every line ElastiCache offers \(the oldest is 4\.0\)/,
    );
    expect(findings[4].message).toMatch(
      /^Where condition Old is true, EngineVersion 2\.8\.24 is of redis 2\.8, older than every line ElastiCache offers/,
    );
    expect(findings[5].message).toMatch(/^Engine 'memcache' is not one/);
  });

  it("leaves alone what ElastiCache may take: the versions it offers, newer ones, lines, other cases and functions", () => {
    const findings = lint(
      yaml(
        "Parameters:",
        "  Version:",
        "    Type: String",
        "    Default: 2.8.24",
        "Resources:",
        ...cluster("Offered", "Engine: redis", "EngineVersion: 5.0.6"),
        ...cluster("Capital", "Engine: Redis", "EngineVersion: 4.0.10"),
        ...cluster("Newer", "Engine: redis", "EngineVersion: 7.2.4"),
        ...cluster("Line", "Engine: redis", "EngineVersion: 6.x"),
        ...cluster("Number", "Engine: redis", "EngineVersion: 7.0"),
        ...cluster("Valkey", "Engine: valkey", "EngineVersion: '8.0'"),
        ...cluster("Memcached", "Engine: memcached", "EngineVersion: 1.6.22"),
        ...cluster("Given", "Engine: redis", "EngineVersion: !Ref Version"),
        ...cluster("Unknown", "Engine: !Ref Version", "EngineVersion: 2.8.24"),
        ...group("Valkey2", "Engine: valkey", "EngineVersion: '7.2'"),
      ),
      { only: ["E3695"] },
    );
    expect(brief(findings)).toEqual([]);
  });
});
