package io.docent.app.eval;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A percentile bootstrap confidence interval for the mean of per-query scores: the queries are resampled with
 * replacement {@code resamples} times, and the interval is cut from the distribution of the resampled means.
 *
 * <p>Why: on a few hundred queries, two retrieval settings 0.005 nDCG@10 apart are usually indistinguishable; the
 * interval says how far the mean would move on another draw of queries from the same population. It does not say
 * how the figure transfers to other data, which is what cross-validation and held-out sets are for. The seed is
 * fixed so that a figure printed twice is the same figure.
 *
 * @param mean the mean over all queries
 * @param low the lower bound ({@code (1 - level) / 2} quantile of the resampled means)
 * @param high the upper bound
 * @param level the confidence level, such as 0.95
 */
public record BootstrapInterval(double mean, double low, double high, double level) {

    public static final int DEFAULT_RESAMPLES = 1_000;
    public static final long DEFAULT_SEED = 13L;
    public static final double DEFAULT_LEVEL = 0.95;

    public BootstrapInterval {
        if (!(low <= mean && mean <= high)) {
            throw new IllegalArgumentException("need low <= mean <= high, was " + low + ", " + mean + ", " + high);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1), was " + level);
        }
    }

    /** The 95% interval from 1,000 resamples with the fixed seed. */
    public static BootstrapInterval of(double[] perQuery) {
        return of(perQuery, DEFAULT_RESAMPLES, DEFAULT_LEVEL, new SplittableRandom(DEFAULT_SEED));
    }

    /** An interval from {@code resamples} resamples drawn with {@code random}; degenerate (a point) for 0 or 1 query. */
    public static BootstrapInterval of(double[] perQuery, int resamples, double level, SplittableRandom random) {
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be >= 1, was " + resamples);
        }
        int n = perQuery.length;
        double mean = Arrays.stream(perQuery).average().orElse(0);
        if (n < 2) {
            return new BootstrapInterval(mean, mean, mean, level);
        }
        double[] means = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += perQuery[random.nextInt(n)];
            }
            means[r] = sum / n;
        }
        Arrays.sort(means);
        double tail = (1 - level) / 2;
        double low = means[(int) Math.floor(tail * (resamples - 1))];
        double high = means[(int) Math.ceil((1 - tail) * (resamples - 1))];
        // a skewed score distribution can put the mean just outside a percentile interval; never report that
        return new BootstrapInterval(mean, Math.min(low, mean), Math.max(high, mean), level);
    }

    /** The half-width, for "0.750 ± 0.02"-style reading. */
    public double halfWidth() {
        return (high - low) / 2;
    }
}
