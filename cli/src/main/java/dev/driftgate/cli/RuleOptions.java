package dev.driftgate.cli;

import dev.driftgate.DriftgateException;
import dev.driftgate.diff.Aspect;
import dev.driftgate.diff.IgnoreRule;
import dev.driftgate.diff.IgnoreRules;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/** What a comparison ignores: {@code --ignore} rules and the defaults that {@code --compare} turns off. */
final class RuleOptions {

    @Option(names = "--ignore", paramLabel = "RULE", description = "Suppress matching differences (repeatable).")
    List<String> ignore = new ArrayList<>();

    @Option(names = "--compare", paramLabel = "ASPECT", split = ",",
            description = "Compare what is ignored by default: owner, grants, column-order, generated-name.")
    List<String> compare = new ArrayList<>();

    IgnoreRules rules() {
        List<IgnoreRule> extra = new ArrayList<>();
        for (String rule : ignore) {
            extra.add(IgnoreRule.parse(rule, "--ignore"));
        }
        return IgnoreRules.comparing(aspects(compare)).with(extra);
    }

    private static EnumSet<Aspect> aspects(List<String> names) {
        EnumSet<Aspect> out = EnumSet.noneOf(Aspect.class);
        for (String name : names) {
            String wanted = name.strip().toLowerCase(Locale.ROOT).replace('-', ' ');
            switch (wanted) {
                case "owner", "owners" -> out.add(Aspect.OWNER);
                case "grants" -> out.add(Aspect.GRANTS);
                case "column order" -> out.add(Aspect.COLUMN_ORDER);
                case "generated name", "generated names" -> out.add(Aspect.NAME);
                default -> throw new DriftgateException("--compare " + name
                        + ": expected owner, grants, column-order or generated-name");
            }
        }
        return out;
    }
}
