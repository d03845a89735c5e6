export const id = 210;
export const ids = [210];
export const modules = {

/***/ 577:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Y: () => (/* binding */ checkTemplates),
  U: () => (/* binding */ ruleDescriptions)
});

// EXTERNAL MODULE: ./src/template/files.ts
var template_files = __webpack_require__(8461);
// EXTERNAL MODULE: ./src/template/parse-core.ts + 2 modules
var parse_core = __webpack_require__(4675);
;// CONCATENATED MODULE: ./src/template/rules/rule.ts
function rangeOf(at) {
    return "start" in at ? at : at.range;
}
function toFinding(rule, file, at, message, options) {
    return {
        ruleId: rule.id,
        severity: options?.severity ?? rule.severity,
        message,
        file,
        range: rangeOf(at),
        ...(options?.path ? { path: options.path } : {}),
    };
}

// EXTERNAL MODULE: ./src/template/nodes.ts
var template_nodes = __webpack_require__(9671);
;// CONCATENATED MODULE: ./src/template/suggest.ts
/**
 * "Did you mean" suggestions: the candidate closest to a misspelt name, by optimal string
 * alignment distance (Levenshtein plus adjacent transpositions, the commonest typo). Rules use it
 * for logical ids, keys and properties; the spec index uses it for resource type names.
 */
/**
 * Edit distance with insertions, deletions, substitutions and adjacent transpositions. With a
 * `bound`, gives up and returns `bound` as soon as the distance cannot come in under it, which
 * keeps a pass over many long candidates (the spec's resource type names) cheap.
 */
function editDistance(a, b, bound = Number.POSITIVE_INFINITY) {
    if (a === b)
        return 0;
    if (a.length === 0)
        return Math.min(b.length, bound);
    if (b.length === 0)
        return Math.min(a.length, bound);
    // Three rolling rows: a transposition looks two rows back.
    let before = new Uint32Array(b.length + 1);
    let previous = new Uint32Array(b.length + 1);
    let current = new Uint32Array(b.length + 1);
    for (let j = 0; j <= b.length; j++)
        previous[j] = j;
    for (let i = 1; i <= a.length; i++) {
        current[0] = i;
        let rowMin = i;
        const ca = a.charCodeAt(i - 1);
        for (let j = 1; j <= b.length; j++) {
            const cb = b.charCodeAt(j - 1);
            let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca === cb ? 0 : 1));
            if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb)
                value = Math.min(value, before[j - 2] + 1);
            current[j] = value;
            if (value < rowMin)
                rowMin = value;
        }
        // No cell of a later row is below this row's minimum (a transposition costs at least the
        // diagonal step it replaces), so neither is the result.
        if (rowMin >= bound)
            return bound;
        [before, previous, current] = [previous, current, before];
    }
    return Math.min(previous[b.length], bound);
}
/**
 * The candidate closest to `name`, or undefined when none is close enough to be a plausible typo.
 * A case-only difference always wins; otherwise the distance may be at most `maxDistance`, by
 * default a third of the name's length (at least 1), so short names do not "match" unrelated
 * short names. Among equally close candidates the first one wins.
 */
function closest(name, candidates, maxDistance = Math.max(1, Math.floor(name.length / 3))) {
    const lower = name.toLowerCase();
    let best;
    let bestDistance = maxDistance + 1;
    for (const candidate of candidates) {
        if (candidate === name)
            continue;
        const candidateLower = candidate.toLowerCase();
        if (candidateLower === lower)
            return candidate;
        // Lengths alone bound the distance from below: skip the table for hopeless candidates.
        if (Math.abs(candidate.length - name.length) >= bestDistance)
            continue;
        const distance = editDistance(lower, candidateLower, bestDistance);
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best;
}
/** ` (did you mean 'X'?)` for a suggestion, or the empty string for none, to append to a message. */
function didYouMeanNote(suggestion) {
    return suggestion === undefined ? "" : ` (did you mean '${suggestion}'?)`;
}
/** ` (did you mean 'X'?)` naming the candidate closest to `name`, or the empty string. */
function didYouMean(name, candidates) {
    return didYouMeanNote(closest(name, candidates));
}

// EXTERNAL MODULE: ./src/template/rules/resources/shared.ts
var shared = __webpack_require__(9267);
// EXTERNAL MODULE: ./src/template/rules/template-index.ts
var template_index = __webpack_require__(1331);
;// CONCATENATED MODULE: ./src/template/rules/constraints/formats.ts
const ARN = "^arn:aws[a-zA-Z-]*:";
const NAMED_FORMATS = {
    "AWS::ACM::Certificate.Arn": {
        what: "an ACM certificate ARN",
        pattern: new RegExp(`${ARN}acm:[a-z0-9-]+:\\d{12}:certificate/.+$`),
    },
    "AWS::IAM::Role.Arn": { what: "an IAM role ARN", pattern: new RegExp(`${ARN}iam::\\d{12}:role/.+$`) },
    "AWS::EC2::Image.Id": { what: "an AMI id", pattern: /^ami-([0-9a-z]{8}|[0-9a-z]{17})$/ },
    "AWS::KMS::Alias.AliasName": { what: "a KMS alias name", pattern: /^alias\/[a-zA-Z0-9:/_-]+$/ },
    "AWS::KMS::Key.Arn": {
        what: "a KMS key or alias ARN",
        pattern: new RegExp(`${ARN}kms:[a-z0-9-]+:\\d{12}:(key|alias)/.+$`),
    },
    "AWS::KMS::Key.Id": {
        what: "a KMS key id",
        pattern: /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32}|alias\/[a-zA-Z0-9/_-]+)$/,
    },
    "AWS::Lambda::Function.Arn": {
        what: "a Lambda function ARN",
        pattern: new RegExp(`${ARN}lambda:[a-z0-9-]+:\\d{12}:function:.+(:.+)?$`),
    },
    "AWS::Lambda::Function.Name": { what: "a Lambda function name", pattern: /^[a-zA-Z0-9_-]{1,140}$/ },
    "AWS::S3::Bucket.Name": {
        what: "an S3 bucket name",
        pattern: /^(?![.-])(?!.*\.\.)(?!.*-\.)(?!.*\.-)[a-z0-9.-]{3,63}(?<![.-])$/,
    },
    "AWS::EC2::SecurityGroup.Id": {
        what: "a security group id",
        pattern: /^sg-([a-fA-F0-9]{8}|[a-fA-F0-9]{17})$/,
    },
    "AWS::EC2::SecurityGroup.Name": {
        what: "a security group name",
        pattern: /^[a-zA-Z0-9 ._\-:/()#,@[\]+=&;{}!$*]+$/,
    },
    "AWS::SNS::Topic.Arn": {
        what: "an SNS topic ARN",
        pattern: new RegExp(`${ARN}sns:[a-z0-9-]+:\\d{12}:.+$`),
    },
    "AWS::EC2::Subnet.Id": { what: "a subnet id", pattern: /^subnet-(([0-9A-Fa-f]{8})|([0-9A-Fa-f]{17}))$/ },
    "AWS::EC2::VPC.Id": { what: "a VPC id", pattern: /^vpc-(([0-9A-Fa-f]{8})|([0-9A-Fa-f]{17}))$/ },
};

;// CONCATENATED MODULE: ./src/template/rules/constraints/walk.ts





const cache = new WeakMap();
/** Every constraint problem of the template, computed once and shared by the constraint rules. */
function constraintProblems(template, spec) {
    let problems = cache.get(template);
    if (!problems) {
        problems = collect(template, spec);
        cache.set(template, problems);
    }
    return problems;
}
function collect(template, spec) {
    const out = [];
    const judged = new WeakMap();
    for (const resource of (0,shared/* realResources */.W9)(template)) {
        const type = resource.type;
        if (!type || (0,shared/* isCustomType */.c8)(type) || (0,shared/* isModuleType */.Hf)(type))
            continue;
        if (type.startsWith("AWS::Serverless::") && !template.sam)
            continue;
        const constraints = spec.constraints(type);
        if (!constraints)
            continue;
        const walker = new Walker(template, constraints, type, out, judged);
        const path = ["Resources", resource.name, "Properties"];
        const properties = resource.properties;
        if (properties)
            walker.value(properties.value, constraints.r, path, properties.keyRange);
        // Without Properties only the required properties and groups can be missing.
        else
            walker.object(undefined, constraints.r, path, resource.entry.keyRange);
    }
    if (template.sam) {
        const globals = template.sections.get("Globals")?.map;
        for (const entry of globals?.entries ?? []) {
            const type = shared/* SAM_GLOBALS */.X8[entry.key];
            const constraints = type ? spec.constraints(type) : undefined;
            if (!constraints || entry.value.kind !== "map")
                continue;
            // Globals are partial: what is required is judged on each resource.
            const { pr } = constraints.r;
            new Walker(template, constraints, `Globals.${entry.key}`, out, judged).value(entry.value, pr ? { pr } : {}, ["Globals", entry.key], entry.keyRange);
        }
    }
    return out;
}
const patterns = new Map();
/** A schema pattern compiled on first use; null when this engine cannot compile it. */
function compiled(source, unicode, flags) {
    const key = `${unicode ? "u" : "-"}${flags}/${source}`;
    let regex = patterns.get(key);
    if (regex === undefined) {
        try {
            regex = new RegExp(source, `${unicode ? "u" : ""}${flags}`);
        }
        catch {
            regex = null;
        }
        patterns.set(key, regex);
    }
    return regex;
}
class Walker {
    template;
    constraints;
    owner;
    out;
    judged;
    constructor(template, constraints, 
    /** The resource type, or `Globals.<Section>`. */
    owner, out, judged) {
        this.template = template;
        this.constraints = constraints;
        this.owner = owner;
        this.out = out;
        this.judged = judged;
    }
    /** How many Fn::If the walk is inside: parameter values are judged outside conditions only. */
    conditional = 0;
    /** The node and every node it brings along ($ definitions, allOf members). */
    expand(node, into = [], depth = 0) {
        if (depth > 16)
            return into;
        into.push(node);
        if (node.$) {
            const definition = this.constraints.d[node.$];
            if (definition)
                this.expand(definition, into, depth + 1);
        }
        for (const member of node.al ?? [])
            this.expand(member, into, depth + 1);
        return into;
    }
    value(node, schema, path, keyRange) {
        const fn = (0,template_index/* intrinsicName */.FF)(node);
        if (fn) {
            const arg = node.entries[0].value;
            if (fn === "Ref" && (0,template_index/* isString */.Kg)(arg) && this.conditional === 0)
                this.parameter(arg.value, schema, path);
            if (fn !== "Fn::If")
                return;
            if (arg.kind !== "seq")
                return;
            // A condition often guards against the very default a branch would get ("" meaning none).
            this.conditional++;
            for (const branch of arg.items.slice(1, 3)) {
                if (!(0,template_index/* isNoValue */.RL)(branch))
                    this.value(branch, schema, path, keyRange);
            }
            this.conditional--;
            return;
        }
        const nodes = this.expand(schema);
        switch (node.kind) {
            case "scalar":
                if (node.value === null)
                    return;
                for (const s of nodes)
                    this.scalar(node, s, path);
                return;
            case "seq":
                for (const s of nodes) {
                    this.array(node, s, path);
                    if (s.it) {
                        const items = s.it;
                        node.items.forEach((item, i) => {
                            this.value(item, items, [...path, i], item.range);
                        });
                    }
                }
                return;
            case "map":
                for (const s of nodes) {
                    this.object(node, s, path, keyRange);
                    if (!s.pr)
                        continue;
                    for (const entry of node.entries) {
                        const child = s.pr[entry.key];
                        if (child && Object.hasOwn(s.pr, entry.key))
                            this.value(entry.value, child, [...path, entry.key], entry.keyRange);
                    }
                }
                return;
        }
    }
    /**
     * A Ref to a String or Number parameter: its Default and AllowedValues are the values the
     * property may get, so each is checked (as a warning: the deployer may pass another value).
     */
    parameter(name, schema, path) {
        const parameter = this.template.parameters.get(name)?.value;
        const type = (0,template_nodes/* mapGet */.Z)(parameter, "Type")?.value;
        if (!(0,template_index/* isString */.Kg)(type) || (type.value !== "String" && type.value !== "Number"))
            return;
        // The same findings again (same values, same messages) would only be dropped as duplicates.
        let judged = this.judged.get(schema);
        if (!judged) {
            judged = new Set();
            this.judged.set(schema, judged);
        }
        const key = `${name}\u0000${this.name(path)}`;
        if (judged.has(key))
            return;
        judged.add(key);
        const candidates = [];
        const fallback = (0,template_nodes/* mapGet */.Z)(parameter, "Default")?.value;
        if (fallback?.kind === "scalar")
            candidates.push([fallback, "Default"]);
        const allowed = (0,template_nodes/* mapGet */.Z)(parameter, "AllowedValues")?.value;
        if (allowed?.kind === "seq") {
            allowed.items.forEach((item, i) => {
                if (item.kind === "scalar")
                    candidates.push([item, `AllowedValues[${i}]`]);
            });
        }
        const nodes = this.expand(schema);
        const saved = this.out;
        for (const [candidate, which] of candidates) {
            const trial = [];
            this.out = trial;
            for (const s of nodes)
                this.scalar(candidate, s, path);
            this.out = saved;
            for (const problem of trial) {
                if (problem.kind === "anyOfValue" && trial.length > 1)
                    continue;
                this.problem("parameter", candidate, `${which} of parameter '${name}' does not fit: ${problem.message}`, path);
            }
        }
    }
    scalar(node, s, path) {
        const value = node.value;
        // A dynamic reference ({{resolve:ssm:...}}) is replaced by its value at deploy time.
        if (typeof value === "string" && value.includes("{{resolve:"))
            return;
        if (s.av)
            this.anyOfValues(node, s.av, path);
        if (s.e)
            this.enumeration(node, s, path);
        if (typeof value === "string")
            this.text(node, value, s, path);
        if (s.mn !== undefined || s.mx !== undefined || s.xn !== undefined || s.xx !== undefined) {
            const n = typeof value === "number" ? value : typeof value === "string" ? Number(value.trim()) : Number.NaN;
            if (!Number.isFinite(n) || (typeof value === "string" && value.trim() === ""))
                return;
            let bound;
            if (s.mn !== undefined && n < s.mn)
                bound = `at least ${s.mn}`;
            else if (s.xn !== undefined && n <= s.xn)
                bound = `more than ${s.xn}`;
            else if (s.mx !== undefined && n > s.mx)
                bound = `at most ${s.mx}`;
            else if (s.xx !== undefined && n >= s.xx)
                bound = `less than ${s.xx}`;
            if (bound)
                this.problem("range", node, `${this.name(path)} must be ${bound}`, path);
        }
    }
    /** anyOf over scalar constraints: reported only when every alternative rejects the value. */
    anyOfValues(node, alternatives, path) {
        const saved = this.out;
        const reasons = [];
        for (const alternative of alternatives) {
            const trial = [];
            this.out = trial;
            this.scalar(node, alternative, path);
            this.out = saved;
            if (trial.length === 0)
                return;
            reasons.push(trial[0].message.slice(this.name(path).length + 1));
        }
        this.problem("anyOfValue", node, `${this.name(path)} must meet one of: ${reasons.join("; or ")}`, path);
    }
    enumeration(node, s, path) {
        const { allowed, folded } = enumerated(s);
        const value = String(node.value);
        if (folded.has(s.ci ? value.toLowerCase() : value))
            return;
        const listed = allowed.length <= 12
            ? allowed.join(", ")
            : `${allowed.slice(0, 12).join(", ")} (and ${allowed.length - 12} more)`;
        this.problem("enum", node, `${this.name(path)} must be one of ${listed}${typeof node.value === "string" ? didYouMean(value, allowed) : ""}`, path);
    }
    text(node, value, s, path) {
        if (s.ln !== undefined || s.lx !== undefined) {
            // The schemas count characters (code points), not UTF-16 units.
            const length = /[\uD800-\uDFFF]/.test(value) ? [...value].length : value.length;
            if (s.ln !== undefined && length < s.ln)
                this.problem("length", node, `${this.name(path)} must be at least ${s.ln} characters long`, path);
            else if (s.lx !== undefined && length > s.lx)
                this.problem("length", node, `${this.name(path)} must be at most ${s.lx} characters long, not ${length}`, path);
        }
        const source = s.p ?? s.P;
        // Without the u flag, \w and \d are ASCII-only where the schemas' engine is not.
        if (source !== undefined && !(s.p === undefined && /[\u0080-\uffff]/.test(value))) {
            const regex = compiled(source, s.p !== undefined, s.f ?? "");
            if (regex && !matches(regex, value)) {
                this.problem("pattern", node, `${this.name(path)} must match the pattern ${source}`, path);
                return;
            }
        }
        const format = s.fm ? NAMED_FORMATS[s.fm] : undefined;
        if (format &&
            !matches(format.pattern, value) &&
            !(s.fm === "AWS::EC2::Image.Id" && value.startsWith("resolve:ssm")))
            this.problem("pattern", node, `${this.name(path)} must be ${format.what}`, path);
    }
    array(list, s, path) {
        const items = list.items;
        if (s.in !== undefined || s.ix !== undefined) {
            let certain = 0;
            let possible = 0;
            for (const item of items) {
                if ((0,template_index/* isNoValue */.RL)(item))
                    continue;
                possible++;
                if (!mayBeNoValue(item))
                    certain++;
            }
            const at = list;
            if (s.in !== undefined && possible < s.in)
                this.problem("items", at, `${this.name(path)} must have at least ${s.in} item${s.in === 1 ? "" : "s"}`, path);
            else if (s.ix !== undefined && certain > s.ix)
                this.problem("items", at, `${this.name(path)} must have at most ${s.ix} item${s.ix === 1 ? "" : "s"}, not ${certain}`, path);
        }
        if (s.u) {
            const seen = new Map();
            items.forEach((item, i) => {
                if ((0,template_index/* isNoValue */.RL)(item) || mayBeNoValue(item))
                    return;
                const key = canonical(item);
                const first = seen.get(key);
                if (first === undefined)
                    seen.set(key, i);
                else
                    this.problem("unique", item, `${this.name([...path, i])} repeats item ${first}: the items of ${(0,shared/* displayPath */.Gt)(relative(path))} must be unique`, [...path, i]);
            });
        }
    }
    object(node, s, path, keyRange) {
        const entries = node?.entries ?? [];
        // Fn::ForEach and Fn::Transform (AWS::Include) add properties the template does not show.
        if (entries.some((entry) => (0,template_index/* isForEachKey */.oJ)(entry.key) || entry.key === "Fn::Transform"))
            return;
        const presence = (name) => {
            for (const entry of entries) {
                if (entry.key !== name)
                    continue;
                if ((0,template_index/* isNoValue */.RL)(entry.value))
                    return "no";
                return mayBeNoValue(entry.value) ? "maybe" : "yes";
            }
            return "no";
        };
        const keyOf = (name) => entries.find((entry) => entry.key === name)?.keyRange ?? keyRange;
        // Named only in a message: most objects have none.
        const where = () => this.where(path);
        for (const name of s.r ?? []) {
            if (!entries.some((entry) => entry.key === name))
                this.problem("required", keyRange, `Missing required property '${name}' ${where()}`, [...path, name]);
        }
        if (s.a)
            this.anyOf(s.a, presence, path, keyRange);
        if (s.o)
            this.oneOf(s.o, presence, path, keyRange);
        if (s.x) {
            const present = s.x.filter((name) => presence(name) === "yes");
            const possible = s.x.filter((name) => presence(name) !== "no");
            if (possible.length === 0)
                this.problem("requiredXor", keyRange, `Exactly one of ${names(s.x)} is required ${where()}`, path);
            else if (present.length > 1)
                this.problem("requiredXor", keyOf(present[1]), `Only one of ${names(s.x)} may be set ${where()}, not ${names(present, "and")}`, [...path, present[1]]);
        }
        if (s.ro?.every((name) => presence(name) === "no"))
            this.problem("requiredOr", keyRange, `At least one of ${names(s.ro)} is required ${where()}`, path);
        for (const [name, needed] of Object.entries(s.dr ?? {})) {
            if (presence(name) !== "yes")
                continue;
            const missing = needed.filter((other) => presence(other) === "no");
            if (missing.length > 0)
                this.problem("dependentRequired", keyOf(name), `'${name}' requires ${names(missing, "and")} ${where()}`, [...path, name]);
        }
        for (const [name, excluded] of Object.entries(s.dx ?? {})) {
            if (presence(name) !== "yes")
                continue;
            for (const other of excluded) {
                if (presence(other) === "yes")
                    this.problem("dependentExcluded", keyOf(other), `'${other}' cannot be set together with '${name}' ${where()}`, [...path, other]);
            }
        }
    }
    anyOf(alternatives, presence, path, at) {
        if (alternatives.some((alt) => evaluate(alt, presence) !== "false"))
            return;
        // An alternative whose required properties are all there fails only on properties it does not
        // allow; that is a different problem than a missing group, and reported elsewhere if at all.
        if (alternatives.some((alt) => requiredMet(alt, presence)))
            return;
        const described = describeAlternatives(alternatives);
        if (!described)
            return;
        this.problem("requiredGroup", at, `At least one of ${described} is required ${this.where(path)}`, path);
    }
    oneOf(alternatives, presence, path, at) {
        const met = alternatives.filter((alt) => alt.r?.every((name) => presence(name) === "yes"));
        const described = describeAlternatives(alternatives);
        if (met.length > 1) {
            this.problem("oneOf", at, `Only one of ${described ?? "the alternatives"} may be set ${this.where(path)}, not ${listOf(met.map(altText), "and")}`, path);
            return;
        }
        if (met.length > 0 || !described)
            return;
        if (alternatives.every((alt) => evaluate(alt, presence) === "false"))
            this.problem("requiredGroup", at, `Exactly one of ${described} is required ${this.where(path)}`, path);
    }
    name(path) {
        const inner = relative(path);
        return path[0] === "Resources"
            ? `'${(0,shared/* displayPath */.Gt)(inner)}' of ${this.owner}`
            : `'${(0,shared/* displayPath */.Gt)(inner)}' in ${this.owner}`;
    }
    where(path) {
        const inner = relative(path);
        if (inner.length > 0)
            return `in ${(0,shared/* displayPath */.Gt)(inner)} (${this.owner})`;
        return path[0] === "Globals" ? `in ${this.owner}` : `for ${this.owner}`;
    }
    problem(kind, at, message, path) {
        this.out.push({ kind, at, message, path });
    }
}
const enumerations = new WeakMap();
/** A node's enum, prepared on first use: the spec index keeps each node for the whole run. */
function enumerated(s) {
    let enumeration = enumerations.get(s);
    if (!enumeration) {
        const allowed = (s.e ?? []).filter((v) => v !== null).map(String);
        enumeration = { allowed, folded: new Set(s.ci ? allowed.map((v) => v.toLowerCase()) : allowed) };
        enumerations.set(s, enumeration);
    }
    return enumeration;
}
/** The part of a path below `Properties` (or below `Globals.<Section>`). */
function relative(path) {
    return path[0] === "Resources" ? path.slice(3) : path.slice(2);
}
/** The schemas' `$` also matches before a final newline, which YAML block scalars end with. */
function matches(regex, value) {
    return regex.test(value) || (value.endsWith("\n") && regex.test(value.slice(0, -1)));
}
/** A Fn::If with an AWS::NoValue branch (at any depth of nested Fn::If). */
function mayBeNoValue(node) {
    if ((0,template_index/* intrinsicName */.FF)(node) !== "Fn::If")
        return false;
    const arg = node.entries[0].value;
    if (arg.kind !== "seq")
        return true;
    return arg.items.slice(1, 3).some((branch) => (0,template_index/* isNoValue */.RL)(branch) || mayBeNoValue(branch));
}
/** A comparison key for uniqueness: scalars as CloudFormation's strings, mappings in key order. */
function canonical(node) {
    if (node.kind === "scalar")
        return JSON.stringify(node.value === null ? null : String(node.value));
    if (node.kind === "seq")
        return `[${node.items.map(canonical).join(",")}]`;
    const entries = [...node.entries].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return `{${entries.map((entry) => `${JSON.stringify(entry.key)}:${canonical(entry.value)}`).join(",")}}`;
}
function evaluate(alt, presence) {
    const parts = [];
    for (const name of alt.r ?? []) {
        const p = presence(name);
        parts.push(p === "yes" ? "true" : p === "no" ? "false" : "unknown");
    }
    if (alt.a)
        parts.push(or(alt.a.map((a) => evaluate(a, presence))));
    if (alt.o)
        parts.push(exactlyOne(alt.o.map((a) => evaluate(a, presence))));
    if (alt.l)
        parts.push(and(alt.l.map((a) => evaluate(a, presence))));
    return and(parts);
}
function requiredMet(alt, presence) {
    return (alt.r ?? []).length > 0 && (alt.r ?? []).every((name) => presence(name) === "yes");
}
function and(values) {
    if (values.includes("false"))
        return "false";
    return values.includes("unknown") ? "unknown" : "true";
}
function or(values) {
    if (values.includes("true"))
        return "true";
    return values.includes("unknown") ? "unknown" : "false";
}
function exactlyOne(values) {
    const yes = values.filter((v) => v === "true").length;
    const maybe = values.filter((v) => v === "unknown").length;
    if (yes > 1 || yes + maybe === 0)
        return "false";
    return yes === 1 && maybe === 0 ? "true" : "unknown";
}
/** "'A', 'B' or 'C and D'" when every alternative is a plain set of required names. */
function describeAlternatives(alternatives) {
    if (!alternatives.every((alt) => alt.r && !alt.a && !alt.o && !alt.l))
        return undefined;
    return listOf(alternatives.map(altText), "or");
}
/** "'A' with 'B'", for listOf, which quotes the ends. */
function altText(alt) {
    return (alt.r ?? []).join("' with '");
}
function names(list, conjunction = "or") {
    return listOf(list, conjunction);
}
function listOf(items, conjunction) {
    const quoted = items.map((item) => `'${item}'`);
    if (quoted.length <= 1)
        return quoted.join("");
    return `${quoted.slice(0, -1).join(", ")} ${conjunction} ${quoted[quoted.length - 1]}`;
}

;// CONCATENATED MODULE: ./src/template/rules/constraints/rule.ts
/** The shape every constraint rule shares: report the problems of one kind from the shared walk. */


/** The resource provider schema keywords these rules check are described here. */
const SCHEMA_GUIDE = "https://docs.aws.amazon.com/cloudformation-cli/latest/userguide/resource-type-schema.html";
function constraintRule(kind, rule) {
    return {
        severity: "error",
        source: SCHEMA_GUIDE,
        ...rule,
        check({ template, spec, report }) {
            // One parameter value may be referred to from several places with the same outcome.
            const seen = new Set();
            for (const problem of constraintProblems(template, spec)) {
                if (problem.kind !== kind)
                    continue;
                const range = rangeOf(problem.at);
                const key = `${range.start.line}:${range.start.column} ${problem.message}`;
                if (seen.has(key))
                    continue;
                seen.add(key);
                report(problem.at, problem.message, { path: problem.path });
            }
        },
    };
}

;// CONCATENATED MODULE: ./src/template/rules/constraints/allowed-values.ts

const allowedValues = constraintRule("enum", {
    id: "E3030",
    shortDescription: "Property values are among the allowed values",
    description: "A property whose resource provider schema lists its values (enum) must take one of them, such as a Lambda " +
        "Architectures item of x86_64 or arm64. Values given by intrinsic functions are not judged.",
    tags: ["resources", "properties", "allowed values"],
});

;// CONCATENATED MODULE: ./src/template/rules/constraints/any-of.ts

const anyOfValues = constraintRule("anyOfValue", {
    id: "E3017",
    shortDescription: "Values meet at least one of the property's alternatives",
    description: "Where the resource provider schema offers alternative forms for a value (anyOf), such as a list of names or " +
        "a pattern, the value must meet at least one of them.",
    tags: ["resources", "properties", "anyOf"],
});

;// CONCATENATED MODULE: ./src/template/rules/constraints/array-length.ts

const arrayLength = constraintRule("items", {
    id: "E3032",
    shortDescription: "Lists have the number of items the property allows",
    description: "A list property must have between minItems and maxItems items, as the resource provider schema says. An " +
        "item that a condition may turn into AWS::NoValue counts toward the minimum but not the maximum.",
    tags: ["resources", "properties", "list", "length"],
});

;// CONCATENATED MODULE: ./src/template/rules/constraints/dependent-excluded.ts

const dependentExcluded = constraintRule("dependentExcluded", {
    id: "E3020",
    shortDescription: "Properties that exclude others are not set with them",
    description: "When a property is set, the resource provider schema may forbid others beside it (dependentExcluded).",
    tags: ["resources", "properties", "dependencies"],
});

;// CONCATENATED MODULE: ./src/template/rules/constraints/dependent-required.ts

const dependentRequired = constraintRule("dependentRequired", {
    id: "E3021",
    shortDescription: "Properties that need others have them",
    description: "When a property is set, the resource provider schema may require others with it (dependentRequired), such " +
        "as a security group's SecurityGroupEgress, which needs VpcId.",
    tags: ["resources", "properties", "dependencies"],
});

;// CONCATENATED MODULE: ./src/template/rules/constraints/number-range.ts

const numberRange = constraintRule("range", {
    id: "E3034",
    shortDescription: "Numbers are within the property's range",
    description: "Numeric property values must lie within the minimum and maximum of the resource provider schema, such as a " +
        "Lambda MemorySize of 128 to 32768 MB or an SQS MessageRetentionPeriod of at most 14 days.",
    tags: ["resources", "properties", "number", "range"],
});

;// CONCATENATED MODULE: ./src/template/rules/constraints/one-of.ts

const oneOfProperties = constraintRule("oneOf", {
    id: "E3018",
    shortDescription: "Only one of mutually exclusive properties is set",
    description: "Where the resource provider schema allows exactly one of a set of properties (oneOf), no more than one may " +
        "be set. A missing one is reported by E3003.",
    tags: ["resources", "properties", "oneOf"],
});

;// CONCATENATED MODULE: ./src/template/rules/constraints/parameter-values.ts

const parameterValues = constraintRule("parameter", {
    id: "W1030",
    severity: "warning",
    shortDescription: "Parameter defaults and allowed values fit the properties that refer to them",
    description: "A String or Number parameter referred to by a property gives that property its Default or one of its " +
        "AllowedValues unless the deployer passes another value, so each is checked against the property's " +
        "constraints (E3030 to E3034). A warning, as a deployment may override the default.",
    tags: ["parameters", "resources", "properties"],
});

;// CONCATENATED MODULE: ./src/template/rules/constraints/pattern.ts

const pattern = constraintRule("pattern", {
    id: "E3031",
    shortDescription: "Strings match the property's pattern",
    description: "String property values must match the regular expression the resource provider schema gives. Patterns that " +
        "JavaScript cannot express the same way are not checked (npm run spec lists them).",
    tags: ["resources", "properties", "pattern"],
});

;// CONCATENATED MODULE: ./src/template/rules/constraints/required-or.ts

const requiredOr = constraintRule("requiredOr", {
    id: "E3058",
    shortDescription: "At least one of a set of properties is set",
    description: "Some resources need at least one property of a set (cfn-lint's requiredOr), such as an EventBridge rule's " +
        "EventPattern or ScheduleExpression.",
    tags: ["resources", "properties", "required"],
});

;// CONCATENATED MODULE: ./src/template/rules/constraints/required-xor.ts

const requiredXor = constraintRule("requiredXor", {
    id: "E3014",
    shortDescription: "Exactly one of a set of properties is set",
    description: "Some resources need exactly one property of a set (cfn-lint's requiredXor), such as one of CidrIp, CidrIpv6, " +
        "DestinationPrefixListId or DestinationSecurityGroupId on a security group egress rule.",
    tags: ["resources", "properties", "required"],
});

;// CONCATENATED MODULE: ./src/template/rules/constraints/string-length.ts

const stringLength = constraintRule("length", {
    id: "E3033",
    shortDescription: "Strings are within the property's length limits",
    description: "String property values must be as long as the resource provider schema's minLength and maxLength allow, " +
        "counted in characters, such as a log group name of at most 512 characters.",
    tags: ["resources", "properties", "string", "length"],
});

;// CONCATENATED MODULE: ./src/template/rules/constraints/unique-items.ts

const uniqueItems = constraintRule("unique", {
    id: "E3037",
    shortDescription: "Lists that must not repeat an item do not",
    description: "Where the resource provider schema sets uniqueItems, each item of the list must differ from the others " +
        "(scalars compare as the strings CloudFormation sees).",
    tags: ["resources", "properties", "list", "unique"],
});

;// CONCATENATED MODULE: ./src/template/rules/constraints/index.ts













const constraintRules = [
    requiredXor,
    anyOfValues,
    oneOfProperties,
    dependentExcluded,
    dependentRequired,
    allowedValues,
    pattern,
    arrayLength,
    stringLength,
    numberRange,
    uniqueItems,
    requiredOr,
    parameterValues,
];

;// CONCATENATED MODULE: ./src/template/rules/functions/calls.ts

const LANGUAGE_EXTENSIONS = "AWS::LanguageExtensions";
/** Functions that only the `Rules` section knows. */
const OTHER_FUNCTIONS = [
    "Fn::Contains",
    "Fn::EachMemberEquals",
    "Fn::EachMemberIn",
    "Fn::RefAll",
    "Fn::ValueOf",
    "Fn::ValueOfAll",
];
const KNOWN_FUNCTIONS = new Set([...template_index/* INTRINSIC_FUNCTIONS */.gQ, ...OTHER_FUNCTIONS]);
/**
 * The function a node is: a one-entry mapping whose key is a known function, or any key that
 * starts with `Fn::` (unknown ones are reported by the rule of the call around them).
 */
function functionName(node) {
    if (node?.kind !== "map" || node.entries.length !== 1)
        return undefined;
    const key = node.entries[0].key;
    if (KNOWN_FUNCTIONS.has(key))
        return key;
    if (key.startsWith("Fn::") && !(0,template_index/* isForEachKey */.oJ)(key))
        return key;
    return undefined;
}
function usesLanguageExtensions(template) {
    return template.transforms.includes(LANGUAGE_EXTENSIONS);
}
/** Resource attributes whose values CloudFormation never resolves functions in. */
const RESOURCE_LITERAL_KEYS = new Set([
    "Type",
    "DependsOn",
    "Condition",
    "DeletionPolicy",
    "UpdateReplacePolicy",
]);
/** Sections whose functions CloudFormation (or SAM, for Globals) resolves. */
const RESOLVED_SECTIONS = new Set(["Resources", "Outputs", "Conditions", "Rules", "Globals"]);
const calls_cache = new WeakMap();
function functionCalls(template) {
    const cached = calls_cache.get(template);
    if (cached)
        return cached;
    const calls = [];
    calls_cache.set(template, calls);
    const visit = (node, parent, loops, from) => {
        if (node.kind === "seq") {
            for (const item of node.items)
                visit(item, parent, loops, from);
            return;
        }
        if (node.kind !== "map")
            return;
        const name = functionName(node);
        if (name) {
            const call = {
                name,
                node,
                arg: node.entries[0].value,
                parent,
                loopVariables: loops,
                from,
            };
            calls.push(call);
            visit(call.arg, call, loops, from);
            return;
        }
        for (const entry of node.entries)
            visitEntry(entry, parent, loops, from);
    };
    const visitEntry = (entry, parent, loops, from) => {
        const loop = forEachParts(entry);
        if (!loop) {
            visit(entry.value, parent, loops, from);
            return;
        }
        visit(loop.collection, parent, loops, from);
        const inner = loop.identifier ? [...loops, loop.identifier] : loops;
        visit(loop.body, parent, inner, from);
    };
    for (const [sectionName, section] of template.sections) {
        if (!section.map || !RESOLVED_SECTIONS.has(sectionName))
            continue;
        if (sectionName === "Globals" && !template.sam)
            continue;
        for (const item of section.map.entries) {
            const from = [sectionName, item.key];
            if (sectionName === "Resources" && item.value.kind === "map") {
                for (const entry of item.value.entries) {
                    if (!RESOURCE_LITERAL_KEYS.has(entry.key))
                        visitEntry(entry, undefined, [], from);
                }
            }
            else {
                visitEntry(item, undefined, [], from);
            }
        }
    }
    return calls;
}
/** `Fn::ForEach::Name: [Identifier, Collection, OutputTemplate]` of the language extensions. */
function forEachParts(entry) {
    if (!(0,template_index/* isForEachKey */.oJ)(entry.key) || entry.value.kind !== "seq" || entry.value.items.length !== 3) {
        return undefined;
    }
    const [identifier, collection, body] = entry.value.items;
    return {
        identifier: identifier.kind === "scalar" && typeof identifier.value === "string" ? identifier.value : undefined,
        collection,
        body,
    };
}
const byName = new WeakMap();
/** The calls of one function, e.g. every Fn::Join of the template. */
function callsOf(template, name) {
    let grouped = byName.get(template);
    if (!grouped) {
        grouped = new Map();
        for (const call of functionCalls(template)) {
            const list = grouped.get(call.name);
            if (list)
                list.push(call);
            else
                grouped.set(call.name, [call]);
        }
        byName.set(template, grouped);
    }
    return grouped.get(name) ?? [];
}
/** Inside a Fn::ForEach body, `${Id}` and `&{Id}` in names are filled in before deployment. */
function hasLoopPlaceholder(text, call) {
    return call.loopVariables.length > 0 && /[$&]\{[^}]*\}/.test(text);
}

// EXTERNAL MODULE: ./src/text.ts
var src_text = __webpack_require__(8992);
;// CONCATENATED MODULE: ./src/template/rules/template/names.ts
/**
 * Logical-id conventions the section rules share: the characters CloudFormation accepts, and the
 * `Fn::ForEach::<Loop>` keys the AWS::LanguageExtensions transform expands before it checks them.
 */


const ALPHANUMERIC = /^[A-Za-z0-9]+$/;
const MAX_NAME_LENGTH = 255;
/**
 * Reports the key of `entry` unless it is alphanumeric, as logical ids and mapping names must be.
 * `what` names the key in the message: "Resource logical id", "Mapping name".
 */
