// No scenario found fails loudly: never "0 checks, BUILD SUCCESS".
def log = new File(basedir, 'build.log').text
assert log.contains('no scenario found')
assert log.contains('BUILD FAILURE')
return true
