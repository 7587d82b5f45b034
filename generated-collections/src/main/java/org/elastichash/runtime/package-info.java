/**
 * The runtime that generated maps and sets call: the contract between the codegen and this library.
 * Code the codegen writes into a user's package (with the Maven plugin or the CLI) calls the
 * classes here and nothing else of the library's internals, so it compiles and runs on the module
 * path without {@code --add-exports}; this package is exported for that reason, not as an API for
 * hand-written code, which uses the collections in {@code org.elastichash}.
 *
 * <ul>
 *   <li>{@link org.elastichash.runtime.ElasticTable}: control words, per-segment counts and the
 *       batch schedule of elastic hashing; a generated collection keeps its keys and values in
 *       arrays parallel to it, asks it where a new key goes and walks its control words to look
 *       keys up;
 *   <li>{@link org.elastichash.runtime.SegmentGeometry}: segment sizes and load limits;
 *   <li>{@link org.elastichash.runtime.Hashing}: hash mixing and probe sequences;
 *   <li>{@link org.elastichash.runtime.ControlBytes}: SWAR matching of eight control bytes;
 *   <li>{@link org.elastichash.runtime.CollisionIndex}: where object keys that flood one probe run
 *       go instead;
 *   <li>{@link org.elastichash.runtime.SerialForm}: the checks every {@code readObject} makes;
 *   <li>{@link org.elastichash.runtime.Arguments}: argument checks and defaults;
 *   <li>{@link org.elastichash.runtime.CodegenContract}: the contract version every generated class
 *       checks, so that code generated for another version of this package fails to compile, or
 *       fails as it loads, with a message saying so.
 * </ul>
 *
 * <p><b>Compatibility.</b> Generated code must be regenerated with the codegen of the same version
 * as this runtime. Within one {@linkplain org.elastichash.runtime.CodegenContract#VERSION contract
 * version} the signatures and behaviour of this package stay compatible; a change that breaks
 * generated code raises the version.
 */
package org.elastichash.runtime;
