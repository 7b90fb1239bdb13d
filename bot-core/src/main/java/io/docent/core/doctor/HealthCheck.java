package io.docent.core.doctor;

import java.util.List;

/**
 * Checks one configured backend: reachability, credentials, and whatever that backend needs (an index schema, a
 * model deployment). Read-only: a check never creates or changes anything. Throws nothing on purpose; every outcome
 * is a {@link Finding}.
 */
public interface HealthCheck {

    /** The backend's name, for findings. */
    String backend();

    /** The findings, in the order checked; a failed step may end the list (later steps depend on it). */
    List<Finding> run();
}
