package io.docent.app.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BootstrapIntervalTest {

    private static double[] scores(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            scores[i] = random.nextDouble() < 0.3 ? 0 : random.nextDouble();
        }
        return scores;
    }

    @Test
    void the_same_scores_give_the_same_interval_with_the_fixed_seed() {
        double[] perQuery = scores(300, 1);

        assertThat(BootstrapInterval.of(perQuery)).isEqualTo(BootstrapInterval.of(perQuery.clone()));
    }

    @Test
    void the_interval_contains_the_mean_and_narrows_with_more_queries() {
        BootstrapInterval few = BootstrapInterval.of(scores(50, 2));
        BootstrapInterval many = BootstrapInterval.of(scores(2_000, 2));

        assertThat(few.low()).isLessThan(few.mean());
        assertThat(few.high()).isGreaterThan(few.mean());
        assertThat(many.low()).isLessThanOrEqualTo(many.mean());
        assertThat(many.high()).isGreaterThanOrEqualTo(many.mean());
        assertThat(many.halfWidth()).isLessThan(few.halfWidth() / 3);
        assertThat(few.level()).isEqualTo(0.95);
    }

    @Test
    void the_half_width_is_about_two_standard_errors() {
        double[] perQuery = scores(800, 3);
        double mean = java.util.Arrays.stream(perQuery).average().orElseThrow();
        double variance = java.util.Arrays.stream(perQuery)
                        .map(x -> (x - mean) * (x - mean))
                        .sum()
                / (perQuery.length - 1);
        double standardError = Math.sqrt(variance / perQuery.length);

        BootstrapInterval interval = BootstrapInterval.of(perQuery);

        assertThat(interval.mean()).isCloseTo(mean, offset(1e-12));
        assertThat(interval.halfWidth()).isCloseTo(1.96 * standardError, offset(0.2 * 1.96 * standardError));
    }

    @Test
    void one_query_or_equal_scores_give_a_point() {
        assertThat(BootstrapInterval.of(new double[] {0.7})).isEqualTo(new BootstrapInterval(0.7, 0.7, 0.7, 0.95));
        BootstrapInterval flat = BootstrapInterval.of(new double[] {0.5, 0.5, 0.5});
        assertThat(flat.low()).isEqualTo(0.5);
        assertThat(flat.high()).isEqualTo(0.5);
        assertThat(BootstrapInterval.of(new double[0]).mean()).isZero();
    }

    @Test
    void refuses_an_interval_that_does_not_hold_its_mean() {
        assertThatThrownBy(() -> new BootstrapInterval(0.5, 0.6, 0.7, 0.95)).hasMessageContaining("low <= mean");
        assertThatThrownBy(() -> BootstrapInterval.of(new double[] {1, 2}, 0, 0.95, new SplittableRandom(1)))
                .hasMessageContaining("resamples");
    }
}