function checkAlphanumeric(entry, what, path, report) {
    if (ALPHANUMERIC.test(entry.key))
        return;
    report(entry.keyRange, `${what} "${entry.key}" must contain only letters and digits (A-Z, a-z, 0-9)`, {
        path,
    });
}
/** The named children of a section, without language-extension loops (their ids are templates). */
function namedEntries(items) {
    const entries = [];
    for (const [key, entry] of items)
        if (!(0,template_index/* isForEachKey */.oJ)(key))
            entries.push(entry);
    return entries;
}
/**
 * True when a transform other than SAM can add or rename template content (AWS::Include,
 * macros), so "never used" and "not defined" cannot be decided from the text alone.
 */
function hasOpaqueTransform(template) {
    return template.transforms.some((name) => name !== template_index/* SAM_TRANSFORM */.x5 && name !== "AWS::LanguageExtensions");
}
function plural(count, noun) {
    return `${(0,src_text/* thousands */.o)(count)} ${noun}${count === 1 ? "" : "s"}`;
}

;// CONCATENATED MODULE: ./src/template/rules/functions/slots.ts




/**
 * Checks a value against a slot and reports the first problem on the most precise node. A
 * Fn::If is checked through: each branch must fit the slot (Ref AWS::NoValue always does).
 */
function checkSlot(node, slot, report) {
    const fn = functionName(node);
    if (fn) {
        if (!KNOWN_FUNCTIONS.has(fn)) {
            report(node, `Unknown intrinsic function '${fn}' in ${slot.label}${didYouMean(fn, KNOWN_FUNCTIONS)}`);
            return;
        }
        if (!slot.functions.includes(fn)) {
            const allowed = slot.functions.length > 0 ? `supported there: ${slot.functions.join(", ")}` : "use a literal";
            report(node, `${fn} is not supported in ${slot.label} (${allowed})`);
            return;
        }
        if (fn === "Fn::If") {
            const arg = (node.kind === "map" && node.entries[0].value) || undefined;
            if (arg?.kind === "seq" && arg.items.length === 3) {
                for (const branch of arg.items.slice(1))
                    if (!(0,template_index/* isNoValue */.RL)(branch))
                        checkSlot(branch, slot, report);
            }
        }
        return;
    }
    switch (slot.literal) {
        case "any":
            return;
        case "string":
            if (node.kind !== "scalar" || node.value === null)
                report(node, `${capitalise(slot.label)} must be a string`);
            return;
        case "integer":
            if (!isIntegerLike(node))
                report(node, `${capitalise(slot.label)} must be an integer`);
            return;
        case "list":
            if (node.kind !== "seq") {
                report(node, `${capitalise(slot.label)} must be a list`);
                return;
            }
            if (slot.items)
                for (const item of node.items)
                    checkSlot(item, slot.items, report);
            return;
    }
}
/** CloudFormation converts "2" to 2 where it needs an integer, as cfn-lint does. */
function isIntegerLike(node) {
    if (node.kind !== "scalar")
        return false;
    if (typeof node.value === "number")
        return Number.isInteger(node.value);
    return typeof node.value === "string" && /^-?\d+$/.test(node.value.trim());
}
/** The integer value of a literal, when it is one. */
function integerValue(node) {
    return isIntegerLike(node) && node.kind === "scalar" ? Number(node.value) : undefined;
}
function capitalise(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
}
/** `Fn::X needs ...` when the argument is not a list of the right length; true when it is. */
function checkArity(fn, arg, min, max, shape, at, report) {
    if (arg.kind === "seq" && arg.items.length >= min && arg.items.length <= max)
        return true;
    const got = arg.kind === "seq" ? plural(arg.items.length, "item") : `a ${describe(arg)}`;
    report(at, `${fn} needs ${shape}; got ${got}`);
    return false;
}
function describe(node) {
    if (node.kind === "seq")
        return "list";
    if (node.kind === "map")
        return functionName(node) ? `${functionName(node)} call` : "mapping";
    if (node.value === null)
        return "null";
    return typeof node.value === "string" ? "string" : typeof node.value;
}

;// CONCATENATED MODULE: ./src/template/rules/functions/base64.ts



const VALUE = {
    label: "the value of Fn::Base64",
    literal: "string",
    functions: [
        "Fn::Base64",
        "Fn::Cidr",
        "Fn::Contains",
        "Fn::FindInMap",
        "Fn::GetAtt",
        "Fn::If",
        "Fn::ImportValue",
        "Fn::Join",
        "Fn::Length",
        "Fn::Select",
        "Fn::Sub",
        "Fn::ToJsonString",
        "Fn::Transform",
        "Ref",
    ],
};
const base64Rule = {
    id: "E1021",
    severity: "error",
    shortDescription: "Base64 validation of parameters",
    description: "Fn::Base64 takes a string, or a function that returns one.",
    source: `${template_index/* USER_GUIDE */.d6}/intrinsic-function-reference-base64.html`,
    tags: ["functions", "base64"],
    check({ template, report }) {
        for (const call of callsOf(template, "Fn::Base64"))
            checkSlot(call.arg, VALUE, report);
    },
};

;// CONCATENATED MODULE: ./src/template/rules/functions/cidr.ts



const FUNCTIONS = [
    "Fn::FindInMap",
    "Fn::GetAtt",
    "Fn::If",
    "Fn::ImportValue",
    "Fn::Select",
    "Fn::Sub",
    "Ref",
];
const IP_BLOCK = { label: "the ipBlock of Fn::Cidr", literal: "string", functions: FUNCTIONS };
const COUNT = { label: "the count of Fn::Cidr", literal: "integer", functions: FUNCTIONS };
const CIDR_BITS = { label: "the cidrBits of Fn::Cidr", literal: "integer", functions: FUNCTIONS };
const IPV4_CIDR = /^((\d|[1-9]\d|1\d{2}|2[0-4]\d|25[0-5])\.){3}(\d|[1-9]\d|1\d{2}|2[0-4]\d|25[0-5])\/(\d|[1-2]\d|3[0-2])$/;
/** IPv6 blocks are usually computed (GetAtt of a VPC's Ipv6CidrBlocks); a literal one is checked loosely. */
const IPV6_CIDR = /^[0-9a-fA-F:]+:[0-9a-fA-F:]*\/(\d|[1-9]\d|1[01]\d|12[0-8])$/;
const cidrRule = {
    id: "E1024",
    severity: "error",
    shortDescription: "Cidr validation of parameters",
    description: "Fn::Cidr takes [ipBlock, count, cidrBits]: a CIDR block, a count of subnets from 1 to 256 and a subnet mask size in bits.",
    source: `${template_index/* USER_GUIDE */.d6}/intrinsic-function-reference-cidr.html`,
    tags: ["functions", "cidr"],
    check({ template, report }) {
        for (const call of callsOf(template, "Fn::Cidr")) {
            const arg = call.arg;
            if (!checkArity("Fn::Cidr", arg, 2, 3, "[ipBlock, count, cidrBits]", call.node, report))
                continue;
            const [block, count, bits] = arg.items;
            checkSlot(block, IP_BLOCK, report);
            checkSlot(count, COUNT, report);
            if (bits)
                checkSlot(bits, CIDR_BITS, report);
            if ((0,template_index/* isString */.Kg)(block) && !IPV4_CIDR.test(block.value) && !IPV6_CIDR.test(block.value)) {
                report(block, `'${block.value}' is not a CIDR block such as 10.0.0.0/16`);
            }
            checkRange(count, 1, 256, "The count of Fn::Cidr", report);
            if (bits)
                checkRange(bits, 1, 128, "The cidrBits of Fn::Cidr", report);
        }
    },
};
function checkRange(node, min, max, what, report) {
    const value = integerValue(node);
    if (value !== undefined && (value < min || value > max)) {
        report(node, `${what} must be from ${min} to ${max}; got ${value}`);
    }
}

;// CONCATENATED MODULE: ./src/template/rules/functions/find-in-map.ts





/** The language extensions let the map name and keys be computed by more functions. */
const LANGUAGE_EXTENSIONS_FUNCTIONS = [
    "Fn::FindInMap",
    "Fn::Join",
    "Fn::Sub",
    "Fn::If",
    "Fn::Select",
    "Fn::Length",
    "Fn::ToJsonString",
    "Ref",
];
const findInMapRule = {
    id: "E1011",
    severity: "error",
    shortDescription: "FindInMap validation of configuration",
    description: "Fn::FindInMap takes [MapName, TopLevelKey, SecondLevelKey]; the mapping must exist and, where the keys are literal, hold them.",
    source: `${template_index/* USER_GUIDE */.d6}/intrinsic-function-reference-findinmap.html`,
    tags: ["functions", "findinmap"],
    check({ template, report }) {
        const extensions = usesLanguageExtensions(template);
        const functions = extensions ? LANGUAGE_EXTENSIONS_FUNCTIONS : ["Fn::FindInMap", "Ref"];
        const slots = ["the map name", "the top-level key", "the second-level key"].map((what) => ({
            label: `${what} of Fn::FindInMap`,
            literal: "string",
            functions,
        }));
        for (const call of callsOf(template, "Fn::FindInMap")) {
            const shape = extensions
                ? "[MapName, TopLevelKey, SecondLevelKey] and optionally {DefaultValue: value}"
                : "[MapName, TopLevelKey, SecondLevelKey]";
            const arg = call.arg;
            if (!checkArity("Fn::FindInMap", arg, 3, extensions ? 4 : 3, shape, call.node, report))
                continue;
            const [mapName, topKey, secondKey, options] = arg.items;
            slots.forEach((slot, i) => {
                checkSlot(arg.items[i], slot, report);
            });
            let hasDefault = false;
            if (options) {
                if (options.kind === "map" &&
                    options.entries.length === 1 &&
                    options.entries[0].key === "DefaultValue") {
                    hasDefault = true;
                }
                else {
                    report(options, "The fourth item of Fn::FindInMap must be {DefaultValue: value}");
                }
            }
            const name = literal(mapName);
            if (name === undefined || hasLoopPlaceholder(name, call))
                continue;
            const mapping = template.mappings.get(name);
            if (!mapping) {
                report(mapName, `FindInMap to undefined mapping '${name}'${didYouMean(name, template.mappings.keys())}`);
                continue;
            }
            if (hasDefault || mapping.value.kind !== "map")
                continue;
            const top = literal(topKey);
            const second = literal(secondKey);
            if (top !== undefined && !hasLoopPlaceholder(top, call)) {
                const level = (0,template_nodes/* mapGet */.Z)(mapping.value, top);
                if (!level) {
                    report(topKey, `Mapping '${name}' has no top-level key '${top}'${didYouMean(top, keys(mapping.value))}`);
                    continue;
                }
                if (second !== undefined && !hasLoopPlaceholder(second, call) && level.value.kind === "map") {
                    if (!(0,template_nodes/* mapGet */.Z)(level.value, second)) {
                        report(secondKey, `Mapping '${name}' has no key '${second}' under '${top}'${didYouMean(second, keys(level.value))}`);
                    }
                }
            }
            else if (second !== undefined && !hasLoopPlaceholder(second, call)) {
                // The top-level key is computed: the second-level key must exist under at least one.
                const levels = mapping.value.entries.map((entry) => entry.value);
                if (levels.every((level) => level.kind === "map" && !(0,template_nodes/* mapGet */.Z)(level, second))) {
                    const all = new Set(levels.flatMap((level) => (level.kind === "map" ? keys(level) : [])));
                    report(secondKey, `No top-level key of mapping '${name}' has a key '${second}'${didYouMean(second, all)}`);
                }
            }
        }
    },
};
/** Mapping keys are compared as text: `123456789012` written as a number still names a key. */
function literal(node) {
    return node.kind === "scalar" && node.value !== null ? String(node.value) : undefined;
}
function keys(node) {
    return node.entries.map((entry) => entry.key);
}

;// CONCATENATED MODULE: ./src/template/rules/functions/sam-implicit.ts


/** The type of a generated resource, or undefined when SAM generates no resource of that id. */
function samImplicitType(implicit, name) {
    const exact = implicit.resources.get(name);
    if (exact !== undefined)
        return exact;
    for (const { prefix, suffix, type } of implicit.prefixes) {
        if (name.length > prefix.length + suffix.length && name.startsWith(prefix) && name.endsWith(suffix))
            return type;
    }
    return undefined;
}
const EVENT_RESOURCE_TYPES = {
    CloudWatchEvent: "AWS::Events::Rule",
    EventBridgeRule: "AWS::Events::Rule",
    Schedule: "AWS::Events::Rule",
    ScheduleV2: "AWS::Scheduler::Schedule",
    CloudWatchLogs: "AWS::Logs::SubscriptionFilter",
    IoTRule: "AWS::IoT::TopicRule",
    SNS: "AWS::SNS::Subscription",
    Kinesis: "AWS::Lambda::EventSourceMapping",
    DynamoDB: "AWS::Lambda::EventSourceMapping",
    SQS: "AWS::Lambda::EventSourceMapping",
    MQ: "AWS::Lambda::EventSourceMapping",
    MSK: "AWS::Lambda::EventSourceMapping",
    SelfManagedKafka: "AWS::Lambda::EventSourceMapping",
    DocumentDB: "AWS::Lambda::EventSourceMapping",
};
const sam_implicit_cache = new WeakMap();
/** Empty for templates without the SAM transform. */
function samImplicitResources(template) {
    const cached = sam_implicit_cache.get(template);
    if (cached)
        return cached;
    const implicit = { resources: new Map(), prefixes: [], refs: new Set() };
    sam_implicit_cache.set(template, implicit);
    if (!template.sam)
        return implicit;
    const add = (name, type) => {
        if (!template.resources.has(name))
            implicit.resources.set(name, type);
    };
    const addPrefix = (prefix, type, suffix = "") => implicit.prefixes.push({ prefix, suffix, type });
    let restApi = false;
    let httpApi = false;
    for (const resource of template.resources.values()) {
        const { name, type } = resource;
        const props = resource.properties?.value;
        switch (type) {
            case "AWS::Serverless::Function": {
                if (!(0,template_nodes/* mapGet */.Z)(props, "Role"))
                    add(`${name}Role`, "AWS::IAM::Role");
                publishAlias(implicit, name, props, "AWS::Lambda::Version", "AWS::Lambda::Alias");
                if ((0,template_nodes/* mapGet */.Z)(props, "FunctionUrlConfig")) {
                    add(`${name}Url`, "AWS::Lambda::Url");
                    add(`${name}UrlPublicPermissions`, "AWS::Lambda::Permission");
                    add(`${name}URLInvokeAllowPublicAccess`, "AWS::Lambda::Permission");
                }
                if ((0,template_nodes/* mapGet */.Z)(props, "DeploymentPreference")) {
                    add(`${name}DeploymentGroup`, "AWS::CodeDeploy::DeploymentGroup");
                    add("ServerlessDeploymentApplication", "AWS::CodeDeploy::Application");
                    add("CodeDeployServiceRole", "AWS::IAM::Role");
                }
                if ((0,template_nodes/* mapGet */.Z)(props, "EventInvokeConfig")) {
                    add(`${name}EventInvokeConfig`, "AWS::Lambda::EventInvokeConfig");
                    addPrefix(`${name}EventInvokeConfigOnSuccess`, "AWS::SNS::Topic");
                    addPrefix(`${name}EventInvokeConfigOnFailure`, "AWS::SNS::Topic");
                }
                for (const event of events(props)) {
                    const id = `${name}${event.name}`;
                    const eventType = EVENT_RESOURCE_TYPES[event.type];
                    if (eventType)
                        add(id, eventType);
                    // Api permissions are named per stage (`...PermissionProd`), the others have no suffix.
                    add(`${id}Permission`, "AWS::Lambda::Permission");
                    addPrefix(`${id}Permission`, "AWS::Lambda::Permission");
                    if ((0,template_nodes/* mapGet */.Z)(event.properties, "DeadLetterConfig"))
                        add(`${id}Queue`, "AWS::SQS::Queue");
                    if (event.type === "ScheduleV2")
                        add(`${id}Role`, "AWS::IAM::Role");
                    if (event.type === "Api" && !(0,template_nodes/* mapGet */.Z)(event.properties, "RestApiId"))
                        restApi = true;
                    if (event.type === "HttpApi" && !(0,template_nodes/* mapGet */.Z)(event.properties, "ApiId"))
                        httpApi = true;
                }
                break;
            }
            case "AWS::Serverless::StateMachine": {
                if (!(0,template_nodes/* mapGet */.Z)(props, "Role"))
                    add(`${name}Role`, "AWS::IAM::Role");
                publishAlias(implicit, name, props, "AWS::StepFunctions::StateMachineVersion", "AWS::StepFunctions::StateMachineAlias");
                for (const event of events(props)) {
                    const id = `${name}${event.name}`;
                    const eventType = EVENT_RESOURCE_TYPES[event.type];
                    if (eventType)
                        add(id, eventType);
                    add(`${id}Role`, "AWS::IAM::Role");
                    if (event.type === "Api" && !(0,template_nodes/* mapGet */.Z)(event.properties, "RestApiId"))
                        restApi = true;
                }
                break;
            }
            case "AWS::Serverless::Api": {
                addPrefix(`${name}Deployment`, "AWS::ApiGateway::Deployment");
                const stage = (0,template_nodes/* mapGet */.Z)(props, "StageName")?.value;
                if ((0,template_index/* isString */.Kg)(stage))
                    add(`${name}${alphanumeric(stage.value)}Stage`, "AWS::ApiGateway::Stage");
                else
                    addPrefix(name, "AWS::ApiGateway::Stage", "Stage");
                add(`${name}UsagePlan`, "AWS::ApiGateway::UsagePlan");
                add(`${name}ApiKey`, "AWS::ApiGateway::ApiKey");
                add(`${name}UsagePlanKey`, "AWS::ApiGateway::UsagePlanKey");
                addPrefix(name, "AWS::Lambda::Permission", "AuthorizerPermission");
                implicit.refs.add(`${name}.Stage`);
                implicit.refs.add(`${name}.Deployment`);
                implicit.refs.add(`${name}.DomainName`);
                break;
            }
            case "AWS::Serverless::HttpApi": {
                const stage = (0,template_nodes/* mapGet */.Z)(props, "StageName")?.value;
                if ((0,template_index/* isString */.Kg)(stage))
                    add(`${name}${alphanumeric(stage.value)}Stage`, "AWS::ApiGatewayV2::Stage");
                else
                    add(`${name}ApiGatewayDefaultStage`, "AWS::ApiGatewayV2::Stage");
                addPrefix(name, "AWS::ApiGatewayV2::Stage", "Stage");
                addPrefix(name, "AWS::Lambda::Permission", "AuthorizerPermission");
                implicit.refs.add(`${name}.Stage`);
                implicit.refs.add(`${name}.DomainName`);
                break;
            }
            case "AWS::Serverless::GraphQLApi": {
                add(`${name}Schema`, "AWS::AppSync::GraphQLSchema");
                // One API key per entry of ApiKeys, named after the API and the entry.
                const keys = (0,template_nodes/* mapGet */.Z)(props, "ApiKeys")?.value;
                if (keys?.kind === "map")
                    for (const key of keys.entries)
                        add(`${name}${key.key}`, "AWS::AppSync::ApiKey");
                if ((0,template_nodes/* mapGet */.Z)(props, "Cache"))
                    add(`${name}ApiCache`, "AWS::AppSync::ApiCache");
                if ((0,template_nodes/* mapGet */.Z)(props, "DomainName")) {
                    add(`${name}DomainName`, "AWS::AppSync::DomainName");
                    add(`${name}DomainNameApiAssociation`, "AWS::AppSync::DomainNameApiAssociation");
                }
                break;
            }
            case "AWS::Serverless::WebSocketApi": {
                // The stage id carries the stage name as written; a computed name leaves it out.
                const stage = (0,template_nodes/* mapGet */.Z)(props, "StageName")?.value;
                const prefix = stage === undefined ? "default" : (0,template_index/* isString */.Kg)(stage) ? stage.value : "";
                add(prefix === "default" ? `${name}DefaultStage` : `${name}${prefix}Stage`, "AWS::ApiGatewayV2::Stage");
                break;
            }
            case "AWS::Serverless::CapacityProvider":
                if (!(0,template_nodes/* mapGet */.Z)(props, "OperatorRole"))
                    add(`${name}OperatorRole`, "AWS::IAM::Role");
                break;
            case "AWS::Serverless::LayerVersion":
                addPrefix(name, "AWS::Lambda::LayerVersion");
                break;
        }
    }
    if (restApi) {
        add("ServerlessRestApi", "AWS::ApiGateway::RestApi");
        add("ServerlessRestApiProdStage", "AWS::ApiGateway::Stage");
        addPrefix("ServerlessRestApiDeployment", "AWS::ApiGateway::Deployment");
    }
    if (httpApi) {
        add("ServerlessHttpApi", "AWS::ApiGatewayV2::Api");
        add("ServerlessHttpApiApiGatewayDefaultStage", "AWS::ApiGatewayV2::Stage");
    }
    // Globals can attach an implicit-API setting to every function; the implicit API ids are
    // reserved by SAM, so a reference to them is never a typo for a declared resource.
    if (template.sections.has("Globals") && !restApi && !httpApi) {
        const globals = template.sections.get("Globals")?.map;
        if ((0,template_nodes/* mapGet */.Z)(globals, "Api"))
            add("ServerlessRestApi", "AWS::ApiGateway::RestApi");
        if ((0,template_nodes/* mapGet */.Z)(globals, "HttpApi"))
            add("ServerlessHttpApi", "AWS::ApiGatewayV2::Api");
    }
    return implicit;
}
/** SAM names stages and aliases in logical ids after stripping what ids may not contain. */
function alphanumeric(text) {
    return text.replace(/[^A-Za-z0-9]/g, "");
}
function publishAlias(implicit, name, props, versionType, aliasType) {
    const alias = (0,template_nodes/* mapGet */.Z)(props, "AutoPublishAlias")?.value;
    if (!alias)
        return;
    implicit.prefixes.push({ prefix: `${name}Version`, suffix: "", type: versionType });
    if ((0,template_index/* isString */.Kg)(alias))
        implicit.resources.set(`${name}Alias${alphanumeric(alias.value)}`, aliasType);
    implicit.prefixes.push({ prefix: `${name}Alias`, suffix: "", type: aliasType });
    implicit.refs.add(`${name}.Alias`);
    implicit.refs.add(`${name}.Version`);
}
function events(props) {
    const list = (0,template_nodes/* mapGet */.Z)(props, "Events")?.value;
    if (list?.kind !== "map")
        return [];
    return list.entries.map((entry) => {
        const type = (0,template_nodes/* mapGet */.Z)(entry.value, "Type")?.value;
        const properties = (0,template_nodes/* mapGet */.Z)(entry.value, "Properties")?.value;
        return {
            name: entry.key,
            type: (0,template_index/* isString */.Kg)(type) ? type.value : "",
            properties: properties?.kind === "map" ? properties : undefined,
        };
    });
}

;// CONCATENATED MODULE: ./src/template/rules/functions/names.ts





const names_cache = new WeakMap();
function templateNames(template) {
    const cached = names_cache.get(template);
    if (cached)
        return cached;
    const declared = new Map();
    const loops = [];
    // A module (`Type: Org::Service::Thing::MODULE`) expands to resources named after it.
    const modules = [];
    for (const [name, entry] of template.sections.get("Resources")?.items ?? []) {
        if ((0,template_index/* isForEachKey */.oJ)(name))
            collectLoopResources(entry, loops);
    }
    for (const [name, resource] of template.resources) {
        declared.set(name, resource.type);
        if (resource.type?.endsWith("::MODULE"))
            modules.push(name);
    }
    const inModule = (name) => modules.some((id) => name.length > id.length && name.startsWith(id));
    const implicit = samImplicitResources(template);
    const resourceType = (name) => {
        if (declared.has(name))
            return declared.get(name);
        const generated = samImplicitType(implicit, name);
        if (generated)
            return generated;
        return loops.find((loop) => loop.pattern.test(name))?.type;
    };
    const isResource = (name) => declared.has(name) ||
        samImplicitType(implicit, name) !== undefined ||
        loops.some((l) => l.pattern.test(name)) ||
        inModule(name);
    const names = {
        template,
        isResource,
        resourceType,
        isRefable: (name) => template.parameters.has(name) ||
            template_index/* PSEUDO_PARAMETERS */.o5.has(name) ||
            implicit.refs.has(name) ||
            isResource(name),
        declared: [...template.parameters.keys(), ...declared.keys()],
        resourceNames: [...declared.keys()],
    };
    names_cache.set(template, names);
    return names;
}
function collectLoopResources(entry, out) {
    const loop = forEachParts(entry);
    if (loop?.body.kind !== "map")
        return;
    for (const output of loop.body.entries) {
        if ((0,template_index/* isForEachKey */.oJ)(output.key)) {
            collectLoopResources(output, out);
            continue;
        }
        const source = output.key
            .split(/[$&]\{[^}]*\}/)
            .map((part) => part.replace(/[.*+?^()|[\]\\{}$]/g, "\\$&"))
            .join(".+");
        const type = (0,template_nodes/* mapGet */.Z)(output.value, "Type")?.value;
        out.push({ pattern: new RegExp(`^${source}$`), type: (0,template_index/* isString */.Kg)(type) ? type.value : undefined });
    }
}
const CUSTOM_RESOURCE = "AWS::CloudFormation::CustomResource";
const STACK_TYPES = new Set(["AWS::CloudFormation::Stack", "AWS::Serverless::Application"]);
/**
 * Why `resource.attribute` cannot be read with GetAtt, or undefined when it can (or when the
 * answer is unknowable here: unknown types are E3006's to report).
 */
function attributeProblem(names, spec, resource, attribute) {
    if (!names.isResource(resource)) {
        const kind = names.template.parameters.has(resource)
            ? `'${resource}' is a parameter, not a resource`
            : "";
        if (kind)
            return `${kind}; use Ref to read a parameter`;
        return `GetAtt to undefined resource '${resource}'${didYouMean(resource, names.resourceNames)}`;
    }
    if (attribute === undefined)
        return undefined;
    const type = names.resourceType(resource);
    if (!type || type === CUSTOM_RESOURCE || type.startsWith("Custom::"))
        return undefined;
    if (STACK_TYPES.has(type) && /^Outputs\.[^.]/.test(attribute))
        return undefined;
    const typeSpec = spec.resource(type);
    if (!typeSpec)
        return undefined;
    if (typeSpec.attributes.includes(attribute))
        return undefined;
    if (typeSpec.attributes.length === 0)
        return `${type} has no attributes for GetAtt (resource '${resource}')`;
    const hint = STACK_TYPES.has(type) ? " (read a nested stack output as 'Outputs.Name')" : "";
    return `${type} has no attribute '${attribute}' (resource '${resource}')${hint || didYouMean(attribute, typeSpec.attributes)}`;
}

;// CONCATENATED MODULE: ./src/template/rules/functions/get-att.ts




/** The language extensions let both parts of the list form be computed. */
const get_att_LANGUAGE_EXTENSIONS_FUNCTIONS = [
    "Ref",
    "Fn::Base64",
    "Fn::FindInMap",
    "Fn::Sub",
    "Fn::If",
    "Fn::Join",
    "Fn::ToJsonString",
];
const SHAPE = "[LogicalId, AttributeName] or 'LogicalId.AttributeName'";
const getAttRule = {
    id: "E1010",
    severity: "error",
    shortDescription: "GetAtt validation of parameters",
    description: "Fn::GetAtt names a resource of the template and an attribute its resource type has (custom resources and nested stack outputs accept any).",
    source: `${template_index/* USER_GUIDE */.d6}/intrinsic-function-reference-getatt.html`,
    tags: ["functions", "getatt"],
    check({ template, spec, report }) {
        const names = templateNames(template);
        const extensions = usesLanguageExtensions(template);
        const resourceSlot = {
            label: "the logical id of Fn::GetAtt",
            literal: "string",
            functions: extensions ? get_att_LANGUAGE_EXTENSIONS_FUNCTIONS : [],
        };
        const attributeSlot = {
            label: "the attribute name of Fn::GetAtt",
            literal: "string",
            functions: extensions ? get_att_LANGUAGE_EXTENSIONS_FUNCTIONS : ["Ref"],
        };
        for (const call of callsOf(template, "Fn::GetAtt")) {
            const arg = call.arg;
            if ((0,template_index/* isString */.Kg)(arg)) {
                if (hasLoopPlaceholder(arg.value, call))
                    continue;
                const dot = arg.value.indexOf(".");
                if (dot <= 0 || dot === arg.value.length - 1) {
                    report(arg, `Fn::GetAtt needs ${SHAPE}; got '${arg.value}'`);
                    continue;
                }
                const problem = attributeProblem(names, spec, arg.value.slice(0, dot), arg.value.slice(dot + 1));
                if (problem)
                    report(arg, problem);
                continue;
            }
            if (arg.kind !== "seq" || arg.items.length !== 2) {
                const got = arg.kind === "seq" ? `${arg.items.length} items` : `a ${describe(arg)}`;
                report(call.node, `Fn::GetAtt needs ${SHAPE}; got ${got}`);
                continue;
            }
            const [resource, attribute] = arg.items;
            checkSlot(resource, resourceSlot, report);
            checkSlot(attribute, attributeSlot, report);
            if (!(0,template_index/* isString */.Kg)(resource) || hasLoopPlaceholder(resource.value, call))
                continue;
            const attributeName = literalText(attribute);
            if (attributeName !== undefined && hasLoopPlaceholder(attributeName, call))
                continue;
            const problem = attributeProblem(names, spec, resource.value, attributeName);
            if (problem)
                report(names.isResource(resource.value) ? attribute : resource, problem);
        }
    },
};
function literalText(node) {
    return node.kind === "scalar" && node.value !== null ? String(node.value) : undefined;
}

;// CONCATENATED MODULE: ./src/template/rules/functions/get-azs.ts



/** us-east-1, us-gov-west-1, us-isob-east-1, eusc-de-east-1: the shapes AWS Region names take. */
const REGION = /^[a-z]{2,4}(-[a-z]+)+-\d+$/;
const HOW = "give a Region name such as us-east-1, an empty string for the stack's Region, or Ref AWS::Region";
const getAzsRule = {
    id: "E1015",
    severity: "error",
    shortDescription: "GetAz validation of parameters",
    description: "Fn::GetAZs takes a Region name, an empty string (the stack's Region) or a Ref.",
    source: `${template_index/* USER_GUIDE */.d6}/intrinsic-function-reference-getavailabilityzones.html`,
    tags: ["functions", "getazs"],
    check({ template, report }) {
        for (const call of callsOf(template, "Fn::GetAZs")) {
            const arg = call.arg;
            if (functionName(arg)) {
                checkSlot(arg, { label: "the Region of Fn::GetAZs", literal: "string", functions: ["Ref", "Fn::If"] }, report);
            }
            else if ((0,template_index/* isString */.Kg)(arg)) {
                if (arg.value !== "" && !REGION.test(arg.value)) {
                    report(arg, `'${arg.value}' is not an AWS Region name; ${HOW}`);
                }
            }
            else {
                report(arg, `Fn::GetAZs got a ${describe(arg)}; ${HOW}`);
            }
        }
    },
};

;// CONCATENATED MODULE: ./src/template/rules/functions/get-stack-output.ts


/** The functions every argument of Fn::GetStackOutput may be computed with. */
const get_stack_output_FUNCTIONS = [
    "Fn::Base64",
    "Fn::FindInMap",
    "Fn::GetAtt",
    "Fn::If",
    "Fn::ImportValue",
    "Fn::Join",
    "Fn::Select",
    "Fn::Sub",
    "Ref",
];
const ARGUMENTS = {
    StackName: { required: true, slot: slot("StackName") },
    OutputName: { required: true, slot: slot("OutputName") },
    Region: { required: false, slot: slot("Region") },
    RoleArn: { required: false, slot: slot("RoleArn") },
};
function slot(name) {
    return { label: `the ${name} of Fn::GetStackOutput`, literal: "string", functions: get_stack_output_FUNCTIONS };
}
const get_stack_output_SHAPE = "a mapping of StackName, OutputName and optionally Region and RoleArn";
const getStackOutputRule = {
    id: "E1033",
    severity: "error",
    shortDescription: "GetStackOutput validation of parameters",
    description: "Fn::GetStackOutput takes a mapping with StackName and OutputName (and optionally Region and RoleArn), each a string or a function that computes one.",
    source: "https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-getstackoutput.html",
    tags: ["functions", "getstackoutput"],
    check({ template, report }) {
        for (const call of callsOf(template, "Fn::GetStackOutput")) {
            const arg = call.arg;
            if (arg.kind !== "map" || functionName(arg)) {
                report(call.node, `Fn::GetStackOutput needs ${get_stack_output_SHAPE}; got a ${describe(arg)}`);
                continue;
            }
            for (const entry of arg.entries) {
                const argument = ARGUMENTS[entry.key];
                if (!argument) {
                    report(entry.keyRange, `Unknown argument '${entry.key}' of Fn::GetStackOutput; it takes StackName, OutputName, Region and RoleArn`);
                    continue;
                }
                checkSlot(entry.value, argument.slot, report);
            }
            const missing = Object.keys(ARGUMENTS).filter((name) => ARGUMENTS[name].required && !arg.entries.some((entry) => entry.key === name));
            if (missing.length > 0) {
                report(call.node.entries[0].keyRange, `Fn::GetStackOutput needs ${missing.join(" and ")}`);
            }
        }
    },
};

;// CONCATENATED MODULE: ./src/template/rules/functions/import-value.ts



const EXPORT_NAME = {
    label: "the export name of Fn::ImportValue",
    literal: "string",
    functions: ["Fn::Base64", "Fn::FindInMap", "Fn::If", "Fn::Join", "Fn::Select", "Fn::Sub", "Ref"],
};
const importValueRule = {
    id: "E1016",
    severity: "error",
    shortDescription: "ImportValue validation of parameters",
    description: "Fn::ImportValue takes an export name: a string, or one of the functions that can compute it (not Fn::GetAtt or Fn::ImportValue).",
    source: `${template_index/* USER_GUIDE */.d6}/intrinsic-function-reference-importvalue.html`,
    tags: ["functions", "importvalue"],
    check({ template, report }) {
        for (const call of callsOf(template, "Fn::ImportValue"))
            checkSlot(call.arg, EXPORT_NAME, report);
    },
};

;// CONCATENATED MODULE: ./src/template/rules/functions/join.ts



const DELIMITER = { label: "the delimiter of Fn::Join", literal: "string", functions: [] };
const VALUES = {
    label: "the list of Fn::Join",
    literal: "list",
    functions: ["Fn::Cidr", "Fn::FindInMap", "Fn::GetAtt", "Fn::If", "Fn::Split", "Ref"],
    items: {
        label: "an item of the list of Fn::Join",
        literal: "string",
        functions: [
            "Fn::Base64",
            "Fn::FindInMap",
            "Fn::GetAtt",
            "Fn::GetStackOutput",
            "Fn::If",
            "Fn::ImportValue",
            "Fn::Join",
            "Fn::Length",
            "Fn::Select",
            "Fn::Sub",
            "Fn::ToJsonString",
            "Fn::Transform",
            "Ref",
        ],
    },
};
const joinRule = {
    id: "E1022",
    severity: "error",
    shortDescription: "Join validation of parameters",
    description: "Fn::Join takes [delimiter, list]: a literal delimiter and a list of strings (or functions returning strings), or a function returning a list.",
    source: `${template_index/* USER_GUIDE */.d6}/intrinsic-function-reference-join.html`,
    tags: ["functions", "join"],
    check({ template, report }) {
        for (const call of callsOf(template, "Fn::Join")) {
            const arg = call.arg;
            if (!checkArity("Fn::Join", arg, 2, 2, "[delimiter, [values]]", call.node, report))
                continue;
            checkSlot(arg.items[0], DELIMITER, report);
            checkSlot(arg.items[1], VALUES, report);
        }
    },
};

;// CONCATENATED MODULE: ./src/template/rules/functions/ref.ts





/** The language extensions let Ref take a computed name. */
const ref_LANGUAGE_EXTENSIONS_FUNCTIONS = [
    "Ref",
    "Fn::Base64",
    "Fn::FindInMap",
    "Fn::If",
    "Fn::Join",
    "Fn::Sub",
    "Fn::ToJsonString",
];
const refRule = {
    id: "E1020",
    severity: "error",
    shortDescription: "Ref validation of value",
    description: "Ref names a parameter, a resource or a pseudo parameter of the template (in SAM templates, also a resource SAM generates).",
    source: `${template_index/* USER_GUIDE */.d6}/intrinsic-function-reference-ref.html`,
    tags: ["functions", "ref"],
    check({ template, report }) {
        const names = templateNames(template);
        const extensions = usesLanguageExtensions(template);
        for (const call of callsOf(template, "Ref")) {
            const arg = call.arg;
            if (!(0,template_index/* isString */.Kg)(arg)) {
                if (extensions && functionName(arg)) {
                    checkSlot(arg, { label: "Ref", literal: "string", functions: ref_LANGUAGE_EXTENSIONS_FUNCTIONS }, report);
                }
                else {
                    report(call.node, `Ref needs the name of a parameter or resource as a string; got a ${describe(arg)}`);
                }
                continue;
            }
            const target = arg.value;
            // Conditions are evaluated before any resource exists.
            if (call.from[0] === "Conditions" &&
                !template.parameters.has(target) &&
                !template_index/* PSEUDO_PARAMETERS */.o5.has(target)) {
                if (names.isResource(target)) {
                    report(arg, `Conditions can only Ref parameters and pseudo parameters; '${target}' is a resource`);
                    continue;
                }
            }
            if (names.isRefable(target) || call.loopVariables.includes(target) || hasLoopPlaceholder(target, call))
                continue;
            if (target.startsWith("AWS::")) {
                report(arg, `Ref to unknown pseudo parameter '${target}'${didYouMean(target, template_index/* PSEUDO_PARAMETERS */.o5)}`);
            }
            else {
                const candidates = [...names.declared, ...call.loopVariables];
                report(arg, `Ref to undefined parameter or resource '${target}'${didYouMean(target, candidates)}`);
            }
        }
    },
};

