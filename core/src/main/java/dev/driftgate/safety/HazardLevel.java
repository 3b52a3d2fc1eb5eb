package dev.driftgate.safety;

import dev.driftgate.DriftgateException;
import java.util.Locale;

/** How much a hazard matters, least first; {@link #OFF} turns a rule off. */
public enum HazardLevel {
    OFF,
    INFO,
    WARNING,
    ERROR;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static HazardLevel parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DriftgateException("level '" + text + "': expected off, info, warning or error");
        }
    }
}
