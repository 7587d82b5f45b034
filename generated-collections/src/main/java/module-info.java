/**
 * Elastic Collections: boxing-free hash maps built on elastic hashing.
 *
 * <p>Only {@code org.elastichash} is exported. Maps generated with the codegen CLI into a modular
 * project's own package call the core in {@code org.elastichash.internal}; compile and run such a
 * project with {@code --add-exports org.elastichash/org.elastichash.internal=<your module>}.
 */
module org.elastichash {
  exports org.elastichash;
}