;// CONCATENATED MODULE: ./src/template/rules/functions/select.ts



const LIST = {
    label: "the list of Fn::Select",
    literal: "list",
    functions: ["Fn::FindInMap", "Fn::GetAtt", "Fn::GetAZs", "Fn::If", "Fn::Split", "Fn::Cidr", "Ref"],
    // Items may be of any type, so any function may compute one.
    items: { label: "an item of the list of Fn::Select", literal: "any", functions: [...KNOWN_FUNCTIONS] },
};
const selectRule = {
    id: "E1017",
    severity: "error",
    shortDescription: "Select validation of parameters",
    description: "Fn::Select takes [index, list]: an integer index within the list, and a list or a function returning one.",
    source: `${template_index/* USER_GUIDE */.d6}/intrinsic-function-reference-select.html`,
    tags: ["functions", "select"],
    check({ template, report }) {
        const index = {
            label: "the index of Fn::Select",
            literal: "integer",
            functions: usesLanguageExtensions(template)
                ? ["Ref", "Fn::FindInMap", "Fn::Length"]
                : ["Ref", "Fn::FindInMap"],
        };
        for (const call of callsOf(template, "Fn::Select")) {
            const arg = call.arg;
            if (!checkArity("Fn::Select", arg, 2, 2, "[index, list]", call.node, report))
                continue;
            const [at, list] = arg.items;
            checkSlot(at, index, report);
            checkSlot(list, LIST, report);
            const position = integerValue(at);
            if (position === undefined)
                continue;
            if (position < 0)
                report(at, `The index of Fn::Select cannot be negative; got ${position}`);
            else if (list.kind === "seq" && position >= list.items.length) {
                report(at, `Index ${position} is out of range: the list of Fn::Select has ${list.items.length} items`);
            }
        }
    },
};

;// CONCATENATED MODULE: ./src/template/rules/functions/split.ts



const split_DELIMITER = { label: "the delimiter of Fn::Split", literal: "string", functions: [] };
const SOURCE = {
    label: "the source string of Fn::Split",
    literal: "string",
    functions: [
        "Fn::Base64",
        "Fn::FindInMap",
        "Fn::GetAtt",
        "Fn::GetAZs",
        "Fn::If",
        "Fn::ImportValue",
        "Fn::Join",
        "Fn::Select",
        "Fn::Sub",
        "Ref",
    ],
};
const splitRule = {
    id: "E1018",
    severity: "error",
    shortDescription: "Split validation of parameters",
    description: "Fn::Split takes [delimiter, source]: a literal delimiter and a string or a function returning one.",
    source: `${template_index/* USER_GUIDE */.d6}/intrinsic-function-reference-split.html`,
    tags: ["functions", "split"],
    check({ template, report }) {
        for (const call of callsOf(template, "Fn::Split")) {
            const arg = call.arg;
            if (!checkArity("Fn::Split", arg, 2, 2, "[delimiter, source string]", call.node, report))
                continue;
            checkSlot(arg.items[0], split_DELIMITER, report);
            checkSlot(arg.items[1], SOURCE, report);
        }
    },
};

;// CONCATENATED MODULE: ./src/template/rules/functions/sub.ts





const sub_SHAPE = "a string or [String, {Name: Value}]";
const VARIABLE_SLOT = {
    label: "a variable of Fn::Sub",
    literal: "string",
    functions: [
        "Fn::Base64",
        "Fn::FindInMap",
        "Fn::GetAtt",
        "Fn::GetAZs",
        "Fn::If",
        "Fn::ImportValue",
        "Fn::Join",
        "Fn::Select",
        "Fn::Sub",
        "Fn::ToJsonString",
        "Fn::Transform",
        "Ref",
    ],
};
const STRING_SLOT = { label: "the string of Fn::Sub", literal: "string", functions: [] };
const subRule = {
    id: "E1019",
    severity: "error",
    shortDescription: "Sub validation of parameters",
    description: "Fn::Sub takes a string or [string, {variables}]; every variable in the string names a parameter, resource, pseudo parameter, local variable or Resource.Attribute.",
    source: `${template_index/* USER_GUIDE */.d6}/intrinsic-function-reference-sub.html`,
    tags: ["functions", "sub"],
    check({ template, spec, report }) {
        const names = templateNames(template);
        for (const call of callsOf(template, "Fn::Sub")) {
            const arg = call.arg;
            let text = arg;
            const locals = new Set();
            if (arg.kind === "seq") {
                if (arg.items.length !== 2) {
                    report(call.node, `Fn::Sub needs ${sub_SHAPE}; got ${arg.items.length} items`);
                    continue;
                }
                const variables = arg.items[1];
                text = arg.items[0];
                if (variables.kind === "map" && !functionName(variables)) {
                    for (const entry of variables.entries) {
                        locals.add(entry.key);
                        checkSlot(entry.value, VARIABLE_SLOT, report);
                    }
                }
                else {
                    report(variables, `The variables of Fn::Sub must be a mapping of names to values; got a ${describe(variables)}`);
                }
                checkSlot(text, STRING_SLOT, report);
            }
            else if (arg.kind === "map") {
                report(call.node, `Fn::Sub needs ${sub_SHAPE}; got a ${describe(arg)}`);
                continue;
            }
            if ((0,template_index/* isString */.Kg)(text))
                checkText(text, locals, call, names, spec, report);
        }
    },
};
function checkText(text, locals, call, names, spec, report) {
    const { variables, malformed } = (0,template_index/* parseSub */.ur)(text.value);
    for (const offset of malformed) {
        report((0,template_index/* subRange */.oC)(text, offset, 2), `Fn::Sub string has a '\${' that is never closed; close it with '}', or write '\${!' for a literal '\${'`);
    }
    for (const variable of variables) {
        const name = variable.name.trim();
        if (name === "" || locals.has(name) || call.loopVariables.includes(name) || names.isRefable(name))
            continue;
        // Inside Fn::ForEach, `${Bucket&{Id}.Arn}` names a generated resource only known after expansion.
        if (call.loopVariables.length > 0 && name.includes("&{"))
            continue;
        const range = (0,template_index/* subRange */.oC)(text, variable.offset, variable.name.length);
        const dot = name.indexOf(".");
        if (dot > 0) {
            const problem = attributeProblem(names, spec, name.slice(0, dot), name.slice(dot + 1));
            if (problem)
                report(range, `${problem}, in Fn::Sub variable '${name}'`);
        }
        else if (name.startsWith("AWS::")) {
            report(range, `Fn::Sub variable '${name}' is not a pseudo parameter${didYouMean(name, template_index/* PSEUDO_PARAMETERS */.o5)}`);
        }
        else {
            const candidates = [...names.declared, ...locals, ...call.loopVariables];
            report(range, `Fn::Sub variable '${name}' is not a parameter, resource or variable of this Fn::Sub${didYouMean(name, candidates)}`);
        }
    }
}

;// CONCATENATED MODULE: ./src/template/rules/functions/index.ts












const functionRules = [
    getAttRule,
    findInMapRule,
    getAzsRule,
    getStackOutputRule,
    importValueRule,
    selectRule,
    splitRule,
    subRule,
    refRule,
    base64Rule,
    joinRule,
    cidrRule,
];

;// CONCATENATED MODULE: ./src/template/rules/resources/circular-dependency.ts



/**
 * Cycles are the strongly connected components of the dependency graph (Tarjan's algorithm,
 * iterative so a long chain of resources cannot overflow the stack): linear in resources plus
 * references, whatever the template's size. Like cfn-lint, every resource of a cycle is reported
 * at its own line, with the shortest cycle through it, so a reader can break the edge where they
 * stand; a template's 500 resources at most keep the search per resource cheap.
 */
const circularDependency = {
    id: "E3004",
    severity: "error",
    shortDescription: "Resources have no circular dependencies",
    description: "Resources must not depend on each other in a cycle through Ref, Fn::GetAtt, Fn::Sub or DependsOn: " +
        "CloudFormation cannot decide which to create first.",
    source: `${template_index/* USER_GUIDE */.d6}/aws-attribute-dependson.html`,
    tags: ["resources", "dependson", "ref", "getatt"],
    check({ template, report }) {
        const graph = dependencyGraph(template);
        for (const component of stronglyConnected(graph.edges)) {
            const single = component.length === 1;
            if (single && !graph.edges[component[0]].includes(component[0]))
                continue;
            const members = new Set(component);
            for (const start of [...component].sort((a, b) => a - b)) {
                const cycle = single ? [start, start] : shortestCycle(graph.edges, start, members);
                const names = cycle.map((i) => graph.names[i]);
                report(graph.ranges[start], `Circular dependency: ${names.join(" -> ")}`, {
                    path: ["Resources", graph.names[start]],
                });
            }
        }
    },
};
function dependencyGraph(template) {
    const names = [];
    const ranges = [];
    const ids = new Map();
    for (const resource of (0,shared/* realResources */.W9)(template)) {
        ids.set(resource.name, names.length);
        names.push(resource.name);
        ranges.push(resource.entry.keyRange);
    }
    const edges = names.map(() => new Set());
    // SAM turns each event source into resources of its own, so what an event refers to is not a
    // dependency of the function itself (an Api event on a function the Api's definition calls is
    // the usual case).
    const detached = new Map();
    if (template.sam) {
        for (const resource of (0,shared/* realResources */.W9)(template)) {
            if (!resource.type?.startsWith("AWS::Serverless::"))
                continue;
            const events = (0,template_nodes/* mapGet */.Z)(resource.properties?.value, "Events");
            if (events)
                detached.set(resource.name, events.value.range);
        }
    }
    for (const reference of template.references) {
        if (reference.from[0] !== "Resources" || reference.kind === "FindInMap" || reference.kind === "Condition")
            continue;
        const from = ids.get(reference.from[1]);
        const to = ids.get(reference.target);
        if (from === undefined || to === undefined)
            continue;
        const events = detached.get(names[from]);
        if (events && contains(events, reference.range))
            continue;
        edges[from].add(to);
    }
    for (const resource of (0,shared/* realResources */.W9)(template)) {
        const value = resource.dependsOn?.value;
        if (!value)
            continue;
        const from = ids.get(resource.name);
        for (const item of value.kind === "seq" ? value.items : [value]) {
            if (!(0,template_index/* isString */.Kg)(item))
                continue;
            const to = ids.get(item.value);
            // Depending on itself is E3005's finding.
            if (to !== undefined && to !== from)
                edges[from].add(to);
        }
    }
    return { names, ranges, edges: edges.map((set) => [...set]) };
}
function contains(outer, inner) {
    const before = (a, b) => a.line < b.line || (a.line === b.line && a.column <= b.column);
    return before(outer.start, inner.start) && before(inner.end, outer.end);
}
/** Tarjan's strongly connected components, with an explicit stack. */
function stronglyConnected(edges) {
    const count = edges.length;
    const index = new Array(count).fill(-1);
    const low = new Array(count).fill(0);
    const onStack = new Array(count).fill(false);
    const stack = [];
    const components = [];
    let next = 0;
    for (let root = 0; root < count; root++) {
        if (index[root] !== -1)
            continue;
        // Each frame: the vertex and how many of its edges have been followed.
        const frames = [[root, 0]];
        index[root] = low[root] = next++;
        stack.push(root);
        onStack[root] = true;
        while (frames.length > 0) {
            const frame = frames[frames.length - 1];
            const [v, i] = frame;
            if (i < edges[v].length) {
                frame[1]++;
                const w = edges[v][i];
                if (index[w] === -1) {
                    index[w] = low[w] = next++;
                    stack.push(w);
                    onStack[w] = true;
                    frames.push([w, 0]);
                }
                else if (onStack[w]) {
                    low[v] = Math.min(low[v], index[w]);
                }
                continue;
            }
            frames.pop();
            if (frames.length > 0) {
                const parent = frames[frames.length - 1][0];
                low[parent] = Math.min(low[parent], low[v]);
            }
            if (low[v] === index[v]) {
                const component = [];
                let w;
                do {
                    w = stack.pop();
                    onStack[w] = false;
                    component.push(w);
                } while (w !== v);
                components.push(component);
            }
        }
    }
    return components;
}
/** The shortest way from `start` back to itself inside its component (breadth-first). */
function shortestCycle(edges, start, component) {
    const parent = new Map();
    const queue = [start];
    for (let head = 0; head < queue.length; head++) {
        const v = queue[head];
        for (const w of edges[v]) {
            if (!component.has(w))
                continue;
            if (w === start) {
                const path = [start];
                for (let at = v; at !== start; at = parent.get(at))
                    path.push(at);
                path.push(start);
                // Collected backwards from the closing edge; the arrows read in dependency order.
                return [start, ...path.slice(1, -1).reverse(), start];
            }
            if (!parent.has(w)) {
                parent.set(w, v);
                queue.push(w);
            }
        }
    }
    return [start, start];
}

;// CONCATENATED MODULE: ./src/template/rules/resources/configuration.ts



const ATTRIBUTES = [
    "Type",
    "Properties",
    "DependsOn",
    "Condition",
    "DeletionPolicy",
    "UpdateReplacePolicy",
    "Metadata",
    "CreationPolicy",
    "UpdatePolicy",
    "Version",
];
/** Resource attributes the SAM transform consumes (embedded connectors, opting out of Globals). */
const SAM_ATTRIBUTES = ["Connectors", "IgnoreGlobals"];
/** Functions that can stand for a whole Properties mapping: a choice, or an AWS::Include snippet. */
const PROPERTIES_FUNCTIONS = new Set(["Fn::If", "Fn::Transform"]);
/** Custom resources signal completion themselves and are never updated in place by policy. */
const NOT_FOR_CUSTOM = new Set(["CreationPolicy", "UpdatePolicy"]);
const resourceConfiguration = {
    id: "E3001",
    severity: "error",
    shortDescription: "Resources are well-formed",
    description: "Each resource is a mapping with a string Type, only the resource attributes CloudFormation defines " +
        "(Properties, DependsOn, Condition, DeletionPolicy, UpdateReplacePolicy, Metadata, CreationPolicy, " +
        "UpdatePolicy, and Version for custom resources), and a mapping as Properties.",
    source: `${template_index/* USER_GUIDE */.d6}/resources-section-structure.html`,
    tags: ["resources"],
    check({ template, report }) {
        const allowed = template.sam ? [...ATTRIBUTES, ...SAM_ATTRIBUTES] : ATTRIBUTES;
        for (const resource of (0,shared/* realResources */.W9)(template)) {
            const base = ["Resources", resource.name];
            const body = resource.body;
            if (!body) {
                report(resource.entry.value, `Resource '${resource.name}' must be a mapping with a Type`, {
                    path: base,
                });
                continue;
            }
            const typeNode = resource.typeNode;
            if (!typeNode) {
                report(resource.entry.keyRange, `Resource '${resource.name}' has no Type`, { path: base });
            }
            else if (!(0,template_index/* isString */.Kg)(typeNode)) {
                report(typeNode, `The Type of resource '${resource.name}' must be a string, like AWS::S3::Bucket`, {
                    path: [...base, "Type"],
                });
            }
            const custom = resource.type !== undefined && (0,shared/* isCustomType */.c8)(resource.type);
            for (const entry of body.entries) {
                const path = [...base, entry.key];
                if (!allowed.includes(entry.key)) {
                    report(entry.keyRange, `Unknown attribute '${entry.key}' in resource '${resource.name}'${didYouMean(entry.key, allowed)}`, { path });
                    continue;
                }
                const value = entry.value;
                if (custom && NOT_FOR_CUSTOM.has(entry.key)) {
                    report(entry.keyRange, `${entry.key} is not supported on custom resource '${resource.name}'`, {
                        path,
                    });
                }
                else if (entry.key === "Version" && resource.type !== undefined && !custom) {
                    report(entry.keyRange, `Version is only allowed on custom resources, not on ${resource.type}`, {
                        path,
                    });
                }
                else if (entry.key === "Properties" && value.kind !== "map") {
                    report(value, `Properties of resource '${resource.name}' must be a mapping`, { path });
                }
                else if (entry.key === "Properties" &&
                    !PROPERTIES_FUNCTIONS.has((0,template_index/* intrinsicName */.FF)(value) ?? "Fn::If")) {
                    report(value, `Properties of resource '${resource.name}' must be a mapping, not ${(0,template_index/* intrinsicName */.FF)(value)}`, {
                        path,
                    });
                }
                else if (entry.key === "Condition" && !(0,template_index/* isString */.Kg)(value)) {
                    report(value, `Condition of resource '${resource.name}' must be the name of a condition`, { path });
                }
                else if ((entry.key === "CreationPolicy" || entry.key === "UpdatePolicy") && value.kind !== "map") {
                    report(value, `${entry.key} of resource '${resource.name}' must be a mapping`, { path });
                }
                else if (entry.key === "DependsOn" && !dependsOnShapeOk(value)) {
                    report(value, `DependsOn of resource '${resource.name}' must be a resource name or a list of them`, { path });
                }
            }
        }
    },
};
function dependsOnShapeOk(node) {
    if ((0,template_index/* isString */.Kg)(node))
        return true;
    return node.kind === "seq" && node.items.every((item) => (0,template_index/* isString */.Kg)(item));
}

;// CONCATENATED MODULE: ./src/template/rules/resources/policies.ts



/** Types whose data CloudFormation can snapshot before deleting or replacing them. */
const SNAPSHOT_TYPES = new Set([
    "AWS::DocDB::DBCluster",
    "AWS::EC2::Volume",
    "AWS::ElastiCache::CacheCluster",
    "AWS::ElastiCache::ReplicationGroup",
    "AWS::Neptune::DBCluster",
    "AWS::RDS::DBCluster",
    "AWS::RDS::DBInstance",
    "AWS::Redshift::Cluster",
]);
function checkPolicy(template, report, attribute, values) {
    for (const resource of (0,shared/* realResources */.W9)(template)) {
        const entry = (0,template_nodes/* mapGet */.Z)(resource.body, attribute);
        if (!entry)
            continue;
        const type = resource.type;
        const allowed = type && SNAPSHOT_TYPES.has(type) ? [...values, "Snapshot"] : values;
        const check = (node) => {
            const fn = (0,template_index/* intrinsicName */.FF)(node);
            if (fn === "Fn::If") {
                const arg = node.kind === "map" ? node.entries[0].value : undefined;
                if (arg?.kind === "seq")
                    for (const branch of arg.items.slice(1, 3))
                        check(branch);
                return;
            }
            // Ref, Fn::Sub, Fn::FindInMap and Fn::Select are resolved at deploy time.
            if (fn)
                return;
            if ((0,template_index/* isString */.Kg)(node) && allowed.includes(node.value))
                return;
            const shown = node.kind === "scalar" ? `'${String(node.value)}'` : `a ${node.kind === "seq" ? "list" : "mapping"}`;
            const snapshot = (0,template_index/* isString */.Kg)(node) && node.value === "Snapshot" ? ` (${type} does not support snapshots)` : "";
            report(node, `${attribute} of resource '${resource.name}' is ${shown}${snapshot}; use one of ${allowed.join(", ")}`, { path: ["Resources", resource.name, attribute] });
        };
        check(entry.value);
    }
}

;// CONCATENATED MODULE: ./src/template/rules/resources/deletion-policy.ts


const deletionPolicy = {
    id: "E3035",
    severity: "error",
    shortDescription: "DeletionPolicy values are valid",
    description: "DeletionPolicy is Delete, Retain or RetainExceptOnCreate, or Snapshot for the resource types that support snapshots.",
    source: `${template_index/* USER_GUIDE */.d6}/aws-attribute-deletionpolicy.html`,
    tags: ["resources", "deletionpolicy"],
    check({ template, report }) {
        checkPolicy(template, report, "DeletionPolicy", ["Delete", "Retain", "RetainExceptOnCreate"]);
    },
};

;// CONCATENATED MODULE: ./src/template/rules/resources/depends-on.ts




const dependsOnTarget = {
    id: "E3005",
    severity: "error",
    shortDescription: "DependsOn names existing resources",
    description: "Each name in a resource's DependsOn must be another resource of the template.",
    source: `${template_index/* USER_GUIDE */.d6}/aws-attribute-dependson.html`,
    tags: ["resources", "dependson"],
    check({ template, report }) {
        const names = [...template.resources.keys()];
        // Resources the SAM transform generates (MyFunctionRole, ServerlessRestApi, ...) can be depended on.
        const implicit = samImplicitResources(template);
        for (const resource of (0,shared/* realResources */.W9)(template)) {
            const value = resource.dependsOn?.value;
            if (!value)
                continue;
            const items = value.kind === "seq" ? value.items : [value];
            items.forEach((item, i) => {
                if (!(0,template_index/* isString */.Kg)(item))
                    return; // E3001 reports a DependsOn that is not made of names.
                const target = item.value;
                const path = ["Resources", resource.name, "DependsOn", ...(value.kind === "seq" ? [i] : [])];
                if (target === resource.name) {
                    report(item, `Resource '${resource.name}' depends on itself`, { path });
                }
                else if (!template.resources.has(target) && samImplicitType(implicit, target) === undefined) {
                    report(item, `Resource '${resource.name}' depends on '${target}', which is not a resource in this template${didYouMean(target, names)}`, { path });
                }
            });
        }
    },
};

;// CONCATENATED MODULE: ./src/template/rules/resources/properties.ts




const STRING_FUNCTIONS = new Set(["Fn::Sub", "Fn::Join", "Fn::Base64", "Fn::ToJsonString", "Fn::Length"]);
const LIST_FUNCTIONS = new Set(["Fn::Split", "Fn::GetAZs", "Fn::Cidr"]);
const LIST_PSEUDO_PARAMETERS = new Set(["AWS::NotificationARNs"]);
const properties_cache = new WeakMap();
/** Every property problem of the template, computed once and shared by the three rules. */
function propertyProblems(template, spec) {
    let problems = properties_cache.get(template);
    if (!problems) {
        problems = properties_collect(template, spec);
        properties_cache.set(template, problems);
    }
    return problems;
}
function properties_collect(template, spec) {
    const out = [];
    for (const resource of (0,shared/* realResources */.W9)(template)) {
        const type = resource.type;
        if (!type || !resource.body)
            continue;
        if (type.startsWith("AWS::Serverless::") && !template.sam)
            continue;
        const typeSpec = spec.resource((0,shared/* isCustomType */.c8)(type) ? "AWS::CloudFormation::CustomResource" : type);
        if (!typeSpec)
            continue;
        const checker = new Checker(template, typeSpec, out);
        const provided = new Set();
        for (const entry of (0,shared/* globalsFor */.YE)(template, type)?.entries ?? [])
            if (!(0,shared/* ignoresGlobal */.JJ)(resource, entry.key))
                provided.add(entry.key);
        const base = ["Resources", resource.name, "Properties"];
        const properties = resource.properties;
        const requiredAt = properties ? properties.keyRange : resource.entry.keyRange;
        const options = {
            // A type the spec lists without any property is one whose details the spec lacks.
            allowUnknown: (0,shared/* isCustomType */.c8)(type) || Object.keys(typeSpec.properties).length === 0,
            provided,
            requiredAt,
        };
        if (!properties) {
            checker.object(undefined, typeSpec.properties, type, base, options);
            continue;
        }
        checker.propertiesValue(properties.value, typeSpec.properties, type, base, options);
    }
    if (template.sam)
        checkGlobals(template, spec, out);
    return out;
}
/** Globals properties are checked against their SAM type; required ones stay on the resources. */
function checkGlobals(template, spec, out) {
    const globals = template.sections.get("Globals")?.map;
    if (!globals)
        return;
    for (const entry of globals.entries) {
        const type = shared/* SAM_GLOBALS */.X8[entry.key];
        if (!type || entry.value.kind !== "map")
            continue;
        const typeSpec = spec.resource(type);
        if (!typeSpec)
            continue;
        new Checker(template, typeSpec, out).object(entry.value, typeSpec.properties, `Globals.${entry.key} (${type})`, ["Globals", entry.key], { allowUnknown: false, provided: undefined, requiredAt: entry.keyRange, skipRequired: true });
    }
}
class Checker {
    template;
    typeSpec;
    out;
    constructor(template, typeSpec, out) {
        this.template = template;
        this.typeSpec = typeSpec;
        this.out = out;
    }
    /** The value of a resource's `Properties`: a mapping, or a Fn::If choosing between mappings. */
    propertiesValue(node, properties, owner, path, options) {
        if (node.kind !== "map")
            return; // E3001 reports a Properties value that is not a mapping.
        const fn = (0,template_index/* intrinsicName */.FF)(node);
        if (fn === "Fn::If") {
            const arg = node.entries[0].value;
            if (arg.kind === "seq") {
                for (const branch of arg.items.slice(1, 3))
                    this.propertiesValue(branch, properties, owner, path, options);
            }
            return;
        }
        if (fn)
            return;
        this.object(node, properties, owner, path, options);
    }
    /** A mapping of named properties (the resource's, or a struct's). */
    object(node, properties, owner, path, options) {
        let expanded = false;
        const present = new Set();
        for (const entry of node?.entries ?? []) {
            present.add(entry.key);
            if ((0,template_index/* isForEachKey */.oJ)(entry.key)) {
                expanded = true;
                continue;
            }
            const property = properties[entry.key];
            const entryPath = [...path, entry.key];
            if (!property) {
                if (!options.allowUnknown) {
                    this.problem("unknown", entry.keyRange, `Unknown property '${entry.key}' ${where(owner, path)}${didYouMean(entry.key, Object.keys(properties))}`, entryPath);
                }
                continue;
            }
            this.value(entry.value, property.type, entryPath, entry.keyRange);
        }
        // Properties generated by Fn::ForEach cannot be known here.
        if (options.skipRequired || expanded)
            return;
        for (const [name, property] of Object.entries(properties)) {
            if (!property.required || present.has(name) || options.provided?.has(name))
                continue;
            this.problem("required", options.requiredAt, `Missing required property '${name}' ${where(owner, path)}`, [...path, name]);
        }
    }
    /** Checks one value against its expected type; `keyRange` is where a missing required property of a struct goes. */
    value(node, type, path, keyRange) {
        const fn = (0,template_index/* intrinsicName */.FF)(node);
        if (fn) {
            this.intrinsic(node, fn, type, path, keyRange);
            return;
        }
        switch (type.kind) {
            case "any":
                return;
            case "string":
            case "timestamp":
                if (node.kind !== "scalar")
                    this.typeProblem(node, type, path);
                return;
            case "json":
                if (node.kind === "seq")
                    this.typeProblem(node, type, path);
                return;
            case "number":
            case "integer":
            case "boolean":
                if (node.kind !== "scalar" || !scalarFits(node.value, type.kind))
                    this.typeProblem(node, type, path);
                return;
            case "list":
                if (node.kind !== "seq") {
                    this.typeProblem(node, type, path);
                    return;
                }
                node.items.forEach((item, i) => {
                    this.value(item, type.item, [...path, i], item.range);
                });
                return;
            case "map":
                if (node.kind !== "map") {
                    this.typeProblem(node, type, path);
                    return;
                }
                for (const entry of node.entries) {
                    if ((0,template_index/* isForEachKey */.oJ)(entry.key))
                        continue;
                    this.value(entry.value, type.item, [...path, entry.key], entry.keyRange);
                }
                return;
            case "struct": {
                if (node.kind !== "map") {
                    this.typeProblem(node, type, path);
                    return;
                }
                const struct = this.typeSpec.structs[type.name];
                if (!struct)
                    return;
                const properties = struct.properties;
                this.object(node, properties, `${this.typeSpec.name}.${type.name}`, path, {
                    allowUnknown: Object.keys(properties).length === 0,
                    provided: undefined,
                    requiredAt: keyRange,
                });
                return;
            }
            case "union":
                this.union(node, type.types, path, keyRange);
                return;
        }
    }
    /** A union accepts the value when one member does; otherwise the member of the value's shape reports. */
    union(node, types, path, keyRange) {
        const saved = this.out;
        let fallback;
        for (const member of types) {
            const trial = [];
            this.out = trial;
            this.value(node, member, path, keyRange);
            this.out = saved;
            if (trial.length === 0)
                return;
            if (!fallback && shapeMatches(node, member))
                fallback = trial;
        }
        if (fallback)
            this.out.push(...fallback);
        else
            this.typeProblem(node, { kind: "union", types }, path);
    }
    intrinsic(node, fn, type, path, keyRange) {
        const arg = node.entries[0].value;
        if (fn === "Fn::If") {
            if (arg.kind !== "seq")
                return;
            for (const branch of arg.items.slice(1, 3))
                this.value(branch, type, path, keyRange);
            return;
        }
        const produced = this.yieldOf(fn, arg);
        if (!accepts(type, produced, this.typeSpec)) {
            const what = fn === "Ref" && (0,template_index/* isString */.Kg)(arg) ? `Ref to '${arg.value}'` : fn;
            this.problem("type", node, `'${(0,shared/* displayPath */.Gt)(properties_relative(path))}' ${ofOwner(this.typeSpec.name, path)}must be ${properties_describe(type)}, but ${what} returns ${produced === "list" ? "a list" : "a string"}`, path);
        }
    }
    yieldOf(fn, arg) {
        if (STRING_FUNCTIONS.has(fn))
            return "scalar";
        if (LIST_FUNCTIONS.has(fn))
            return "list";
        if (fn !== "Ref" || !(0,template_index/* isString */.Kg)(arg))
            return "unknown";
        const target = arg.value;
        if (target === "AWS::NoValue")
            return "none";
        if (LIST_PSEUDO_PARAMETERS.has(target))
            return "list";
        if (target.startsWith("AWS::"))
            return "scalar";
        const parameter = this.template.parameters.get(target);
        if (parameter) {
            const typeNode = (0,template_nodes/* mapGet */.Z)(parameter.value, "Type");
            if (!typeNode || !(0,template_index/* isString */.Kg)(typeNode.value))
                return "unknown";
            return isListParameterType(typeNode.value.value) ? "list" : "scalar";
        }
        if (this.template.resources.has(target))
            return "scalar";
        return "unknown";
    }
    typeProblem(node, type, path) {
        this.problem("type", node, `'${(0,shared/* displayPath */.Gt)(properties_relative(path))}' ${ofOwner(this.typeSpec.name, path)}must be ${properties_describe(type)}, not ${describeNode(node)}`, path);
    }
    problem(kind, at, message, path) {
        this.out.push({ kind, at, message, path });
    }
}
/** The part of a finding's path below `Properties` (or below `Globals.<Section>`). */
function properties_relative(path) {
    return path[0] === "Resources" ? path.slice(3) : path.slice(2);
}
function ofOwner(type, path) {
    return path[0] === "Resources" ? `of ${type} ` : `in Globals.${path[1]} `;
}
function where(owner, path) {
    const inner = properties_relative(path);
    if (inner.length > 0)
        return `in ${(0,shared/* displayPath */.Gt)(inner)} (${owner})`;
    return path[0] === "Globals" ? `in ${owner}` : `for ${owner}`;
}
function isListParameterType(type) {
    return (type === "CommaDelimitedList" ||
        type.startsWith("List<") ||
        /^AWS::SSM::Parameter::Value<(List<|CommaDelimitedList)/.test(type));
}
function scalarFits(value, kind) {
    if (value === null)
        return true; // A null value is reported by the parser-level rules, not as a type.
    if (kind === "boolean")
        return typeof value === "boolean" || (typeof value === "string" && /^(true|false)$/i.test(value));
    if (typeof value === "number")
        return true;
    if (typeof value !== "string")
        return false;
    if (kind === "integer")
        return /^\s*[-+]?\d+\s*$/.test(value);
    return value.trim() !== "" && Number.isFinite(Number(value));
}
/** Whether an intrinsic yielding `produced` can stand where `type` is expected. */
function accepts(type, produced, typeSpec) {
    if (produced === "unknown" || produced === "none")
        return true;
    switch (type.kind) {
        case "any":
            return true;
        case "json":
            return produced === "scalar";
        case "list":
            return produced === "list";
        case "map":
            return false;
        case "struct":
            // A struct the spec does not describe cannot be judged.
            return !typeSpec.structs[type.name];
        case "union":
            return type.types.some((member) => accepts(member, produced, typeSpec));
        default:
            return produced === "scalar";
    }
}
function shapeMatches(node, type) {
    switch (type.kind) {
        case "list":
            return node.kind === "seq";
        case "map":
        case "struct":
        case "json":
            return node.kind === "map";
        case "any":
        case "union":
            return false;
        default:
            return node.kind === "scalar";
    }
}
function properties_describe(type) {
    switch (type.kind) {
        case "string":
        case "timestamp":
            return "a string";
        case "number":
            return "a number";
        case "integer":
            return "an integer";
        case "boolean":
            return "a boolean";
        case "json":
            return "a JSON object or string";
        case "any":
            return "any value";
        case "list":
            return "a list";
        case "map":
        case "struct":
            return "a mapping";
        case "union":
            return [...new Set(type.types.map(properties_describe))].join(" or ");
    }
}
function describeNode(node) {
    if (node.kind === "seq")
        return "a list";
    if (node.kind === "map")
        return "a mapping";
    const value = node.value;
    if (typeof value === "string")
        return `'${value.length > 40 ? `${value.slice(0, 40)}...` : value}'`;
    return String(value);
}

;// CONCATENATED MODULE: ./src/template/rules/resources/property-names.ts


const unknownProperty = {
    id: "E3002",
    severity: "error",
    shortDescription: "Resource properties are valid",
    description: "Every property of a resource, and of the property types nested in it, must be one the resource type defines. " +
        "With the SAM transform, Globals sections are checked against their AWS::Serverless type too.",
    source: `${template_index/* USER_GUIDE */.d6}/resources-section-structure.html`,
    tags: ["resources", "properties"],
    check({ template, spec, report }) {
        for (const problem of propertyProblems(template, spec)) {
            if (problem.kind === "unknown")
                report(problem.at, problem.message, { path: problem.path });
        }
    },
};

;// CONCATENATED MODULE: ./src/template/rules/resources/required-properties.ts



const missingRequiredProperty = {
    id: "E3003",
    severity: "error",
    shortDescription: "Required resource properties are present",
    description: "A resource, and every property type nested in it, must set the properties its type requires, including one " +
        "of each required group of the resource provider schema (an AWS::IAM::Policy needs Users, Groups or Roles). " +
        "Values chosen by an intrinsic function are not looked into; with the SAM transform, a property set in Globals counts.",
    source: `${template_index/* USER_GUIDE */.d6}/resources-section-structure.html`,
    tags: ["resources", "properties", "required"],
    check({ template, spec, report }) {
        const reported = new Set();
        for (const problem of propertyProblems(template, spec)) {
            if (problem.kind !== "required")
                continue;
            reported.add(problem.path.join("\u0000"));
            report(problem.at, problem.message, { path: problem.path });
        }
        // The provider schemas add required groups and nested requirements the type index lacks.
        for (const problem of constraintProblems(template, spec)) {
            if (problem.kind !== "required" && problem.kind !== "requiredGroup")
                continue;
            if (reported.has(problem.path.join("\u0000")))
                continue;
            report(problem.at, problem.message, { path: problem.path });
        }
    },
};

;// CONCATENATED MODULE: ./src/template/rules/resources/resource-type.ts



/**
 * Like cfn-lint, custom resources and modules are never reported. Unlike cfn-lint, which errors,
 * a type outside the AWS and Alexa namespaces that the spec does not know, and that is not a
 * near miss of a known type, is only a warning:
 * it is most likely a third-party extension activated in the account's registry, which no
 * static spec can list.
 */
const resourceType = {
    id: "E3006",
    severity: "error",
    shortDescription: "Resource types exist",
    description: "Every resource Type must be a type CloudFormation knows, a custom resource (Custom::*) or a module " +
        "(*::MODULE). AWS::Serverless types need the AWS::Serverless-2016-10-31 transform.",
    source: `${template_index/* USER_GUIDE */.d6}/aws-template-resource-type-ref.html`,
    tags: ["resources"],
    check({ template, spec, report }) {
        for (const resource of (0,shared/* realResources */.W9)(template)) {
            const type = resource.type;
            const node = resource.typeNode;
            if (type === undefined || !node)
                continue;
            if ((0,shared/* isCustomType */.c8)(type) || (0,shared/* isModuleType */.Hf)(type))
                continue;
            const path = ["Resources", resource.name, "Type"];
            if (type.startsWith("AWS::Serverless::") && spec.has(type)) {
                if (!template.sam) {
                    report(node, `Resource type '${type}' needs the SAM transform: add 'Transform: ${template_index/* SAM_TRANSFORM */.x5}' to the template`, {
                        path,
                    });
                }
                continue;
            }
            if (spec.has(type))
                continue;
            const suggestion = spec.suggest(type);
            const hint = suggestion === type ? "" : didYouMeanNote(suggestion);
            // A near miss of a known type is a typo, whatever its namespace. SAM gains resource types
            // faster than the spec's SAM table, so an unknown AWS::Serverless type is only a warning.
            const awsNamespace = type.startsWith("AWS::") || type.startsWith("Alexa::");
            if (hint || (awsNamespace && !(template.sam && type.startsWith("AWS::Serverless::")))) {
                report(node, `Unknown resource type '${type}'${hint}`, { path });
            }
            else {
                report(node, awsNamespace
                    ? `Resource type '${type}' is not in this validator's SAM resource table; check its spelling against the AWS SAM documentation`
                    : `Resource type '${type}' is not in the resource specification${hint}; if it is a registry extension, make sure it is activated in every target account and region`, { path, severity: "warning" });
            }
        }
    },
};

;// CONCATENATED MODULE: ./src/template/rules/resources/update-replace-policy.ts


const updateReplacePolicy = {
    id: "E3036",
    severity: "error",
    shortDescription: "UpdateReplacePolicy values are valid",
    description: "UpdateReplacePolicy is Delete or Retain, or Snapshot for the resource types that support snapshots.",
    source: `${template_index/* USER_GUIDE */.d6}/aws-attribute-updatereplacepolicy.html`,
    tags: ["resources", "updatereplacepolicy"],
    check({ template, report }) {
        checkPolicy(template, report, "UpdateReplacePolicy", ["Delete", "Retain"]);
    },
};

