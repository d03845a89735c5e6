import type ts from "typescript";

export function indexedLoops(sourceFile: ts.SourceFile, checker: ts.TypeChecker): string | undefined;
export function indexedLoopSources(root: string, names: readonly string[]): [string, Buffer][];
