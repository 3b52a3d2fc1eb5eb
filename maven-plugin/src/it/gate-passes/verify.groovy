// The gate ran and passed, wrote its JUnit XML and results where the command line does, and lint ran.
def log = new File(basedir, 'build.log').text
assert log.contains('driftgate test ')
assert log =~ /✔ \S*db\/gate: \d+ checks passed/
assert log.contains(' 0 failed')
assert log.contains('driftgate lint ')
def junit = new File(basedir, 'target/driftgate/junit').listFiles().findAll { it.name.endsWith('.xml') }
assert junit.size() == 1
assert junit[0].text.contains('rollback restores the schema')
assert new File(basedir, 'target/driftgate/results.json').isFile()
assert new File(basedir, 'target/driftgate/manifest.json').isFile()
return true
