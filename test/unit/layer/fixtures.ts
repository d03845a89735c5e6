/**
 * Layer sources built in a temporary directory, installable with no network: an npm project whose
 * lockfile points at local tarballs, a pip requirements file with a wheel built here, jars.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export function tempDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `preview-stacks-${label}-`));
}

function write(path: string, text: string): void {
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, text);
}

/** A package tarball made by `npm pack`, placed in `vendor`. */
function packTarball(root: string, name: string, vendor: string): string {
  const dir = join(root, "packages", name);
  write(join(dir, "package.json"), JSON.stringify({ name, version: "1.0.0", main: "index.js" }));
  write(join(dir, "index.js"), `module.exports = ${JSON.stringify(name)};\n`);
  mkdirSync(vendor, { recursive: true });
  execFileSync("npm", ["pack", "--pack-destination", vendor, "--silent"], { cwd: dir, stdio: "pipe" });
  return `${name}-1.0.0.tgz`;
}

/** `<root>/app`: package.json with a runtime and a dev dependency, both local tarballs, and its lockfile. */
export function npmProject(root: string): string {
  const app = join(root, "app");
  const vendor = join(app, "vendor");
  const dep = packTarball(root, "tiny-dep", vendor);
  const dev = packTarball(root, "tiny-dev", vendor);
  write(
    join(app, "package.json"),
    JSON.stringify({
      name: "layer-deps",
      version: "1.0.0",
      private: true,
      dependencies: { "tiny-dep": `file:vendor/${dep}` },
      devDependencies: { "tiny-dev": `file:vendor/${dev}` },
    }),
  );
  writeOfflineLockfile(app, root);
  return app;
}

/** Writes `dir`'s package-lock.json from its package.json, offline (its dependencies are local tarballs). */
export function writeOfflineLockfile(dir: string, root: string): void {
  execFileSync(
    "npm",
    ["install", "--package-lock-only", "--offline", "--no-audit", "--no-fund", "--silent"],
    {
      cwd: dir,
      stdio: "pipe",
      env: { ...process.env, npm_config_cache: join(root, "npm-cache") },
    },
  );
}

/** `<root>/py`: requirements.txt naming a wheel built here, in `py/wheels`. */
export function pythonProject(root: string): string {
  const py = join(root, "py");
  const wheels = join(py, "wheels");
  mkdirSync(wheels, { recursive: true });
  const script = `
import sys, zipfile
name = sys.argv[1]
files = {
  "tiny_py/__init__.py": "VALUE = 42\\n",
  "tiny_py-1.0.dist-info/METADATA": "Metadata-Version: 2.1\\nName: tiny-py\\nVersion: 1.0\\n",
  "tiny_py-1.0.dist-info/WHEEL": "Wheel-Version: 1.0\\nGenerator: test\\nRoot-Is-Purelib: true\\nTag: py3-none-any\\n",
}
record = "".join(f"{p},,\\n" for p in files) + "tiny_py-1.0.dist-info/RECORD,,\\n"
files["tiny_py-1.0.dist-info/RECORD"] = record
with zipfile.ZipFile(name, "w") as z:
    for path, text in files.items():
        z.writestr(path, text)
`;
  execFileSync("python3", ["-c", script, join(wheels, "tiny_py-1.0-py3-none-any.whl")]);
  write(join(py, "requirements.txt"), "tiny-py==1.0\n");
  return py;
}

/** A minimal jar (a zip with a manifest), built with Python's zipfile. */
export function jar(path: string, className: string): void {
  mkdirSync(join(path, ".."), { recursive: true });
  execFileSync("python3", [
    "-c",
    "import sys, zipfile\nwith zipfile.ZipFile(sys.argv[1], 'w') as z:\n  z.writestr('META-INF/MANIFEST.MF', 'Manifest-Version: 1.0\\n')\n  z.writestr(sys.argv[2] + '.class', 'x')",
    path,
    className,
  ]);
}

export { write };
