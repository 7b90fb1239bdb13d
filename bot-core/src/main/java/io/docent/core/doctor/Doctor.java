package io.docent.core.doctor;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs every configured {@link HealthCheck} and collects the findings, for {@code docent doctor}. A check that breaks
 * unexpectedly becomes a {@link Finding.Severity#PROBLEM} finding rather than stopping the others.
 */
public final class Doctor {

    private final List<HealthCheck> checks;

    public Doctor(List<? extends HealthCheck> checks) {
        this.checks = List.copyOf(checks);
    }

    public List<Finding> examine() {
        List<Finding> findings = new ArrayList<>();
        for (HealthCheck check : checks) {
            try {
                findings.addAll(check.run());
            } catch (RuntimeException e) {
                findings.add(Finding.problem(
                        check.backend(),
                        "check",
                        "the check itself failed: " + e,
                        "Report this as a Docent bug, with the message above."));
            }
        }
        return findings;
    }

    /** Whether nothing in {@code findings} is a problem (warnings are fine). */
    public static boolean healthy(List<Finding> findings) {
        return findings.stream().noneMatch(f -> f.severity() == Finding.Severity.PROBLEM);
    }
}
