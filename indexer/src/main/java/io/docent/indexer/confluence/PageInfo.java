package io.docent.indexer.confluence;

/**
 * What the first pass over {@code entities.xml} keeps of a current page or blog post: a few short strings, so that
 * even an export of a million pages fits in memory. The body is not here; the second pass streams it.
 *
 * @param id the content id
 * @param blogPost whether it is a blog post rather than a page
 * @param title the title, possibly blank (reported, then replaced)
 * @param parentId the parent page's id, or {@code ""}
 * @param spaceId the space's id, or {@code ""}
 * @param creator the creator's user key (or name, in old exports), or {@code ""}
 * @param lastModifier the last modifier's user key (or name), or {@code ""}
 * @param lastModified the {@code lastModificationDate} as written ({@code 2016-05-10 15:00:04.075}), or {@code ""}
 */
record PageInfo(
        String id,
        boolean blogPost,
        String title,
        String parentId,
        String spaceId,
        String creator,
        String lastModifier,
        String lastModified) {

    static PageInfo of(XmlObject page) {
        return new PageInfo(
                page.id(),
                page.type().equals("BlogPost"),
                page.get("title").strip(),
                page.get("parent"),
                page.get("space"),
                first(page.get("creator"), page.get("creatorName")),
                first(page.get("lastModifier"), page.get("lastModifierName")),
                page.get("lastModificationDate"));
    }

    private static String first(String... values) {
        for (String v : values) {
            if (!v.isBlank()) {
                return v.strip();
            }
        }
        return "";
    }
}
