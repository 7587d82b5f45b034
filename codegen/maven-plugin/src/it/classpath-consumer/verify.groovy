// Runs after both builds of invoker.properties; build.log holds their output.
def log = new File(basedir, 'build.log').text
def sources = new File(basedir, 'target/generated-sources/elastic/com/example/consumer/collections')

assert new File(sources, 'ElasticShortFloatMap.java').isFile()
assert new File(sources, 'ElasticCharSet.java').isFile()
assert log.contains('7 written, 0 unchanged') : 'the first build writes all seven files'
assert log.contains('Tests run: 4, Failures: 0, Errors: 0, Skipped: 0') : 'the consumer tests ran'
assert log.contains('0 written, 7 unchanged') : 'the second build rewrites nothing'
assert log.contains('Nothing to compile - all classes are up to date') : 'and compiles nothing'
