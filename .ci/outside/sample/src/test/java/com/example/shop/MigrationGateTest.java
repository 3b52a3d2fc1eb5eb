package com.example.shop;

import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectDirectories;
import org.junit.platform.suite.api.Suite;

/** The gate on every scenario under db/ (a directory with a driftgate.yaml). */
@Suite
@IncludeEngines("driftgate")
@SelectDirectories("db")
class MigrationGateTest {}
