package dev.driftgate.schema;

import java.util.Map;

/**
 * A PostgreSQL object that decides how text is compared or searched, defined by one statement and
 * its options: a collation, a text search dictionary or a text search configuration. Columns,
 * domains, indexes and functions use them by name, so they are created before those and dropped
 * after them.
 *
 * @param attributes what defines it, as the statement that makes it says it: a collation's
 *     {@code provider}, {@code locale} (ICU) or {@code lc_collate} and {@code lc_ctype} (libc),
 *     {@code deterministic} (only when {@code false}) and ICU {@code rules} (PostgreSQL 16+); a
 *     dictionary's {@code template} and its {@code options} as the server keeps them
 *     ({@code language = 'english', stopwords = 'english'}); a configuration's {@code parser} and
 *     one {@code mapping:<token type>} per mapped token type, its dictionaries in the order tried
 */
public record TextObject(String name, Kind kind, Map<String, String> attributes, String owner, String comment) {

    public TextObject {
        attributes = Canonical.attributes(attributes);
    }

    /** Collations before the dictionaries configurations map to, and those before the configurations. */
    public enum Kind {
        COLLATION("COLLATION"),
        TEXT_SEARCH_DICTIONARY("TEXT SEARCH DICTIONARY"),
        TEXT_SEARCH_CONFIGURATION("TEXT SEARCH CONFIGURATION");

        private final String keyword;

        Kind(String keyword) {
            this.keyword = keyword;
        }

        /** The words SQL names the kind with: {@code CREATE TEXT SEARCH DICTIONARY}. */
        public String keyword() {
            return keyword;
        }
    }

    /** Creation order: by kind, then by name. */
    String sortKey() {
        return kind.ordinal() + "\u0000" + name;
    }
}
