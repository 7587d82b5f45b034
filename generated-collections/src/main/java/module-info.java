/**
 * Elastic Collections: boxing-free hash maps built on elastic hashing.
 *
 * <p>Exports {@code org.elastichash}, the collections, and {@code org.elastichash.runtime}, the
 * runtime that generated collections call: maps and sets generated into a modular project's own
 * package with the Maven plugin or the codegen CLI need only {@code requires org.elastichash}. The
 * rest of the core ({@code org.elastichash.internal}) is not exported.
 */
module org.elastichash {
  exports org.elastichash;
  exports org.elastichash.runtime;
}
