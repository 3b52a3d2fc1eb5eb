package dev.driftgate.gate;

import java.util.List;

/** Lists in messages: a history has hundreds of migrations, and a message must stay readable. */
final class Lists {

    private Lists() {}

    /** The first {@code max} items joined by commas, then how many more there are. */
    static String capped(List<String> items, int max) {
        if (items.size() <= max) {
            return String.join(", ", items);
        }
        return String.join(", ", items.subList(0, max)) + " … and " + (items.size() - max) + " more";
    }
}
