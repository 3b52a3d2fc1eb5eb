package dev.driftgate.schema;

/**
 * A privilege granted on an object. Collected always, compared only when asked: grants usually
 * differ between environments on purpose.
 */
public record Grant(String grantee, String privilege, boolean grantable) {

    String sortKey() {
        return grantee + "\u0000" + privilege;
    }
}
