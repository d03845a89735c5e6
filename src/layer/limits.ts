/** Lambda's size limit for a layer, checked before anything is uploaded. */

/** Lambda's limit on a function's unzipped code and layers together: 250 MiB. */
export const UNZIPPED_LIMIT_BYTES = 262_144_000;

export interface DirectorySize {
  path: string;
  bytes: number;
}

export class LayerTooLargeError extends Error {
  constructor(
    readonly unzippedSize: number,
    readonly largest: DirectorySize[],
  ) {
    super(
      `The layer unzips to ${mib(unzippedSize)}, over Lambda's limit of ${mib(UNZIPPED_LIMIT_BYTES)} (${UNZIPPED_LIMIT_BYTES} bytes) for a function and all its layers. ` +
        `The largest directories:\n${largest.map((d) => `  ${d.path}  ${mib(d.bytes)}`).join("\n")}\n` +
        "Drop what the function does not load (tests, docs, other platforms' binaries), split the layer, or ship the function as a container image.",
    );
    this.name = "LayerTooLargeError";
  }
}

export function mib(bytes: number): string {
  return `${(bytes / 1048576).toFixed(1)} MiB`;
}

/** Throws LayerTooLargeError, naming the ten largest directories, when the layer is over the limit. */
export function checkLayerSize(
  unzippedSize: number,
  largestDirectories: (n: number) => DirectorySize[],
): void {
  if (unzippedSize > UNZIPPED_LIMIT_BYTES) throw new LayerTooLargeError(unzippedSize, largestDirectories(10));
}
