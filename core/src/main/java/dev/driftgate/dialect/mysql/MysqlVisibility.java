package dev.driftgate.dialect.mysql;

import dev.driftgate.dialect.QueryResources;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a MySQL/MariaDB account cannot see. information_schema and SHOW CREATE leave out silently
 * what the account lacks the privilege for: triggers without TRIGGER, view queries without SHOW VIEW,
 * events without EVENT, MariaDB routine bodies and parameters without SELECT on mysql.proc. A
 * snapshot read that way would report those objects missing (drift that is not there) or, worse,
 * compare nothing. Read from the account's grants before the snapshot, not guessed afterwards.
 */
final class MysqlVisibility {

    /** A privilege a snapshot needs, the objects it shows, and where it can be granted. */
    private record Need(String privilege, String shows, boolean onSchema) {}

    private static final List<Need> NEEDS = List.of(
            new Need("SHOW VIEW", "view definitions", true),
            new Need("TRIGGER", "triggers", true),
            new Need("EVENT", "events", true));

    private MysqlVisibility() {}

    /**
     * One line per object kind the account cannot see in the schemas, naming the grant that would
     * show it; empty when it sees everything a snapshot reads.
     */
    static List<String> unseen(Connection connection, List<String> schemas, boolean mariadb) throws SQLException {
        String user;
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT CURRENT_USER()")) {
            rs.next();
            user = rs.getString(1);
        }
        int at = user.lastIndexOf('@');
        String grantee = "'" + user.substring(0, at) + "'@'" + user.substring(at + 1) + "'";
        Set<String> global = new HashSet<>();
        List<String[]> perSchema = new ArrayList<>();
        boolean proc = false;
        try (PreparedStatement ps = connection.prepareStatement(QueryResources.load(MysqlVisibility.class, "privileges"))) {
            for (int i = 1; i <= 3; i++) {
                ps.setString(i, grantee);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String scope = rs.getString(1);
                    String privilege = rs.getString(3);
                    switch (scope) {
                        case "global" -> global.add(privilege);
                        case "schema" -> perSchema.add(new String[] {rs.getString(2), privilege});
                        default -> proc |= privilege.equals("SELECT");
                    }
                }
            }
        }
        List<String> out = new ArrayList<>();
        for (String schema : schemas) {
            List<String> missing = new ArrayList<>();
            List<String> hidden = new ArrayList<>();
            for (Need need : NEEDS) {
                if (!global.contains(need.privilege()) && !heldOn(perSchema, schema, need.privilege())) {
                    missing.add(need.privilege());
                    hidden.add(need.shows());
                }
            }
            if (!missing.isEmpty()) {
                out.add(String.join(", ", hidden) + " of " + schema + " (GRANT " + String.join(", ", missing) + " ON `"
                        + schema.replace("`", "``") + "`.*)");
            }
        }
        if (mariadb && !proc && !global.contains("SELECT") && !heldOn(perSchema, "mysql", "SELECT")) {
            out.add("routine bodies and parameters (GRANT SELECT ON mysql.proc)");
        }
        return out;
    }

    private static boolean heldOn(List<String[]> perSchema, String schema, String privilege) {
        for (String[] grant : perSchema) {
            if (grant[1].equals(privilege) && likeMatches(grant[0], schema)) {
                return true;
            }
        }
        return false;
    }

    /** SQL LIKE as GRANT ... ON `shop\_%`.* writes it: % any run, _ any one character, \ escapes. */
    static boolean likeMatches(String pattern, String name) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return name.matches(regex.toString());
    }
}
