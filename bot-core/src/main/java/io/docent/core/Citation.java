package io.docent.core;

import java.util.Objects;

/** A numbered source in an answer: {@code [number]} in the text refers to it. {@code url} may be a file path. */
public record Citation(int number, String title, String url, String snippet) {

    public Citation {
        if (number < 1) {
            throw new IllegalArgumentException("number must be >= 1, was " + number);
        }
        Objects.requireNonNull(title, "title");
        url = url == null ? "" : url;
        snippet = snippet == null ? "" : snippet;
    }
}
