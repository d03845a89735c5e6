package example;

import java.util.Map;

/**
 * A Lambda handler that calls into a native library shipped in a layer. Lambda adds the layer's
 * lib/ directory (/opt/lib) to LD_LIBRARY_PATH, which the JVM uses for java.library.path, so
 * loadLibrary finds libstandin.so there. Loading happens in the static initializer, so with
 * SnapStart it is done once, before the snapshot, and not on every cold start.
 *
 * A plain method is enough for a Lambda handler; no Lambda library is needed to build this class.
 */
public final class Thumbnail {
  static {
    System.loadLibrary("standin");
  }

  /** Implemented in native/standin.c. */
  static native String describe();

  public Map<String, String> handleRequest(Map<String, Object> event) {
    return Map.of("native", describe());
  }

  /** Runs the native call outside Lambda: java -Djava.library.path=<dir of the .so> example.Thumbnail */
  public static void main(String[] args) {
    System.out.println(describe());
  }
}