;// CONCATENATED MODULE: ./src/template/rules/resources/value-types.ts


const propertyValueType = {
    id: "E3012",
    severity: "error",
    shortDescription: "Resource property values have the right type",
    description: "Property values must be of the type the resource specification gives: string, number, integer, boolean, " +
        "list, mapping or JSON. Scalars convert as CloudFormation converts them, and an intrinsic function is accepted " +
        "wherever it can return the expected type.",
    source: `${template_index/* USER_GUIDE */.d6}/resources-section-structure.html`,
    tags: ["resources", "properties", "types"],
    check({ template, spec, report }) {
        for (const problem of propertyProblems(template, spec)) {
            if (problem.kind === "type")
                report(problem.at, problem.message, { path: problem.path });
        }
    },
};

;// CONCATENATED MODULE: ./src/template/rules/resources/index.ts









const resourceRules = [
    resourceConfiguration,
    unknownProperty,
    missingRequiredProperty,
    circularDependency,
    dependsOnTarget,
    resourceType,
    propertyValueType,
    deletionPolicy,
    updateReplacePolicy,
];

;// CONCATENATED MODULE: ./src/template/rules/sam/events.ts


const SAM_GUIDE = "https://docs.aws.amazon.com/serverless-application-model/latest/developerguide";
/** Properties every stream and queue poller (Lambda event source mapping) accepts. */
const POLLER = [
    "BatchSize",
    "BisectBatchOnFunctionError",
    "ConsumerGroupId",
    "DestinationConfig",
    "Enabled",
    "FilterCriteria",
    "FunctionResponseTypes",
    "KafkaBootstrapServers",
    "KmsKeyArn",
    "LoggingConfig",
    "MaximumBatchingWindowInSeconds",
    "MaximumRecordAgeInSeconds",
    "MaximumRetryAttempts",
    "MetricsConfig",
    "ParallelizationFactor",
    "ProvisionedPollerConfig",
    "Queues",
    "ScalingConfig",
    "SchemaRegistryConfig",
    "SecretsManagerKmsKeyId",
    "SourceAccessConfigurations",
    "StartingPosition",
    "StartingPositionTimestamp",
    "Topics",
    "TumblingWindowInSeconds",
];
const RULE_TARGET = [
    "DeadLetterConfig",
    "EventBusName",
    "Input",
    "InputPath",
    "InputTransformer",
    "Pattern",
    "RetryPolicy",
    "RuleName",
    "State",
    "Target",
];
const SCHEDULE_V2 = {
    required: ["ScheduleExpression"],
    optional: [
        "DeadLetterConfig",
        "Description",
        "EndDate",
        "FlexibleTimeWindow",
        "GroupName",
        "Input",
        "KmsKeyArn",
        "Name",
        "OmitName",
        "PermissionsBoundary",
        "RetryPolicy",
        "RoleArn",
        "ScheduleExpressionTimezone",
        "StartDate",
        "State",
    ],
};
/**
 * `RestApiId` of an Api event is required by the transform's table but filled in with the
 * implicit `ServerlessRestApi` when left out, so it is optional here.
 */
const FUNCTION_EVENTS = {
    AlexaSkill: { required: [], optional: ["SkillId"] },
    Api: {
        required: ["Method", "Path"],
        optional: [
            "Auth",
            "RequestModel",
            "RequestParameters",
            "ResponseTransferMode",
            "RestApiId",
            "Stage",
            "TimeoutInMillis",
        ],
    },
    CloudWatchEvent: { required: [], optional: [...RULE_TARGET, "Enabled"] },
    CloudWatchLogs: { required: ["FilterPattern", "LogGroupName"], optional: [] },
    Cognito: { required: ["Trigger", "UserPool"], optional: [] },
    DocumentDB: {
        required: ["Cluster", "DatabaseName"],
        optional: [...POLLER, "CollectionName", "FullDocument"],
    },
    DynamoDB: { required: ["StartingPosition", "Stream"], optional: POLLER },
    EventBridgeRule: { required: [], optional: [...RULE_TARGET, "Enabled"] },
    HttpApi: {
        required: [],
        optional: [
            "ApiId",
            "Auth",
            "Method",
            "Path",
            "PayloadFormatVersion",
            "RouteSettings",
            "Stage",
            "TimeoutInMillis",
        ],
    },
    IoTRule: { required: ["Sql"], optional: ["AwsIotSqlVersion"] },
    Kinesis: { required: ["StartingPosition", "Stream"], optional: POLLER },
    MQ: { required: ["Broker"], optional: [...POLLER, "DynamicPolicyName"] },
    MSK: { required: ["StartingPosition", "Stream"], optional: POLLER },
    S3: { required: ["Bucket", "Events"], optional: ["Filter"] },
    SNS: {
        required: ["Topic"],
        optional: ["FilterPolicy", "FilterPolicyScope", "RedrivePolicy", "Region", "SqsSubscription"],
    },
    SQS: { required: ["Queue"], optional: POLLER },
    Schedule: {
        required: ["Schedule"],
        optional: [
            "DeadLetterConfig",
            "Description",
            "Enabled",
            "Input",
            "Name",
            "RetryPolicy",
            "RuleName",
            "State",
        ],
    },
    ScheduleV2: SCHEDULE_V2,
    SelfManagedKafka: { required: [], optional: POLLER },
};
const STATE_MACHINE_EVENTS = {
    Api: { required: ["Method", "Path"], optional: ["Auth", "RestApiId", "Stage", "UnescapeMappingTemplate"] },
    CloudWatchEvent: { required: [], optional: RULE_TARGET },
    EventBridgeRule: { required: [], optional: RULE_TARGET },
    Schedule: {
        required: ["Schedule"],
        optional: [
            "DeadLetterConfig",
            "Description",
            "Enabled",
            "Input",
            "Name",
            "RetryPolicy",
            "RoleArn",
            "State",
            "Target",
        ],
    },
    ScheduleV2: SCHEDULE_V2,
};
/** The event source types of each SAM resource type that has `Events`. */
const EVENT_SOURCES = {
    "AWS::Serverless::Function": FUNCTION_EVENTS,
    "AWS::Serverless::StateMachine": STATE_MACHINE_EVENTS,
};
const events_cache = new WeakMap();
/** The events of every SAM function and state machine, except those computed by a function. */
function samEvents(template) {
    const cached = events_cache.get(template);
    if (cached)
        return cached;
    const out = [];
    events_cache.set(template, out);
    if (!template.sam)
        return out;
    for (const resource of template.resources.values()) {
        const sources = resource.type ? EVENT_SOURCES[resource.type] : undefined;
        if (!sources)
            continue;
        const events = (0,template_nodes/* mapGet */.Z)(resource.properties?.value, "Events")?.value;
        if (events?.kind !== "map" || isFunctionCall(events))
            continue;
        for (const entry of events.entries) {
            // Loops of the language extensions expand before the SAM transform sees the events.
            if ((0,template_index/* isForEachKey */.oJ)(entry.key))
                continue;
            if (isFunctionCall(entry.value))
                continue;
            out.push({ resource, entry, body: entry.value.kind === "map" ? entry.value : undefined, sources });
        }
    }
    return out;
}
/** The event's Type when it is written as a string. */
function eventType(event) {
    const type = (0,template_nodes/* mapGet */.Z)(event.body, "Type")?.value;
    return (0,template_index/* isString */.Kg)(type) ? type.value : undefined;
}
/** A one-entry mapping whose key is an intrinsic function (`Fn::If`, `Ref`, ...). */
function isFunctionCall(node) {
    if (node.kind !== "map" || node.entries.length !== 1)
        return false;
    const key = node.entries[0].key;
    return key === "Ref" || key === "Condition" || key.startsWith("Fn::");
}

;// CONCATENATED MODULE: ./src/template/rules/sam/application.ts


const APPLICATION_LOCATION_KEYS = ["ApplicationId", "SemanticVersion"];
/** Every `AWS::Serverless::Application` whose Location is a mapping written out. */
function applicationLocations(template) {
    const out = [];
    if (!template.sam)
        return out;
    for (const resource of template.resources.values()) {
        if (resource.type !== "AWS::Serverless::Application")
            continue;
        const location = (0,template_nodes/* mapGet */.Z)(resource.properties?.value, "Location")?.value;
        if (location?.kind === "map" && !isFunctionCall(location))
            out.push({ resource, location });
    }
    return out;
}

;// CONCATENATED MODULE: ./src/template/rules/sam/application-location.ts



/**
 * The transform looks an application up in the Serverless Application Repository by ApplicationId
 * and SemanticVersion and fails without either. cfn-lint runs the transform with that lookup
 * turned off and so misses this; the deploy does not.
 */
const samApplicationLocation = {
    id: "E0001",
    severity: "error",
    shortDescription: "SAM application locations name an application and a version",
    description: "The Location of an AWS::Serverless::Application is a template URL or file path, or a mapping with both " +
        "ApplicationId and SemanticVersion.",
    source: `${SAM_GUIDE}/sam-resource-application.html`,
    tags: ["sam", "application"],
    check({ template, report }) {
        for (const { resource, location } of applicationLocations(template)) {
            const missing = APPLICATION_LOCATION_KEYS.filter((key) => !(0,template_nodes/* mapGet */.Z)(location, key));
            if (missing.length === 0)
                continue;
            const entry = (0,template_nodes/* mapGet */.Z)(resource.properties?.value, "Location");
            report(entry?.keyRange ?? location.range, `The Location of ${resource.name} needs ${missing.join(" and ")} (or a template URL instead of a mapping)`, { path: ["Resources", resource.name, "Properties", "Location"] });
        }
    },
};

;// CONCATENATED MODULE: ./src/template/rules/template/scalars.ts

function isLoose(node, type) {
    if (node.kind !== "scalar" || node.value === null)
        return false;
    const value = node.value;
    switch (type) {
        case "string":
            return true;
        case "boolean":
            return typeof value === "boolean" || /^(true|false|yes|no|on|off)$/i.test(String(value));
        case "number":
            return numberOf(node) !== undefined;
        case "integer": {
            const n = numberOf(node);
            return n !== undefined && Number.isInteger(n);
        }
    }
}
function numberOf(node) {
    if (node?.kind !== "scalar")
        return undefined;
    if (typeof node.value === "number")
        return node.value;
    if (typeof node.value !== "string" || node.value.trim() === "")
        return undefined;
    const n = Number(node.value);
    return Number.isFinite(n) ? n : undefined;
}
/** A literal list or mapping, as opposed to an intrinsic function that may resolve to a string. */
function isLiteralCollection(node) {
    return node.kind === "seq" || (node.kind === "map" && !(0,template_index/* intrinsicName */.FF)(node));
}
function kindName(node) {
    if (node.kind === "seq")
        return "a list";
    if (node.kind === "map")
        return (0,template_index/* intrinsicName */.FF)(node) ? `an intrinsic ${(0,template_index/* intrinsicName */.FF)(node)}` : "a mapping";
    if (node.value === null)
        return "empty";
    return `a ${typeof node.value}`;
}

;// CONCATENATED MODULE: ./src/template/rules/sam/event-properties.ts






/**
 * What the SAM transform checks of an event's Properties before it generates anything: a
 * mapping written out, no property its event source type does not have, none of the required
 * ones missing. Values are left to the transform and to CloudFormation.
 */
const samEventProperties = {
    id: "E0001",
    severity: "error",
    shortDescription: "SAM event Properties fit their event source type",
    description: "The Properties of a SAM event are a mapping with only the properties of its event source type, and all " +
        "of its required ones (Queue for SQS, Bucket and Events for S3, Stream and StartingPosition for Kinesis, ...).",
    source: `${SAM_GUIDE}/sam-property-function-eventsource.html`,
    tags: ["sam", "events"],
    check({ template, report }) {
        const extensions = usesLanguageExtensions(template);
        for (const event of samEvents(template)) {
            const type = eventType(event);
            const spec = type === undefined ? undefined : event.sources[type];
            if (!spec)
                continue; // The event type rule reports a missing or unknown Type.
            const { resource, entry } = event;
            const where = `event ${entry.key} of ${resource.name} (${type})`;
            const path = ["Resources", resource.name, "Properties", "Events", entry.key, "Properties"];
            const properties = (0,template_nodes/* mapGet */.Z)(event.body, "Properties");
            const value = properties?.value;
            if (value && value.kind !== "map") {
                report(value, `The Properties of ${where} must be a mapping, not ${kindName(value)}`, { path });
                continue;
            }
            if (value && isFunctionCall(value)) {
                // The transform reads the function's key as a property name; the language extensions
                // may resolve some functions before it runs.
                if (!extensions && value.entries[0].key === "Fn::If") {
                    report(value, `SAM does not resolve Fn::If as the Properties of ${where}; write the mapping out`, {
                        path,
                    });
                }
                continue;
            }
            const known = [...spec.required, ...spec.optional];
            let expanded = false;
            for (const property of value?.entries ?? []) {
                if ((0,template_index/* isForEachKey */.oJ)(property.key)) {
                    expanded = true;
                    continue;
                }
                if (known.includes(property.key))
                    continue;
                const hint = didYouMean(property.key, known);
                report(property.keyRange, `Unknown property '${property.key}' in ${where}${hint}`, {
                    path: [...path, property.key],
                });
            }
            if (expanded)
                continue;
            const missing = spec.required.filter((name) => !(0,template_nodes/* mapGet */.Z)(value, name));
            if (missing.length === 0)
                continue;
            const names = missing.map((name) => `'${name}'`).join(" and ");
            report(properties?.keyRange ?? entry.keyRange, `Missing required ${missing.length === 1 ? "property" : "properties"} ${names} in ${where}`, { path });
        }
    },
};

;// CONCATENATED MODULE: ./src/template/rules/sam/event-type.ts





/**
 * cfn-lint reports what the SAM transform rejects as E0001, with the transform's own message;
 * this rule finds the event types the transform does not know without running it.
 */
const samEventType = {
    id: "E0001",
    severity: "error",
    shortDescription: "SAM event sources have a known Type",
    description: "Each event of an AWS::Serverless::Function or AWS::Serverless::StateMachine names, in Type, an event source " +
        "type SAM knows for that resource type (S3, SNS, SQS, Api, HttpApi, Schedule, ... for functions; Api, " +
        "Schedule, ScheduleV2, CloudWatchEvent and EventBridgeRule for state machines).",
    source: `${SAM_GUIDE}/sam-property-function-eventsource.html`,
    tags: ["sam", "events"],
    check({ template, report }) {
        for (const event of samEvents(template)) {
            const { resource, entry, sources } = event;
            const where = `Event ${entry.key} of ${resource.name}`;
            const path = ["Resources", resource.name, "Properties", "Events", entry.key, "Type"];
            const known = Object.keys(sources);
            if (!event.body) {
                report(entry.value, `${where} must be a mapping of Type and Properties, not ${kindName(entry.value)}`, {
                    path: path.slice(0, -1),
                });
                continue;
            }
            const type = (0,template_nodes/* mapGet */.Z)(event.body, "Type");
            if (!type) {
                report(entry.keyRange, `${where} has no Type; SAM needs one of ${known.join(", ")}`, { path });
                continue;
            }
            if (!(0,template_index/* isString */.Kg)(type.value)) {
                report(type.value, `${where}: Type must be written as a string; SAM does not resolve functions there`, {
                    path,
                });
                continue;
            }
            if (sources[type.value.value])
                continue;
            const hint = didYouMean(type.value.value, known);
            report(type.value, `${where}: '${type.value.value}' is not an event source type of ${resource.type}${hint || `; use one of ${known.join(", ")}`}`, { path });
        }
    },
};

;// CONCATENATED MODULE: ./src/template/rules/sam/globals.ts




/**
 * The Globals sections SAM supports and the properties each may set, as the transform's Globals
 * plugin lists them: not every property of the resource type (a function's Role, Policies,
 * FunctionName or Events, an API's StageName or DefinitionBody cannot be global).
 */
const GLOBALS_PROPERTIES = {
    Function: [
        "Architectures",
        "AssumeRolePolicyDocument",
        "AutoPublishAlias",
        "AutoPublishAliasAllProperties",
        "CapacityProviderConfig",
        "CodeSigningConfigArn",
        "CodeUri",
        "DeadLetterQueue",
        "DeploymentPreference",
        "Description",
        "DurableConfig",
        "Environment",
        "EphemeralStorage",
        "EventInvokeConfig",
        "FileSystemConfigs",
        "FunctionScalingConfig",
        "FunctionUrlConfig",
        "Handler",
        "KmsKeyArn",
        "Layers",
        "LoggingConfig",
        "MemorySize",
        "PermissionsBoundary",
        "PropagateTags",
        "ProvisionedConcurrencyConfig",
        "PublishToLatestPublished",
        "RecursiveLoop",
        "ReservedConcurrentExecutions",
        "RolePath",
        "Runtime",
        "RuntimeManagementConfig",
        "SnapStart",
        "SourceKMSKeyArn",
        "Tags",
        "TenancyConfig",
        "Timeout",
        "Tracing",
        "VersionDeletionPolicy",
        "VpcConfig",
    ],
    Api: [
        "AccessLogSetting",
        "AlwaysDeploy",
        "Auth",
        "BinaryMediaTypes",
        "CacheClusterEnabled",
        "CacheClusterSize",
        "CanarySetting",
        "Cors",
        "DefinitionUri",
        "Domain",
        "EndpointAccessMode",
        "EndpointConfiguration",
        "GatewayResponses",
        "MergeDefinitions",
        "MethodSettings",
        "MinimumCompressionSize",
        "Name",
        "OpenApiVersion",
        "PropagateTags",
        "SecurityPolicy",
        "TracingEnabled",
        "Variables",
    ],
    HttpApi: [
        "AccessLogSettings",
        "Auth",
        "CorsConfiguration",
        "DefaultRouteSettings",
        "Domain",
        "FailOnWarnings",
        "PropagateTags",
        "RouteSettings",
        "StageVariables",
        "Tags",
    ],
    SimpleTable: ["SSESpecification"],
    StateMachine: ["PropagateTags"],
    LayerVersion: ["PublishLambdaVersion"],
    CapacityProvider: [
        "InstanceRequirements",
        "KmsKeyArn",
        "OperatorRole",
        "PropagateTags",
        "ScalingConfig",
        "Tags",
        "VpcConfig",
    ],
    WebSocketApi: [
        "AccessLogSettings",
        "ApiKeySelectionExpression",
        "DefaultRouteSettings",
        "DisableExecuteApiEndpoint",
        "DisableSchemaValidation",
        "Domain",
        "FailOnWarnings",
        "IpAddressType",
        "PropagateTags",
        "RouteSelectionExpression",
        "RouteSettings",
        "StageVariables",
        "Tags",
    ],
};
const SECTIONS = Object.keys(GLOBALS_PROPERTIES);
const samGlobals = {
    id: "E0001",
    severity: "error",
    shortDescription: "SAM Globals set only what SAM can make global",
    description: "Globals holds mappings for Function, Api, HttpApi, SimpleTable, StateMachine, LayerVersion, " +
        "CapacityProvider and WebSocketApi, each with only the properties SAM lets every resource of that type " +
        "inherit (a function's Role, Policies, FunctionName and Events, for example, cannot be global).",
    source: `${SAM_GUIDE}/sam-specification-template-anatomy-globals.html`,
    tags: ["sam", "globals"],
    check({ template, spec, report }) {
        if (!template.sam)
            return;
        const globals = template.sections.get("Globals");
        // A Globals section that is not a mapping is the template structure rule's (E1001) to report.
        if (!globals?.map)
            return;
        for (const section of globals.map.entries) {
            const supported = GLOBALS_PROPERTIES[section.key];
            if (!supported) {
                const hint = didYouMean(section.key, SECTIONS);
                report(section.keyRange, `Globals has no section '${section.key}'${hint || `; SAM supports ${SECTIONS.join(", ")}`}`, { path: ["Globals", section.key] });
                continue;
            }
            if (section.value.kind !== "map") {
                report(section.value, `Globals.${section.key} must be a mapping of properties, not ${kindName(section.value)}`, {
                    path: ["Globals", section.key],
                });
                continue;
            }
            // A property the resource type lacks altogether is the property name rule's to report.
            const checkedType = shared/* SAM_GLOBALS */.X8[section.key];
            const typeProperties = checkedType ? spec.resource(checkedType)?.properties : undefined;
            for (const property of section.value.entries) {
                if (supported.includes(property.key))
                    continue;
                if (typeProperties && !typeProperties[property.key])
                    continue;
                const message = typeProperties
                    ? `'${property.key}' in Globals.${section.key} cannot be global; set it on each ${checkedType} instead`
                    : `'${property.key}' is not a property SAM can make global in Globals.${section.key}${didYouMean(property.key, supported)}`;
                report(property.keyRange, message, {
                    path: ["Globals", section.key, property.key],
                });
            }
        }
    },
};

;// CONCATENATED MODULE: ./src/template/rules/sam/ignored-keys.ts



/** Besides Type and Properties, the resource attributes SAM may read from an event. */
const EVENT_KEYS = new Set([
    "Type",
    "Properties",
    "DependsOn",
    "Condition",
    "DeletionPolicy",
    "UpdatePolicy",
    "UpdateReplacePolicy",
    "Metadata",
]);
/**
 * Keys the SAM transform reads past without a word, so the setting they were meant to make is
 * silently lost: an event property written beside `Type` instead of under `Properties` (a
 * `PayloadFormatVersion` that never reaches the route), or an extra key in an application's
 * Location. A warning, since the template deploys. cfn-lint has no id for this (the transform
 * reports nothing); W0001 sits beside E0001, the transform's errors.
 */
const samIgnoredKeys = {
    id: "W0001",
    severity: "warning",
    shortDescription: "No keys that the SAM transform ignores",
    description: "An event of a SAM function or state machine holds only Type and Properties (its properties go under " +
        "Properties); the object form of an application's Location holds only ApplicationId and SemanticVersion.",
    source: `${SAM_GUIDE}/sam-property-function-eventsource.html`,
    tags: ["sam", "events"],
    check({ template, report }) {
        for (const event of samEvents(template)) {
            const { resource, entry } = event;
            const type = eventType(event);
            const spec = type === undefined ? undefined : event.sources[type];
            for (const key of event.body?.entries ?? []) {
                if (EVENT_KEYS.has(key.key) || (0,template_index/* isForEachKey */.oJ)(key.key))
                    continue;
                const belongs = spec && (spec.required.includes(key.key) || spec.optional.includes(key.key));
                const fix = belongs ? "; it belongs under Properties" : "";
                report(key.keyRange, `SAM ignores '${key.key}' in event ${entry.key} of ${resource.name}: an event holds Type and Properties${fix}`, { path: ["Resources", resource.name, "Properties", "Events", entry.key, key.key] });
            }
        }
        for (const { resource, location } of applicationLocations(template)) {
            for (const key of location.entries) {
                if (APPLICATION_LOCATION_KEYS.includes(key.key))
                    continue;
                report(key.keyRange, `SAM ignores '${key.key}' in the Location of ${resource.name}: it reads ApplicationId and SemanticVersion`, { path: ["Resources", resource.name, "Properties", "Location", key.key] });
            }
        }
    },
};

;// CONCATENATED MODULE: ./src/template/rules/sam/index.ts





const samRules = [
    samEventType,
    samEventProperties,
    samApplicationLocation,
    samGlobals,
    samIgnoredKeys,
];

;// CONCATENATED MODULE: ./src/template/rules/conditions/walk.ts


const CONDITION_FUNCTIONS = new Set(["Fn::And", "Fn::Or", "Fn::Not", "Fn::Equals", "Condition"]);
/** The function a node calls when it is a condition function, e.g. "Fn::And". */
function conditionFunction(node) {
    if (node.kind !== "map" || node.entries.length !== 1)
        return undefined;
    const key = node.entries[0].key;
    return CONDITION_FUNCTIONS.has(key) ? key : undefined;
}
const walk_cache = new WeakMap();
function conditionCalls(template) {
    const cached = walk_cache.get(template);
    if (cached)
        return cached;
    const calls = [];
    const visit = (node, condition) => {
        const fn = conditionFunction(node);
        if (!fn || node.kind !== "map")
            return;
        const arg = node.entries[0].value;
        calls.push({ fn, node, arg, condition });
        if (fn !== "Fn::Equals" && fn !== "Condition" && arg.kind === "seq")
            for (const item of arg.items)
                visit(item, condition);
    };
    for (const entry of namedEntries(template.conditions))
        visit(entry.value, entry.key);
    walk_cache.set(template, calls);
    return calls;
}
const CONDITIONS_PAGE = `${template_index/* USER_GUIDE */.d6}/conditions-section-structure.html`;
const CONDITION_FUNCTIONS_PAGE = `${template_index/* USER_GUIDE */.d6}/intrinsic-function-reference-conditions.html`;

;// CONCATENATED MODULE: ./src/template/rules/conditions/condition-list.ts


const ALLOWED = "{ Condition: Name }, Fn::Equals, Fn::And, Fn::Or or Fn::Not";
/** Checks every `fn` call in Conditions; `amount` words the bounds ("2 to 10 conditions"). */
function checkConditionList({ template, report }, fn, min, max, amount) {
    for (const call of conditionCalls(template)) {
        if (call.fn !== fn)
            continue;
        const path = ["Conditions", call.condition];
        const where = `${fn} in condition ${call.condition}`;
        if (call.arg.kind !== "seq") {
            // A lone condition function is the usual slip: the list brackets were left out.
            const hint = conditionFunction(call.arg) ? "; wrap it in a list" : "";
            report(call.arg, `${where} takes a list of ${amount}, not ${kindName(call.arg)}${hint}`, { path });
            continue;
        }
        const count = call.arg.items.length;
        if (count < min || count > max) {
            report(call.arg, `${where} takes ${amount}; found ${count}`, { path });
        }
        for (const item of call.arg.items) {
            if (conditionFunction(item))
                continue;
            report(item, `Each argument of ${where} must be a condition (${ALLOWED}), not ${kindName(item)}`, {
                path,
            });
        }
    }
}

;// CONCATENATED MODULE: ./src/template/rules/conditions/and.ts


const conditionAnd = {
    id: "E8004",
    severity: "error",
    shortDescription: "Fn::And takes 2 to 10 conditions",
    description: "Fn::And takes a list of 2 to 10 conditions, each a condition function or a Condition reference.",
    source: CONDITION_FUNCTIONS_PAGE,
    tags: ["conditions"],
    check(input) {
        checkConditionList(input, "Fn::And", 2, 10, "2 to 10 conditions");
    },
};

;// CONCATENATED MODULE: ./src/template/rules/conditions/condition.ts


const conditionReference = {
    id: "E8007",
    severity: "error",
    shortDescription: "Condition references name a condition",
    description: "Inside Conditions, { Condition: Name } takes the name of another condition as a string.",
    source: CONDITION_FUNCTIONS_PAGE,
    tags: ["conditions"],
    check({ template, report }) {
        for (const call of conditionCalls(template)) {
            if (call.fn !== "Condition" || (call.arg.kind === "scalar" && typeof call.arg.value === "string"))
                continue;
            report(call.arg, `Condition in condition ${call.condition} must name another condition, not ${kindName(call.arg)}`, {
                path: ["Conditions", call.condition],
            });
        }
    },
};

;// CONCATENATED MODULE: ./src/template/rules/conditions/configuration.ts



const CONDITION_NAME = /^[A-Za-z0-9&_]+$/;
const conditionConfiguration = {
    id: "E8001",
    severity: "error",
    shortDescription: "Conditions are condition functions",
    description: "Each condition has a name of letters, digits, '&' and '_', and is one condition function: Fn::And, Fn::Or, Fn::Not, Fn::Equals or Condition.",
    source: CONDITIONS_PAGE,
    tags: ["conditions"],
    check({ template, report }) {
        for (const entry of namedEntries(template.conditions)) {
            const path = ["Conditions", entry.key];
            if (!CONDITION_NAME.test(entry.key) || entry.key.length > MAX_NAME_LENGTH) {
                report(entry.keyRange, `Condition name "${entry.key}" may contain only letters, digits, "&" and "_", up to ${MAX_NAME_LENGTH} characters`, {
                    path,
                });
            }
            if (!conditionFunction(entry.value)) {
                report(entry.value, `Condition ${entry.key} must be one condition function (Fn::Equals, Fn::And, Fn::Or, Fn::Not or Condition), not ${kindName(entry.value)}`, { path });
            }
        }
    },
};

;// CONCATENATED MODULE: ./src/template/rules/conditions/equals.ts



const conditionEquals = {
    id: "E8003",
    severity: "error",
    shortDescription: "Fn::Equals compares exactly two values",
    description: "Fn::Equals takes a list of exactly two values, each a string or an intrinsic function that returns one " +
        "(not Fn::ImportValue, which conditions cannot use).",
    source: CONDITION_FUNCTIONS_PAGE,
    tags: ["conditions"],
    check({ template, report }) {
        for (const call of conditionCalls(template)) {
            if (call.fn !== "Fn::Equals")
                continue;
            const path = ["Conditions", call.condition];
            if (call.arg.kind !== "seq") {
                report(call.arg, `Fn::Equals in condition ${call.condition} takes a list of two values, not ${kindName(call.arg)}`, { path });
                continue;
            }
            if (call.arg.items.length !== 2) {
                report(call.arg, `Fn::Equals in condition ${call.condition} compares exactly two values; found ${call.arg.items.length}`, { path });
                continue;
            }
            for (const item of call.arg.items) {
                if ((0,template_index/* intrinsicName */.FF)(item) === "Fn::ImportValue") {
                    report(item, `Fn::Equals in condition ${call.condition} cannot compare an Fn::ImportValue: conditions cannot use it; pass the value in as a parameter`, { path });
                    continue;
                }
                if (!isLiteralCollection(item))
                    continue;
                report(item, `Fn::Equals in condition ${call.condition} compares strings; this value is ${kindName(item)}`, { path });
            }
        }
    },
};

;// CONCATENATED MODULE: ./src/template/rules/conditions/equals-list.ts




/**
 * cfn-lint reports a Ref to a list parameter where a string is needed under its Ref rule's id,
 * so this rule shares it. Pseudo parameters are left out, as cfn-lint leaves them.
 */
const conditionEqualsList = {
    id: "E1020",
    severity: "error",
    shortDescription: "Fn::Equals compares strings, not list parameters",
    description: "A value Fn::Equals compares is a string: a Ref to a list parameter (CommaDelimitedList, List<...>, or an " +
        "SSM parameter of a list type) gives a list, which CloudFormation cannot compare.",
    source: `${template_index/* USER_GUIDE */.d6}/intrinsic-function-reference-conditions.html`,
    tags: ["conditions", "ref"],
    check({ template, report }) {
        for (const call of conditionCalls(template)) {
            if (call.fn !== "Fn::Equals" || call.arg.kind !== "seq" || call.arg.items.length !== 2)
                continue;
            for (const item of call.arg.items) {
                if ((0,template_index/* intrinsicName */.FF)(item) !== "Ref" || item.kind !== "map")
                    continue;
                const target = item.entries[0].value;
                if (!(0,template_index/* isString */.Kg)(target))
                    continue;
                const type = (0,template_nodes/* mapGet */.Z)(template.parameters.get(target.value)?.value, "Type")?.value;
                if (!(0,template_index/* isString */.Kg)(type) || !isListParameterType(type.value))
                    continue;
                report(item, `Fn::Equals in condition ${call.condition} compares strings, but parameter ${target.value} is a list (${type.value}); compare one item with Fn::Select or the whole list with Fn::Join`, { path: ["Conditions", call.condition] });
            }
        }
    },
};

;// CONCATENATED MODULE: ./src/template/rules/conditions/exists.ts




/** Names a language-extension loop fills in (`${Env}` or `&{Env}`) are only known after it runs. */
function isTemplated(name) {
    return name.includes("${") || name.includes("&{");
}
const conditionExists = {
    id: "E8002",
    severity: "error",
    shortDescription: "Referenced conditions are defined",
    description: "Every condition named by a resource or output Condition attribute, by the first argument of Fn::If or by { Condition: Name } in Conditions is declared in the Conditions section.",
    source: CONDITIONS_PAGE,
    tags: ["conditions"],
    check({ template, report }) {
        if (hasOpaqueTransform(template))
            return;
        for (const name of template.conditions.keys())
            if ((0,template_index/* isForEachKey */.oJ)(name))
                return;
        const defined = [...template.conditions.keys()];
        const known = defined.length === 0
            ? "the template defines no conditions"
            : `defined: ${defined.slice(0, 10).join(", ")}${defined.length > 10 ? ", ..." : ""}`;
        for (const ref of template.references) {
            if (ref.kind !== "Condition" || template.conditions.has(ref.target) || isTemplated(ref.target))
                continue;
            // A one-entry { Condition: x } outside Conditions may be a resource property's own data.
            const fn = (0,template_index/* intrinsicName */.FF)(ref.node);
            if (fn === "Condition" && ref.from[0] !== "Conditions")
                continue;
            const owner = ref.from.length === 2 ? `${ref.from[0].replace(/s$/, "").toLowerCase()} ${ref.from[1]}` : ref.from[0];
            const subject = fn === "Fn::If"
                ? `Fn::If in ${owner} uses condition`
                : ref.from[0] === "Conditions"
                    ? `Condition ${ref.from[1]} refers to condition`
                    : `The Condition of ${owner} is`;
            report(ref.range, `${subject} "${ref.target}", which is not defined in Conditions${didYouMean(ref.target, defined)} (${known})`, {
                path: [...ref.from],
            });
        }
    },
};

;// CONCATENATED MODULE: ./src/template/rules/conditions/if.ts




/** Sections whose values are literals or condition functions, where Fn::If has no place to be checked. */
const SKIPPED_SECTIONS = new Set(["Parameters", "Mappings", "Conditions", "Rules"]);
function checkIf(node, report) {
    const arg = node.kind === "map" ? node.entries[0].value : node;
    const shape = "Fn::If takes a list of three items: [ConditionName, value if true, value if false]";
    if (arg.kind !== "seq") {
        report(arg, `${shape}; found ${kindName(arg)}`);
        return;
    }
    if (arg.items.length !== 3) {
        report(arg, `${shape}; found ${plural(arg.items.length, "item")}`);
    }
    const first = arg.items[0];
    if (first && !(0,template_index/* isString */.Kg)(first)) {
        report(first, `The first item of Fn::If must be the name of a condition, not ${kindName(first)}`);
    }
}
const conditionIf = {
    id: "E1028",
    severity: "error",
    shortDescription: "Fn::If is [condition name, value if true, value if false]",
    description: "Fn::If takes a list of exactly three items, the first the name of a condition declared in Conditions.",
    source: CONDITION_FUNCTIONS_PAGE,
    tags: ["functions", "conditions"],
    check({ template, report }) {
        const stack = [];
        for (const entry of template.root.entries)
            if (!SKIPPED_SECTIONS.has(entry.key))
                stack.push(entry.value);
        // An explicit stack: generated templates nest deeply enough to make recursion a risk.
        while (stack.length > 0) {
            const node = stack.pop();
            if (node.kind === "seq") {
                for (const item of node.items)
                    stack.push(item);
            }
            else if (node.kind === "map") {
                if ((0,template_index/* intrinsicName */.FF)(node) === "Fn::If")
                    checkIf(node, report);
                for (const entry of node.entries)
                    stack.push(entry.value);
            }
        }
    },
};

;// CONCATENATED MODULE: ./src/template/rules/conditions/not.ts


const conditionNot = {
    id: "E8005",
    severity: "error",
    shortDescription: "Fn::Not takes one condition",
    description: "Fn::Not takes a list of exactly one condition, a condition function or a Condition reference.",
    source: CONDITION_FUNCTIONS_PAGE,
    tags: ["conditions"],
    check(input) {
        checkConditionList(input, "Fn::Not", 1, 1, "exactly one condition");
    },
};

;// CONCATENATED MODULE: ./src/template/rules/conditions/or.ts


const conditionOr = {
    id: "E8006",
    severity: "error",
    shortDescription: "Fn::Or takes 2 to 10 conditions",
    description: "Fn::Or takes a list of 2 to 10 conditions, each a condition function or a Condition reference.",
    source: CONDITION_FUNCTIONS_PAGE,
    tags: ["conditions"],
    check(input) {
        checkConditionList(input, "Fn::Or", 2, 10, "2 to 10 conditions");
    },
};

;// CONCATENATED MODULE: ./src/template/rules/conditions/used.ts


const conditionUsed = {
    id: "W8001",
    severity: "warning",
    shortDescription: "Conditions are used",
    description: "A condition no resource, output, Fn::If or other condition refers to has no effect.",
    source: CONDITIONS_PAGE,
    tags: ["conditions"],
    check({ template, report }) {
        if (template.conditions.size === 0 || hasOpaqueTransform(template))
            return;
        const used = new Set();
        for (const ref of template.references)
            if (ref.kind === "Condition")
                used.add(ref.target);
        for (const entry of namedEntries(template.conditions)) {
            if (used.has(entry.key))
                continue;
            report(entry.keyRange, `Condition ${entry.key} is never used by a resource, output, Fn::If or other condition. Remove it or use it`, {
                path: ["Conditions", entry.key],
            });
        }
    },
};

;// CONCATENATED MODULE: ./src/template/rules/mappings/configuration.ts



