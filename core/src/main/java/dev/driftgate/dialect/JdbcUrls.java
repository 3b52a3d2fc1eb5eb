package dev.driftgate.dialect;

import dev.driftgate.text.Secrets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Prints JDBC URLs without the secrets users sometimes put into them. */
public final class JdbcUrls {

    private static final Pattern USER_INFO_PASSWORD = Pattern.compile("//[^/@?#:]*:([^/@?#]*)@");
    private static final Pattern PASSWORD_VALUE = Pattern.compile("(?i)[?&;][a-z]*password=([^&]*)");

    private JdbcUrls() {}

    /**
     * A message with every secret replaced by {@code ****}: the password of the settings and any
     * password written into the URL. Drivers quote URLs and their parts in error messages.
     */
    public static String redact(String message, String url, String password) {
        if (message == null) {
            return null;
        }
        String out = message;
        List<String> secrets = new ArrayList<>();
        if (password != null && !password.isEmpty()) {
            secrets.add(password);
        }
        if (url != null) {
            Matcher m = USER_INFO_PASSWORD.matcher(url);
            while (m.find()) {
                secrets.add(m.group(1));
            }
            m = PASSWORD_VALUE.matcher(url);
            while (m.find()) {
                secrets.add(m.group(1));
            }
            out = out.replace(url, mask(url));
        }
        for (String secret : secrets) {
            if (!secret.isEmpty()) {
                out = out.replace(secret, Secrets.MASK);
            }
        }
        return Secrets.mask(out);
    }

    /** The URL with any password (user-info or parameter) replaced by {@code ****}: {@link Secrets#mask}. */
    public static String mask(String url) {
        return Secrets.mask(url);
    }
}
