package org.elastichash.maven;

import java.io.File;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.elastichash.codegen.SourceWriter;
import org.elastichash.codegen.SpecParser;
import org.elastichash.templates.MapSpec;

/**
 * Generates elastic hash maps and sets for the configured types into {@code outputDirectory} and
 * adds that directory to the project's compile sources. The generated code compiles against the
 * {@code org.elastichash:generated-collections} dependency of the same version, on the class path
 * or the module path.
 *
 * <p>A map {@code short -> float} in package {@code com.acme} gives {@code
 * com.acme.ElasticShortFloatMap} and the {@code ShortFloatConsumer}, {@code ShortFloatPredicate}
 * and {@code ShortFloatFunction} its methods take; a {@code char} set gives {@code
 * com.acme.ElasticCharSet} with {@code CharConsumer} and {@code CharPredicate}.
 *
 * <p>The configuration is checked exactly as the codegen CLI checks its arguments, and all of it
 * before anything is written: a missing or unknown type fails the build with a message naming it,
 * and leaves the output directory as it was. A file that already has the content the generator
 * produces is not rewritten, so running the goal again with the same configuration changes nothing
 * and incremental compilation stays quiet.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class GenerateMojo extends AbstractMojo {

  /**
   * The maps to generate, each with a key and a value type:
   *
   * <pre>
   * &lt;maps&gt;
   *   &lt;map&gt;&lt;key&gt;short&lt;/key&gt;&lt;value&gt;float&lt;/value&gt;&lt;/map&gt;
   * &lt;/maps&gt;
   * </pre>
   *
   * Key types: {@code byte short char int long float double Object}; value types also {@code
   * boolean}.
   */
  @Parameter List<MapType> maps = new ArrayList<>();

  /**
   * The sets to generate, by element type ({@code byte short char int long float double Object}):
   *
   * <pre>
   * &lt;sets&gt;
   *   &lt;set&gt;char&lt;/set&gt;
   * &lt;/sets&gt;
   * </pre>
   */
  @Parameter List<String> sets = new ArrayList<>();

  /**
   * The Java package the generated collections and their functional interfaces go in, e.g. {@code
   * com.acme.collections}. Required.
   */
  @Parameter(property = "elastic.packageName")
  String packageName;

  /**
   * The source root to generate into; it is created if missing and added to the project's compile
   * source roots.
   */
  @Parameter(
      property = "elastic.outputDirectory",
      defaultValue = "${project.build.directory}/generated-sources/elastic",
      required = true)
  File outputDirectory;

  /** The project whose compile source roots get {@code outputDirectory}. */
  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  /** For Maven, which injects the parameters. */
  public GenerateMojo() {}

  /**
   * Checks the configuration, generates the sources and adds the output directory to the compile
   * source roots.
   *
   * @throws MojoFailureException if the configuration asks for nothing, misses the package or a
   *     type, names an unknown type, or asks for the same collection twice; nothing is written
   * @throws MojoExecutionException if the sources cannot be written
   */
  @Override
  public void execute() throws MojoFailureException, MojoExecutionException {
    List<MapSpec> specs = specs();
    Path out = outputDirectory.toPath();
    SourceWriter.Result result;
    try {
      SpecParser.outputDirectory(out);
      result = SourceWriter.write(specs, out);
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException(e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw new MojoExecutionException(
          "could not write to " + out + ": " + e.getCause().getMessage(), e);
    }
    project.addCompileSourceRoot(out.toString());
    getLog()
        .info(
            "elastic codegen: "
                + result.files().size()
                + " files in "
                + out
                + ": "
                + result.written().size()
                + " written, "
                + result.unchanged()
                + " unchanged");
  }

  /** Every configured collection, checked by the same parser the CLI uses. */
  private List<MapSpec> specs() throws MojoFailureException {
    if (packageName == null || packageName.isBlank()) {
      throw new MojoFailureException(
          "packageName is required: the package to generate into, e.g."
              + " <packageName>com.acme.collections</packageName>");
    }
    List<MapType> mapTypes = maps == null ? List.of() : maps;
    List<String> elementTypes = sets == null ? List.of() : sets;
    if (mapTypes.isEmpty() && elementTypes.isEmpty()) {
      throw new MojoFailureException(
          "nothing to generate: configure <maps> with <map><key>short</key><value>float</value>"
              + "</map> entries, or <sets> with <set>char</set> entries");
    }
    List<MapSpec> specs = new ArrayList<>();
    for (int i = 0; i < mapTypes.size(); i++) {
      MapType map = mapTypes.get(i);
      if (map == null || map.value == null) {
        throw new MojoFailureException(
            "maps[" + i + "] (" + map + "): a map needs a <value> type; for a set use <sets>");
      }
      specs.add(parse("maps[" + i + "] (" + map + ")", map.key, map.value));
    }
    for (int i = 0; i < elementTypes.size(); i++) {
      String element = elementTypes.get(i);
      specs.add(parse("sets[" + i + "] (" + element + ")", element, null));
    }
    return specs;
  }

  private MapSpec parse(String where, String key, String value) throws MojoFailureException {
    try {
      return SpecParser.parse(key, value, packageName);
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException(where + ": " + e.getMessage(), e);
    }
  }
}