const TOP_LEVEL_KEY = /^[A-Za-z0-9.-]+$/;
/** A mapping or key brought in by a transform (AWS::Include) is only known after it runs. */
function isTransform(node) {
    return (0,template_index/* intrinsicName */.FF)(node) === "Fn::Transform";
}
function checkValue(mapping, key, attribute, value, report) {
    const path = ["Mappings", mapping, key, attribute];
    const ok = (value.kind === "scalar" && value.value !== null) ||
        (value.kind === "seq" && value.items.every((item) => item.kind === "scalar" && item.value !== null));
    if (!ok) {
        report(value, `Mapping ${mapping}, key ${key}: the value of ${attribute} must be a string, a number or a list of strings, not ${kindName(value)}`, {
            path,
        });
    }
}
const mappingConfiguration = {
    id: "E7001",
    severity: "error",
    shortDescription: "Mappings are two levels of keys over literal values",
    description: "Each mapping has an alphanumeric name and maps top-level keys (letters, digits, '-' and '.') to attributes (letters and digits) whose values are strings, numbers or lists of strings.",
    source: `${template_index/* USER_GUIDE */.d6}/mappings-section-structure.html`,
    tags: ["mappings"],
    check({ template, report }) {
        for (const mapping of namedEntries(template.mappings)) {
            const name = mapping.key;
            checkAlphanumeric(mapping, "Mapping name", ["Mappings", name], report);
            const body = mapping.value;
            if (isTransform(body))
                continue;
            if (body.kind !== "map" || body.entries.length === 0) {
                report(body, `Mapping ${name} must be a mapping of at least one key to its attributes`, {
                    path: ["Mappings", name],
                });
                continue;
            }
            for (const key of body.entries) {
                if (isTransform(key.value) || key.key === "Fn::Transform")
                    continue;
                const path = ["Mappings", name, key.key];
                if (!TOP_LEVEL_KEY.test(key.key)) {
                    report(key.keyRange, `Mapping ${name}: key "${key.key}" may contain only letters, digits, "-" and "."`, { path });
                }
                if (key.value.kind !== "map" || key.value.entries.length === 0) {
                    report(key.value, `Mapping ${name}, key ${key.key}: must be a mapping of at least one attribute name to its value`, { path });
                    continue;
                }
                for (const attribute of key.value.entries) {
                    if (!ALPHANUMERIC.test(attribute.key)) {
                        report(attribute.keyRange, `Mapping ${name}, key ${key.key}: attribute name "${attribute.key}" must contain only letters and digits`, {
                            path: [...path, attribute.key],
                        });
                    }
                    checkValue(name, key.key, attribute.key, attribute.value, report);
                }
            }
        }
    },
};

;// CONCATENATED MODULE: ./src/template/rules/template/limits.ts


const QUOTAS_PAGE = `${template_index/* USER_GUIDE */.d6}/cloudformation-limits.html`;
function itemsOf(template, section) {
    return template.sections.get(section)?.items ?? new Map();
}
function countLimitRule(id, section, noun, max, advice) {
    return {
        id,
        severity: "error",
        shortDescription: `At most ${max} ${noun}s`,
        description: `A template may declare at most ${max} ${noun}s in ${section}.`,
        source: QUOTAS_PAGE,
        tags: [section.toLowerCase(), "limits"],
        check({ template, report }) {
            const entries = namedEntries(itemsOf(template, section));
            if (entries.length <= max)
                return;
            // Pointing at the first id over the quota shows where the excess starts.
            report(entries[max].keyRange, `The template declares ${plural(entries.length, noun)}; CloudFormation allows at most ${max}. ${advice}`, { path: [section, entries[max].key] });
        },
    };
}
function nameLengthRule(id, section, noun) {
    return {
        id,
        severity: "error",
        shortDescription: `${noun} logical ids are at most ${MAX_NAME_LENGTH} characters`,
        description: `Every logical id in ${section} must be at most ${MAX_NAME_LENGTH} characters long.`,
        source: QUOTAS_PAGE,
        tags: [section.toLowerCase(), "limits"],
        check({ template, report }) {
            for (const entry of namedEntries(itemsOf(template, section))) {
                if (entry.key.length <= MAX_NAME_LENGTH)
                    continue;
                report(entry.keyRange, `${noun} logical id ${entry.key.slice(0, 32)}... is ${entry.key.length} characters long; the limit is ${MAX_NAME_LENGTH}`, { path: [section, entry.key] });
            }
        },
    };
}

;// CONCATENATED MODULE: ./src/template/rules/mappings/count.ts


const MAX_MAPPINGS = 200;
const MAX_ATTRIBUTES = 200;
const mappingCount = {
    id: "E7010",
    severity: "error",
    shortDescription: "At most 200 mappings, and 200 attributes per mapping",
    description: "A template may declare at most 200 mappings, and each mapping level at most 200 entries.",
    source: QUOTAS_PAGE,
    tags: ["mappings", "limits"],
    check({ template, report }) {
        const mappings = namedEntries(template.mappings);
        if (mappings.length > MAX_MAPPINGS) {
            const first = mappings[MAX_MAPPINGS];
            report(first.keyRange, `The template declares ${plural(mappings.length, "mapping")}; CloudFormation allows at most ${MAX_MAPPINGS}`, {
                path: ["Mappings", first.key],
            });
        }
        for (const mapping of mappings) {
            if (mapping.value.kind !== "map")
                continue;
            const levels = [{ path: [mapping.key], entries: mapping.value.entries }];
            for (const key of mapping.value.entries) {
                if (key.value.kind === "map")
                    levels.push({ path: [mapping.key, key.key], entries: key.value.entries });
            }
            for (const level of levels) {
                if (level.entries.length <= MAX_ATTRIBUTES)
                    continue;
                const first = level.entries[MAX_ATTRIBUTES];
                report(first.keyRange, `Mapping ${level.path.join(".")} has ${plural(level.entries.length, "entry")}; CloudFormation allows at most ${MAX_ATTRIBUTES}. Split it into several mappings`, { path: ["Mappings", ...level.path, first.key] });
            }
        }
    },
};

;// CONCATENATED MODULE: ./src/template/rules/mappings/name-length.ts


const mappingNameLength = {
    id: "E7002",
    severity: "error",
    shortDescription: "Mapping names and attribute names are at most 255 characters",
    description: "Mapping names, their keys and their attribute names may be at most 255 characters long.",
    source: QUOTAS_PAGE,
    tags: ["mappings", "limits"],
    check({ template, report }) {
        const tooLong = (key) => key.length > MAX_NAME_LENGTH;
        const message = (what, key) => `${what} ${key.slice(0, 32)}... is ${key.length} characters long; the limit is ${MAX_NAME_LENGTH}`;
        for (const mapping of namedEntries(template.mappings)) {
            if (tooLong(mapping.key))
                report(mapping.keyRange, message("Mapping name", mapping.key), { path: ["Mappings", mapping.key] });
            if (mapping.value.kind !== "map")
                continue;
            for (const key of mapping.value.entries) {
                const path = ["Mappings", mapping.key, key.key];
                if (tooLong(key.key))
                    report(key.keyRange, message(`Mapping ${mapping.key} key`, key.key), { path });
                if (key.value.kind !== "map")
                    continue;
                for (const attribute of key.value.entries) {
                    if (tooLong(attribute.key)) {
                        report(attribute.keyRange, message(`Mapping ${mapping.key} attribute name`, attribute.key), {
                            path: [...path, attribute.key],
                        });
                    }
                }
            }
        }
    },
};

;// CONCATENATED MODULE: ./src/template/rules/mappings/used.ts


const mappingUsed = {
    id: "W7001",
    severity: "warning",
    shortDescription: "Mappings are used",
    description: "A mapping no Fn::FindInMap reads is dead weight in the template.",
    source: `${template_index/* USER_GUIDE */.d6}/mappings-section-structure.html`,
    tags: ["mappings"],
    check({ template, report }) {
        if (template.mappings.size === 0 || hasOpaqueTransform(template))
            return;
        const used = new Set();
        for (const ref of template.references)
            if (ref.kind === "FindInMap")
                used.add(ref.target);
        for (const mapping of namedEntries(template.mappings)) {
            if (used.has(mapping.key))
                continue;
            report(mapping.keyRange, `Mapping ${mapping.key} is never used: no Fn::FindInMap reads it. Remove it or use it`, {
                path: ["Mappings", mapping.key],
            });
        }
    },
};

;// CONCATENATED MODULE: ./src/template/rules/outputs/configuration.ts


const OUTPUT_KEYS = ["Value", "Description", "Export", "Condition"];
const outputConfiguration = {
    id: "E6001",
    severity: "error",
    shortDescription: "Outputs have alphanumeric ids and only known attributes",
    description: "Each output's logical id is alphanumeric; an output holds only Value, Description, Export and Condition, and an Export only Name.",
    source: `${template_index/* USER_GUIDE */.d6}/outputs-section-structure.html`,
    tags: ["outputs"],
    check({ template, report }) {
        for (const output of namedEntries(template.outputs)) {
            const name = output.key;
            const path = ["Outputs", name];
            checkAlphanumeric(output, "Output logical id", path, report);
            if (output.value.kind !== "map")
                continue;
            for (const entry of output.value.entries) {
                if (!OUTPUT_KEYS.includes(entry.key)) {
                    report(entry.keyRange, `Output ${name} has an unknown attribute "${entry.key}"; allowed: ${OUTPUT_KEYS.join(", ")}`, {
                        path: [...path, entry.key],
                    });
                }
                else if (entry.key === "Export" && entry.value.kind === "map" && !(0,template_index/* intrinsicName */.FF)(entry.value)) {
                    for (const exportEntry of entry.value.entries) {
                        if (exportEntry.key === "Name")
                            continue;
                        report(exportEntry.keyRange, `Output ${name}: Export takes only Name, not "${exportEntry.key}"`, {
                            path: [...path, "Export", exportEntry.key],
                        });
                    }
                }
            }
        }
    },
};

;// CONCATENATED MODULE: ./src/template/rules/outputs/count.ts

const outputCount = countLimitRule("E6010", "Outputs", "output", 200, "Remove outputs nothing reads, or move some resources and their outputs into a nested stack.");

;// CONCATENATED MODULE: ./src/template/rules/outputs/export-name.ts




const outputExportName = {
    id: "E6102",
    severity: "error",
    shortDescription: "Export names are strings",
    description: "An output's Export Name must be a string or an intrinsic function (Fn::Sub, Fn::Join, ...) that returns one.",
    source: `${template_index/* USER_GUIDE */.d6}/outputs-section-structure.html`,
    tags: ["outputs"],
    check({ template, report }) {
        for (const output of namedEntries(template.outputs)) {
            const name = (0,template_nodes/* mapGet */.Z)((0,template_nodes/* mapGet */.Z)(output.value, "Export")?.value, "Name")?.value;
            if (!name)
                continue;
            if (isLiteralCollection(name) ||
                (name.kind === "scalar" && (name.value === null || name.value === ""))) {
                report(name, `Output ${output.key}: Export Name must be a non-empty string, or Fn::Sub/Fn::Join that builds one`, {
                    path: ["Outputs", output.key, "Export", "Name"],
                });
            }
        }
    },
};

;// CONCATENATED MODULE: ./src/template/rules/outputs/export-unique.ts



/** A key equal for export names that always resolve to the same text, undefined otherwise. */
function exportKey(node) {
    if (node.kind === "scalar" && node.value !== null)
        return `=${String(node.value)}`;
    if ((0,template_index/* intrinsicName */.FF)(node) === "Fn::Sub" && node.kind === "map" && (0,template_index/* isString */.Kg)(node.entries[0].value)) {
        return `sub:${node.entries[0].value.value}`;
    }
    return undefined;
}
const outputExportUnique = {
    id: "E6006",
    severity: "error",
    shortDescription: "Export names are unique",
    description: "Export names must be unique in a Region, so two outputs of one template cannot export the same name.",
    source: `${template_index/* USER_GUIDE */.d6}/outputs-section-structure.html`,
    tags: ["outputs"],
    check({ template, report }) {
        const seen = new Map();
        for (const output of namedEntries(template.outputs)) {
            const name = (0,template_nodes/* mapGet */.Z)((0,template_nodes/* mapGet */.Z)(output.value, "Export")?.value, "Name")?.value;
            const key = name && exportKey(name);
            if (!name || !key)
                continue;
            const first = seen.get(key);
            if (first === undefined) {
                seen.set(key, output.key);
                continue;
            }
            report(name, `Output ${output.key} exports the same name as output ${first}; export names must be unique`, {
                path: ["Outputs", output.key, "Export", "Name"],
            });
        }
    },
};

;// CONCATENATED MODULE: ./src/template/rules/outputs/name-length.ts

const outputNameLength = nameLengthRule("E6011", "Outputs", "Output");

;// CONCATENATED MODULE: ./src/template/rules/outputs/required.ts



const outputRequired = {
    id: "E6002",
    severity: "error",
    shortDescription: "Outputs have a Value, and exports a Name",
    description: "Every output must have a Value; an Export must have a Name.",
    source: `${template_index/* USER_GUIDE */.d6}/outputs-section-structure.html`,
    tags: ["outputs"],
    check({ template, report }) {
        for (const output of namedEntries(template.outputs)) {
            const body = output.value;
            if (body.kind !== "map")
                continue;
            const path = ["Outputs", output.key];
            if (!(0,template_nodes/* mapGet */.Z)(body, "Value")) {
                report(output.keyRange, `Output ${output.key} has no Value; add the value to output (e.g. "Value: !Ref Bucket")`, { path });
            }
            const exported = (0,template_nodes/* mapGet */.Z)(body, "Export");
            if (exported?.value.kind === "map" &&
                !(0,template_index/* intrinsicName */.FF)(exported.value) &&
                !(0,template_nodes/* mapGet */.Z)(exported.value, "Name")) {
                report(exported.keyRange, `Output ${output.key}: Export has no Name; add the name other stacks import it by`, {
                    path: [...path, "Export"],
                });
            }
        }
    },
};

;// CONCATENATED MODULE: ./src/template/rules/outputs/type.ts



const outputType = {
    id: "E6003",
    severity: "error",
    shortDescription: "Output attributes have the right types",
    description: "An output is a mapping; its Description and Condition are strings and its Export is a mapping with Name.",
    source: `${template_index/* USER_GUIDE */.d6}/outputs-section-structure.html`,
    tags: ["outputs"],
    check({ template, report }) {
        for (const output of namedEntries(template.outputs)) {
            const name = output.key;
            const body = output.value;
            if (body.kind !== "map") {
                report(body, `Output ${name} must be a mapping with a Value (and optionally Description, Export, Condition)`, {
                    path: ["Outputs", name],
                });
                continue;
            }
            for (const { key, value } of body.entries) {
                const path = ["Outputs", name, key];
                if ((key === "Description" || key === "Condition") && !isLoose(value, "string")) {
                    report(value, `Output ${name}: ${key} must be a literal string, not ${kindName(value)}`, { path });
                }
                else if (key === "Export" && (value.kind !== "map" || (0,template_index/* intrinsicName */.FF)(value))) {
                    report(value, `Output ${name}: Export must be a mapping with Name (e.g. "Export: { Name: !Sub \${AWS::StackName}-Url }")`, { path });
                }
            }
        }
    },
};

;// CONCATENATED MODULE: ./src/template/rules/outputs/value.ts




const outputValue = {
    id: "E6101",
    severity: "error",
    shortDescription: "Output values are strings",
    description: "An output's Value must resolve to a string: a literal list or mapping is rejected (use Fn::Join for a list).",
    source: `${template_index/* USER_GUIDE */.d6}/outputs-section-structure.html`,
    tags: ["outputs"],
    check({ template, report }) {
        for (const output of namedEntries(template.outputs)) {
            const value = (0,template_nodes/* mapGet */.Z)(output.value, "Value")?.value;
            if (!value)
                continue;
            if (isLiteralCollection(value) || (value.kind === "scalar" && value.value === null)) {
                report(value, `Output ${output.key}: Value must be a string or an intrinsic function that returns one; join a list with Fn::Join`, { path: ["Outputs", output.key, "Value"] });
            }
        }
    },
};

;// CONCATENATED MODULE: ./src/template/rules/parameters/types.ts
/** The parameter types CloudFormation accepts, and which of them hold comma-separated lists. */
const AWS_TYPES = [
    "AWS::EC2::AvailabilityZone::Name",
    "AWS::EC2::Image::Id",
    "AWS::EC2::Instance::Id",
    "AWS::EC2::KeyPair::KeyName",
    "AWS::EC2::SecurityGroup::GroupName",
    "AWS::EC2::SecurityGroup::Id",
    "AWS::EC2::Subnet::Id",
    "AWS::EC2::VPC::Id",
    "AWS::EC2::Volume::Id",
    "AWS::Route53::HostedZone::Id",
];
/** Key pairs and SSM parameter names have no List<...> form. */
const SINGLE_ONLY = ["AWS::EC2::KeyPair::KeyName", "AWS::SSM::Parameter::Name"];
const LIST_TYPES = [
    "CommaDelimitedList",
    "List<Number>",
    "List<String>",
    ...AWS_TYPES.filter((t) => !SINGLE_ONLY.includes(t)).map((t) => `List<${t}>`),
];
const SINGLE_TYPES = ["String", "Number", ...AWS_TYPES, "AWS::SSM::Parameter::Name"];
const SSM_VALUE_TYPES = [...SINGLE_TYPES, ...LIST_TYPES].map((t) => `AWS::SSM::Parameter::Value<${t}>`);
const PARAMETER_TYPES = new Set([...SINGLE_TYPES, ...LIST_TYPES, ...SSM_VALUE_TYPES]);
/** Types whose value CloudFormation splits at commas. */
function isListType(type) {
    return type === "CommaDelimitedList" || type.startsWith("List<");
}
/** Types that take MinLength, MaxLength and AllowedPattern; Number takes MinValue and MaxValue. */
function allowedKeysFor(type) {
    const common = ["Type", "Default", "AllowedValues", "ConstraintDescription", "Description", "NoEcho"];
    if (type === "Number")
        return [...common, "MaxValue", "MinValue"];
    return [...common, "AllowedPattern", "MaxLength", "MinLength"];
}
const PARAMETER_KEYS = [
    "Type",
    "Default",
    "AllowedValues",
    "AllowedPattern",
    "ConstraintDescription",
    "Description",
    "MaxLength",
    "MinLength",
    "MaxValue",
    "MinValue",
    "NoEcho",
];

;// CONCATENATED MODULE: ./src/template/rules/parameters/configuration.ts





const VALUE_TYPES = {
    Type: "string",
    Default: "string",
    AllowedPattern: "string",
    ConstraintDescription: "string",
    Description: "string",
    MaxLength: "integer",
    MinLength: "integer",
    MaxValue: "number",
    MinValue: "number",
    NoEcho: "boolean",
};
const TYPE_WORDS = {
    string: "a string",
    number: "a number",
    integer: "an integer",
    boolean: "true or false",
};
const parameterConfiguration = {
    id: "E2001",
    severity: "error",
    shortDescription: "Parameters have a Type and only the attributes their type allows",
    description: "Each parameter has an alphanumeric logical id, is a mapping with a Type, and uses only the attributes CloudFormation defines for that type, each with a value of the right type.",
    source: `${template_index/* USER_GUIDE */.d6}/parameters-section-structure.html`,
    tags: ["parameters"],
    check({ template, report }) {
        for (const [name, parameter] of template.parameters) {
            const path = ["Parameters", name];
            checkAlphanumeric(parameter, "Parameter logical id", path, report);
            const body = parameter.value;
            if (body.kind !== "map") {
                report(body, `Parameter ${name} must be a mapping with at least a Type (e.g. "Type: String")`, {
                    path,
                });
                continue;
            }
            const typeEntry = (0,template_nodes/* mapGet */.Z)(body, "Type");
            if (!typeEntry) {
                report(parameter.keyRange, `Parameter ${name} has no Type; add one such as String, Number or CommaDelimitedList`, { path });
            }
            const type = (0,template_index/* isString */.Kg)(typeEntry?.value) ? typeEntry.value.value : undefined;
            const allowed = allowedKeysFor(type);
            for (const entry of body.entries)
                checkAttribute(name, type, allowed, entry, report);
        }
    },
};
function checkAttribute(name, type, allowed, entry, report) {
    const path = ["Parameters", name, entry.key];
    if (!PARAMETER_KEYS.includes(entry.key)) {
        report(entry.keyRange, `Parameter ${name} has an unknown attribute "${entry.key}"; allowed: ${allowed.join(", ")}`, { path });
        return;
    }
    if (!allowed.includes(entry.key)) {
        report(entry.keyRange, type === "Number"
            ? `Parameter ${name}: ${entry.key} does not apply to a Number parameter; use MinValue/MaxValue instead`
            : `Parameter ${name}: ${entry.key} applies only to Number parameters, not ${type ?? "this type"}; use MinLength/MaxLength or AllowedPattern`, { path });
        return;
    }
    const value = entry.value;
    if (entry.key === "AllowedValues") {
        if (value.kind !== "seq") {
            report(value, `Parameter ${name}: AllowedValues must be a list of values, not ${kindName(value)}`, {
                path,
            });
            return;
        }
        value.items.forEach((item, i) => {
            if (!isLoose(item, "string")) {
                report(item, `Parameter ${name}: each AllowedValues item must be a plain value, not ${kindName(item)}`, {
                    path: [...path, i],
                });
            }
            else {
                checkSize(name, "an AllowedValues item", item, MAX_VALUE_BYTES, report, [...path, i]);
            }
        });
        return;
    }
    const expected = VALUE_TYPES[entry.key];
    if (!isLoose(value, expected)) {
        report(value, `Parameter ${name}: ${entry.key} must be ${TYPE_WORDS[expected]}, not ${kindName(value)}`, {
            path,
        });
    }
    else if (entry.key === "Default") {
        checkSize(name, "Default", value, MAX_VALUE_BYTES, report, path);
    }
    else if (entry.key === "Description") {
        checkSize(name, "Description", value, MAX_DESCRIPTION_CHARACTERS, report, path);
    }
}
/** Quotas: a parameter value is at most 4,096 bytes, its description at most 4,000 characters. */
const MAX_VALUE_BYTES = 4096;
const MAX_DESCRIPTION_CHARACTERS = 4000;
function checkSize(name, what, node, max, report, path) {
    if (node.kind !== "scalar")
        return;
    const text = String(node.value);
    const size = max === MAX_VALUE_BYTES ? Buffer.byteLength(text, "utf8") : text.length;
    const unit = max === MAX_VALUE_BYTES ? "bytes" : "characters";
    if (size > max) {
        report(node, `Parameter ${name}: ${what} is ${size} ${unit} long; CloudFormation allows at most ${max}`, {
            path,
        });
    }
}

;// CONCATENATED MODULE: ./src/template/rules/parameters/count.ts

const parameterCount = countLimitRule("E2010", "Parameters", "parameter", 200, "Combine related values into a CommaDelimitedList, or move fixed values into Mappings.");

;// CONCATENATED MODULE: ./src/template/rules/parameters/default.ts




/**
 * CloudFormation matches AllowedPattern against the whole value. Patterns are Java regular
 * expressions; one JavaScript cannot compile is left unchecked rather than guessed at.
 */
function compilePattern(pattern) {
    for (const flags of ["", "u"]) {
        try {
            return new RegExp(`^(?:${pattern})$`, flags);
        }
        catch {
            // try the next flavour
        }
    }
    return undefined;
}
/** Why `value` breaks the parameter's constraints, or undefined when it meets them all. */
function violation(value, body) {
    const allowedValues = (0,template_nodes/* mapGet */.Z)(body, "AllowedValues")?.value;
    if (allowedValues?.kind === "seq" && allowedValues.items.length > 0) {
        const allowed = allowedValues.items.flatMap((item) => item.kind === "scalar" && item.value !== null ? [String(item.value)] : []);
        if (allowed.length === allowedValues.items.length && !allowed.includes(value)) {
            return `is not one of AllowedValues (${allowed.join(", ")})`;
        }
    }
    const pattern = (0,template_nodes/* mapGet */.Z)(body, "AllowedPattern")?.value;
    if ((0,template_index/* isString */.Kg)(pattern)) {
        const regex = compilePattern(pattern.value);
        if (regex && !regex.test(value))
            return `does not match AllowedPattern ${pattern.value}`;
    }
    const minLength = numberOf((0,template_nodes/* mapGet */.Z)(body, "MinLength")?.value);
    if (minLength !== undefined && value.length < minLength)
        return `is shorter than MinLength ${minLength}`;
    const maxLength = numberOf((0,template_nodes/* mapGet */.Z)(body, "MaxLength")?.value);
    if (maxLength !== undefined && value.length > maxLength)
        return `is longer than MaxLength ${maxLength}`;
    const number = value.trim() === "" ? Number.NaN : Number(value);
    const minValue = numberOf((0,template_nodes/* mapGet */.Z)(body, "MinValue")?.value);
    if (minValue !== undefined && number < minValue)
        return `is below MinValue ${minValue}`;
    const maxValue = numberOf((0,template_nodes/* mapGet */.Z)(body, "MaxValue")?.value);
    if (maxValue !== undefined && number > maxValue)
        return `is above MaxValue ${maxValue}`;
    return undefined;
}
function defaultText(node) {
    if (node.kind !== "scalar" || node.value === null)
        return undefined;
    return String(node.value);
}
const parameterDefault = {
    id: "E2015",
    severity: "error",
    shortDescription: "A parameter's Default meets its own constraints",
    description: "The Default must be in AllowedValues, match AllowedPattern and respect MinLength, MaxLength, MinValue and MaxValue; for list types each comma-separated item is checked.",
    source: `${template_index/* USER_GUIDE */.d6}/parameters-section-structure.html`,
    tags: ["parameters"],
    check({ template, report }) {
        for (const [name, parameter] of template.parameters) {
            const body = parameter.value;
            if (body.kind !== "map")
                continue;
            const defaultNode = (0,template_nodes/* mapGet */.Z)(body, "Default")?.value;
            const text = defaultNode && defaultText(defaultNode);
            if (!defaultNode || text === undefined)
                continue;
            const type = (0,template_nodes/* mapGet */.Z)(body, "Type")?.value;
            const path = ["Parameters", name, "Default"];
            let problem = violation(text, body);
            if (problem && (0,template_index/* isString */.Kg)(type) && isListType(type.value)) {
                // Constraints of a list parameter apply to each item; the whole string passing is also
                // accepted, as some templates list the full default among AllowedValues.
                const items = text.split(",").map((item) => item.trim());
                const failing = items.map((item) => [item, violation(item, body)]).find(([, why]) => why);
                problem = failing ? `item "${failing[0]}" ${failing[1]}` : undefined;
            }
            if (problem) {
                report(defaultNode, `Parameter ${name}: Default "${text}" ${problem}`, { path });
            }
        }
    },
};

;// CONCATENATED MODULE: ./src/template/rules/parameters/name-length.ts

const parameterNameLength = nameLengthRule("E2011", "Parameters", "Parameter");

;// CONCATENATED MODULE: ./src/template/rules/parameters/type.ts



const parameterType = {
    id: "E2002",
    severity: "error",
    shortDescription: "Parameters have a Type CloudFormation knows",
    description: "A parameter's Type is String, Number, List<Number>, CommaDelimitedList, an AWS-specific type (AWS::EC2::VPC::Id, List<AWS::EC2::Subnet::Id>, ...) or an SSM parameter type (AWS::SSM::Parameter::Value<...>).",
    source: `${template_index/* USER_GUIDE */.d6}/parameters-section-structure.html`,
    tags: ["parameters"],
    check({ template, report }) {
        for (const [name, parameter] of template.parameters) {
            const type = (0,template_nodes/* mapGet */.Z)(parameter.value, "Type")?.value;
            if (!type || ((0,template_index/* isString */.Kg)(type) && PARAMETER_TYPES.has(type.value)))
                continue;
            const written = type.kind === "scalar" ? `"${String(type.value)}"` : "not a string";
            report(type, `Parameter ${name} has Type ${written}, which CloudFormation does not accept. Use String, Number, List<Number>, CommaDelimitedList, an AWS-specific type such as AWS::EC2::VPC::Id or List<AWS::EC2::Subnet::Id>, or AWS::SSM::Parameter::Value<String>`, { path: ["Parameters", name, "Type"] });
        }
    },
};

;// CONCATENATED MODULE: ./src/template/rules/parameters/used.ts


const parameterUsed = {
    id: "W2001",
    severity: "warning",
    shortDescription: "Parameters are used",
    description: "A parameter no Ref or Fn::Sub variable refers to (in any section, SAM Globals included) only adds a prompt with no effect.",
    source: `${template_index/* USER_GUIDE */.d6}/parameters-section-structure.html`,
    tags: ["parameters"],
    check({ template, report }) {
        if (template.parameters.size === 0 || hasOpaqueTransform(template))
            return;
        const used = new Set();
        for (const ref of template.references)
            if (ref.kind === "Ref" || ref.kind === "Sub")
                used.add(ref.target);
        for (const [name, parameter] of template.parameters) {
            if (used.has(name))
                continue;
            report(parameter.keyRange, `Parameter ${name} is never used: no Ref or \${${name}} refers to it. Remove it or use it`, {
                path: ["Parameters", name],
            });
        }
    },
};

;// CONCATENATED MODULE: ./src/template/rules/template/description.ts

const templateDescription = {
    id: "E1004",
    severity: "error",
    shortDescription: "Template Description is a string",
    description: "The template's Description must be a literal string.",
    source: `${template_index/* USER_GUIDE */.d6}/template-description-structure.html`,
    tags: ["description"],
    check({ template, report }) {
        const value = template.sections.get("Description")?.entry.value;
        if (value && (value.kind !== "scalar" || value.value === null)) {
            report(value, "Description must be a literal string (not empty, no lists, mappings or intrinsic functions)", {
                path: ["Description"],
            });
        }
    },
};

;// CONCATENATED MODULE: ./src/template/rules/template/description-length.ts


const MAX_DESCRIPTION_BYTES = 1024;
const templateDescriptionLength = {
    id: "E1003",
    severity: "error",
    shortDescription: "Template Description is at most 1,024 bytes",
    description: "CloudFormation rejects a template whose Description is longer than 1,024 bytes.",
    source: QUOTAS_PAGE,
    tags: ["description", "limits"],
    check({ template, report }) {
        const value = template.sections.get("Description")?.entry.value;
        if (value?.kind !== "scalar" || typeof value.value !== "string")
            return;
        const bytes = Buffer.byteLength(value.value, "utf8");
        if (bytes > MAX_DESCRIPTION_BYTES) {
            report(value, `Description is ${(0,src_text/* thousands */.o)(bytes)} bytes; CloudFormation allows at most 1,024`, {
                path: ["Description"],
            });
        }
    },
};

;// CONCATENATED MODULE: ./src/template/rules/template/resource-count.ts

const resourceCount = countLimitRule("E3010", "Resources", "resource", 500, "Move some resources into nested stacks.");

;// CONCATENATED MODULE: ./src/template/rules/template/resource-name-length.ts

const resourceNameLength = nameLengthRule("E3011", "Resources", "Resource");

;// CONCATENATED MODULE: ./src/template/rules/template/resource-names.ts


const resourceLogicalIds = {
    id: "E3001",
    severity: "error",
    shortDescription: "Resource logical ids are alphanumeric",
    description: "A resource's logical id may contain only the letters A-Z and a-z and the digits 0-9.",
    source: `${template_index/* USER_GUIDE */.d6}/resources-section-structure.html`,
    tags: ["resources"],
    check({ template, report }) {
        for (const entry of namedEntries(template.sections.get("Resources")?.items ?? new Map())) {
            checkAlphanumeric(entry, "Resource logical id", ["Resources", entry.key], report);
        }
    },
};

;// CONCATENATED MODULE: ./src/template/rules/template/size.ts


/** Largest template body CloudFormation accepts inline in a request. */
const INLINE_TEMPLATE_BYTES = 51_200;
/** Largest template body CloudFormation reads from S3. */
const S3_TEMPLATE_BYTES = 1_000_000;
const templateSize = {
    id: "E1002",
    severity: "error",
    shortDescription: "Template size is within CloudFormation's limits",
    description: "A template body over 51,200 bytes can only be deployed from S3 (a warning: set artifact-bucket); over 1,000,000 bytes CloudFormation rejects it.",
    source: QUOTAS_PAGE,
    tags: ["limits"],
    check({ template, report }) {
        const bytes = Buffer.byteLength(template.parsed.source, "utf8");
        const at = template.root.entries[0]?.keyRange ?? template.root;
        const size = (0,src_text/* thousands */.o)(bytes);
        if (bytes > S3_TEMPLATE_BYTES) {
            report(at, `The template is ${size} bytes; CloudFormation accepts at most 1,000,000. Split it into nested stacks`);
        }
        else if (bytes > INLINE_TEMPLATE_BYTES) {
            report(at, `The template is ${size} bytes, over the 51,200 bytes CloudFormation accepts inline: set artifact-bucket so it is uploaded to S3 before deploying`, { severity: "warning" });
        }
    },
};

;// CONCATENATED MODULE: ./src/template/rules/template/structure.ts



const structure_SECTIONS = [
    "AWSTemplateFormatVersion",
    "Description",
    "Metadata",
    "Parameters",
    "Rules",
    "Mappings",
    "Conditions",
    "Transform",
    "Resources",
    "Outputs",
];
const MAPPING_SECTIONS = new Set([
    "Metadata",
    "Parameters",
    "Rules",
    "Mappings",
    "Conditions",
    "Resources",
    "Outputs",
    "Globals",
]);
/** A transform given by name, or as `{ Name, Parameters }` as AWS::Include is. */
function isTransformItem(node) {
    return ((0,template_index/* isString */.Kg)(node) || (node.kind === "map" && !(0,template_index/* intrinsicName */.FF)(node) && (0,template_index/* isString */.Kg)((0,template_nodes/* mapGet */.Z)(node, "Name")?.value)));
}
const templateStructure = {
    id: "E1001",
    severity: "error",
    shortDescription: "Template sections are known and well formed",
    description: "The top level holds only CloudFormation's sections (and Globals in SAM templates), each of the right type, and a non-empty Resources section.",
    source: `${template_index/* USER_GUIDE */.d6}/template-anatomy.html`,
    tags: ["base"],
    check({ template, report }) {
        for (const entry of template.root.entries) {
            const { key, value } = entry;
            if (key === "Globals" && !template.sam) {
                report(entry.keyRange, `Globals is a SAM section: add "Transform: ${template_index/* SAM_TRANSFORM */.x5}" or move its settings into the resources`, {
                    path: [key],
                });
                continue;
            }
            if (key !== "Globals" && !structure_SECTIONS.includes(key)) {
                report(entry.keyRange, `Unknown top-level section "${key}"${didYouMean(key, structure_SECTIONS)}. Allowed: ${structure_SECTIONS.join(", ")}${template.sam ? ", Globals" : ""}`, {
                    path: [key],
                });
                continue;
            }
            if (key === "AWSTemplateFormatVersion") {
                if (value.kind !== "scalar" || String(value.value) !== "2010-09-09") {
                    report(value, 'AWSTemplateFormatVersion must be "2010-09-09", the only template format version', {
                        path: [key],
                    });
                }
            }
            else if (key === "Transform") {
                const ok = value.kind === "seq" ? value.items.every(isTransformItem) : isTransformItem(value);
                if (!ok) {
                    report(value, "Transform must be a transform name, a mapping with Name (and Parameters), or a list of those", {
                        path: [key],
                    });
                }
            }
            else if (MAPPING_SECTIONS.has(key) && value.kind !== "map") {
                report(value, `The ${key} section must be a mapping of logical ids to their declarations`, {
                    path: [key],
                });
            }
            else if (key === "Resources" && value.kind === "map" && value.entries.length === 0) {
                report(entry.keyRange, "Resources is empty; a template must declare at least one resource", {
                    path: [key],
                });
            }
        }
        if (!template.sections.has("Resources")) {
            report(template.root, "The template has no Resources section; CloudFormation requires at least one resource", {
                path: ["Resources"],
            });
        }
    },
};

;// CONCATENATED MODULE: ./src/template/rules/sections.ts
/** The rules for the template's sections: top level, Parameters, Outputs, Mappings and Conditions. */



































const sectionRules = [
    templateStructure,
    templateSize,
    templateDescriptionLength,
    templateDescription,
    resourceLogicalIds,
    resourceCount,
    resourceNameLength,
    parameterConfiguration,
    parameterType,
    parameterCount,
    parameterNameLength,
    parameterDefault,
    parameterUsed,
    outputConfiguration,
    outputRequired,
    outputType,
    outputExportUnique,
    outputCount,
    outputNameLength,
    outputValue,
    outputExportName,
    mappingConfiguration,
    mappingNameLength,
    mappingCount,
    mappingUsed,
    conditionIf,
    conditionConfiguration,
    conditionExists,
    conditionEquals,
    conditionEqualsList,
    conditionAnd,
    conditionNot,
    conditionOr,
    conditionReference,
    conditionUsed,
];

;// CONCATENATED MODULE: ./src/template/rules/serverless/runtimes.ts
/**
 * The lifecycle of AWS Lambda managed runtimes: when each was deprecated, when Lambda stopped
 * creating functions with it, when it stopped updating them, and the runtime to move to.
 *
 * Source: https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html#runtimes-deprecated
 * (policy: https://docs.aws.amazon.com/lambda/latest/dg/runtime-support-policy.html), as tabulated
 * by cfn-lint 1.51.0 in cfnlint/data/AdditionalSpecs/LmbdRuntimeLifecycle.json (MIT-0).
 * Dates are UTC days (YYYY-MM-DD); a block applies from the start of its day. Update this table
 * when AWS announces or moves a date.
 */
