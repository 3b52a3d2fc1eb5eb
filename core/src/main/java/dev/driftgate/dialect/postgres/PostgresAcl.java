package dev.driftgate.dialect.postgres;

import dev.driftgate.schema.Grant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads PostgreSQL {@code aclitem} text ({@code grantee=privileges/grantor}) into grants. The
 * owner's own privileges are implicit and left out, so an object whose ACL only restates the
 * defaults has no grants.
 */
final class PostgresAcl {

    private static final Map<Character, String> PRIVILEGES = Map.ofEntries(
            Map.entry('r', "SELECT"), Map.entry('a', "INSERT"), Map.entry('w', "UPDATE"),
            Map.entry('d', "DELETE"), Map.entry('D', "TRUNCATE"), Map.entry('x', "REFERENCES"),
            Map.entry('t', "TRIGGER"), Map.entry('X', "EXECUTE"), Map.entry('U', "USAGE"),
            Map.entry('C', "CREATE"), Map.entry('c', "CONNECT"), Map.entry('T', "TEMPORARY"),
            Map.entry('m', "MAINTAIN"), Map.entry('s', "SET"), Map.entry('A', "ALTER SYSTEM"));

    private PostgresAcl() {}

    static List<Grant> grants(List<String> acl, String owner) {
        List<Grant> grants = new ArrayList<>();
        for (String item : acl) {
            int eq = lastUnquoted(item, '=');
            int slash = item.lastIndexOf('/');
            if (eq < 0 || slash < eq) {
                continue;
            }
            String grantee = unquote(item.substring(0, eq));
            if (grantee.isEmpty()) {
                grantee = "PUBLIC";
            }
            if (grantee.equals(owner)) {
                continue;
            }
            String privileges = item.substring(eq + 1, slash);
            for (int i = 0; i < privileges.length(); i++) {
                String privilege = PRIVILEGES.get(privileges.charAt(i));
                if (privilege == null) {
                    continue;
                }
                boolean grantable = i + 1 < privileges.length() && privileges.charAt(i + 1) == '*';
                grants.add(new Grant(grantee, privilege, grantable));
            }
        }
        return grants;
    }

    private static int lastUnquoted(String item, char wanted) {
        boolean quoted = false;
        for (int i = 0; i < item.length(); i++) {
            char c = item.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == wanted && !quoted) {
                return i;
            }
        }
        return -1;
    }

    private static String unquote(String name) {
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
            return name.substring(1, name.length() - 1).replace("\"\"", "\"");
        }
        return name;
    }
}
