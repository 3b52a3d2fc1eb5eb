package dev.driftgate.scenario;

import dev.driftgate.compat.ReleaseStatement;
import java.util.List;

/**
 * The SQL of the application releases a change set sits between (zero-downtime: both run against
 * the schema for a while).
 *
 * @param previous what the release running during the migration sends; empty when not given
 * @param next what the release deployed after it sends; empty when not given
 * @param skipped what was left out of either and why ({@code previous: 2 not queries (SET)})
 */
public record Releases(List<ReleaseStatement> previous, List<ReleaseStatement> next, List<String> skipped) {}
