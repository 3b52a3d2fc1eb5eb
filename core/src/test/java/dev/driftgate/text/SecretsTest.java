package dev.driftgate.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.driftgate.dialect.JdbcUrls;
import org.junit.jupiter.api.Test;

/** The one masking rule, on the secrets that leaked before it. */
class SecretsTest {

    @Test
    void masksPasswordsAndTokensInUrlsAndParameters() {
        assertEquals("jdbc:postgresql://reader:****@db:5432/shop?sslmode=require&sslpassword=****&password=****",
                Secrets.mask("jdbc:postgresql://reader:s3cr3t@db:5432/shop?sslmode=require&sslpassword=k3y&password=x;y"));
        assertEquals("https://oauth2:****@gitlab.example/api/v4", Secrets.mask("https://oauth2:glpat-abc@gitlab.example/api/v4"));
        assertEquals("-Ddriftgate.url=jdbc:mariadb://h/db?user=root&password=**** other",
                Secrets.mask("-Ddriftgate.url=jdbc:mariadb://h/db?user=root&password=p%40ss other"));
        assertEquals("<property name=\"x\" value=\"jdbc:mysql://h/d?password=****&amp;useSSL=true\"/>",
                Secrets.mask("<property name=\"x\" value=\"jdbc:mysql://h/d?password=pw&amp;useSSL=true\"/>"));
        assertEquals("PRIVATE_TOKEN=**** API_KEY=**** client_secret=****",
                Secrets.mask("PRIVATE_TOKEN=abc API_KEY=def client_secret=ghi"));
    }

    @Test
    void leavesEverythingElseAsItIs() {
        String text = "jdbc:postgresql://db:5432/shop?user=reader and passwords are not printed; keyword=1 "
                + "https://user@host/path";
        assertEquals(text, Secrets.mask(text));
    }

    @Test
    void jdbcUrlsFollowTheSameRule() {
        assertEquals("jdbc:postgresql://u:****@h/d?sslpassword=****", JdbcUrls.mask("jdbc:postgresql://u:p@h/d?sslpassword=q"));
        assertEquals("connecting to jdbc:mariadb://h/d?password=**** failed: Access denied",
                JdbcUrls.redact("connecting to jdbc:mariadb://h/d?password=x;y failed: Access denied",
                        "jdbc:mariadb://h/d?password=x;y", null));
    }
}