const RUNTIME_LIFECYCLE_SOURCE = "https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html";
const RUNTIME_LIFECYCLE = {
    dotnet6: {
        deprecated: "2024-12-20",
        createBlock: "2026-06-01",
        updateBlock: "2026-07-01",
        successor: "dotnet9",
    },
    dotnet8: {
        deprecated: "2026-11-10",
        createBlock: "2026-12-10",
        updateBlock: "2027-01-11",
        successor: "dotnet9",
    },
    "dotnetcore1.0": {
        deprecated: "2019-06-27",
        createBlock: "2019-06-30",
        updateBlock: "2019-07-30",
        successor: "dotnet9",
    },
    "dotnetcore2.0": {
        deprecated: "2019-05-30",
        createBlock: "2019-04-30",
        updateBlock: "2019-05-30",
        successor: "dotnet9",
    },
    "dotnetcore2.1": {
        deprecated: "2022-01-05",
        createBlock: "2022-01-05",
        updateBlock: "2022-04-13",
        successor: "dotnet9",
    },
    "dotnetcore3.1": {
        deprecated: "2023-04-03",
        createBlock: "2023-04-03",
        updateBlock: "2023-05-03",
        successor: "dotnet9",
    },
    "go1.x": {
        deprecated: "2024-01-08",
        createBlock: "2024-02-08",
        updateBlock: "2026-07-01",
        successor: "provided.al2023",
    },
    java8: {
        deprecated: "2024-01-08",
        createBlock: "2024-02-08",
        updateBlock: "2026-07-01",
        successor: "java25",
    },
    "java8.al2": {
        deprecated: "2026-06-30",
        createBlock: "2026-07-31",
        updateBlock: "2026-08-31",
        successor: "java25",
    },
    java11: {
        deprecated: "2026-06-30",
        createBlock: "2026-07-31",
        updateBlock: "2026-08-31",
        successor: "java25",
    },
    java17: {
        deprecated: "2026-06-30",
        createBlock: "2026-07-31",
        updateBlock: "2026-08-31",
        successor: "java25",
    },
    java21: {
        deprecated: "2029-06-30",
        createBlock: "2029-07-31",
        updateBlock: "2029-08-31",
        successor: "java25",
    },
    java25: { deprecated: "2029-06-30", createBlock: "2029-07-31", updateBlock: "2029-08-31", successor: null },
    nodejs: {
        deprecated: "2016-08-30",
        createBlock: "2016-09-30",
        updateBlock: "2016-10-31",
        successor: "nodejs24.x",
    },
    "nodejs4.3": {
        deprecated: "2020-03-05",
        createBlock: "2020-02-03",
        updateBlock: "2020-03-05",
        successor: "nodejs24.x",
    },
    "nodejs4.3-edge": {
        deprecated: "2020-03-05",
        createBlock: "2019-03-31",
        updateBlock: "2019-04-30",
        successor: "nodejs24.x",
    },
    "nodejs6.10": {
        deprecated: "2019-08-12",
        createBlock: "2019-07-12",
        updateBlock: "2019-08-12",
        successor: "nodejs24.x",
    },
    "nodejs8.10": {
        deprecated: "2020-03-06",
        createBlock: "2020-02-04",
        updateBlock: "2020-03-06",
        successor: "nodejs24.x",
    },
    "nodejs10.x": {
        deprecated: "2021-07-30",
        createBlock: "2021-07-30",
        updateBlock: "2022-02-14",
        successor: "nodejs24.x",
    },
    "nodejs12.x": {
        deprecated: "2023-03-31",
        createBlock: "2023-03-31",
        updateBlock: "2023-04-30",
        successor: "nodejs24.x",
    },
    "nodejs14.x": {
        deprecated: "2023-12-04",
        createBlock: "2024-01-09",
        updateBlock: "2026-07-01",
        successor: "nodejs24.x",
    },
    "nodejs16.x": {
        deprecated: "2024-06-12",
        createBlock: "2026-06-01",
        updateBlock: "2026-07-01",
        successor: "nodejs24.x",
    },
    "nodejs18.x": {
        deprecated: "2025-09-01",
        createBlock: "2026-06-01",
        updateBlock: "2026-07-01",
        successor: "nodejs24.x",
    },
    "nodejs20.x": {
        deprecated: "2026-04-30",
        createBlock: "2026-06-01",
        updateBlock: "2026-07-01",
        successor: "nodejs24.x",
    },
    "nodejs22.x": {
        deprecated: "2027-04-30",
        createBlock: "2027-06-01",
        updateBlock: "2027-07-01",
        successor: "nodejs24.x",
    },
    "nodejs24.x": {
        deprecated: "2028-04-30",
        createBlock: "2028-06-01",
        updateBlock: "2028-07-01",
        successor: null,
    },
    provided: {
        deprecated: "2024-01-08",
        createBlock: "2024-02-08",
        updateBlock: "2026-07-01",
        successor: "provided.al2023",
    },
    "provided.al2": {
        deprecated: "2026-06-30",
        createBlock: "2026-07-31",
        updateBlock: "2026-08-31",
        successor: "provided.al2023",
    },
    "provided.al2023": {
        deprecated: "2029-06-30",
        createBlock: "2029-07-31",
        updateBlock: "2029-08-31",
        successor: null,
    },
    "python2.7": {
        deprecated: "2021-07-15",
        createBlock: "2021-07-15",
        updateBlock: "2022-05-30",
        successor: "python3.14",
    },
    "python3.6": {
        deprecated: "2022-07-18",
        createBlock: "2022-07-18",
        updateBlock: "2022-08-29",
        successor: "python3.14",
    },
    "python3.7": {
        deprecated: "2023-12-04",
        createBlock: "2024-01-09",
        updateBlock: "2026-03-09",
        successor: "python3.14",
    },
    "python3.8": {
        deprecated: "2024-10-14",
        createBlock: "2026-06-01",
        updateBlock: "2026-07-01",
        successor: "python3.14",
    },
    "python3.9": {
        deprecated: "2025-12-15",
        createBlock: "2026-06-01",
        updateBlock: "2026-07-01",
        successor: "python3.14",
    },
    "python3.10": {
        deprecated: "2026-06-30",
        createBlock: "2026-07-31",
        updateBlock: "2026-08-31",
        successor: "python3.14",
    },
    "python3.11": {
        deprecated: "2026-06-30",
        createBlock: "2026-07-31",
        updateBlock: "2026-08-31",
        successor: "python3.14",
    },
    "python3.12": {
        deprecated: "2028-10-31",
        createBlock: "2028-11-30",
        updateBlock: "2029-01-10",
        successor: "python3.14",
    },
    "python3.13": {
        deprecated: "2029-06-30",
        createBlock: "2029-07-31",
        updateBlock: "2029-08-31",
        successor: "python3.14",
    },
    "python3.14": {
        deprecated: "2029-06-30",
        createBlock: "2029-07-31",
        updateBlock: "2029-08-31",
        successor: null,
    },
    "ruby2.5": {
        deprecated: "2021-07-30",
        createBlock: "2021-07-30",
        updateBlock: "2022-03-31",
        successor: "ruby3.4",
    },
    "ruby2.7": {
        deprecated: "2023-12-07",
        createBlock: "2024-01-09",
        updateBlock: "2026-07-01",
        successor: "ruby3.4",
    },
    "ruby3.2": {
        deprecated: "2026-03-31",
        createBlock: "2026-06-01",
        updateBlock: "2026-07-01",
        successor: "ruby3.4",
    },
    "ruby3.3": {
        deprecated: "2027-03-31",
        createBlock: "2027-04-30",
        updateBlock: "2027-05-31",
        successor: "ruby3.4",
    },
    "ruby3.4": {
        deprecated: "2028-03-31",
        createBlock: "2028-04-30",
        updateBlock: "2028-05-31",
        successor: null,
    },
};

;// CONCATENATED MODULE: ./src/template/rules/serverless/runtime-lifecycle.ts




const systemClock = () => new Date();
/** The latest stage `life` has reached on `day` (YYYY-MM-DD, UTC), or undefined when still supported. */
function runtimeStage(life, day) {
    if (life.updateBlock <= day)
        return "update-blocked";
    if (life.createBlock <= day)
        return "create-blocked";
    if (life.deprecated <= day)
        return "deprecated";
    return undefined;
}
const FUNCTION_TYPES = new Set(["AWS::Lambda::Function", "AWS::Serverless::Function"]);
/** Runtime values of functions and of SAM's Globals.Function, with both branches of an Fn::If. */
function* runtimeValues(template) {
    for (const resource of (0,shared/* realResources */.W9)(template)) {
        if (!resource.type || !FUNCTION_TYPES.has(resource.type))
            continue;
        const entry = (0,template_nodes/* mapGet */.Z)(resource.properties?.value, "Runtime");
        if (entry)
            yield { node: entry.value, options: { path: ["Resources", resource.name, "Properties", "Runtime"] } };
    }
    const globals = (0,template_nodes/* mapGet */.Z)((0,shared/* globalsFor */.YE)(template, "AWS::Serverless::Function"), "Runtime");
    if (globals)
        yield { node: globals.value, options: { path: ["Globals", "Function", "Runtime"] } };
}
function* literals(node) {
    if ((0,template_index/* isString */.Kg)(node)) {
        yield node;
        return;
    }
    if ((0,template_index/* intrinsicName */.FF)(node) !== "Fn::If" || node.kind !== "map")
        return;
    const arg = node.entries[0].value;
    if (arg.kind === "seq")
        for (const branch of arg.items.slice(1, 3))
            yield* literals(branch);
}
function message(runtime, life, stage) {
    const move = life.successor ? ` Move to ${life.successor}.` : "";
    const dates = `was deprecated on ${life.deprecated}; Lambda blocks creating functions with it from ${life.createBlock} ` +
        `and updating them from ${life.updateBlock}.`;
    const now = stage === "update-blocked"
        ? "Functions with it can no longer be created or updated."
        : stage === "create-blocked"
            ? "Functions with it can no longer be created, so a new stack that uses it fails."
            : "It no longer receives security patches.";
    return `Runtime ${runtime} ${dates} ${now}${move}`;
}
/** Reports every runtime in `template` that has reached exactly `stage` on the clock's day. */
function checkRuntimes(template, report, stage, clock) {
    const day = clock().toISOString().slice(0, 10);
    for (const { node, options } of runtimeValues(template)) {
        for (const literal of literals(node)) {
            const life = Object.hasOwn(RUNTIME_LIFECYCLE, literal.value)
                ? RUNTIME_LIFECYCLE[literal.value]
                : undefined;
            if (life && runtimeStage(life, day) === stage)
                report(literal, message(literal.value, life, stage), options);
        }
    }
}
/** A runtime rule: reports the runtimes that have reached `stage` on the clock's day. */
function runtimeRule(stage, clock, meta) {
    return {
        ...meta,
        source: RUNTIME_LIFECYCLE_SOURCE,
        tags: ["resources", "lambda", "runtime", "serverless"],
        check({ template, report }) {
            checkRuntimes(template, report, stage, clock);
        },
    };
}

;// CONCATENATED MODULE: ./src/template/rules/serverless/deprecated-runtime-create.ts

/**
 * E2531, as in cfn-lint: a runtime whose create block date has passed but whose update block
 * date has not. Existing functions still update, but a new stack (every preview stack) cannot
 * create the function, so this is an error here as in cfn-lint.
 */
function createDeprecatedRuntimeCreateRule(clock = systemClock) {
    return runtimeRule("create-blocked", clock, {
        id: "E2531",
        severity: "error",
        shortDescription: "Lambda runtime can no longer be used for new functions",
        description: "A Lambda function uses a runtime that AWS has deprecated and whose create block date has passed: " +
            "Lambda no longer creates functions with it.",
    });
}
const deprecatedRuntimeCreate = createDeprecatedRuntimeCreateRule();

;// CONCATENATED MODULE: ./src/template/rules/serverless/deprecated-runtime-eol.ts

/**
 * W2531, as in cfn-lint: a deprecated runtime that Lambda still creates and updates functions
 * with. A warning: deployments work today, and the message gives the dates when they stop.
 */
function createDeprecatedRuntimeEolRule(clock = systemClock) {
    return runtimeRule("deprecated", clock, {
        id: "W2531",
        severity: "warning",
        shortDescription: "Lambda runtime is deprecated",
        description: "A Lambda function uses a runtime that AWS has deprecated; Lambda still creates and updates functions " +
            "with it until the block dates the message gives.",
    });
}
const deprecatedRuntimeEol = createDeprecatedRuntimeEolRule();

;// CONCATENATED MODULE: ./src/template/rules/serverless/deprecated-runtime-update.ts

/**
 * E2533, as in cfn-lint: a runtime whose update block date has passed. Lambda rejects both
 * creating and updating a function with it, so any deployment that touches the function fails.
 * Dates come from the table in runtimes.ts and are compared with the clock's UTC day; we also
 * check SAM functions and Globals.Function.Runtime before the transform, where cfn-lint reports on
 * the transformed AWS::Lambda::Function instead.
 */
function createDeprecatedRuntimeUpdateRule(clock = systemClock) {
    return runtimeRule("update-blocked", clock, {
        id: "E2533",
        severity: "error",
        shortDescription: "Lambda runtime can no longer be updated",
        description: "A Lambda function uses a runtime that AWS has deprecated and whose update block date has passed: " +
            "Lambda no longer creates or updates functions with it.",
    });
}
const deprecatedRuntimeUpdate = createDeprecatedRuntimeUpdateRule();

;// CONCATENATED MODULE: ./src/template/rules/serverless/documents.ts


/** The value of a JSON.parse result as nodes that all carry `range`. */
function nodeFromJson(value, range) {
    if (Array.isArray(value))
        return { kind: "seq", items: value.map((item) => nodeFromJson(item, range)), range };
    if (value !== null && typeof value === "object") {
        const entries = Object.entries(value).map(([key, item]) => ({
            key,
            keyRange: range,
            value: nodeFromJson(item, range),
        }));
        return { kind: "map", entries, range };
    }
    const scalar = typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? value : null;
    return { kind: "scalar", value: scalar, range };
}
/**
 * The document a property holds, when it is known before deployment: a mapping that is not an
 * intrinsic function, or a string that parses as JSON. Intrinsics (Fn::Sub, Fn::If, Fn::Join)
 * and strings that are not JSON give undefined: their content is only known at deploy time.
 */
function staticDocument(entry) {
    if (!entry)
        return undefined;
    const value = entry.value;
    if (value.kind === "map") {
        return (0,template_index/* intrinsicName */.FF)(value) || hasForEach(value) ? undefined : { node: value, anchor: entry.keyRange };
    }
    if (!(0,template_index/* isString */.Kg)(value))
        return undefined;
    let parsed;
    try {
        parsed = JSON.parse(value.value);
    }
    catch {
        return undefined;
    }
    return { node: nodeFromJson(parsed, value.range), anchor: value.range };
}
/** Fn::ForEach loops (AWS::LanguageExtensions) write keys that exist only after expansion. */
function hasForEach(node) {
    if (node.kind === "seq")
        return node.items.some(hasForEach);
    if (node.kind !== "map")
        return false;
    return node.entries.some((entry) => (0,template_index/* isForEachKey */.oJ)(entry.key) || hasForEach(entry.value));
}
/** True for a node whose value is only known at deploy time (any intrinsic function). */
function isDynamic(node) {
    return (0,template_index/* intrinsicName */.FF)(node) !== undefined;
}
/** The Properties mapping entry named `key` of a resource. */
function propertyEntry(resource, key) {
    return (0,template_nodes/* mapGet */.Z)(resource.properties?.value, key);
}
/** Report options pointing at a property of a resource. */
function propertyPath(resource, ...path) {
    return { path: ["Resources", resource.name, "Properties", ...path] };
}

;// CONCATENATED MODULE: ./src/template/rules/serverless/policy-document.ts


const DOCUMENT_KEYS = ["Version", "Id", "Statement"];
const VERSIONS = ["2012-10-17", "2008-10-17"];
const STATEMENT_KEYS = [
    "Sid",
    "Effect",
    "Principal",
    "NotPrincipal",
    "Action",
    "NotAction",
    "Resource",
    "NotResource",
    "Condition",
];
const PRINCIPAL_KEYS = ["AWS", "Service", "Federated", "CanonicalUser"];
/** IAM User Guide, "IAM JSON policy elements: Condition operators". */
const CONDITION_OPERATOR = new RegExp("^(?:ForAnyValue:|ForAllValues:)?(?:" +
    "(?:String(?:Not)?Equals(?:IgnoreCase)?|String(?:Not)?Like|" +
    "Numeric(?:Not)?Equals|Numeric(?:Less|Greater)Than(?:Equals)?|" +
    "Date(?:Not)?Equals|Date(?:Less|Greater)Than(?:Equals)?|" +
    "Bool|BinaryEquals|(?:Not)?IpAddress|Arn(?:Not)?Equals|Arn(?:Not)?Like)(?:IfExists)?|Null)$");
/** cfn-lint's pattern for a Resource of an identity policy: an ARN (any partition) or `*`. */
const RESOURCE_ARN = /^(arn:(aws[A-Za-z-]*?|\*):[^:]+:[^:]*(:(?:\d{12}|\*|aws)?:.+|)|\*)$/;
/** IAM accepts only letters and digits in an identity policy's Sid; other services accept more. */
const IDENTITY_SID = /^[A-Za-z0-9]+$/;
/** The grammar problems of one policy document. */
function policyProblems(document, kind, options) {
    const problems = [];
    const add = (at, message) => problems.push({ at, message });
    const root = document.node;
    if (root.kind !== "map") {
        add(root, "A policy document must be a mapping with Version and Statement");
        return problems;
    }
    for (const entry of root.entries) {
        if (!DOCUMENT_KEYS.includes(entry.key)) {
            add(entry.keyRange, `Unknown policy element '${entry.key}'; a policy document takes Version, Id and Statement`);
        }
    }
    const version = root.entries.find((entry) => entry.key === "Version");
    if (version &&
        !isDynamic(version.value) &&
        !((0,template_index/* isString */.Kg)(version.value) && VERSIONS.includes(version.value.value))) {
        add(version.value, `Version must be ${VERSIONS.join(" or ")}`);
    }
    const statement = root.entries.find((entry) => entry.key === "Statement");
    if (!statement) {
        add(document.anchor, "The policy document has no Statement");
        return problems;
    }
    const statements = statementList(statement.value, add);
    for (const { map, label } of statements)
        checkStatement(map, label, kind, add);
    if (options.uniqueSids)
        checkUniqueSids(statements.map((item) => item.map), add);
    return problems;
}
/** The statements written out, each with the label messages name it by (its place in the list). */
function statementList(node, add) {
    if (isDynamic(node))
        return [];
    if (node.kind === "map")
        return [{ map: node, label: "The statement" }];
    if (node.kind !== "seq") {
        add(node, "Statement must be a mapping or a list of mappings");
        return [];
    }
    const list = [];
    for (const [index, item] of node.items.entries()) {
        if (item.kind === "map" && !isDynamic(item))
            list.push({ map: item, label: `Statement ${index + 1}` });
        else if (item.kind !== "map")
            add(item, `Statement item ${index + 1} must be a mapping`);
    }
    return list;
}
function checkStatement(statement, label, kind, add) {
    const get = (key) => statement.entries.find((entry) => entry.key === key);
    for (const entry of statement.entries) {
        if (!STATEMENT_KEYS.includes(entry.key)) {
            add(entry.keyRange, `Unknown statement element '${entry.key}'; allowed: ${STATEMENT_KEYS.join(", ")}`);
        }
    }
    const effect = get("Effect");
    if (!effect)
        add(statement, `${label} has no Effect; it must be Allow or Deny`);
    else if (!isDynamic(effect.value) &&
        !((0,template_index/* isString */.Kg)(effect.value) && ["Allow", "Deny"].includes(effect.value.value))) {
        add(effect.value, "Effect must be exactly Allow or Deny (the value is case-sensitive)");
    }
    policy_document_exactlyOne(statement, label, "Action", "NotAction", add);
    for (const key of ["Action", "NotAction"]) {
        const entry = get(key);
        if (entry)
            checkStrings(entry, add, { nonEmpty: true });
    }
    if (kind === "trust") {
        for (const key of ["Resource", "NotResource"]) {
            const entry = get(key);
            if (entry)
                add(entry.keyRange, `${key} is not allowed in a trust policy: the role it belongs to is the resource`);
        }
    }
    else {
        policy_document_exactlyOne(statement, label, "Resource", "NotResource", add);
        for (const key of ["Resource", "NotResource"]) {
            const entry = get(key);
            if (entry)
                checkStrings(entry, add, { pattern: kind === "identity" ? RESOURCE_ARN : undefined });
        }
    }
    if (kind === "identity") {
        for (const key of ["Principal", "NotPrincipal"]) {
            const entry = get(key);
            if (entry) {
                add(entry.keyRange, `${key} is not allowed in an identity policy: it applies to the user, group or role it is attached to`);
            }
        }
    }
    else {
        policy_document_exactlyOne(statement, label, "Principal", "NotPrincipal", add);
        for (const key of ["Principal", "NotPrincipal"]) {
            const entry = get(key);
            if (entry)
                checkPrincipal(entry, add);
        }
    }
    const sid = get("Sid");
    if (kind === "identity" && sid && (0,template_index/* isString */.Kg)(sid.value) && !IDENTITY_SID.test(sid.value.value)) {
        add(sid.value, "Sid of an identity policy may contain only letters and digits");
    }
    const condition = get("Condition");
    if (condition)
        checkCondition(condition.value, add);
}
function policy_document_exactlyOne(statement, label, key, notKey, add) {
    const present = statement.entries.filter((entry) => entry.key === key || entry.key === notKey);
    if (present.length === 0)
        add(statement, `${label} needs ${key} or ${notKey}`);
    else if (present.length > 1 && present[0].key !== present[1].key) {
        add(present[1].keyRange, `A statement takes ${key} or ${notKey}, not both`);
    }
}
/** A string or a list of strings, as Action, NotAction, Resource and NotResource take. */
function checkStrings(entry, add, rules) {
    const value = entry.value;
    if (isDynamic(value))
        return;
    const items = value.kind === "seq" ? value.items : [value];
    if (value.kind === "seq" && items.length === 0 && rules.nonEmpty) {
        add(value, `${entry.key} must not be an empty list`);
    }
    for (const item of items) {
        if (isDynamic(item))
            continue;
        if (!(0,template_index/* isString */.Kg)(item)) {
            add(item, `${entry.key} must be a string or a list of strings`);
            return;
        }
        if (rules.pattern && !item.value.includes("${") && !rules.pattern.test(item.value)) {
            add(item, `${entry.key} must be an ARN (arn:partition:service:region:account:resource) or *`);
        }
    }
}
function checkPrincipal(entry, add) {
    const value = entry.value;
    if (isDynamic(value))
        return;
    const form = `${entry.key} must be '*' or a mapping of ${PRINCIPAL_KEYS.join(", ")} to a string or a list of strings`;
    if (value.kind === "scalar") {
        if (value.value !== "*")
            add(value, form);
        return;
    }
    if (value.kind !== "map") {
        add(value, form);
        return;
    }
    for (const principal of value.entries) {
        if (!PRINCIPAL_KEYS.includes(principal.key)) {
            add(principal.keyRange, `Unknown principal type '${principal.key}'; ${form}`);
            continue;
        }
        const items = principal.value.kind === "seq" ? principal.value.items : [principal.value];
        for (const item of items) {
            // An account ID written without quotes reads as a number; CloudFormation passes it on as one.
            if (isDynamic(item) || (0,template_index/* isString */.Kg)(item) || (item.kind === "scalar" && typeof item.value === "number"))
                continue;
            add(item, `${principal.key} principals must be a string or a list of strings`);
        }
    }
}
function checkCondition(node, add) {
    if (isDynamic(node))
        return;
    if (node.kind !== "map") {
        add(node, "Condition must be a mapping of condition operators to mappings of condition keys");
        return;
    }
    for (const operator of node.entries) {
        if (!CONDITION_OPERATOR.test(operator.key)) {
            add(operator.keyRange, `Unknown condition operator '${operator.key}'; use an IAM operator such as StringEquals, ArnLike, Bool or Null, ` +
                "optionally with an IfExists suffix or a ForAnyValue:/ForAllValues: prefix");
        }
        const keys = operator.value;
        if (isDynamic(keys))
            continue;
        if (keys.kind !== "map") {
            add(keys, `${operator.key} must map condition keys to values`);
            continue;
        }
        for (const key of keys.entries) {
            const items = key.value.kind === "seq" ? key.value.items : [key.value];
            for (const item of items) {
                if (item.kind === "scalar" || isDynamic(item))
                    continue;
                add(item, `The value of condition key '${key.key}' must be a string, number, boolean or a list of them`);
            }
        }
    }
}
function checkUniqueSids(statements, add) {
    const seen = new Set();
    for (const statement of statements) {
        const sid = statement.entries.find((entry) => entry.key === "Sid")?.value;
        if (!(0,template_index/* isString */.Kg)(sid))
            continue;
        if (seen.has(sid.value))
            add(sid, "Sid must be unique within the policy; another statement already uses it");
        seen.add(sid.value);
    }
}

;// CONCATENATED MODULE: ./src/template/rules/serverless/policy-sites.ts



/** `Policies[*].PolicyDocument` of an IAM role, user or group. */
function* embeddedPolicies(resource) {
    const policies = propertyEntry(resource, "Policies")?.value;
    if (policies?.kind !== "seq")
        return;
    for (const [index, policy] of policies.items.entries()) {
        if (policy.kind !== "map" || isDynamic(policy))
            continue;
        const entry = policy.entries.find((item) => item.key === "PolicyDocument");
        if (entry)
            yield { resource, entry, path: ["Policies", index, "PolicyDocument"] };
    }
}
/** A property that holds one document, when the resource has it. */
function* propertyPolicy(resource, key) {
    const entry = propertyEntry(resource, key);
    if (entry)
        yield { resource, entry, path: [key] };
}
/** Runs `sites` over every resource and reports the problems of each policy document found. */
function checkPolicies(template, report, kind, sites, options = () => ({ uniqueSids: true })) {
    for (const resource of (0,shared/* realResources */.W9)(template)) {
        for (const site of sites(resource)) {
            const document = staticDocument(site.entry);
            if (!document)
                continue;
            for (const problem of policyProblems(document, kind, options(resource))) {
                report(problem.at, problem.message, propertyPath(resource, ...site.path));
            }
        }
    }
}

;// CONCATENATED MODULE: ./src/template/rules/serverless/identity-policy.ts


const DOCUMENT_PROPERTY = {
    "AWS::IAM::Policy": "PolicyDocument",
    "AWS::IAM::ManagedPolicy": "PolicyDocument",
    "AWS::IAM::UserPolicy": "PolicyDocument",
    "AWS::IAM::RolePolicy": "PolicyDocument",
    "AWS::IAM::GroupPolicy": "PolicyDocument",
    "AWS::SSO::PermissionSet": "InlinePolicy",
};
const WITH_POLICIES = new Set(["AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group"]);
/** SAM's Policies take names, ARNs, policy templates and inline documents; only documents have a Statement. */
const SAM_WITH_POLICIES = new Set(["AWS::Serverless::Function", "AWS::Serverless::StateMachine"]);
function* samInlinePolicies(resource) {
    const entry = propertyEntry(resource, "Policies");
    if (!entry)
        return;
    const isDocument = (node) => node.kind === "map" && !isDynamic(node) && node.entries.some((item) => item.key === "Statement");
    if (isDocument(entry.value)) {
        yield { resource, entry, path: ["Policies"] };
        return;
    }
    if (entry.value.kind !== "seq")
        return;
    for (const [index, item] of entry.value.items.entries()) {
        if (isDocument(item)) {
            yield {
                resource,
                entry: { key: entry.key, keyRange: item.range, value: item },
                path: ["Policies", index],
            };
        }
    }
}
function* identitySites(resource) {
    const type = resource.type ?? "";
    if (Object.hasOwn(DOCUMENT_PROPERTY, type))
        yield* propertyPolicy(resource, DOCUMENT_PROPERTY[type]);
    if (WITH_POLICIES.has(type))
        yield* embeddedPolicies(resource);
    if (SAM_WITH_POLICIES.has(type))
        yield* samInlinePolicies(resource);
}
/**
 * E3510, as in cfn-lint: the grammar of identity policies (IAM policies, managed policies, the
 * inline policies of roles, users and groups, SSO permission sets, and the inline documents of SAM
 * functions and state machines, which cfn-lint sees only after the transform). An identity policy
 * names no Principal and needs Resource or NotResource. See policy-document.ts for where we differ
 * from cfn-lint.
 */
const identityPolicy = {
    id: "E3510",
    severity: "error",
    shortDescription: "IAM identity policy documents are well formed",
    description: "Identity policies embedded in the template must follow the IAM policy grammar: Version, a Statement " +
        "mapping or list, Effect Allow or Deny, Action or NotAction, Resource or NotResource, no Principal, and " +
        "known condition operators.",
    source: "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements.html",
    tags: ["resources", "iam", "serverless"],
    check({ template, report }) {
        checkPolicies(template, report, "identity", identitySites);
    },
};

;// CONCATENATED MODULE: ./src/template/rules/serverless/resource-policy.ts




const resource_policy_DOCUMENT_PROPERTY = {
    "AWS::S3::BucketPolicy": "PolicyDocument",
    "AWS::SQS::QueuePolicy": "PolicyDocument",
    "AWS::SNS::TopicPolicy": "PolicyDocument",
    "AWS::KMS::Key": "KeyPolicy",
    "AWS::OpenSearchService::Domain": "AccessPolicies",
};
function* resourceSites(resource) {
    const type = resource.type ?? "";
    if (Object.hasOwn(resource_policy_DOCUMENT_PROPERTY, type))
        yield* propertyPolicy(resource, resource_policy_DOCUMENT_PROPERTY[type]);
}
/**
 * A Lambda permission's Principal is one principal, not a document: `*`, an account ID, an ARN,
 * or a service principal, which always has a dot (`s3.amazonaws.com`). A bare service name such
 * as `s3` is the usual mistake; AddPermission rejects it.
 */
const LAMBDA_PRINCIPAL = /^(\*|\d{12}|arn:.+|[^.\s]+(\.[^.\s]+)+)$/;
function checkLambdaPermissions(template, report) {
    for (const resource of (0,shared/* realResources */.W9)(template)) {
        if (resource.type !== "AWS::Lambda::Permission")
            continue;
        const principal = propertyEntry(resource, "Principal")?.value;
        if (!principal || isDynamic(principal))
            continue;
        if (principal.kind === "scalar" && typeof principal.value === "number")
            continue;
        if ((0,template_index/* isString */.Kg)(principal) && (principal.value.includes("${") || LAMBDA_PRINCIPAL.test(principal.value)))
            continue;
        report(principal, "Principal of a Lambda permission must be a service principal such as s3.amazonaws.com, an account ID, " +
            "an ARN or *", propertyPath(resource, "Principal"));
    }
}
/**
 * E3512, as in cfn-lint: the grammar of resource policies of S3 buckets, SQS queues, SNS
 * topics, KMS keys and OpenSearch domains, where each statement must name a Principal or
 * NotPrincipal and a Resource or NotResource; S3 accepts repeated Sids, the others do not. We add
 * the form of a Lambda permission's Principal, which cfn-lint checks only against the source's
 * service (W3664).
 */
const resourcePolicy = {
    id: "E3512",
    severity: "error",
    shortDescription: "Resource policy documents are well formed",
    description: "Bucket, queue, topic, key and domain policies must follow the IAM policy grammar for resource policies: Effect Allow or " +
        "Deny, Action or NotAction, Resource or NotResource, a Principal of a known form, and known condition " +
        "operators. A Lambda permission's Principal must be a service principal, an account, an ARN or *.",
    source: "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_identity-vs-resource.html",
    tags: ["resources", "iam", "serverless"],
    check({ template, report }) {
        checkPolicies(template, report, "resource", resourceSites, (resource) => ({
            uniqueSids: resource.type !== "AWS::S3::BucketPolicy",
        }));
        checkLambdaPermissions(template, report);
    },
};

;// CONCATENATED MODULE: ./src/template/rules/serverless/states-language.ts


const STATE_TYPES = ["Pass", "Task", "Wait", "Choice", "Succeed", "Fail", "Parallel", "Map"];
const TERMINAL_TYPES = new Set(["Succeed", "Fail"]);
const QUERY_LANGUAGES = ["JSONPath", "JSONata"];
/** The structural problems of a state machine definition. */
function definitionProblems(document) {
    const problems = [];
    checkMachine(document.node, document.anchor, "The definition", (at, message) => problems.push({ at, message }));
    return problems;
}
const get = (map, key) => map.entries.find((entry) => entry.key === key);
/** A value written out in the template, not computed at deploy time nor substituted. */
function states_language_literal(node) {
    return (0,template_index/* isString */.Kg)(node) && !node.value.includes("${");
}
function checkMachine(node, anchor, label, add) {
    if (isDynamic(node))
        return;
    if (node.kind !== "map") {
        add(node, `${label} must be a mapping with StartAt and States`);
        return;
    }
    checkQueryLanguage(node, add);
    const startAt = get(node, "StartAt");
    const states = get(node, "States");
    if (!startAt)
        add(anchor, `${label} has no StartAt naming its first state`);
    if (!states) {
        add(anchor, `${label} has no States`);
        return;
    }
    if (isDynamic(states.value))
        return;
    if (states.value.kind !== "map") {
        add(states.value, "States must be a mapping of state names to states");
        return;
    }
    const names = new Set(states.value.entries.map((entry) => entry.key));
    const target = (entry, what) => {
        if (!entry || isDynamic(entry.value) || ((0,template_index/* isString */.Kg)(entry.value) && entry.value.value.includes("${")))
            return;
        if (!states_language_literal(entry.value))
            add(entry.value, `${what} must be the name of a state`);
        else if (!names.has(entry.value.value))
            add(entry.value, `${what} names no state of the States it belongs to`);
    };
    target(startAt, "StartAt");
    for (const state of states.value.entries)
        checkState(state, target, add);
}
function checkQueryLanguage(node, add) {
    const entry = get(node, "QueryLanguage");
    if (entry && states_language_literal(entry.value) && !QUERY_LANGUAGES.includes(entry.value.value)) {
        add(entry.value, `QueryLanguage must be ${QUERY_LANGUAGES.join(" or ")}`);
    }
}
function checkState(state, target, add) {
    const name = `State '${state.key}'`;
    const body = state.value;
    if (isDynamic(body))
        return;
    if (body.kind !== "map") {
        add(state.keyRange, `${name} must be a mapping with a Type`);
        return;
    }
    checkQueryLanguage(body, add);
    const typeEntry = get(body, "Type");
    if (!typeEntry) {
        add(state.keyRange, `${name} has no Type; use one of ${STATE_TYPES.join(", ")}`);
        return;
    }
    if (!states_language_literal(typeEntry.value))
        return;
    const type = typeEntry.value.value;
    if (!STATE_TYPES.includes(type)) {
        add(typeEntry.value, `Type of state '${state.key}' must be one of ${STATE_TYPES.join(", ")}`);
        return;
    }
    const next = get(body, "Next");
    const end = get(body, "End");
    if (TERMINAL_TYPES.has(type)) {
        for (const entry of [next, end]) {
            if (entry)
                add(entry.keyRange, `A ${type} state ends the execution; it takes no ${entry.key}`);
        }
    }
    else if (type !== "Choice") {
        if (next && end)
            add(end.keyRange, `${name} has both Next and End; a state either moves on or ends`);
        else if (!next && !end)
            add(state.keyRange, `${name} needs Next (the state that follows) or End: true`);
        if (end && end.value.kind === "scalar" && end.value.value !== true) {
            add(end.value, "End must be true; leave it out and use Next to continue");
        }
    }
    target(next, "Next");
    const catchers = get(body, "Catch")?.value;
    if (catchers?.kind === "seq") {
        for (const catcher of catchers.items) {
            if (catcher.kind !== "map" || isDynamic(catcher))
                continue;
            const catchNext = get(catcher, "Next");
            if (!catchNext)
                add(catcher, "Each Catch entry needs Next: the state to move to after the error");
            target(catchNext, "Next of a Catch entry");
        }
    }
    if (type === "Task" && !get(body, "Resource"))
        add(state.keyRange, `${name} is a Task without Resource`);
    if (type === "Choice")
        checkChoice(state, body, target, add);
    if (type === "Parallel")
        checkParallel(state, body, add);
    if (type === "Map")
        checkMap(state, body, add);
}
function checkChoice(state, body, target, add) {
    const choices = get(body, "Choices");
    if (!choices) {
        add(state.keyRange, `Choice state '${state.key}' has no Choices`);
    }
    else if (!isDynamic(choices.value)) {
        if (choices.value.kind !== "seq" || choices.value.items.length === 0) {
            add(choices.value, "Choices must be a non-empty list of choice rules");
        }
        else {
            for (const rule of choices.value.items) {
                if (rule.kind !== "map" || isDynamic(rule))
                    continue;
                const next = get(rule, "Next");
                if (!next)
                    add(rule, "Each choice rule needs Next: the state to move to when the rule matches");
                target(next, "Next of a choice rule");
            }
        }
    }
    target(get(body, "Default"), "Default");
}
function checkParallel(state, body, add) {
    const branches = get(body, "Branches");
    if (!branches) {
        add(state.keyRange, `Parallel state '${state.key}' has no Branches`);
        return;
    }
    if (isDynamic(branches.value))
        return;
    if (branches.value.kind !== "seq") {
        add(branches.value, "Branches must be a list of state machines, each with StartAt and States");
        return;
    }
    for (const [index, branch] of branches.value.items.entries()) {
        const anchor = branch.kind === "map" ? branch.range : branches.keyRange;
        checkMachine(branch, anchor, `Branch ${index + 1} of '${state.key}'`, add);
    }
}
function checkMap(state, body, add) {
    const processor = get(body, "ItemProcessor");
    const iterator = get(body, "Iterator");
    if (processor && iterator) {
        add(iterator.keyRange, `Map state '${state.key}' has both ItemProcessor and Iterator; keep ItemProcessor`);
    }
    else if (!processor && !iterator) {
        add(state.keyRange, `Map state '${state.key}' needs ItemProcessor (or the older Iterator)`);
    }
    for (const entry of [processor, iterator]) {
        if (entry)
            checkMachine(entry.value, entry.keyRange, `${entry.key} of '${state.key}'`, add);
    }
}

;// CONCATENATED MODULE: ./src/template/rules/serverless/state-machine-definition.ts



const DEFINITION_PROPERTIES = {
    "AWS::StepFunctions::StateMachine": ["Definition", "DefinitionString"],
    "AWS::Serverless::StateMachine": ["Definition"],
};
/**
 * E3601, as in cfn-lint: the structure of a Step Functions definition, written as a `Definition`
 * mapping or as a `DefinitionString` JSON string (a string built with Fn::Sub or Fn::Join is only
 * known at deploy time and is skipped). Problems inside a mapping are reported at the offending
 * key or value; inside a JSON string, at the string.
 *
 * Where we differ from cfn-lint: we check that every Next, Default and Catch target names a state
 * of its own States (cfn-lint checks only StartAt), and we do not reject fields we do not know or
 * check field types and ARN patterns, so a field added to the language later never fails a
 * template. We also check SAM state machines before the transform.
 */
