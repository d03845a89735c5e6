/**
 * CIDR blocks, for the properties the resource provider schemas mark `ipv4-network` or
 * `ipv6-network` (a security group rule's CidrIp, a VPC's or a subnet's CidrBlock, a route's
 * destination).
 *
 * A value that is not an address followed by a prefix length is rejected by the service. A block
 * with host bits set (192.168.1.0/0, 10.0.0.1/16) is a different matter: EC2 accepts it for a
 * security group rule and keeps the network it names, so 192.168.1.0/0 becomes 0.0.0.0/0 and opens
 * the rule to every address. cfn-lint reports it as an error (E3002); we report it as a warning
 * (W3031), with the network it becomes, because a template can deploy with it.
 *
 * A bare address (no `/`) counts as a whole block (/32, /128), as it does for cfn-lint, and
 * octets with leading zeros are not judged: neither is known to fail at deploy time.
 */

export type CidrVersion = 4 | 6;

/** What a CIDR text is: well formed, not a CIDR block at all, or a block with host bits set. */
export type CidrVerdict = { kind: "ok" } | { kind: "malformed" } | { kind: "hostBits"; network: string };

const OK: CidrVerdict = { kind: "ok" };
const MALFORMED: CidrVerdict = { kind: "malformed" };

export function checkCidr(text: string, version: CidrVersion): CidrVerdict {
  const parsed = parse(text, version);
  if (!parsed) return MALFORMED;
  const { value, prefix } = parsed;
  const hostMask = (1n << BigInt(bits(version) - prefix)) - 1n;
  if ((value & hostMask) === 0n) return OK;
  const network = value & ~hostMask;
  return {
    kind: "hostBits",
    network: `${version === 4 ? formatIpv4(network) : formatIpv6(network)}/${prefix}`,
  };
}

/** A CIDR block as numbers: its network address and prefix length. */
export interface CidrBlock {
  version: CidrVersion;
  network: bigint;
  prefix: number;
}

/**
 * A block of the IP version written as address/prefix with no host bits set; undefined for
 * anything else (W3031 and E3031 report those).
 */
export function cidrBlock(text: string, version: CidrVersion): CidrBlock | undefined {
  if (!text.includes("/")) return undefined;
  const parsed = parse(text, version);
  if (!parsed) return undefined;
  const hostMask = (1n << BigInt(bits(version) - parsed.prefix)) - 1n;
  return (parsed.value & hostMask) === 0n
    ? { version, network: parsed.value, prefix: parsed.prefix }
    : undefined;
}

/** Whether every address of `inner` is in `outer` (blocks of the same IP version only). */
export function cidrContains(outer: CidrBlock, inner: CidrBlock): boolean {
  if (outer.version !== inner.version || outer.prefix > inner.prefix) return false;
  const shift = BigInt(bits(outer.version) - outer.prefix);
  return outer.network >> shift === inner.network >> shift;
}

/** Whether two blocks share an address: for CIDR blocks, when one contains the other. */
export function cidrOverlaps(a: CidrBlock, b: CidrBlock): boolean {
  return cidrContains(a, b) || cidrContains(b, a);
}

const bits = (version: CidrVersion) => (version === 4 ? 32 : 128);

function parse(text: string, version: CidrVersion): { value: bigint; prefix: number } | undefined {
  const slash = text.indexOf("/");
  const address = slash < 0 ? text : text.slice(0, slash);
  let prefix = bits(version);
  if (slash >= 0) {
    const length = text.slice(slash + 1);
    if (!/^\d{1,3}$/.test(length) || Number(length) > prefix) return undefined;
    prefix = Number(length);
  }
  const value = version === 4 ? ipv4(address) : ipv6(address);
  return value === undefined ? undefined : { value, prefix };
}

/** Whether the text is an IP address of the version (dotted quad, or RFC 4291 text). */
export function isIpAddress(text: string, version: CidrVersion): boolean {
  return (version === 4 ? ipv4(text) : ipv6(text)) !== undefined;
}

function ipv4(text: string): bigint | undefined {
  const parts = text.split(".");
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return undefined;
    value = (value << 8n) | BigInt(part);
  }
  return value;
}

/** An IPv6 address (RFC 4291 text: `::` once at most, an IPv4 tail allowed) as a 128-bit number. */
function ipv6(text: string): bigint | undefined {
  const halves = text.split("::");
  if (halves.length > 2) return undefined;
  const groups = (half: string): number[] | undefined => {
    if (half === "") return [];
    const out: number[] = [];
    const parts = half.split(":");
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i];
      if (i === parts.length - 1 && part.includes(".")) {
        const tail = ipv4(part);
        if (tail === undefined) return undefined;
        out.push(Number(tail >> 16n), Number(tail & 0xffffn));
      } else if (/^[0-9a-fA-F]{1,4}$/.test(part)) out.push(Number.parseInt(part, 16));
      else return undefined;
    }
    return out;
  };
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  if (!head || !tail) return undefined;
  const missing = 8 - head.length - tail.length;
  // "::" stands for at least one group of zeros; without it there must be exactly eight groups.
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  let value = 0n;
  for (const group of [...head, ...new Array<number>(missing).fill(0), ...tail])
    value = (value << 16n) | BigInt(group);
  return value;
}

function formatIpv4(value: bigint): string {
  return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 0xffn)).join(".");
}

/** RFC 5952's form: lowercase, no leading zeros, the longest run of two or more zero groups as `::`. */
function formatIpv6(value: bigint): string {
  const groups = Array.from({ length: 8 }, (_, i) => Number((value >> BigInt(112 - 16 * i)) & 0xffffn));
  let best = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      best = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best < 0) return hex.join(":");
  return `${hex.slice(0, best).join(":")}::${hex.slice(best + bestLength).join(":")}`;
}
