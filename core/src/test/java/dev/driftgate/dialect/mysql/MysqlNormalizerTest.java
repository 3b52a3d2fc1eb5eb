package dev.driftgate.dialect.mysql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.driftgate.schema.RelationName;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The MySQL/MariaDB normalisation step. MySQL 8 prints defaults and expressions differently from
 * MariaDB and no MySQL 8 server runs on this machine, so its spellings are covered here as well as
 * through Testcontainers where Docker exists.
 */
class MysqlNormalizerTest {
    @Test
    void readsTheRelationsOfAViewFromItsQualifiedRendering() {
        String definition = "select `shop`.`o`.`id` AS `id`,`c`.`email` AS `email` from (`shop`.`order` `o` "
                + "join `other``db`.`customer` `c` on(`c`.`id` = `o`.`customer_id`))";
        assertEquals(List.of(new RelationName("shop", "o"),
                        new RelationName("c", "email"),
                        new RelationName("shop", "order"),
                        new RelationName("other`db", "customer"),
                        new RelationName("c", "id"),
                        new RelationName("o", "customer_id")),
                MysqlNormalizer.viewReads(definition),
                "candidates in order of appearance; the introspector keeps those that are relations");
    }

    @Test
    void readsMariaDbDefaults() {
        assertEquals("'abc'", MysqlNormalizer.defaultValue("'abc'", "varchar", "", true));
        assertEquals(null, MysqlNormalizer.defaultValue("NULL", "varchar", "", true));
        assertEquals("CURRENT_TIMESTAMP", MysqlNormalizer.defaultValue("current_timestamp()", "timestamp", "", true));
        assertEquals("CURRENT_TIMESTAMP(3)", MysqlNormalizer.defaultValue("current_timestamp(3)", "datetime", "", true));
        assertEquals("0.00", MysqlNormalizer.defaultValue("0.00", "decimal", "", true));
    }

    @Test
    void readsMysql8DefaultsToTheSameForm() {
        assertEquals("'abc'", MysqlNormalizer.defaultValue("abc", "varchar", "", false));
        assertEquals("'it''s'", MysqlNormalizer.defaultValue("it's", "varchar", "", false));
        assertEquals("CURRENT_TIMESTAMP", MysqlNormalizer.defaultValue("CURRENT_TIMESTAMP", "timestamp", "DEFAULT_GENERATED", false));
        assertEquals("0.00", MysqlNormalizer.defaultValue("0.00", "decimal", "", false));
        assertEquals("rand()", MysqlNormalizer.defaultValue("(rand())", "double", "DEFAULT_GENERATED", false));
        assertEquals("b'1'", MysqlNormalizer.defaultValue("b'1'", "bit", "", false));
    }

    @Test
    void dropsIntegerDisplayWidthsButKeepsTinyintOne() {
        assertEquals("int", MysqlNormalizer.columnType("int(11)"));
        assertEquals("bigint unsigned", MysqlNormalizer.columnType("bigint(20) unsigned"));
        assertEquals("tinyint(1)", MysqlNormalizer.columnType("tinyint(1)"));
        assertEquals("decimal(10,2)", MysqlNormalizer.columnType("decimal(10,2)"));
    }

    @Test
    void unwrapsMysql8Parentheses() {
        assertEquals("`a` > 0", MysqlNormalizer.expression("(`a` > 0)"));
        assertEquals("(`a` > 0) and (`b` > 0)", MysqlNormalizer.expression("(`a` > 0) and (`b` > 0)"));
        assertEquals("CURRENT_TIMESTAMP", MysqlNormalizer.onUpdate("DEFAULT_GENERATED on update CURRENT_TIMESTAMP"));
        assertEquals("CURRENT_TIMESTAMP(3)", MysqlNormalizer.onUpdate("on update current_timestamp(3)"));
    }

    @Test
    void removesTheViewsOwnDatabaseFromItsQuery() {
        assertEquals("select `t`.`a` AS `a` from `t`",
                MysqlNormalizer.viewDefinition("select `shop_prod`.`t`.`a` AS `a` from `shop_prod`.`t`", "shop_prod"));
    }
}