const stateMachineDefinition = {
    id: "E3601",
    severity: "error",
    shortDescription: "Step Functions definitions are well formed",
    description: "A state machine definition needs StartAt naming one of its States, a known Type for every state, Next or " +
        "End on every state that does not end the execution, Next and Default targets that exist, Choices on Choice " +
        "states and well-formed Parallel branches and Map item processors.",
    source: "https://docs.aws.amazon.com/step-functions/latest/dg/statemachine-structure.html",
    tags: ["resources", "stepfunctions", "serverless"],
    check({ template, report }) {
        for (const resource of (0,shared/* realResources */.W9)(template)) {
            const type = resource.type ?? "";
            if (!Object.hasOwn(DEFINITION_PROPERTIES, type))
                continue;
            for (const key of DEFINITION_PROPERTIES[type]) {
                const document = staticDocument(propertyEntry(resource, key));
                if (!document)
                    continue;
                for (const problem of definitionProblems(document)) {
                    report(problem.at, problem.message, propertyPath(resource, key));
                }
            }
        }
    },
};

;// CONCATENATED MODULE: ./src/template/rules/serverless/trust-policy.ts

const TRUST_TYPES = new Set(["AWS::IAM::Role", "AWS::Serverless::Function"]);
function* trustSites(resource) {
    if (resource.type && TRUST_TYPES.has(resource.type))
        yield* propertyPolicy(resource, "AssumeRolePolicyDocument");
}
/**
 * E3530, as in cfn-lint: the grammar of a role's trust policy (AssumeRolePolicyDocument), which
 * names who may assume the role: Principal or NotPrincipal is required and Resource is not
 * allowed. We also check a SAM function's AssumeRolePolicyDocument, which SAM copies to the role.
 */
const trustPolicy = {
    id: "E3530",
    severity: "error",
    shortDescription: "IAM role trust policies are well formed",
    description: "A role's AssumeRolePolicyDocument must follow the IAM policy grammar for trust policies: Effect Allow or " +
        "Deny, Action or NotAction, a Principal of a known form, no Resource, and known condition operators.",
    source: "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html",
    tags: ["resources", "iam", "serverless"],
    check({ template, report }) {
        checkPolicies(template, report, "trust", trustSites);
    },
};

;// CONCATENATED MODULE: ./src/template/rules/serverless/index.ts







const serverlessRules = [
    deprecatedRuntimeUpdate,
    deprecatedRuntimeCreate,
    deprecatedRuntimeEol,
    identityPolicy,
    resourcePolicy,
    trustPolicy,
    stateMachineDefinition,
];

;// CONCATENATED MODULE: ./src/template/rules/services/strings.ts


const strings_cache = new WeakMap();
/**
 * Every string value that contains a `{` (all that `${...}` and `{{resolve:...}}` need), with
 * where it sits. One walk over a mutable path; only recorded strings copy it.
 */
function stringSites(template) {
    const cached = strings_cache.get(template);
    if (cached)
        return cached;
    const sites = [];
    const path = [];
    const functions = [];
    const loops = [];
    const visit = (node) => {
        if (node.kind === "scalar") {
            if (typeof node.value === "string" && node.value.includes("{")) {
                sites.push({
                    node: node,
                    path: [...path],
                    functions: [...functions],
                    loopVariables: [...loops],
                });
            }
            return;
        }
        if (node.kind === "seq") {
            for (const [index, item] of node.items.entries()) {
                path.push(index);
                visit(item);
                path.pop();
            }
            return;
        }
        const fn = functionName(node);
        if (fn)
            functions.push(fn);
        for (const entry of node.entries) {
            const identifier = (0,template_index/* isForEachKey */.oJ)(entry.key) && entry.value.kind === "seq" ? entry.value.items[0] : undefined;
            const loop = identifier?.kind === "scalar" && typeof identifier.value === "string" ? identifier.value : undefined;
            if (loop !== undefined)
                loops.push(loop);
            path.push(entry.key);
            visit(entry.value);
            path.pop();
            if (loop !== undefined)
                loops.pop();
        }
        if (fn)
            functions.pop();
    };
    visit(template.root);
    strings_cache.set(template, sites);
    return sites;
}
/** The node at a path from the template's root, if there is one. */
function nodeAt(template, path) {
    let node = template.root;
    for (const segment of path) {
        if (!node)
            return undefined;
        if (typeof segment === "number")
            node = node.kind === "seq" ? node.items[segment] : undefined;
        else
            node = node.kind === "map" ? node.entries.find((entry) => entry.key === segment)?.value : undefined;
    }
    return node;
}
/**
 * Splits a path under Resources into the resource's own path (through any Fn::ForEach loops,
 * e.g. ["Resources", "Fn::ForEach::Topics", 2, "Topic${Name}"]) and the rest inside the resource
 * (e.g. ["Properties", "TopicName"]). Undefined when the path is not inside a resource.
 */
function splitResourcePath(path) {
    if (path[0] !== "Resources")
        return undefined;
    let index = 1;
    while (typeof path[index] === "string" && (0,template_index/* isForEachKey */.oJ)(path[index])) {
        if (path[index + 1] !== 2)
            return undefined;
        index += 2;
    }
    if (typeof path[index] !== "string")
        return undefined;
    return { resource: path.slice(0, index + 1), inside: path.slice(index + 1) };
}

;// CONCATENATED MODULE: ./src/template/rules/services/dynamic-references.ts


const DYNAMIC_REFERENCES_DOCS = `${template_index/* USER_GUIDE */.d6}/dynamic-references.html`;
/**
 * Whether CloudFormation resolves dynamic references where the string sits: resource properties
 * (and SAM Globals, which become properties), output values, and parameter defaults and allowed
 * values.
 */
function resolvedHere(reference, sam) {
    const path = reference.site.path;
    switch (path[0]) {
        case "Resources":
            return splitResourcePath(path)?.inside[0] === "Properties";
        case "Outputs":
            return path[2] === "Value";
        case "Parameters":
            return path[2] === "Default" || path[2] === "AllowedValues";
        case "Globals":
            return sam;
        default:
            return false;
    }
}
const REFERENCE = /\{\{resolve:(.*?)\}\}/gs;
const dynamic_references_cache = new WeakMap();
function dynamicReferences(template) {
    const cached = dynamic_references_cache.get(template);
    if (cached)
        return cached;
    const references = [];
    for (const site of stringSites(template)) {
        if (!site.node.value.includes("{{resolve:"))
            continue;
        const inSub = site.functions.includes("Fn::Sub");
        for (const match of site.node.value.matchAll(REFERENCE)) {
            // Inside Fn::Sub, `${...}` is filled in before the reference is resolved.
            if (inSub && match[1].includes("${"))
                continue;
            const [service, ...parts] = match[1].split(":");
            references.push({
                site,
                range: (0,template_index/* subRange */.oC)(site.node, match.index ?? 0, match[0].length),
                service,
                parts,
                text: `resolve:${match[1]}`,
            });
        }
    }
    dynamic_references_cache.set(template, references);
    return references;
}

;// CONCATENATED MODULE: ./src/template/rules/services/dynamic-reference-secrets.ts


const dynamicReferenceSecrets = {
    id: "E1051",
    severity: "error",
    shortDescription: "Secrets Manager dynamic references only in resource properties",
    description: "A '{{resolve:secretsmanager:...}}' dynamic reference can be used only in resource properties, not in " +
        "resource Metadata, Outputs or elsewhere in the template.",
    source: `${DYNAMIC_REFERENCES_DOCS}#dynamic-references-secretsmanager`,
    tags: ["functions", "dynamic reference"],
    check({ template, report }) {
        for (const reference of dynamicReferences(template)) {
            if (reference.service !== "secretsmanager")
                continue;
            const path = reference.site.path;
            const where = path[0] === "Resources" ? splitResourcePath(path)?.inside[0] : path[0];
            // Outside resources and outputs (Mappings, say) the value may still reach a property.
            if (where === "Properties" ||
                where === undefined ||
                (path[0] !== "Resources" && path[0] !== "Outputs")) {
                continue;
            }
            report(reference.range, "A secretsmanager dynamic reference can be used only in resource properties; CloudFormation does not " +
                "resolve secrets here. Move it into the property that needs the secret", { path: reference.site.path });
        }
    },
};

;// CONCATENATED MODULE: ./src/template/rules/services/values.ts



/** The resources of the given types that rules should look at (SAM types only under the transform). */
function* resourcesOfType(template, ...types) {
    for (const resource of (0,shared/* realResources */.W9)(template)) {
        if (!resource.type || !resource.body || !types.includes(resource.type))
            continue;
        if (resource.type.startsWith("AWS::Serverless::") && !template.sam)
            continue;
        yield resource;
    }
}
/**
 * Every mapping the resource's Properties can be: itself, or each branch of a Fn::If (nested
 * ones too). Other intrinsics at the top give nothing to check.
 */
function* propertySets(resource) {
    const value = resource.properties?.value;
    if (!value) {
        yield { resource, properties: { kind: "map", entries: [], range: resource.entry.keyRange }, bare: true };
        return;
    }
    for (const properties of branches(value))
        yield { resource, properties, bare: false };
}
function* branches(node) {
    if (node.kind !== "map")
        return;
    const fn = (0,template_index/* intrinsicName */.FF)(node);
    if (!fn) {
        yield node;
        return;
    }
    const arg = node.entries[0].value;
    if (fn === "Fn::If" && arg.kind === "seq" && arg.items.length === 3) {
        yield* branches(arg.items[1]);
        yield* branches(arg.items[2]);
    }
}
/** The single property set of a resource, or undefined when Properties is a Fn::If or other intrinsic. */
function onlyPropertySet(resource) {
    const value = resource.properties?.value;
    if (value && (value.kind !== "map" || (0,template_index/* intrinsicName */.FF)(value)))
        return undefined;
    for (const set of propertySets(resource))
        return set;
    return undefined;
}
/** Whether the value is `!Ref AWS::NoValue` or a Fn::If that may produce it (so the property may be absent). */
function values_mayBeNoValue(node) {
    if ((0,template_index/* isNoValue */.RL)(node))
        return true;
    if ((0,template_index/* intrinsicName */.FF)(node) !== "Fn::If")
        return false;
    const arg = node.entries[0].value;
    return arg.kind === "seq" && arg.items.slice(1).some(values_mayBeNoValue);
}
/**
 * A property's entry when it is certainly present: written, and not `!Ref AWS::NoValue` nor a
 * Fn::If that may produce it.
 */
function presentEntry(properties, key) {
    const entry = (0,template_nodes/* mapGet */.Z)(properties, key);
    return entry && !values_mayBeNoValue(entry.value) ? entry : undefined;
}
/** Whether a property is certainly absent: not written, or `!Ref AWS::NoValue`. */
function isAbsent(properties, key) {
    const entry = (0,template_nodes/* mapGet */.Z)(properties, key);
    return !entry || (0,template_index/* isNoValue */.RL)(entry.value);
}
/** A string scalar's text. */
function literalString(node) {
    return (0,template_index/* isString */.Kg)(node) ? node.value : undefined;
}
/** A boolean written as `true`/`false` or as those strings (any case), as CloudFormation converts them. */
function literalBoolean(node) {
    if (node?.kind !== "scalar")
        return undefined;
    if (typeof node.value === "boolean")
        return node.value;
    if (typeof node.value !== "string")
        return undefined;
    const text = node.value.toLowerCase();
    return text === "true" ? true : text === "false" ? false : undefined;
}
/** A number written as a number or a numeric string. */
function literalNumber(node) {
    if (node?.kind !== "scalar")
        return undefined;
    if (typeof node.value === "number")
        return node.value;
    if (typeof node.value === "string" && /^\s*-?\d+(\.\d+)?\s*$/.test(node.value))
        return Number(node.value);
    return undefined;
}
/**
 * A boolean property with its default when absent; undefined when the value is not literal (or
 * may be absent through a Fn::If).
 */
function booleanProperty(properties, key, fallback) {
    if (isAbsent(properties, key))
        return fallback;
    const entry = presentEntry(properties, key);
    return entry ? literalBoolean(entry.value) : undefined;
}
/** The resource a `!GetAtt X.Attr` or `!Ref X` names, with the attribute (undefined for Ref). */
function referenceTarget(node) {
    const fn = (0,template_index/* intrinsicName */.FF)(node);
    if (!fn)
        return undefined;
    const arg = node.entries[0].value;
    if (fn === "Ref")
        return (0,template_index/* isString */.Kg)(arg) ? { name: arg.value, attribute: undefined } : undefined;
    if (fn !== "Fn::GetAtt")
        return undefined;
    if ((0,template_index/* isString */.Kg)(arg)) {
        const dot = arg.value.indexOf(".");
        if (dot <= 0)
            return undefined;
        return { name: arg.value.slice(0, dot), attribute: arg.value.slice(dot + 1) };
    }
    if (arg.kind === "seq" && arg.items.length === 2 && (0,template_index/* isString */.Kg)(arg.items[0]) && (0,template_index/* isString */.Kg)(arg.items[1])) {
        return { name: arg.items[0].value, attribute: arg.items[1].value };
    }
    return undefined;
}
/** The resource of one of `types` that `!GetAtt X.<attribute>` names. */
function getAttResource(template, node, attribute, types) {
    const target = referenceTarget(node);
    if (!target || target.attribute !== attribute)
        return undefined;
    const resource = template.resources.get(target.name);
    return resource?.type && types.includes(resource.type) ? resource : undefined;
}
/**
 * The Globals entry a SAM resource would inherit for `key` (from the Globals section of its
 * type), unless it opts out with IgnoreGlobals; callers check the resource's own value first.
 */
function inheritedGlobal(template, resource, key) {
    if (!resource.type)
        return undefined;
    const globals = (0,shared/* globalsFor */.YE)(template, resource.type);
    if (!globals || (0,shared/* ignoresGlobal */.JJ)(resource, key))
        return undefined;
    return (0,template_nodes/* mapGet */.Z)(globals, key);
}

;// CONCATENATED MODULE: ./src/template/rules/services/dynamic-reference-secure.ts




/** `Type/Properties/...` paths that take ssm-secure references; `*` stands for a list item. */
const SUPPORTED = new Set([
    "AWS::DirectoryService::MicrosoftAD/Properties/Password",
    "AWS::DirectoryService::SimpleAD/Properties/Password",
    "AWS::ElastiCache::ReplicationGroup/Properties/AuthToken",
    "AWS::IAM::User/Properties/LoginProfile/Password",
    "AWS::KinesisFirehose::DeliveryStream/Properties/RedshiftDestinationConfiguration/Password",
    "AWS::OpsWorks::App/Properties/AppSource/Password",
    "AWS::OpsWorks::Stack/Properties/RdsDbInstances/*/DbPassword",
    "AWS::OpsWorks::Stack/Properties/CustomCookbooksSource/Password",
    "AWS::RDS::DBCluster/Properties/MasterUserPassword",
    "AWS::RDS::DBInstance/Properties/MasterUserPassword",
    "AWS::Redshift::Cluster/Properties/MasterUserPassword",
]);
const dynamicReferenceSecure = {
    id: "E1027",
    severity: "error",
    shortDescription: "SSM secure string dynamic references only where supported",
    description: "A '{{resolve:ssm-secure:...}}' dynamic reference can be used only in the few resource properties that " +
        "support secure strings, such as the MasterUserPassword of an RDS database.",
    source: `${template_index/* USER_GUIDE */.d6}/dynamic-references-ssm-secure-strings.html`,
    tags: ["functions", "dynamic reference"],
    check({ template, report }) {
        for (const reference of dynamicReferences(template)) {
            if (reference.service !== "ssm-secure")
                continue;
            const path = reference.site.path;
            if (path[0] === "Resources") {
                const split = splitResourcePath(path);
                const type = split && literalString(nodeAt(template, [...split.resource, "Type"]));
                if (!split || type === undefined)
                    continue;
                const where = [type, ...split.inside.map((segment) => (typeof segment === "number" ? "*" : segment))];
                if (SUPPORTED.has(where.join("/")))
                    continue;
            }
            else if (path[0] !== "Outputs" && !(path[0] === "Globals" && template.sam)) {
                continue;
            }
            report(reference.range, "An ssm-secure dynamic reference works only in the resource properties that support secure strings " +
                "(such as MasterUserPassword of AWS::RDS::DBInstance); in other resource properties use a secretsmanager " +
                "reference instead", { path });
        }
    },
};

;// CONCATENATED MODULE: ./src/template/rules/services/dynamic-reference-ssm.ts


const dynamicReferenceSsm = {
    id: "E1052",
    severity: "error",
    shortDescription: "SSM dynamic references in Parameters name a version",
    description: "A '{{resolve:ssm:...}}' dynamic reference in the Parameters section must include the parameter version.",
    source: `${template_index/* USER_GUIDE */.d6}/dynamic-references-ssm.html`,
    tags: ["functions", "dynamic reference"],
    check({ template, report }) {
        for (const reference of dynamicReferences(template)) {
            if (reference.service !== "ssm" || reference.site.path[0] !== "Parameters")
                continue;
            if (!resolvedHere(reference, template.sam))
                continue;
            const { parts } = reference;
            const versioned = parts[0] === "arn" ? parts.length === 7 : parts.length === 2;
            if (versioned)
                continue;
            report(reference.range, "An ssm dynamic reference in Parameters must name a version ({{resolve:ssm:name:version}}); add the " +
                "version, or give the parameter the type AWS::SSM::Parameter::Value<String> with the parameter name as Default", { path: reference.site.path });
        }
    },
};

;// CONCATENATED MODULE: ./src/template/rules/services/dynamic-reference-syntax.ts

