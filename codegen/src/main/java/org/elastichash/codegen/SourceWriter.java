package org.elastichash.codegen;

import com.palantir.javapoet.JavaFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.elastichash.templates.MapSpec;
import org.elastichash.templates.MapTemplate;

/**
 * Generates sources for a list of specs and writes them under a source root, in package
 * directories. A file whose content is already what the generator produces is left alone, so a
 * rerun with the same input touches nothing and incremental builds see no change.
 */
public final class SourceWriter {

  /**
   * What a run produced.
   *
   * @param files every generated file, written or not, in generation order
   * @param written the files whose content changed (or that did not exist) and were written
   */
  public record Result(List<Path> files, List<Path> written) {

    /** Copies the lists. */
    public Result {
      files = List.copyOf(files);
      written = List.copyOf(written);
    }

    /** The files that already had the generated content and were not touched. */
    public int unchanged() {
      return files.size() - written.size();
    }
  }

  private SourceWriter() {}

  /**
   * Generates every spec and writes the sources under {@code out}, creating it if missing. All
   * sources are generated before the first is written, so a spec the template rejects leaves the
   * directory as it was.
   *
   * @throws IllegalArgumentException if two specs are the same collection
   * @throws UncheckedIOException if a file cannot be read or written
   */
  public static Result write(List<MapSpec> specs, Path out) {
    Map<Path, byte[]> sources = new LinkedHashMap<>();
    List<MapSpec> seen = new ArrayList<>();
    for (MapSpec spec : specs) {
      if (seen.contains(spec)) {
        throw new IllegalArgumentException(
            "the same collection is asked for twice: "
                + spec.packageName()
                + "."
                + spec.className());
      }
      seen.add(spec);
      for (JavaFile file : MapTemplate.generate(spec)) {
        sources.put(pathOf(file, out), file.toString().getBytes(StandardCharsets.UTF_8));
      }
    }
    List<Path> written = new ArrayList<>();
    try {
      for (Map.Entry<Path, byte[]> source : sources.entrySet()) {
        Path path = source.getKey();
        if (Files.isRegularFile(path)
            && Arrays.equals(Files.readAllBytes(path), source.getValue())) {
          continue;
        }
        Files.createDirectories(path.getParent());
        Files.write(path, source.getValue());
        written.add(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Result(new ArrayList<>(sources.keySet()), written);
  }

  /** Where JavaPoet's {@link JavaFile#writeToPath} would put the file. */
  private static Path pathOf(JavaFile file, Path out) {
    Path directory = out;
    if (!file.packageName().isEmpty()) {
      for (String component : file.packageName().split("\\.")) {
        directory = directory.resolve(component);
      }
    }
    return directory.resolve(file.typeSpec().name() + ".java");
  }
}
