// Rewrites each `for...of` over an array (by its TypeScript type) into a loop over its indexes, in
// the copy of src/ the build bundles; src/ keeps the `for...of`.
//
// Why: a rule runs once per template, 300 times in a whole-corpus run, too few calls for V8 to
// optimize it, so its loops run in V8's interpreter and baseline code. There, `for (const x of
// list)` makes an iterator object for the loop and a `{ value, done }` object for each item; a
// whole-corpus run allocated 30 of its 117 MB that way (the sampling heap profiler, collected
// objects counted, by hand). The optimizing compilers remove both, which is why the idiom costs nothing in
// long-running code, but a validate run is mostly cold code. Bundled with indexed loops, a run
// allocated 91 MB instead of 117 (the same profiler, by hand) and the whole corpus took 7.9% less
// time (median of `npm run bench:validate-compare` against the bundle before), with the same
// findings on 799 templates (the corpus and a set of public ones).
//
//   for (const x of list) body          for (let i$0 = 0, a$0 = list; i$0 < a$0.length; i$0++) {
//                                  =>     const x = a$0[i$0];
//                                         body
//                                       }
//
// This is what `for...of` does on an array: the list is read once, its length at every step (items
// pushed during the loop are visited, as the array iterator visits them), and each pass has its own
// binding, so closures keep theirs. A pattern `[a, b]` of plain names reads the item's indexes
// (`const e$0 = a$0[i$0], a = e$0[0], b = e$0[1]`), which skips the iterator array destructuring
// makes; other patterns are kept as they are. Only loops whose list the type checker says is an
// array or a tuple (or a union of them) are rewritten: a Map, a Set, a string or a generator keeps
// its `for...of`, and so does `for await`. Where the body declares a name the loop binds (allowed,
// since the body is a scope of its own), the body is kept in its own block.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";

/** The names this transform declares; a source that already uses one is refused. */
const OWN_NAME = /\b[iae]\$\d+\b/;

function isArrayType(checker, type) {
  if (type.isUnion()) return type.types.every((member) => isArrayType(checker, member));
  return checker.isArrayType(type) || checker.isTupleType(type);
}

/** Adds the names a binding (`x`, `[a, b]`, `{ a, b: c }`) declares to `names`. */
function addBoundNames(name, names) {
  if (ts.isIdentifier(name)) names.add(name.text);
  else
    for (const element of name.elements)
      if (!ts.isOmittedExpression(element)) addBoundNames(element.name, names);
  return names;
}

/** The names a block's own statements declare (not those of blocks inside it). */
function declaredNames(block) {
  const names = new Set();
  for (const statement of block.statements) {
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations)
        addBoundNames(declaration.name, names);
    } else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name) {
      names.add(statement.name.text);
    }
  }
  return names;
}

/**
 * The text of `sourceFile` with its `for...of` loops over arrays written as indexed loops, or
 * undefined when it has none. `checker` is the type checker of a program that holds the file.
 */
export function indexedLoops(sourceFile, checker) {
  const text = sourceFile.getFullText();
  const edits = [];
  let count = 0;
  const visit = (node) => {
    if (
      ts.isForOfStatement(node) &&
      !node.awaitModifier &&
      ts.isVariableDeclarationList(node.initializer) &&
      node.initializer.declarations.length === 1 &&
      isArrayType(checker, checker.getTypeAtLocation(node.expression))
    ) {
      const k = count++;
      const [index, list, item] = [`i$${k}`, `a$${k}`, `e$${k}`];
      const flags = node.initializer.flags;
      const keyword = flags & ts.NodeFlags.Const ? "const" : flags & ts.NodeFlags.Let ? "let" : "var";
      const { name } = node.initializer.declarations[0];
      const plainPattern =
        ts.isArrayBindingPattern(name) &&
        name.elements.every(
          (e) =>
            ts.isOmittedExpression(e) || (!e.dotDotDotToken && !e.initializer && ts.isIdentifier(e.name)),
        );
      const declarators = plainPattern
        ? [
            `${item} = ${list}[${index}]`,
            ...name.elements.flatMap((e, i) =>
              ts.isOmittedExpression(e) ? [] : [`${e.name.text} = ${item}[${i}]`],
            ),
          ]
        : [`${name.getText(sourceFile)} = ${list}[${index}]`];
      const binding = `${keyword} ${declarators.join(", ")};`;
      const body = node.statement;
      const bodyStart = body.getStart(sourceFile);
      edits.push({
        start: node.getStart(sourceFile),
        end: bodyStart,
        text: `for (let ${index} = 0, ${list} = ${node.expression.getText(sourceFile)}; ${index} < ${list}.length; ${index}++) `,
      });
      const bound = addBoundNames(name, new Set());
      const clash = ts.isBlock(body) && [...declaredNames(body)].some((declared) => bound.has(declared));
      if (ts.isBlock(body) && !clash) {
        edits.push({ start: bodyStart + 1, end: bodyStart + 1, text: ` ${binding}` });
      } else {
        edits.push({ start: bodyStart, end: bodyStart, text: `{ ${binding} ` });
        edits.push({ start: body.getEnd(), end: body.getEnd(), text: " }" });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  if (edits.length === 0) return undefined;
  if (OWN_NAME.test(text)) {
    throw new Error(
      `${sourceFile.fileName} uses a name of the form i$0, a$0 or e$0, which scripts/indexed-loops.mjs declares; rename it.`,
    );
  }
  // From the end, so that each edit's offsets are still those of the original text.
  edits.sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const edit of edits) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

/**
 * The files `names` of `<root>/src` (paths relative to src/), each with its content: the
 * TypeScript files with their loops over arrays rewritten (indexedLoops), the others as they are.
 * Type-checks with the project's tsconfig.json, as `tsc` does.
 */
export function indexedLoopSources(root, names) {
  const srcDir = join(root, "src");
  const config = ts.getParsedCommandLineOfConfigFile(
    join(root, "tsconfig.json"),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
      },
    },
  );
  const files = names.map((name) => join(srcDir, name));
  const program = ts.createProgram({
    rootNames: files.filter((file) => file.endsWith(".ts")),
    options: config.options,
  });
  const checker = program.getTypeChecker();
  return names.map((name, i) => {
    const sourceFile = name.endsWith(".ts") ? program.getSourceFile(files[i]) : undefined;
    const rewritten = sourceFile && indexedLoops(sourceFile, checker);
    return [name, rewritten === undefined ? readFileSync(files[i]) : Buffer.from(rewritten)];
  });
}
