package io.docent.indexer.confluence;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One {@code <object>} of a Confluence {@code entities.xml}, flattened: Confluence writes every database row as
 *
 * <pre>{@code
 * <object class="Page" package="com.atlassian.confluence.pages">
 *   <id name="id">196614</id>
 *   <property name="title"><![CDATA[Welcome]]></property>
 *   <property name="parent" class="Page" package="..."><id name="id">196610</id></property>
 *   <collection name="bodyContents" class="java.util.Collection">
 *     <element class="BodyContent" package="..."><id name="id">458756</id></element>
 *   </collection>
 * </object>
 * }</pre>
 *
 * @param type the {@code class} attribute ({@code Page}, {@code BodyContent}, {@code SpacePermission}...)
 * @param id the object's id (a number, or a user key for {@code ConfluenceUserImpl})
 * @param properties property values: the text of a plain property, the id of a reference ({@code parent} above)
 * @param collections collection names to the ids of their elements, in document order
 * @param oversize properties whose text was longer than the reader's limit and was cut off
 */
record XmlObject(
        String type,
        String id,
        Map<String, String> properties,
        Map<String, List<String>> collections,
        Set<String> oversize) {

    /** The property's value, or {@code ""} when absent or empty. */
    String get(String property) {
        String value = properties.get(property);
        return value == null ? "" : value;
    }

    /** The ids of a collection's elements, or an empty list. */
    List<String> collection(String name) {
        return collections.getOrDefault(name, List.of());
    }
}
