package dev.driftgate.dialect.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The PostgreSQL normalisation step on the inputs it exists for. */
class PostgresNormalizerTest {
    @Test
    void stripsTheCastToTheColumnsOwnType() {
        assertEquals("'a'", PostgresNormalizer.defaultExpression("'a'::text", "text"));
        assertEquals("'x'", PostgresNormalizer.defaultExpression("'x'::character varying", "character varying(20)"));
        assertEquals("'{}'", PostgresNormalizer.defaultExpression("'{}'::integer[]", "integer[]"));
        assertEquals("'ok'", PostgresNormalizer.defaultExpression("'ok'::app.mood", "app.mood"));
        assertEquals("'it''s'", PostgresNormalizer.defaultExpression("'it''s'::text", "text"));
    }

    @Test
    void keepsCastsThatChangeTheValue() {
        assertEquals("'2024-01-01'::date", PostgresNormalizer.defaultExpression("'2024-01-01'::date", "text"));
        assertEquals("now()", PostgresNormalizer.defaultExpression("now()", "timestamp with time zone"));
        assertEquals("('now'::text)::date", PostgresNormalizer.defaultExpression("('now'::text)::date", "date"));
    }

    @Test
    void removesTheColumnQualifiersPostgres15AddsToSingleRelationViews() {
        String pg15 = "SELECT \"order\".id,\n    \"order\".total\n   FROM app.\"order\"\n  WHERE \"order\".status = 'a.b'::text";
        String pg16 = "SELECT id,\n    total\n   FROM app.\"order\"\n  WHERE status = 'a.b'::text";
        assertEquals(pg16, PostgresNormalizer.viewDefinition(pg15));
        assertEquals(pg16, PostgresNormalizer.viewDefinition(pg16));
    }

    @Test
    void leavesJoinsAndSubqueriesAlone() {
        String join = "SELECT o.id\n   FROM app.o o\n     JOIN app.c c ON c.id = o.cid";
        assertEquals(join, PostgresNormalizer.viewDefinition(join));
        String sub = "SELECT t.id\n   FROM app.t\n  WHERE t.id IN ( SELECT u.id\n           FROM app.u)";
        assertEquals(sub, PostgresNormalizer.viewDefinition(sub));
    }

    @Test
    void recognisesGeneratedNames() {
        assertTrue(PostgresNormalizer.isGeneratedName("orders_pkey", "orders", "pkey"));
        assertTrue(PostgresNormalizer.isGeneratedName("orders_customer_id_fkey1", "orders", "fkey"));
        assertTrue(PostgresNormalizer.isGeneratedName("a_very_long_table_name_tha_col_key", "a_very_long_table_name_that_is_truncated", "key"));
        assertFalse(PostgresNormalizer.isGeneratedName("orders_customer_fk", "orders", "fkey"));
        assertFalse(PostgresNormalizer.isGeneratedName("pk_orders", "orders", "pkey"));
    }
}
