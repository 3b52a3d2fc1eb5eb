package dev.driftgate.scenarios;

import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectDirectories;
import org.junit.platform.suite.api.Suite;

/**
 * The example scenarios, run by the driftgate engine under Surefire as any user's build would run
 * them: every step of every candidate on the embedded databases. The deliberately broken examples
 * are not here; {@link BrokenScenariosTest} asserts that each fails as it should.
 */
@Suite
@IncludeEngines("driftgate")
@SelectDirectories({"postgres-flyway", "mariadb-golang-migrate", "declarative", "postgres-18", "generated-groups", "zero-downtime"})
class ExampleScenariosTest {}
