/**
 * V8 settings, and collections of the run's own, for a process about to validate many templates (a
 * whole repository's, or a corpus).
 * V8 reads each when it decides, not when it starts, so setting them at run time takes full effect
 * (test/unit/template/long-run.test.ts shows it):
 * - `--semi-space-growth-factor=1`: V8 doubles its young generation whenever much of what it
 *   allocates survives a collection, up to 32 MB, and does not give it back. Validation allocates
 *   mostly short-lived objects, so keeping the young generation at the size it has reached costs a
 *   long run no time and saves the memory the growth would take.
 * - `--no-turbofan`: V8's top compiler re-compiles the hottest functions on background threads. In a
 *   whole-corpus run it compiled some 140 functions (the YAML reader's, the shared walks', the rule
 *   runner), and those threads took about a third of the run's CPU (each thread's CPU read at exit),
 *   more than the optimized code gave back: on a 2-core runner they take the core the main thread
 *   does not use. Without it the run took about a quarter less CPU and 5 MB less peak memory, and
 *   no more wall time.
 * - `--invocation-count-for-maglev=10000`: Maglev, V8's middle compiler (on by default from Node 22),
 *   compiles a function after about 400 calls by default: in a whole-corpus run, 380 compiles,
 *   which cost some 20 MB of peak memory. From 5,000 calls it made 110 to 127: the YAML and JSON
 *   readers', the shared walks', the rule runner and the small node helpers every rule calls, which
 *   run for every node. The whole-corpus run then took about 15% less wall time than with Maglev
 *   off, for about 5 MB (1,490 templates: a quarter less). From 10,000 calls it makes 89, and the
 *   whole corpus took 1.6% more time for a median peak 3 MB lower (bench:validate-compare, 21
 *   runs; by hand, 2,384 templates: 3.4% and 7 MB, and from 20,000 calls 12% more time). Node 20
 *   leaves Maglev off, and the count changes nothing there.
 *   (The Turbofan and the first Maglev figures are from hand comparisons of the bundle, 298 and
 *   1,490 templates, each setting interleaved; bench:validate prints the whole-corpus row's wall
 *   and CPU time and peak memory.)
 * - `--heap-growing-percent=5`: after a full collection V8 lets the old generation grow by this
 *   share of what survived (far more by default) before collecting again. A long run keeps little
 *   (the findings, the loaded type data) and throws away each template's nodes, so the room it
 *   would otherwise leave fills with garbage, and the peak grows with it; the long-run test shows
 *   the flag's effect on peak heap (`--optimize-for-size` saves a little more but changes how code
 *   is compiled, and was slower in hand comparisons).
 * bench:validate's whole-corpus row runs with all four and prints its peak memory beside
 * cfn-lint's. A run over fewer templates sets none: its heap stays small anyway, and loading
 * node:v8 would add to its start.
 *
 * Not set, though it takes 2 to 6 MB off the whole corpus's peak for about 2% of its time (hand
 * comparisons and bench:validate-compare): `--no-incremental-marking`. With it, V8 (Node 24 with the flag set at start or at run time,
 * Node 20 at run time) starts no full collection when the old generation grows by promotion
 * alone: a probe that keeps a tenth of what it makes grew to 216 MB without one. The corpus gets
 * its full collections through other triggers, but a setting whose bound on memory depends on
 * such triggers is not one to ship.
 */

/** The flags, in the order they are set. */
export const LONG_RUN_V8_FLAGS = [
  "--semi-space-growth-factor=1",
  "--no-turbofan",
  "--invocation-count-for-maglev=10000",
  "--heap-growing-percent=5",
] as const;

/** From this many templates on, a validate run counts as long. */
export const MANY_TEMPLATES = 10;

/**
 * A long run collects all its garbage, at once, after a template when the heap has grown by this
 * much since the last time. V8 starts a full collection itself when the old generation has grown by
 * 8 MB (its least step, whatever `--heap-growing-percent` says) and the young generation's size,
 * but marks incrementally while the run goes on allocating, and keeps the pages it frees for later:
 * a whole-corpus run (298 templates, Node 24) made two full collections, and its heap reached 37 MB
 * with 18 MB live. With a collection at every 8 MB it makes four, each 10 to 17 ms on the main
 * thread where V8 marks on a helper thread, and the heap stays under 28 MB. bench:validate-compare
 * (21 interleaved runs, twice, against the bundle before) gave a median peak of 82.8 MB against 95.5
 * and 97.2, for +9.0% and +2.3% time. Other steps, by hand (21 interleaved runs of a bundle that
 * read the step from the environment): every 12 MB, 86.6 MB in the time of 8; every 16 MB, 90.3 MB
 * and 2% less time than 8; every 3 MB, 79 MB for 19% more time than none.
 */
export const COLLECT_AFTER_GROWTH_BYTES = 8 * 2 ** 20;

/**
 * What to call after each template: a full collection (`collect`) when the heap (`usedHeap`, in
 * bytes) has grown by `step` since the last one, or since the start.
 */
export function collectorAfterGrowth(collect: () => void, usedHeap: () => number, step: number): () => void {
  let baseline = usedHeap();
  return () => {
    if (usedHeap() - baseline < step) return;
    collect();
    baseline = usedHeap();
  };
}

let afterTemplate: (() => void) | undefined;

/**
 * Sets LONG_RUN_V8_FLAGS for this process, once, and returns what the run calls after each
 * template (see COLLECT_AFTER_GROWTH_BYTES). The collection is V8's `gc`, which `--expose-gc` gives
 * every context made after it is set; a V8 that gives none leaves the run without it.
 */
export async function prepareForLongRun(): Promise<() => void> {
  if (afterTemplate) return afterTemplate;
  const { getHeapStatistics, setFlagsFromString } = await import("node:v8");
  for (const flag of LONG_RUN_V8_FLAGS) setFlagsFromString(flag);
  setFlagsFromString("--expose-gc");
  const { runInNewContext } = await import("node:vm");
  const gc: unknown = runInNewContext("typeof gc === 'function' ? gc : undefined");
  afterTemplate =
    typeof gc === "function"
      ? collectorAfterGrowth(
          gc as () => void,
          () => getHeapStatistics().used_heap_size,
          COLLECT_AFTER_GROWTH_BYTES,
        )
      : () => {};
  return afterTemplate;
}
