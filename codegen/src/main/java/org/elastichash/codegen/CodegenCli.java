package org.elastichash.codegen;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.elastichash.templates.MapSpec;
import org.elastichash.templates.ShippedMaps;

/**
 * Command line entry point of the generator.
 *
 * <pre>
 * java -jar codegen.jar --key &lt;type&gt; [--value &lt;type&gt;] [--package &lt;pkg&gt;] --out &lt;dir&gt;
 * java -jar codegen.jar --shipped --out &lt;dir&gt;
 * </pre>
 *
 * <p>Every argument is checked before anything is written: a wrong or missing one prints the usage
 * on standard error and exits with status 2.
 */
public final class CodegenCli {

  /** Exit status for a wrong or missing argument. */
  public static final int USAGE_ERROR = 2;

  /** Exit status when the files could not be written. */
  public static final int IO_ERROR = 1;

  static final String USAGE =
      """
      usage: java -jar codegen.jar --key <type> [--value <type>] [--package <pkg>] --out <dir>
             java -jar codegen.jar --shipped --out <dir>

      Generates an elastic hash map (and the functional interfaces its methods take) as Java
      source into <dir>, in package directories; without --value, a set of <type> elements.
      The output compiles against generated-collections.

        --key <type>      byte short char int long float double Object
        --value <type>    byte short char int long float double boolean Object; omit for a set
        --package <pkg>   the package of the generated map (default: org.elastichash)
        --out <dir>       the source root to write into (created if missing)
        --shipped         generate every map the library ships instead of one pair
        --help            print this message
      """;

  private CodegenCli() {}

  /** Runs the CLI and exits with its status when that is not success. */
  public static void main(String[] args) {
    int status = run(args, System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  /**
   * Runs the CLI without exiting, so that tests and in-process build steps can call it.
   *
   * @return 0 on success, {@link #USAGE_ERROR} for bad arguments, {@link #IO_ERROR} if writing
   *     failed
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    Request request;
    try {
      request = Request.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      err.println();
      err.print(USAGE);
      return USAGE_ERROR;
    }
    if (request == null) {
      out.print(USAGE);
      return 0;
    }
    try {
      SourceWriter.Result result = SourceWriter.write(request.specs(), request.out());
      out.println(
          "elastic codegen: "
              + result.files().size()
              + " files in "
              + request.out()
              + ": "
              + result.written().size()
              + " written, "
              + result.unchanged()
              + " unchanged");
      return 0;
    } catch (UncheckedIOException e) {
      err.println("error: could not write to " + request.out() + ": " + e.getCause().getMessage());
      return IO_ERROR;
    }
  }

  /**
   * Generates every spec and writes the sources under {@code out}, leaving files that already have
   * the generated content untouched.
   *
   * @return every generated file, written or unchanged
   * @see SourceWriter#write
   */
  public static List<Path> write(List<MapSpec> specs, Path out) {
    return SourceWriter.write(specs, out).files();
  }

  /** A parsed command line. */
  private record Request(List<MapSpec> specs, Path out) {

    /** Parses the arguments; null means help was asked for. */
    static Request parse(String[] args) {
      String key = null;
      String value = null;
      String packageName = null;
      String out = null;
      boolean shipped = false;
      for (int i = 0; i < args.length; i++) {
        String option = args[i];
        switch (option) {
          case "--help", "-h" -> {
            return null;
          }
          case "--shipped" -> shipped = true;
          case "--key" -> key = valueOf(args, ++i, option, key);
          case "--value" -> value = valueOf(args, ++i, option, value);
          case "--package" -> packageName = valueOf(args, ++i, option, packageName);
          case "--out" -> out = valueOf(args, ++i, option, out);
          default -> throw new IllegalArgumentException("unknown argument '" + option + "'");
        }
      }
      if (out == null) {
        throw new IllegalArgumentException("--out is required");
      }
      Path outDir = SpecParser.outputDirectory(Path.of(out));
      if (shipped) {
        if (key != null || value != null || packageName != null) {
          throw new IllegalArgumentException("--shipped takes no --key, --value or --package");
        }
        return new Request(ShippedMaps.ALL, outDir);
      }
      return new Request(List.of(SpecParser.parse(key, value, packageName)), outDir);
    }

    private static String valueOf(String[] args, int index, String option, String previous) {
      if (previous != null) {
        throw new IllegalArgumentException(option + " given twice");
      }
      if (index >= args.length || args[index].startsWith("--")) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      return args[index];
    }
  }
}
