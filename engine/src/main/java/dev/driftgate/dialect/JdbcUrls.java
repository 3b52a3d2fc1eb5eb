package dev.driftgate.dialect;

import java.util.regex.Pattern;

/** Prints JDBC URLs without the secrets users sometimes put into them. */
public final class JdbcUrls {

    private static final Pattern USER_INFO = Pattern.compile("(//)([^/@?#]*)@");
    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)([?&;]password=)[^&;]*");

    private JdbcUrls() {}

    /** The URL with any password (user-info or parameter) replaced by {@code ****}. */
    public static String mask(String url) {
        if (url == null) {
            return null;
        }
        String masked = USER_INFO.matcher(url).replaceAll(m -> {
            String info = m.group(2);
            int colon = info.indexOf(':');
            String user = colon < 0 ? info : info.substring(0, colon);
            return "//" + java.util.regex.Matcher.quoteReplacement(user) + (colon < 0 ? "" : ":****") + "@";
        });
        return PASSWORD_PARAM.matcher(masked).replaceAll("$1****");
    }
}
