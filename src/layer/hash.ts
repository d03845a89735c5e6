/** Content keys: one sha256 over a set of files' contents and a few strings, independent of where they live. */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";

/**
 * sha256 (hex) over the contents of `paths` taken in byte order of their UTF-8 paths, then `extra`
 * in the order given. Paths themselves are not hashed: a checkout in another directory must give
 * the same key. Each part is framed by its kind and length, so moving bytes from one file to the
 * next, or from a file into an extra string, changes the key. A missing file is an error naming it.
 */
export async function hashFiles(paths: string[], extra: string[] = []): Promise<string> {
  const hash = createHash("sha256");
  const sorted = [...paths].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  for (const path of sorted) {
    // Each file is hashed on its own and its length and digest go into the key: that frames it
    // without reading it twice or holding it in memory.
    let length = 0;
    const content = createHash("sha256");
    try {
      for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
        content.update(chunk);
        length += chunk.length;
      }
    } catch (error) {
      throw new Error(`Cannot hash ${path}: ${(error as Error).message}`);
    }
    hash.update(`file\0${length}\0`);
    hash.update(content.digest());
  }
  for (const value of extra) {
    const bytes = Buffer.from(value);
    hash.update(`extra\0${bytes.length}\0`);
    hash.update(bytes);
  }
  return hash.digest("hex");
}
