package dev.driftgate.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Properties;
import schemacrawler.schema.Catalog;
import schemacrawler.schema.Schema;
import schemacrawler.schemacrawler.LimitOptionsBuilder;
import schemacrawler.schemacrawler.LoadOptionsBuilder;
import schemacrawler.schemacrawler.SchemaCrawlerOptions;
import schemacrawler.schemacrawler.SchemaCrawlerOptionsBuilder;
import schemacrawler.schemacrawler.SchemaInfoLevelBuilder;
import schemacrawler.tools.utility.SchemaCrawlerUtility;
import us.fatehi.utility.datasource.DatabaseConnectionSources;
import us.fatehi.utility.datasource.DatabaseConnectionSource;

/**
 * Loads a catalog with SchemaCrawler at maximum detail, as its users do, and prints what it found.
 *
 * <p>Usage: {@code SchemaCrawlerCatalog JDBC_URL USER SCHEMA_REGEX}
 */
public final class SchemaCrawlerCatalog {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        Properties props = new Properties();
        props.setProperty("user", args[1]);
        try (Connection connection = DriverManager.getConnection(url, props)) {
            DatabaseConnectionSource source = DatabaseConnectionSources.fromConnection(connection);
            SchemaCrawlerOptions options = SchemaCrawlerOptionsBuilder.newSchemaCrawlerOptions()
                    .withLimitOptions(LimitOptionsBuilder.builder().includeSchemas(s -> s.matches(args[2])).toOptions())
                    .withLoadOptions(LoadOptionsBuilder.builder()
                            .withSchemaInfoLevel(SchemaInfoLevelBuilder.maximum()).toOptions());
            Catalog catalog = SchemaCrawlerUtility.getCatalog(source, options);
            int tables = 0;
            for (Schema schema : catalog.getSchemas()) {
                tables += catalog.getTables(schema).size();
            }
            System.out.println("schemacrawler: " + tables + " tables and views");
        }
    }
}
