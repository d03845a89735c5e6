/**
 * The shapes every part of template validation shares: a position-carrying node tree that the
 * parser builds from YAML or JSON, the findings rules produce, and the rule contract.
 *
 * Short-form intrinsics (`!Ref X`, `!GetAtt a.b`, `!Sub ...`) are normalised by the parser to
 * their long form: a one-entry map `{ "Ref": X }`, `{ "Fn::GetAtt": ["a", "b"] }`, ... whose key range
 * is the tag's range, so rules only ever see the long form. `MapNode.tag` keeps the original
 * short tag (e.g. "!GetAtt") for messages.
 */

/** 1-based line and column, as editors and GitHub annotations count them. */
export interface Position {
  line: number;
  column: number;
}

/** `end` is exclusive: the position just after the last character. */
export interface Range {
  start: Position;
  end: Position;
}

export type ScalarValue = string | number | boolean | null;

export interface ScalarNode {
  kind: "scalar";
  value: ScalarValue;
  range: Range;
}

export interface SeqNode {
  kind: "seq";
  items: Node[];
  range: Range;
}

export interface MapEntry {
  key: string;
  keyRange: Range;
  value: Node;
}

export interface MapNode {
  kind: "map";
  entries: MapEntry[];
  range: Range;
  /** Set when the map was written as a YAML short-form tag, e.g. "!Sub". */
  tag?: string;
}

export type Node = ScalarNode | SeqNode | MapNode;

export type Severity = "error" | "warning" | "informational";

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  /** Path of the template as the user named it (relative to the workspace when there is one). */
  file: string;
  range: Range;
  /** Path into the template, e.g. ["Resources", "Bucket", "Properties", "BucketName"]. */
  path?: (string | number)[];
}

export interface ParsedTemplate {
  file: string;
  format: "yaml" | "json";
  source: string;
  /** Undefined when the document could not be parsed into a tree at all. */
  root: Node | undefined;
  /**
   * E0000 findings from parsing. A syntax error leaves no tree; a tree is still present after the
   * problems a reader recovers from exactly (a duplicate key, an unknown alias, a null key).
   */
  findings: Finding[];
  /**
   * Where a YAML template uses an alias (`*name`, read as its anchor's node) or a merge key (`<<`,
   * whose mappings' entries are read into the mapping as YAML 1.1 merges them); none in JSON.
   */
  yamlReuse?: readonly YamlReuse[];
  /**
   * Where a template that reads as JSON (a .json file, or text that opens with `{`) is not valid
   * JSON in a way YAML, which CloudFormation then reads it as, takes as meant (a trailing comma, a
   * single-quoted string): the first such place and what JSON says of it (json.ts).
   */
  jsonAsYaml?: { message: string; range: Range };
}

/**
 * What a reader of JSON or YAML gives: the tree, its parse findings, for YAML where it reuses nodes,
 * and for JSON where it read on past what only YAML allows.
 */
export type TemplateRead = Pick<ParsedTemplate, "root" | "findings" | "yamlReuse" | "jsonAsYaml">;

export interface YamlReuse {
  kind: "alias" | "merge";
  range: Range;
}