const SERVICES = ["ssm", "ssm-secure", "secretsmanager"];
const PARAMETER_NAME = /^[A-Za-z0-9_.\-/]+$/;
const dynamicReferenceSyntax = {
    id: "E1050",
    severity: "error",
    shortDescription: "Dynamic references are well formed",
    description: "A dynamic reference is '{{resolve:service:key}}' with service ssm, ssm-secure or secretsmanager and the key " +
        "parts that service takes: a parameter name and optional version, or a secret id, SecretString, json-key, " +
        "version-stage and version-id.",
    source: DYNAMIC_REFERENCES_DOCS,
    tags: ["functions", "dynamic reference"],
    check({ template, report }) {
        for (const reference of dynamicReferences(template)) {
            if (!resolvedHere(reference, template.sam))
                continue;
            const problem = syntaxProblem(reference);
            if (problem)
                report(reference.range, `This dynamic reference ${problem}`, { path: reference.site.path });
        }
    },
};
function syntaxProblem({ service, parts, text }) {
    if (!SERVICES.includes(service))
        return "names an unknown service; use ssm, ssm-secure or secretsmanager";
    if (parts.length === 0 || parts[0] === "")
        return `has no key after '${service}:'`;
    if (text.endsWith("\\"))
        return "ends in a backslash, which CloudFormation cannot resolve";
    return service === "secretsmanager" ? secretProblem(parts) : parameterProblem(service, parts);
}
function parameterProblem(service, parts) {
    const shape = `{{resolve:${service}:name}} or {{resolve:${service}:name:version}}`;
    let name = parts[0];
    let rest = parts.slice(1);
    if (name === "arn") {
        if (parts.length < 6 || !parts[5].startsWith("parameter/")) {
            return "has an SSM parameter ARN that is not of the form arn:partition:ssm:region:account:parameter/name";
        }
        name = parts[5].slice("parameter".length);
        rest = parts.slice(6);
    }
    if (rest.length > 1)
        return `has too many ':'-separated parts; write ${shape}`;
    if (!PARAMETER_NAME.test(name)) {
        return "names a parameter with characters SSM does not allow (letters, digits, '_', '.', '-' and '/' only)";
    }
    if (rest.length === 1 && !/^\d+$/.test(rest[0]))
        return `has a version that is not a whole number; write ${shape}`;
    return undefined;
}
function secretProblem(parts) {
    let rest = parts.slice(1);
    if (parts[0] === "arn") {
        if (parts.length < 7 || parts[5] !== "secret") {
            return "has a secret ARN that is not of the form arn:partition:secretsmanager:region:account:secret:name";
        }
        rest = parts.slice(7);
    }
    const shape = "{{resolve:secretsmanager:secret-id:SecretString:json-key:version-stage:version-id}}";
    if (rest.length > 4)
        return `has too many ':'-separated parts; write ${shape}`;
    if (rest.length > 0 && rest[0] !== "SecretString" && rest[0] !== "") {
        return `has a part other than 'SecretString' after the secret id; write ${shape}`;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/template/rules/services/dynamodb.ts



const TABLE = "AWS::DynamoDB::Table";
const TABLE_DOCS = `${template_index/* USER_GUIDE */.d6}/aws-resource-dynamodb-table.html`;
/**
 * The items of a list property: [] when it is absent or `!Ref AWS::NoValue`, undefined when it
 * is not a literal list (an intrinsic, so its items are unknown).
 */
function listItems(properties, key) {
    const value = (0,template_nodes/* mapGet */.Z)(properties, key)?.value;
    if (!value || (0,template_index/* isNoValue */.RL)(value))
        return [];
    if (value.kind !== "seq")
        return undefined;
    return value.items.map((node, index) => ({ node, index }));
}
/** The items of a list property when every one is a plain mapping (no intrinsic), else undefined. */
function mappingItems(properties, key) {
    const items = listItems(properties, key);
    if (!items)
        return undefined;
    const out = [];
    for (const item of items) {
        if (item.node.kind !== "map" || (0,template_index/* intrinsicName */.FF)(item.node))
            return undefined;
        out.push({ node: item.node, index: item.index });
    }
    return out;
}
/**
 * The table's billing mode: the literal BillingMode, PROVISIONED when it is absent (DynamoDB's
 * default), undefined when it is given through an intrinsic.
 */
function billingMode(properties) {
    if (isAbsent(properties, "BillingMode"))
        return { mode: "PROVISIONED", explicit: undefined };
    const entry = presentEntry(properties, "BillingMode");
    const mode = literalString(entry?.value);
    return entry && mode !== undefined ? { mode, explicit: entry } : undefined;
}

;// CONCATENATED MODULE: ./src/template/rules/services/dynamodb-attributes.ts





const dynamodbAttributes = {
    id: "E3039",
    severity: "error",
    shortDescription: "AttributeDefinitions match the key schemas",
    description: "A DynamoDB table's AttributeDefinitions must define every attribute used in its KeySchema and in the " +
        "KeySchema of its GlobalSecondaryIndexes and LocalSecondaryIndexes, and nothing else.",
    source: TABLE_DOCS,
    tags: ["resources", "dynamodb"],
    check({ template, report }) {
        for (const resource of resourcesOfType(template, TABLE)) {
            for (const { properties } of propertySets(resource)) {
                // A missing KeySchema is E3003's to report.
                if (!(0,template_nodes/* mapGet */.Z)(properties, "KeySchema"))
                    continue;
                const definitions = mappingItems(properties, "AttributeDefinitions");
                const defined = definitions && dynamodb_attributes_names(definitions, ["AttributeDefinitions"]);
                const keys = keyAttributes(properties);
                // Any list or name given through an intrinsic makes the comparison unknowable.
                if (!defined || !keys)
                    continue;
                const definedNames = new Set(defined.map((d) => d.name));
                const keyNames = new Set(keys.map((k) => k.name));
                const base = ["Resources", resource.name, "Properties"];
                for (const definition of defined) {
                    if (keyNames.has(definition.name))
                        continue;
                    report(definition.at, `${(0,shared/* displayPath */.Gt)(definition.path)} defines an attribute that no key schema of the table or its indexes uses; ` +
                        "DynamoDB accepts only key attributes in AttributeDefinitions, so remove it", { path: [...base, ...definition.path] });
                }
                for (const key of keys) {
                    if (definedNames.has(key.name))
                        continue;
                    report(key.at, `${(0,shared/* displayPath */.Gt)(key.path)} uses an attribute that AttributeDefinitions does not define; ` +
                        "add it to AttributeDefinitions with its AttributeType", { path: [...base, ...key.path] });
                }
            }
        }
    },
};
/** Every key attribute of the table and its indexes, or undefined when one is not literal. */
function keyAttributes(properties) {
    const table = mappingItems(properties, "KeySchema");
    const out = table && dynamodb_attributes_names(table, ["KeySchema"]);
    if (!out)
        return undefined;
    for (const list of ["GlobalSecondaryIndexes", "LocalSecondaryIndexes"]) {
        const indexes = mappingItems(properties, list);
        if (!indexes)
            return undefined;
        for (const index of indexes) {
            const schema = mappingItems(index.node, "KeySchema");
            const found = schema && dynamodb_attributes_names(schema, [list, index.index, "KeySchema"]);
            if (!found)
                return undefined;
            out.push(...found);
        }
    }
    return out;
}
/** The literal AttributeName of each item, or undefined when one is missing or not a literal. */
function dynamodb_attributes_names(items, path) {
    const out = [];
    for (const item of items) {
        const value = (0,template_nodes/* mapGet */.Z)(item.node, "AttributeName")?.value;
        if (!(0,template_index/* isString */.Kg)(value))
            return undefined;
        out.push({ name: value.value, at: value, path: [...path, item.index, "AttributeName"] });
    }
    return out;
}

;// CONCATENATED MODULE: ./src/template/rules/services/dynamodb-pay-per-request.ts


const REMEDY = "remove it, or set BillingMode to PROVISIONED";
const dynamodbPayPerRequest = {
    id: "E3638",
    severity: "error",
    shortDescription: "No ProvisionedThroughput with PAY_PER_REQUEST billing",
    description: "When a DynamoDB table's BillingMode is PAY_PER_REQUEST, neither the table nor its global secondary indexes " +
        "may specify ProvisionedThroughput.",
    source: TABLE_DOCS,
    tags: ["resources", "dynamodb"],
    check({ template, report }) {
        for (const resource of resourcesOfType(template, TABLE)) {
            for (const { properties } of propertySets(resource)) {
                if (billingMode(properties)?.mode !== "PAY_PER_REQUEST")
                    continue;
                const base = ["Resources", resource.name, "Properties"];
                const own = presentEntry(properties, "ProvisionedThroughput");
                if (own) {
                    report(own.keyRange, `ProvisionedThroughput is not allowed when BillingMode is PAY_PER_REQUEST; ${REMEDY}`, {
                        path: [...base, "ProvisionedThroughput"],
                    });
                }
                for (const index of mappingItems(properties, "GlobalSecondaryIndexes") ?? []) {
                    const throughput = presentEntry(index.node, "ProvisionedThroughput");
                    if (!throughput)
                        continue;
                    report(throughput.keyRange, `GlobalSecondaryIndexes[${index.index}].ProvisionedThroughput is not allowed when the table's BillingMode ` +
                        `is PAY_PER_REQUEST; ${REMEDY}`, { path: [...base, "GlobalSecondaryIndexes", index.index, "ProvisionedThroughput"] });
                }
            }
        }
    },
};

;// CONCATENATED MODULE: ./src/template/rules/services/dynamodb-provisioned.ts


const dynamodbProvisioned = {
    id: "E3639",
    severity: "error",
    shortDescription: "ProvisionedThroughput with PROVISIONED billing",
    description: "When a DynamoDB table's BillingMode is PROVISIONED (the default), the table and each of its global " +
        "secondary indexes must specify ProvisionedThroughput.",
    source: TABLE_DOCS,
    tags: ["resources", "dynamodb"],
    check({ template, report }) {
        for (const resource of resourcesOfType(template, TABLE)) {
            for (const { properties, bare } of propertySets(resource)) {
                const billing = billingMode(properties);
                if (billing?.mode !== "PROVISIONED")
                    continue;
                const base = ["Resources", resource.name, "Properties"];
                const how = billing.explicit
                    ? "BillingMode is PROVISIONED"
                    : "BillingMode is not set (so PROVISIONED)";
                const remedy = "add ProvisionedThroughput (ReadCapacityUnits, WriteCapacityUnits), or set BillingMode to PAY_PER_REQUEST";
                if (isAbsent(properties, "ProvisionedThroughput")) {
                    const at = bare
                        ? resource.entry.keyRange
                        : (resource.properties?.keyRange ?? resource.entry.keyRange);
                    report(at, `ProvisionedThroughput is required when ${how}; ${remedy}`, {
                        path: [...base, "ProvisionedThroughput"],
                    });
                }
                for (const index of mappingItems(properties, "GlobalSecondaryIndexes") ?? []) {
                    if (!isAbsent(index.node, "ProvisionedThroughput"))
                        continue;
                    report(index.node.range, `GlobalSecondaryIndexes[${index.index}] needs ProvisionedThroughput when the table's ${how}; ${remedy}`, { path: [...base, "GlobalSecondaryIndexes", index.index] });
                }
            }
        }
    },
};

;// CONCATENATED MODULE: ./src/template/rules/services/lambda.ts

const FUNCTION = "AWS::Lambda::Function";
const SAM_FUNCTION = "AWS::Serverless::Function";
/**
 * A property of a function as deployed: its own entry, else (SAM) the Globals.Function entry it
 * inherits; `inherited` tells which.
 */
function functionProperty(template, set, key) {
    const own = presentEntry(set.properties, key);
    if (own)
        return { entry: own, inherited: false };
    if (set.properties.entries.some((entry) => entry.key === key))
        return undefined;
    const global = samGlobal(template, set.resource, key);
    return global ? { entry: global, inherited: true } : undefined;
}
function samGlobal(template, resource, key) {
    if (resource.type !== SAM_FUNCTION)
        return undefined;
    const entry = inheritedGlobal(template, resource, key);
    return entry && !values_mayBeNoValue(entry.value) ? entry : undefined;
}

;// CONCATENATED MODULE: ./src/template/rules/services/lambda-environment.ts




const RESERVED = new Set([
    "_HANDLER",
    "_X_AMZN_TRACE_ID",
    "AWS_DEFAULT_REGION",
    "AWS_REGION",
    "AWS_EXECUTION_ENV",
    "AWS_LAMBDA_FUNCTION_NAME",
    "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
    "AWS_LAMBDA_FUNCTION_VERSION",
    "AWS_LAMBDA_INITIALIZATION_TYPE",
    "AWS_LAMBDA_LOG_GROUP_NAME",
    "AWS_LAMBDA_LOG_STREAM_NAME",
    "AWS_ACCESS_KEY",
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
    "AWS_SESSION_TOKEN",
    "AWS_LAMBDA_RUNTIME_API",
    "LAMBDA_TASK_ROOT",
    "LAMBDA_RUNTIME_DIR",
]);
const lambdaEnvironment = {
    id: "E3663",
    severity: "error",
    shortDescription: "Lambda environment variable names are not reserved",
    description: "Lambda reserves environment variable names such as AWS_REGION, AWS_LAMBDA_FUNCTION_NAME and _HANDLER for " +
        "its runtime; a function cannot set them in Environment.Variables.",
    source: "https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-runtime",
    tags: ["resources", "lambda"],
    check({ template, report }) {
        for (const resource of resourcesOfType(template, FUNCTION, SAM_FUNCTION)) {
            for (const { properties } of propertySets(resource)) {
                checkEnvironment(properties, ["Resources", resource.name, "Properties"], report);
            }
        }
        if (!template.sam)
            return;
        const globals = (0,template_nodes/* mapGet */.Z)(template.sections.get("Globals")?.map, "Function")?.value;
        if (globals?.kind === "map")
            checkEnvironment(globals, ["Globals", "Function"], report);
    },
};
function checkEnvironment(properties, base, report) {
    const variables = plainMap((0,template_nodes/* mapGet */.Z)(plainMap((0,template_nodes/* mapGet */.Z)(properties, "Environment")?.value), "Variables")?.value);
    for (const entry of variables?.entries ?? []) {
        if (!RESERVED.has(entry.key))
            continue;
        report(entry.keyRange, `${entry.key} is a reserved Lambda environment variable name, set by the runtime itself; choose another name`, { path: [...base, "Environment", "Variables", entry.key] });
    }
}
/** A mapping that is not an intrinsic function call. */
function plainMap(node) {
    return node?.kind === "map" && !(0,template_index/* intrinsicName */.FF)(node) ? node : undefined;
}

;// CONCATENATED MODULE: ./src/template/rules/services/lambda-image.ts
/**
 * E3685: a container-image function (PackageType Image) takes its entry point and runtime from
 * the image, so it cannot set Handler, Runtime or Layers; Lambda (and the SAM transform, for
 * AWS::Serverless::Function) rejects them.
 *
 * Beyond cfn-lint, which checks AWS::Lambda::Function, SAM functions are checked too, including a
 * Handler, Runtime or Layers they inherit from Globals.Function (reported at their PackageType,
 * with IgnoreGlobals as the way out).
 */




const EXCLUDED = ["Handler", "Runtime", "Layers"];
const lambdaImage = {
    id: "E3685",
    severity: "error",
    shortDescription: "Container image functions set no Handler, Runtime or Layers",
    description: "A Lambda function with PackageType Image cannot specify Handler, Runtime or Layers: the container image " +
        "provides them.",
    source: `${template_index/* USER_GUIDE */.d6}/aws-resource-lambda-function.html`,
    tags: ["resources", "lambda"],
    check({ template, report }) {
        for (const resource of resourcesOfType(template, FUNCTION, SAM_FUNCTION)) {
            for (const set of propertySets(resource)) {
                const packageType = presentEntry(set.properties, "PackageType");
                if (!packageType || literalString(packageType.value) !== "Image")
                    continue;
                for (const key of EXCLUDED) {
                    const found = functionProperty(template, set, key);
                    if (!found)
                        continue;
                    const path = ["Resources", resource.name, "Properties", key];
                    if (found.inherited) {
                        report(packageType.value, `This function has PackageType Image but inherits ${key} from ${(0,shared/* displayPath */.Gt)(["Globals", "Function", key])}; ` +
                            `container image functions cannot set ${key}, so add IgnoreGlobals: [${key}] to the function ` +
                            "or move the setting off Globals", { path });
                    }
                    else {
                        report(found.entry.keyRange, `${key} cannot be set on a function with PackageType Image: the container image provides it; remove ${key}`, { path });
                    }
                }
            }
        }
    },
};

;// CONCATENATED MODULE: ./src/template/rules/services/sqs.ts
/** What the SQS rules share: the queue type and its documentation. */

const QUEUE = "AWS::SQS::Queue";
const QUEUE_DOCS = `${template_index/* USER_GUIDE */.d6}/aws-resource-sqs-queue.html`;
/** "FIFO" or "standard", as SQS names the two kinds of queue. */
function queueKind(fifo) {
    return fifo ? "FIFO" : "standard";
}

;// CONCATENATED MODULE: ./src/template/rules/services/sqs-dead-letter.ts
/**
 * E3502: a queue's dead-letter queue (RedrivePolicy.deadLetterTargetArn given as `!GetAtt
 * Queue.Arn` of a queue in the template) is of the same kind: FIFO with FIFO, standard with
 * standard. SQS rejects the redrive policy otherwise.
 *
 * Both queues' FifoQueue must be literal (or absent, meaning standard); a RedrivePolicy written
 * as a JSON string names its target by ARN text and is not followed.
 */



const sqsDeadLetter = {
    id: "E3502",
    severity: "error",
    shortDescription: "A dead-letter queue is of the same kind as its source queue",
    description: "The queue named by RedrivePolicy.deadLetterTargetArn must be FIFO when the source queue is FIFO, and " +
        "standard when it is standard.",
    source: QUEUE_DOCS,
    tags: ["resources", "sqs"],
    check({ template, report }) {
        for (const resource of resourcesOfType(template, QUEUE)) {
            for (const { properties } of propertySets(resource)) {
                const target = (0,template_nodes/* mapGet */.Z)((0,template_nodes/* mapGet */.Z)(properties, "RedrivePolicy")?.value, "deadLetterTargetArn");
                if (!target)
                    continue;
                const dlq = getAttResource(template, target.value, "Arn", [QUEUE]);
                const dlqProperties = dlq && onlyPropertySet(dlq)?.properties;
                if (!dlq || !dlqProperties)
                    continue;
                const source = booleanProperty(properties, "FifoQueue", false);
                const destination = booleanProperty(dlqProperties, "FifoQueue", false);
                if (source === undefined || destination === undefined || source === destination)
                    continue;
                report(target.value, `This ${queueKind(source)} queue's dead-letter queue '${dlq.name}' is a ${queueKind(destination)} queue; ` +
                    `a dead-letter queue must be of the same kind as its source queue, so make '${dlq.name}' ` +
                    `${queueKind(source)} or choose another queue`, { path: ["Resources", resource.name, "Properties", "RedrivePolicy", "deadLetterTargetArn"] });
            }
        }
    },
};

;// CONCATENATED MODULE: ./src/template/rules/services/sqs-fifo.ts


const FIFO_ONLY = ["ContentBasedDeduplication", "DeduplicationScope", "FifoThroughputLimit"];
const sqsFifo = {
    id: "E3501",
    severity: "error",
    shortDescription: "SQS queue properties fit the queue's kind",
    description: "A FIFO queue's QueueName must end in '.fifo'; a standard queue's must not, and a standard queue cannot set " +
        "ContentBasedDeduplication, DeduplicationScope or FifoThroughputLimit.",
    source: QUEUE_DOCS,
    tags: ["resources", "sqs"],
    check({ template, report }) {
        for (const resource of resourcesOfType(template, QUEUE)) {
            for (const { properties } of propertySets(resource)) {
                const fifo = booleanProperty(properties, "FifoQueue", false);
                if (fifo === undefined)
                    continue;
                const base = ["Resources", resource.name, "Properties"];
                const name = presentEntry(properties, "QueueName");
                const text = literalString(name?.value);
                if (name && text !== undefined && text.endsWith(".fifo") !== fifo) {
                    report(name.value, fifo
                        ? "The QueueName of a FIFO queue must end in '.fifo'; add the suffix, or leave QueueName out"
                        : "QueueName ends in '.fifo' but FifoQueue is not true; set FifoQueue: true, or drop the suffix " +
                            "(a standard queue's name takes only letters, digits, hyphens and underscores)", { path: [...base, "QueueName"] });
                }
                if (fifo)
                    continue;
                for (const key of FIFO_ONLY) {
                    const entry = presentEntry(properties, key);
                    if (!entry)
                        continue;
                    report(entry.keyRange, `${key} applies only to FIFO queues; set FifoQueue: true, or remove ${key}`, {
                        path: [...base, key],
                    });
                }
            }
        }
    },
};

;// CONCATENATED MODULE: ./src/template/rules/services/sqs-visibility-timeout.ts






const sqsVisibilityTimeout = {
    id: "E3505",
    severity: "error",
    shortDescription: "A queue's VisibilityTimeout is at least the Timeout of the function that reads it",
    description: "When a Lambda function consumes an SQS queue, the queue's VisibilityTimeout (default 30 seconds) must be " +
        "greater than or equal to the function's Timeout (default 3 seconds).",
    source: "https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html",
    tags: ["resources", "lambda", "sqs"],
    check({ template, report }) {
        for (const mapping of resourcesOfType(template, "AWS::Lambda::EventSourceMapping")) {
            for (const { properties } of propertySets(mapping)) {
                const source = presentEntry(properties, "EventSourceArn");
                const name = presentEntry(properties, "FunctionName");
                const target = name && referenceTarget(name.value);
                const fn = target && template.resources.get(target.name);
                if (!source || !fn || (target.attribute !== undefined && target.attribute !== "Arn"))
                    continue;
                compare(template, source.value, fn, report, [
                    "Resources",
                    mapping.name,
                    "Properties",
                    "EventSourceArn",
                ]);
            }
        }
        for (const event of samEvents(template)) {
            if (event.resource.type !== SAM_FUNCTION || eventType(event) !== "SQS")
                continue;
            const queue = (0,template_nodes/* mapGet */.Z)((0,template_nodes/* mapGet */.Z)(event.body, "Properties")?.value, "Queue");
            if (!queue)
                continue;
            compare(template, queue.value, event.resource, report, [
                "Resources",
                event.resource.name,
                "Properties",
                "Events",
                event.entry.key,
                "Properties",
                "Queue",
            ]);
        }
    },
};
function compare(template, queueArn, fn, report, path) {
    const queue = getAttResource(template, queueArn, "Arn", [QUEUE]);
    if (!queue)
        return;
    const properties = onlyPropertySet(queue)?.properties;
    const visibility = properties && seconds(properties, "VisibilityTimeout", 30);
    const timeout = functionTimeout(template, fn);
    if (visibility === undefined || timeout === undefined || visibility >= timeout)
        return;
    report(queueArn, `Queue '${queue.name}' has a VisibilityTimeout of ${visibility} seconds, less than the ${timeout}-second Timeout ` +
        `of function '${fn.name}' that reads it; Lambda requires a visibility timeout of at least the function ` +
        "timeout (AWS recommends six times it)", { path });
}
/** A literal number property, with its default when absent; undefined when given through an intrinsic. */
function seconds(properties, key, fallback) {
    if (isAbsent(properties, key))
        return fallback;
    return literalNumber(presentEntry(properties, key)?.value);
}
/** A function's Timeout: its own, else (SAM) the one of Globals.Function, else Lambda's 3 seconds. */
function functionTimeout(template, fn) {
    const set = onlyPropertySet(fn);
    if (!set)
        return undefined;
    if (fn.type === FUNCTION)
        return seconds(set.properties, "Timeout", 3);
    if (fn.type !== SAM_FUNCTION || !template.sam)
        return undefined;
    if (!isAbsent(set.properties, "Timeout"))
        return seconds(set.properties, "Timeout", 3);
    const global = inheritedGlobal(template, fn, "Timeout");
    return !global || (0,template_index/* isNoValue */.RL)(global.value) ? 3 : literalNumber(global.value);
}

;// CONCATENATED MODULE: ./src/template/rules/services/sub-needed.ts
/**
 * E1029: a `${Name}` written in a plain string, where Name is a parameter, resource, pseudo
 * parameter or `Resource.Attribute`, is left as it is: CloudFormation substitutes variables only
 * inside Fn::Sub. The fix is to wrap the string in Fn::Sub (or write `${!Name}` for a literal).
 *
 * Exceptions, as in cfn-lint: strings anywhere inside a Fn::Sub (its variable values too), an
 * inline nested-stack TemplateBody, and a Step Functions Definition or DefinitionString variable
 * that the resource's DefinitionSubstitutions provides. Names that are neither refable nor a
 * valid GetAtt (shell or JavaScript variables in inline code, `${stageVariables.x}`) are not
 * reported.
 *
 * Where this differs from cfn-lint on purpose: only the places where CloudFormation resolves
 * functions are read (resources, outputs other than their Description, SAM Globals), since in a
 * parameter's or the template's Description a `${...}` cannot be substituted at all; and a
 * `${...}` in a DefinitionString that is not a template name is not reported (cfn-lint reports
 * any), since Amazon States Language strings may carry such text for the state machine itself.
 */



/** The variables cfn-lint looks for: names of letters, digits, `_`, `:` and `.`. */
const VARIABLE = /\$\{([A-Za-z0-9_:.]+)\}/g;
/** Resource attributes that take no functions, so no Fn::Sub either. */
const LITERAL_RESOURCE_KEYS = new Set([
    "Type",
    "DependsOn",
    "Condition",
    "DeletionPolicy",
    "UpdateReplacePolicy",
]);
const STATE_MACHINE_DEFINITIONS = ["DefinitionString", "Definition"];
const subNeeded = {
    id: "E1029",
    severity: "error",
    shortDescription: "Sub is required if a variable is used in a string",
    description: "A string that contains '${Name}' for a parameter, resource or pseudo parameter is not substituted unless it " +
        "is inside Fn::Sub; CloudFormation passes it on unchanged.",
    source: `${template_index/* USER_GUIDE */.d6}/intrinsic-function-reference-sub.html`,
    tags: ["functions", "sub"],
    check({ template, spec, report }) {
        const names = templateNames(template);
        const known = (name) => {
            if (names.isRefable(name))
                return true;
            const dot = name.indexOf(".");
            if (dot <= 0)
                return false;
            const resource = name.slice(0, dot);
            return names.isResource(resource) && !attributeProblem(names, spec, resource, name.slice(dot + 1));
        };
        for (const site of stringSites(template)) {
            if (!resolved(site, template.sam) || site.functions.includes("Fn::Sub"))
                continue;
            if (site.path[site.path.length - 1] === "TemplateBody")
                continue;
            for (const match of site.node.value.matchAll(VARIABLE)) {
                const name = match[1];
                if (site.loopVariables.includes(name) || !known(name))
                    continue;
                if (substitutedByStateMachine(template, site, name))
                    continue;
                report((0,template_index/* subRange */.oC)(site.node, (match.index ?? 0) + 2, name.length), `'\${${name}}' is in a plain string, so CloudFormation leaves it as it is; wrap the string in Fn::Sub ` +
                    `to substitute it, or write '\${!${name}}' for a literal '\${${name}}'`, { path: site.path });
            }
        }
    },
};
/** Whether CloudFormation (or SAM) resolves intrinsic functions where the string sits. */
function resolved(site, sam) {
    const [section, , key] = site.path;
    if (section === "Resources") {
        const attribute = splitResourcePath(site.path)?.inside[0];
        return typeof attribute === "string" && !LITERAL_RESOURCE_KEYS.has(attribute);
    }
    if (section === "Outputs")
        return key !== "Description";
    return section === "Globals" && sam;
}
/**
 * A state machine's Definition/DefinitionString may use `${Name}` for a key of the
 * DefinitionSubstitutions beside it, which Step Functions fills in.
 */
function substitutedByStateMachine(template, site, name) {
    const index = site.path.findIndex((segment) => STATE_MACHINE_DEFINITIONS.includes(String(segment)));
    if (index < 0)
        return false;
    const substitutions = nodeAt(template, [...site.path.slice(0, index), "DefinitionSubstitutions"]);
    return substitutions?.kind === "map" && substitutions.entries.some((entry) => entry.key === name);
}

;// CONCATENATED MODULE: ./src/template/rules/services/index.ts













const serviceRules = [
    dynamodbAttributes,
    dynamodbPayPerRequest,
    dynamodbProvisioned,
    sqsFifo,
    sqsDeadLetter,
    sqsVisibilityTimeout,
    lambdaImage,
    lambdaEnvironment,
    subNeeded,
    dynamicReferenceSyntax,
    dynamicReferenceSecrets,
    dynamicReferenceSsm,
    dynamicReferenceSecure,
];

;// CONCATENATED MODULE: ./src/template/rules/index.ts
/** Every rule the validator runs. Each group's barrel lists its rules; the runner special-cases none. */







const allRules = [
    ...sectionRules,
    ...functionRules,
    ...resourceRules,
    ...constraintRules,
    ...serverlessRules,
    ...serviceRules,
    ...samRules,
];

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
;// CONCATENATED MODULE: ./src/template/spec/index.ts




/**
 * Next to this module from source (src/template/spec/data), next to the bundle in dist/<action>/data,
 * where the build copies it. The path is built at run time so the bundler leaves it alone.
 */
function defaultDataDir() {
    const dir = [".", "data", ""].join("/");
    return new URL(dir, import.meta.url);
}
let defaultIndex;
/** The spec index shipped with the project; data is read lazily, per service namespace. */
function loadSpec() {
    defaultIndex ??= createSpecIndex(defaultDataDir());
    return defaultIndex;
}
/** A spec index over the data in `dataDir` (a directory written by `npm run spec`). */
function createSpecIndex(dataDir) {
    const base = typeof dataDir === "string"
        ? (0,external_node_url_.pathToFileURL)(dataDir.endsWith(external_node_path_.sep) ? dataDir : `${dataDir}${external_node_path_.sep}`)
        : dataDir;
    /** Every name with its lowercase form, for suggestions only. */
    let names;
    const suggestions = new Map();
    /** Undefined for a service the data does not have: its types are unknown. */
    const shards = new Map();
    const encoded = new Map();
    const resources = new Map();
    /** Shards map each type to its entry's JSON text, parsed on first use (see scripts/build-spec.mjs). */
    const constraintShards = new Map();
    const constraints = new Map();
    const read = (file) => {
        const url = new URL(file, base);
        try {
            return (0,external_node_fs_.readFileSync)(url);
        }
        catch (error) {
            throw new Error(`Resource specification data ${(0,external_node_url_.fileURLToPath)(url)} cannot be read (${error.message}). ` +
                "From source, run `npm run spec`; in a bundle, the build must copy src/template/spec/data next to index.js.");
        }
    };
    const allNames = () => {
        if (!names) {
            const list = JSON.parse(read("names.json").toString("utf8"));
            names = { known: new Set(list), list, lowercase: list.map((name) => name.toLowerCase()) };
        }
        return names;
    };
    /** The type's entry in its service shard, or undefined for a type the data does not have. */
    const encodedOf = (typeName) => {
        if (encoded.has(typeName))
            return encoded.get(typeName);
        const file = shardFile(typeName);
        let shard = file ? shards.get(file) : undefined;
        if (file && !shards.has(file)) {
            if ((0,external_node_fs_.existsSync)(new URL(file, base)))
                shard = JSON.parse(read(file).toString("utf8"));
            // A missing directory means the data was not copied: read() throws the explanation.
            else if (!(0,external_node_fs_.existsSync)(new URL("names.json", base)))
                read("names.json");
            shards.set(file, shard);
        }
        const entry = shard && Object.hasOwn(shard, typeName) ? shard[typeName] : undefined;
        encoded.set(typeName, entry);
        return entry;
    };
    /** A service without constraints has no file; a missing directory means the data was not copied. */
    const constraintShardOf = (shardName) => {
        const file = `constraints/${shardName}`;
        let shard = constraintShards.get(file);
        if (!shard) {
            const url = new URL(file, base);
            if ((0,external_node_fs_.existsSync)(url))
                shard = JSON.parse((0,external_node_fs_.readFileSync)(url, "utf8"));
            else {
                read("constraints/source.json"); // throws the explanation when the constraint data is absent
                shard = {};
            }
            constraintShards.set(file, shard);
        }
        return shard;
    };
    return {
        has: (typeName) => encodedOf(typeName) !== undefined,
        constraints(typeName) {
            if (constraints.has(typeName))
                return constraints.get(typeName);
            let entry;
            const file = shardFile(typeName);
            // The constraint shard first: its absence is what the explanation is about.
            const shard = file ? constraintShardOf(file) : {};
            if (Object.hasOwn(shard, typeName) && encodedOf(typeName))
                entry = JSON.parse(shard[typeName]);
            constraints.set(typeName, entry);
            return entry;
        },
        resource(typeName) {
            const cached = resources.get(typeName);
            if (cached)
                return cached;
            const encoded = encodedOf(typeName);
            if (!encoded)
                return undefined;
            const spec = decodeResource(typeName, encoded);
            resources.set(typeName, spec);
            return spec;
        },
        suggest(typeName) {
            if (suggestions.has(typeName))
                return suggestions.get(typeName);
            const { known, list, lowercase } = allNames();
            // Type names are long and alike, so the bar is tighter than for logical ids: a fifth of the
            // name (at least 2 edits). Typos sit mostly in the last segment: scoring the name's own
            // namespace first tightens the bound, which makes the pass over every name cheap, and lets
            // that namespace win ties.
            const suggestion = known.has(typeName)
                ? typeName
                : closest(typeName, namespaceFirst(list, lowercase, typeName), Math.max(2, Math.floor(typeName.length / 5)));
            suggestions.set(typeName, suggestion);
            return suggestion;
        },
    };
}
/** `AWS-S3.json` for AWS::S3::Bucket; undefined for a name no shard can hold (nor a path escape). */
function shardFile(typeName) {
    const [vendor, service] = typeName.split("::");
    if (!service || !/^[A-Za-z0-9]+$/.test(vendor) || !/^[A-Za-z0-9]+$/.test(service))
        return undefined;
    return `${vendor}-${service}.json`;
}
function decodeResource(name, encoded) {
    const [properties, attributes, structList] = encoded;
    // A template uses few of a type's structs (AWS::S3::Bucket has 70), so each is decoded on first access.
    const structs = {};
    for (const struct of structList) {
        Object.defineProperty(structs, struct[0], {
            configurable: true,
            enumerable: true,
            get() {
                const value = { properties: decodeProperties(struct, 1) };
                Object.defineProperty(structs, struct[0], { value, enumerable: true });
                return value;
            },
        });
    }
    return { name, properties: decodeProperties(properties, 0), attributes, structs };
}
function decodeProperties(pairs, start) {
    const out = {};
    for (let i = start; i < pairs.length; i += 2) {
        const code = pairs[i + 1];
        const required = code.endsWith("!");
        out[pairs[i]] = { type: decodeType(required ? code.slice(0, -1) : code), required };
    }
    return out;
}
const PRIMITIVES = {
    s: { kind: "string" },
    n: { kind: "number" },
    i: { kind: "integer" },
    b: { kind: "boolean" },
    j: { kind: "json" },
    t: { kind: "timestamp" },
    "*": { kind: "any" },
};
// The same few codes ("s", "[s]", "{s}") recur thousands of times; decoded refs are immutable data.
const decoded = new Map();
/** Decodes a type code: s n i b j t *, [T] list, {T} map, #Name struct, A|B union. */
function decodeType(code) {
    let type = decoded.get(code);
    if (!type) {
        type = parseType(code);
        decoded.set(code, type);
    }
    return type;
}
function parseType(code) {
    const members = splitUnion(code);
    if (members.length > 1)
        return { kind: "union", types: members.map(decodeType) };
    const primitive = PRIMITIVES[code];
    if (primitive)
        return primitive;
    const first = code[0];
    const last = code[code.length - 1];
    if (first === "[" && last === "]")
        return { kind: "list", item: decodeType(code.slice(1, -1)) };
    if (first === "{" && last === "}")
        return { kind: "map", item: decodeType(code.slice(1, -1)) };
    if (first === "#" && code.length > 1)
        return { kind: "struct", name: code.slice(1) };
    throw new Error(`Malformed type code "${code}" in the resource specification data; regenerate it with npm run spec.`);
}
function splitUnion(code) {
    const parts = [];
    let depth = 0;
    let start = 0;
    for (let i = 0; i < code.length; i++) {
        const c = code[i];
        if (c === "[" || c === "{")
            depth++;
        else if (c === "]" || c === "}")
            depth--;
        else if (c === "|" && depth === 0) {
            parts.push(code.slice(start, i));
            start = i + 1;
        }
    }
    parts.push(code.slice(start));
    return parts;
}
/**
 * Every known name, those in `typeName`'s namespace (`AWS::S3::`, whatever the case) first; some
 * come twice. `lowercase` holds each name of `known` lowercased, at the same index.
 */
function* namespaceFirst(known, lowercase, typeName) {
    const namespace = typeName.slice(0, typeName.lastIndexOf("::") + 2).toLowerCase();
    if (namespace)
        for (let i = 0; i < known.length; i++)
            if (lowercase[i].startsWith(namespace))
                yield known[i];
    yield* known;
}

;// CONCATENATED MODULE: ./src/template/suppressions.ts


function ignoredIds(metadata) {
    const checks = (0,template_nodes/* mapGet */.Z)((0,template_nodes/* mapGet */.Z)((0,template_nodes/* mapGet */.Z)(metadata, "cfn-lint")?.value, "config")?.value, "ignore_checks")?.value;
    if ((0,template_index/* isString */.Kg)(checks))
        return [checks.value];
    if (checks?.kind !== "seq")
        return [];
    return checks.items.filter(template_index/* isString */.Kg).map((item) => item.value);
}
function entryRange(entry) {
    return { start: entry.keyRange.start, end: entry.value.range.end };
}
function templateSuppressions(template) {
    const suppressions = [];
    const topLevel = ignoredIds(template.sections.get("Metadata")?.entry.value);
    if (topLevel.length > 0)
        suppressions.push({ ids: topLevel });
    for (const resource of template.resources.values()) {
        const ids = ignoredIds((0,template_nodes/* mapGet */.Z)(resource.body, "Metadata")?.value);
        if (ids.length > 0)
            suppressions.push({ ids, range: entryRange(resource.entry) });
    }
    return suppressions;
}
function before(a, b) {
    return a.line < b.line || (a.line === b.line && a.column < b.column);
}
function suppressions_contains(range, position) {
    return !before(position, range.start) && before(position, range.end);
}
function isSuppressed(finding, suppressions) {
    return suppressions.some((s) => s.ids.some((id) => finding.ruleId.startsWith(id)) &&
        (!s.range || suppressions_contains(s.range, finding.range.start)));
}

;// CONCATENATED MODULE: ./src/template/validate.ts




function isIgnored(ruleId, ignoreRules) {
    return !!ignoreRules?.some((prefix) => ruleId.startsWith(prefix));
}
/** Code-unit order: stable everywhere, and unlike localeCompare it loads no collation data at start-up. */
function compareText(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
function compareFindings(a, b) {
    return (a.range.start.line - b.range.start.line ||
        a.range.start.column - b.range.start.column ||
        compareText(a.ruleId, b.ruleId) ||
        compareText(a.message, b.message));
}
function validateParsed(parsed, options) {
    const findings = [...parsed.findings];
    const root = parsed.root;
    let suppressions = [];
    if (root && root.kind !== "map") {
        findings.push({
            ruleId: "E1001",
            severity: "error",
            message: "A template must be a mapping of sections (AWSTemplateFormatVersion, Resources, ...)",
            file: parsed.file,
            range: root.range,
        });
    }
    else if (root) {
        const template = (0,template_index/* indexTemplate */.vH)(parsed, root);
        suppressions = templateSuppressions(template);
        for (const rule of options.rules ?? allRules) {
            if (isIgnored(rule.id, options.ignoreRules))
                continue;
            try {
                rule.check({
                    template,
                    spec: options.spec,
                    report: (at, message, reportOptions) => findings.push(toFinding(rule, parsed.file, at, message, reportOptions)),
                });
            }
            catch (error) {
                // A rule that breaks on an unexpected shape must not hide every other finding.
                findings.push({
                    ruleId: "E0002",
                    severity: "error",
                    message: `Rule ${rule.id} could not check this template: ${error instanceof Error ? error.message : String(error)}`,
                    file: parsed.file,
                    range: root.range,
                });
            }
        }
    }
    return findings
        .filter((f) => !isIgnored(f.ruleId, options.ignoreRules) && !isSuppressed(f, suppressions))
        .sort(compareFindings);
}

;// CONCATENATED MODULE: ./src/template/check.ts
/**
 * Validating the templates a run names: resolve the patterns, read each file, run the rules.
 * Shared by the validate action and the CLI, which differ only in how they report.
 */





/**
 * Throws TemplateFileError only for a pattern that matches nothing (a usage error). A file that
 * cannot be checked is an E0000 finding at that file, and every other file is still checked.
 */
async function checkTemplates(patterns, options) {
    const files = await (0,template_files/* resolveTemplates */.en)(patterns, options.workspace, options);
    const spec = loadSpec();
    const findings = [];
    for (const file of files) {
        const read = (0,template_files/* readTemplateForCheck */.s0)(file);
        // Not subject to ignore-rules: leaving out a rule must never make a missing file pass silently.
        if ("finding" in read) {
            findings.push(read.finding);
            continue;
        }
        const parsed = await (0,parse_core/* parseTemplateLazily */.v2)(read.source, file.display);
        findings.push(...validateParsed(parsed, { spec, ignoreRules: options.ignoreRules }));
    }
    return { files: files.map((file) => file.display), findings };
}
function ruleDescriptions() {
    return allRules.map(({ id, shortDescription, description, source, severity }) => ({
        id,
        shortDescription,
        description,
        source,
        severity,
    }));
}


/***/ }),

/***/ 7909:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ countFindings),
/* harmony export */   H: () => (/* binding */ failsOn)
/* harmony export */ });
function countFindings(findings) {
    const counts = { errors: 0, warnings: 0, informational: 0 };
    for (const finding of findings) {
        if (finding.severity === "error")
            counts.errors++;
        else if (finding.severity === "warning")
            counts.warnings++;
        else
            counts.informational++;
    }
    return counts;
}
const RANK = { informational: 0, warning: 1, error: 2 };
/** Whether the findings fail a run with this fail-on threshold. */
function failsOn(findings, failOn) {
    if (failOn === "never")
        return false;
    const threshold = RANK[failOn];
    return findings.some((finding) => RANK[finding.severity] >= threshold);
}


/***/ }),

/***/ 5422:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S5: () => (/* binding */ renderText),
/* harmony export */   hF: () => (/* binding */ renderJson)
/* harmony export */ });
/* unused harmony export toJsonFinding */
/** `template.yaml:12:7 E3002 Unknown property ...`, one line per finding. */
function renderText(findings) {
    return findings
        .map((f) => `${f.file}:${f.range.start.line}:${f.range.start.column} ${f.ruleId} ${f.message}`)
        .join("\n");
}
function toJsonFinding(f) {
    return {
        file: f.file,
        line: f.range.start.line,
        column: f.range.start.column,
        endLine: f.range.end.line,
        endColumn: f.range.end.column,
        rule: f.ruleId,
        severity: f.severity,
        message: f.message,
        ...(f.path ? { path: f.path } : {}),
    };
}
/** One JSON array with an object per finding. */
function renderJson(findings) {
    return JSON.stringify(findings.map(toJsonFinding), null, 2);
}


/***/ }),

/***/ 9267:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gt: () => (/* binding */ displayPath),
/* harmony export */   Hf: () => (/* binding */ isModuleType),
/* harmony export */   JJ: () => (/* binding */ ignoresGlobal),
/* harmony export */   W9: () => (/* binding */ realResources),
/* harmony export */   X8: () => (/* binding */ SAM_GLOBALS),
/* harmony export */   YE: () => (/* binding */ globalsFor),
/* harmony export */   c8: () => (/* binding */ isCustomType)
/* harmony export */ });
/* harmony import */ var _nodes__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9671);
/* harmony import */ var _template_index__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1331);


/** The resources rules should look at: every entry of Resources except Fn::ForEach loops. */
function* realResources(template) {
    for (const resource of template.resources.values())
        if (!(0,_template_index__WEBPACK_IMPORTED_MODULE_0__/* .isForEachKey */ .oJ)(resource.name))
            yield resource;
}
/** Custom resources take any properties their provider understands. */
function isCustomType(type) {
    return type.startsWith("Custom::") || type === "AWS::CloudFormation::CustomResource";
}
/** Modules (`Org::Service::Thing::MODULE`) come from the account's registry, not the spec. */
function isModuleType(type) {
    return type.endsWith("::MODULE");
}
/**
 * The Globals subsections SAM supports and the resource type each one applies to
 * (AWS SAM Developer Guide, "Globals section of the AWS SAM template").
 */
const SAM_GLOBALS = {
    Function: "AWS::Serverless::Function",
    Api: "AWS::Serverless::Api",
    HttpApi: "AWS::Serverless::HttpApi",
    SimpleTable: "AWS::Serverless::SimpleTable",
    StateMachine: "AWS::Serverless::StateMachine",
    CapacityProvider: "AWS::Serverless::CapacityProvider",
    LayerVersion: "AWS::Serverless::LayerVersion",
    WebSocketApi: "AWS::Serverless::WebSocketApi",
};
/** The Globals subsection (a mapping) that applies to resources of `type`, when SAM is on. */
function globalsFor(template, type) {
    if (!template.sam)
        return undefined;
    const globals = template.sections.get("Globals")?.map;
    for (const [key, globalType] of Object.entries(SAM_GLOBALS)) {
        if (globalType !== type)
            continue;
        const value = (0,_nodes__WEBPACK_IMPORTED_MODULE_1__/* .mapGet */ .Z)(globals, key)?.value;
        return value?.kind === "map" ? value : undefined;
    }
    return undefined;
}
/** Whether a SAM resource opts out of the Globals property `key` with IgnoreGlobals ("*" or a list naming it). */
function ignoresGlobal(resource, key) {
    const ignored = (0,_nodes__WEBPACK_IMPORTED_MODULE_1__/* .mapGet */ .Z)(resource.body, "IgnoreGlobals")?.value;
    if ((0,_template_index__WEBPACK_IMPORTED_MODULE_0__/* .isString */ .Kg)(ignored))
        return ignored.value === "*";
    return ignored?.kind === "seq" && ignored.items.some((item) => (0,_template_index__WEBPACK_IMPORTED_MODULE_0__/* .isString */ .Kg)(item) && item.value === key);
}
/** `LaunchTemplateData.BlockDeviceMappings[0].Ebs`: a property path as people write it. */
function displayPath(path) {
    let out = "";
    for (const segment of path) {
        if (typeof segment === "number")
            out += `[${segment}]`;
        else
            out += out === "" ? segment : `.${segment}`;
    }
    return out;
}


/***/ }),

/***/ 1331:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FF: () => (/* binding */ intrinsicName),
/* harmony export */   Kg: () => (/* binding */ isString),
/* harmony export */   RL: () => (/* binding */ isNoValue),
/* harmony export */   d6: () => (/* binding */ USER_GUIDE),
/* harmony export */   gQ: () => (/* binding */ INTRINSIC_FUNCTIONS),
/* harmony export */   o5: () => (/* binding */ PSEUDO_PARAMETERS),
/* harmony export */   oC: () => (/* binding */ subRange),
/* harmony export */   oJ: () => (/* binding */ isForEachKey),
/* harmony export */   ur: () => (/* binding */ parseSub),
/* harmony export */   vH: () => (/* binding */ indexTemplate),
/* harmony export */   x5: () => (/* binding */ SAM_TRANSFORM)
/* harmony export */ });
/* harmony import */ var _nodes__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9671);

const SAM_TRANSFORM = "AWS::Serverless-2016-10-31";
/** The CloudFormation User Guide, which rules cite as their source. */
const USER_GUIDE = "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide";
/**
 * `Fn::ForEach::<Loop>` keys (AWS::LanguageExtensions) expand into resources, properties, outputs
 * or conditions at deploy time, so their names are templates rather than logical ids.
 */
function isForEachKey(key) {
    return key.startsWith("Fn::ForEach::");
}
const PSEUDO_PARAMETERS = new Set([
    "AWS::AccountId",
    "AWS::NotificationARNs",
    "AWS::NoValue",
    "AWS::Partition",
    "AWS::Region",
    "AWS::StackId",
    "AWS::StackName",
    "AWS::URLSuffix",
]);
/** Every intrinsic function key CloudFormation knows (long form). */
const INTRINSIC_FUNCTIONS = new Set([
    "Ref",
    "Condition",
    "Fn::And",
    "Fn::Base64",
    "Fn::Cidr",
    "Fn::Equals",
    "Fn::FindInMap",
    "Fn::ForEach",
    "Fn::GetAZs",
    "Fn::GetAtt",
    "Fn::GetStackOutput",
    "Fn::If",
    "Fn::ImportValue",
    "Fn::Join",
    "Fn::Length",
    "Fn::Not",
    "Fn::Or",
    "Fn::Select",
    "Fn::Split",
    "Fn::Sub",
    "Fn::ToJsonString",
    "Fn::Transform",
]);
/** The intrinsic function a node is, when it is a one-entry mapping with an intrinsic key. */
function intrinsicName(node) {
    if (node?.kind !== "map" || node.entries.length !== 1)
        return undefined;
    const key = node.entries[0].key;
    return INTRINSIC_FUNCTIONS.has(key) ? key : undefined;
}
function isString(node) {
    return node?.kind === "scalar" && typeof node.value === "string";
}
/** Whether the node is `!Ref AWS::NoValue`. */
function isNoValue(node) {
    const arg = intrinsicName(node) === "Ref" ? node.entries[0].value : undefined;
    return isString(arg) && arg.value === "AWS::NoValue";
}
/**
 * The `${...}` variables of a Fn::Sub string. `${!Literal}` is an escape, not a variable.
 * Returns `malformed` for a `${` that is never closed.
 */
function parseSub(text) {
    const variables = [];
    const malformed = [];
    let index = text.indexOf("${");
    while (index !== -1) {
        const close = text.indexOf("}", index + 2);
        if (close === -1) {
            malformed.push(index);
            break;
        }
        const name = text.slice(index + 2, close);
        if (!name.startsWith("!"))
            variables.push({ name, offset: index + 2 });
        index = text.indexOf("${", close + 1);
    }
    return { variables, malformed };
}
function sectionItems(map) {
    const items = new Map();
    if (map)
        for (const entry of map.entries)
            if (!items.has(entry.key))
                items.set(entry.key, entry);
    return items;
}
/** Range of a substring of a single-line scalar; the whole scalar when the text spans lines. */
function subRange(node, offset, length) {
    const { start, end } = node.range;
    const raw = String(node.value);
    if (start.line !== end.line || end.column - start.column < raw.length)
        return node.range;
    // Quoted scalars start one column before their text.
    const shift = end.column - start.column - raw.length > 0 ? 1 : 0;
    const column = start.column + shift + offset;
    return { start: { line: start.line, column }, end: { line: start.line, column: column + length } };
}
function collectReferences(index) {
    const refs = index.references;
    const visit = (node, from) => {
        if (node.kind === "seq") {
            for (const item of node.items)
                visit(item, from);
            return;
        }
        if (node.kind !== "map")
            return;
        const fn = intrinsicName(node);
        if (fn) {
            const arg = node.entries[0].value;
            if (fn === "Ref" && isString(arg)) {
                refs.push({ kind: "Ref", target: arg.value, range: arg.range, from, node });
                return;
            }
            if (fn === "Condition" && isString(arg)) {
                refs.push({ kind: "Condition", target: arg.value, range: arg.range, from, node });
                return;
            }
            if (fn === "Fn::GetAtt") {
                if (isString(arg)) {
                    const dot = arg.value.indexOf(".");
                    const target = dot === -1 ? arg.value : arg.value.slice(0, dot);
                    refs.push({
                        kind: "GetAtt",
                        target,
                        attribute: dot === -1 ? undefined : arg.value.slice(dot + 1),
                        range: arg.range,
                        from,
                        node,
                    });
                    return;
                }
                if (arg.kind === "seq" && arg.items.length > 0 && isString(arg.items[0])) {
                    const attr = arg.items[1];
                    refs.push({
                        kind: "GetAtt",
                        target: arg.items[0].value,
                        attribute: isString(attr) ? attr.value : undefined,
                        range: arg.items[0].range,
                        from,
                        node,
                    });
                    for (const item of arg.items.slice(1))
                        visit(item, from);
                    return;
                }
            }
            if (fn === "Fn::Sub") {
                let text = arg;
                let locals = new Set();
                if (arg.kind === "seq") {
                    text = arg.items[0];
                    const vars = arg.items[1];
                    if (vars?.kind === "map") {
                        locals = new Set(vars.entries.map((e) => e.key));
                        for (const entry of vars.entries)
                            visit(entry.value, from);
                    }
                }
                if (isString(text)) {
                    for (const variable of parseSub(text.value).variables) {
                        const name = variable.name.trim();
                        if (locals.has(name))
                            continue;
                        const dot = name.indexOf(".");
                        const target = dot === -1 ? name : name.slice(0, dot);
                        refs.push({
                            kind: "Sub",
                            target,
                            attribute: dot === -1 ? undefined : name.slice(dot + 1),
                            range: subRange(text, variable.offset, variable.name.length),
                            from,
                            node,
                        });
                    }
                }
                return;
            }
            if (fn === "Fn::FindInMap" && arg.kind === "seq" && isString(arg.items[0])) {
                refs.push({ kind: "FindInMap", target: arg.items[0].value, range: arg.items[0].range, from, node });
                for (const item of arg.items.slice(1))
                    visit(item, from);
                return;
            }
            if (fn === "Fn::If" && arg.kind === "seq" && isString(arg.items[0])) {
                refs.push({ kind: "Condition", target: arg.items[0].value, range: arg.items[0].range, from, node });
                for (const item of arg.items.slice(1))
                    visit(item, from);
                return;
            }
        }
        for (const entry of node.entries)
            visit(entry.value, from);
    };
    /** The Condition attribute of a resource or output names a condition. */
    const conditionAttribute = (value, from) => {
        refs.push({ kind: "Condition", target: value.value, range: value.range, from, node: value });
    };
    for (const [name, section] of index.sections) {
        if (!section.map)
            continue;
        if (name === "Resources") {
            for (const entry of section.map.entries) {
                if (isForEachKey(entry.key))
                    visit(entry.value, ["Resources", entry.key]);
            }
            for (const resource of index.resources.values()) {
                const from = ["Resources", resource.name];
                if (!resource.body)
                    continue;
                for (const entry of resource.body.entries) {
                    if (entry.key === "Condition" && isString(entry.value)) {
                        conditionAttribute(entry.value, from);
                    }
                    else if (entry.key === "DependsOn") {
                        // DependsOn names resources but is not a Ref; rules read it from ResourceInfo.dependsOn.
                    }
                    else {
                        visit(entry.value, from);
                    }
                }
            }
        }
        else if (name === "Outputs") {
            for (const [outputName, output] of index.outputs) {
                const from = ["Outputs", outputName];
                if (output.value.kind !== "map")
                    continue;
                for (const entry of output.value.entries) {
                    if (entry.key === "Condition" && isString(entry.value)) {
                        conditionAttribute(entry.value, from);
                    }
                    else
                        visit(entry.value, from);
                }
            }
        }
        else if (name === "Conditions") {
            for (const [conditionName, condition] of index.conditions)
                visit(condition.value, ["Conditions", conditionName]);
        }
        else if (name === "Parameters" || name === "Mappings" || name === "Metadata" || name === "Rules") {
            // Parameters and Mappings hold literals; Rules and Metadata may hold intrinsics that
            // reference parameters, which counts as use.
            if (name === "Rules" || name === "Metadata")
                visit(section.map, [name]);
        }
        else {
            visit(section.map, [name]);
        }
    }
}
function indexTemplate(parsed, root) {
    const sections = new Map();
    for (const entry of root.entries) {
        if (sections.has(entry.key))
            continue;
        sections.set(entry.key, {
            entry,
            map: entry.value.kind === "map" ? entry.value : undefined,
            items: sectionItems(entry.value.kind === "map" ? entry.value : undefined),
        });
    }
    const items = (name) => sections.get(name)?.items ?? new Map();
    const resources = new Map();
    for (const [name, entry] of items("Resources")) {
        // A Fn::ForEach loop of the language extensions transform is not a resource itself.
        if (isForEachKey(name))
            continue;
        const body = entry.value.kind === "map" ? entry.value : undefined;
        const typeEntry = (0,_nodes__WEBPACK_IMPORTED_MODULE_0__/* .mapGet */ .Z)(body, "Type");
        resources.set(name, {
            name,
            entry,
            body,
            type: isString(typeEntry?.value) ? typeEntry.value.value : undefined,
            typeNode: typeEntry?.value,
            properties: (0,_nodes__WEBPACK_IMPORTED_MODULE_0__/* .mapGet */ .Z)(body, "Properties"),
            condition: (0,_nodes__WEBPACK_IMPORTED_MODULE_0__/* .mapGet */ .Z)(body, "Condition"),
            dependsOn: (0,_nodes__WEBPACK_IMPORTED_MODULE_0__/* .mapGet */ .Z)(body, "DependsOn"),
        });
    }
    // Transform is a name, a {Name, Parameters} mapping, or a list of either.
    const transforms = [];
    const addTransform = (node) => {
        if (isString(node))
            transforms.push(node.value);
        else if (node?.kind === "map") {
            const name = (0,_nodes__WEBPACK_IMPORTED_MODULE_0__/* .mapGet */ .Z)(node, "Name")?.value;
            if (isString(name))
                transforms.push(name.value);
        }
    };
    const transform = sections.get("Transform")?.entry.value;
    if (transform?.kind === "seq")
        for (const item of transform.items)
            addTransform(item);
    else
        addTransform(transform);
    const index = {
        parsed,
        root,
        file: parsed.file,
        sections,
        parameters: items("Parameters"),
        resources,
        conditions: items("Conditions"),
        mappings: items("Mappings"),
        outputs: items("Outputs"),
        sam: transforms.includes(SAM_TRANSFORM),
        transforms,
        references: [],
    };
    collectReferences(index);
    return index;
}


/***/ })

};
