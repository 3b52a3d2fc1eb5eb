package dev.driftgate.source;

import dev.driftgate.schema.Schema;
import dev.driftgate.schema.SchemaSnapshot;
import dev.driftgate.schema.SnapshotJson;
import dev.driftgate.schema.UnmodelledObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Schema-per-tenant: one database holds a schema per tenant, each meant to equal the expected
 * schema. The database is read once; each tenant's schema becomes a snapshot of its own under the
 * expected schema's name, so that tenants compare (and group by digest) as separate environments.
 */
public final class TenantSchemas {

    private TenantSchemas() {}

    /**
     * @param database the whole database, read once
     * @param tenants which schemas are tenants
     * @param expected the one schema of the expected snapshot: every tenant is renamed to it, and
     *     takes its owner, comment, attributes and grants (a template's are not a tenant's)
     * @return tenant schema name → its snapshot, in name order
     */
    public static Map<String, SchemaSnapshot> split(SchemaSnapshot database, Predicate<String> tenants, Schema expected) {
        String expectedName = expected.name();
        Map<String, SchemaSnapshot> out = new LinkedHashMap<>();
        for (Schema schema : database.schemas()) {
            if (!tenants.test(schema.name())) {
                continue;
            }
            String prefix = schema.name() + ".";
            List<UnmodelledObject> own = database.unmodelled().stream().filter(u -> u.name().startsWith(prefix)).toList();
            // The schema object's own comment, owner and grants differ from the template's by nature.
            Schema tenant = new Schema(schema.name(), expected.owner(), expected.comment(), schema.tables(), schema.views(),
                    schema.sequences(), schema.types(), schema.routines(), schema.events(), expected.attributes(),
                    expected.grants(), schema.textObjects());
            SchemaSnapshot one = new SchemaSnapshot(database.formatVersion(), database.dialect(), List.of(tenant),
                    database.extensions(), own, database.server(), List.of());
            out.put(schema.name(), renamed(one, schema.name(), expectedName));
        }
        return out;
    }

    /**
     * The snapshot with the schema renamed everywhere it is named: the schema itself, foreign keys'
     * targets and qualified names inside definitions (defaults' sequences, index and view text).
     * Done on the snapshot's JSON: the definitions are the catalog's text, which no record method
     * can rename.
     */
    static SchemaSnapshot renamed(SchemaSnapshot snapshot, String from, String to) {
        if (from.equals(to)) {
            return snapshot;
        }
        String json = SnapshotJson.toJson(snapshot.withSchemaRenamed(from, to));
        json = json.replace("\"schema\": " + quoted(from), "\"schema\": " + quoted(to));
        // Qualified names in definitions: tenant_7.t or "Tenant 7".t, not a longer name that ends alike.
        String bare = "(?<![\\p{L}\\p{N}_$])" + Pattern.quote(from) + "\\.";
        String quotedName = Pattern.quote("\\\"" + from.replace("\"", "\"\"") + "\\\"") + "\\.";
        json = json.replaceAll(bare, Matcher.quoteReplacement(to + "."))
                .replaceAll(quotedName, Matcher.quoteReplacement("\\\"" + to.replace("\"", "\"\"") + "\\\"."));
        return SnapshotJson.parse(json, "schema " + from);
    }

    private static String quoted(String name) {
        return "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
