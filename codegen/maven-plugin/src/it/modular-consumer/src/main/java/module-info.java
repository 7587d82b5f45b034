/**
 * A user's module with a map generated into its own package. It needs nothing but the requires:
 * transitive, because the exported map's API mentions library types ({@code ElasticStats}).
 */
module com.example.modular {
  requires transitive org.elastichash;

  exports com.example.modular;
  exports com.example.modular.collections;
}
