// The broken rollback fails the build, named in the log and in the JUnit XML.
def log = new File(basedir, 'build.log').text
assert log.contains('rollback restores the schema')
assert log.contains('driftgate test: checks failed')
assert log.contains('BUILD FAILURE')
def junit = new File(basedir, 'target/driftgate/junit').listFiles().find { it.name.endsWith('.xml') }
assert junit.text.contains('<failure')
return true
