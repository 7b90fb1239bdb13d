package io.docent.app.config;

/**
 * The settings every command that answers or indexes uses, read once and checked in one pass, so that an operator
 * sees every present-but-wrong setting at once. {@code docent serve} adds its own ({@code ServeConfig}); the areas
 * below each read their keys, defaults and ranges in one place.
 *
 * @param retrieval how questions are read and sources found
 * @param backends the model server and search service, if any
 * @param log how Docent logs
 */
public record DocentConfig(RetrievalConfig retrieval, BackendConfig backends, LogConfig log) {

    /**
     * @throws ConfigException listing every setting that is present but wrong, one a line
     */
    public static DocentConfig read(Settings settings) {
        Problems problems = new Problems();
        DocentConfig config = read(settings, problems);
        problems.throwIfAny();
        return config;
    }

    /** Reads every area, noting each wrong setting in {@code problems}. */
    public static DocentConfig read(Settings settings, Problems problems) {
        return new DocentConfig(
                RetrievalConfig.read(settings, problems),
                BackendConfig.read(settings, problems),
                LogConfig.read(settings, problems));
    }
}
