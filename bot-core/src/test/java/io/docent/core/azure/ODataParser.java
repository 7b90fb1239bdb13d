package io.docent.core.azure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The fake service's reading of {@code $filter}: the subset of OData that Azure AI Search documents and Docent
 * sends, parsed strictly (anything else is a syntax error, as the service would answer 400). Comparisons {@code eq ne
 * gt ge lt le} against string, number, boolean and null literals; {@code and or not} and parentheses; {@code
 * search.in(field, 'list', 'delimiters')}; {@code collection/any()} and {@code collection/any(x: expression)}.
 */
final class ODataParser {

    /** A filter that cannot be parsed; the fake answers 400 with this message. */
    static final class SyntaxError extends RuntimeException {
        SyntaxError(String message) {
            super(message);
        }
    }

    private record Token(String kind, String text) {}

    private final List<Token> tokens;
    private int pos;

    private ODataParser(String filter) {
        this.tokens = tokenize(filter);
    }

    /** A predicate over documents (field name to value). */
    static Predicate<Map<String, Object>> parse(String filter) {
        ODataParser parser = new ODataParser(filter);
        Expr expr = parser.or();
        if (parser.pos != parser.tokens.size()) {
            throw new SyntaxError("unexpected '" + parser.tokens.get(parser.pos).text() + "' in filter: " + filter);
        }
        return doc -> expr.test(doc, Map.of());
    }

    @FunctionalInterface
    private interface Expr {
        boolean test(Map<String, Object> doc, Map<String, Object> vars);
    }

    private Expr or() {
        Expr left = and();
        while (accept("word", "or")) {
            Expr l = left, r = and();
            left = (d, v) -> l.test(d, v) || r.test(d, v);
        }
        return left;
    }

    private Expr and() {
        Expr left = unary();
        while (accept("word", "and")) {
            Expr l = left, r = unary();
            left = (d, v) -> l.test(d, v) && r.test(d, v);
        }
        return left;
    }

    private Expr unary() {
        if (accept("word", "not")) {
            Expr inner = unary();
            return (d, v) -> !inner.test(d, v);
        }
        if (accept("(", "(")) {
            Expr inner = or();
            expect(")");
            return inner;
        }
        String name = expect("word").text();
        if (name.equals("true") || name.equals("false")) { // a boolean literal is an expression of its own
            boolean value = name.equals("true");
            return (d, v) -> value;
        }
        if (name.equals("search.in")) {
            return searchIn();
        }
        if (accept("/", "/")) {
            return any(name);
        }
        String op = expect("word").text();
        Object literal = literal();
        return (d, v) -> compare(value(name, d, v), op, literal);
    }

    private Expr searchIn() {
        expect("(");
        String variable = expect("word").text();
        expect(",");
        String list = expect("string").text();
        String delimiters = " ,";
        if (accept(",", ",")) {
            delimiters = expect("string").text();
        }
        expect(")");
        List<String> values = split(list, delimiters);
        return (d, v) -> values.contains(String.valueOf(value(variable, d, v)));
    }

    private Expr any(String collection) {
        String fn = expect("word").text();
        if (!fn.equals("any")) {
            throw new SyntaxError("only any() is supported, not " + fn);
        }
        expect("(");
        if (accept(")", ")")) {
            return (d, v) -> !elements(collection, d).isEmpty();
        }
        String variable = expect("word").text();
        expect(":");
        Expr body = or();
        expect(")");
        return (d, v) -> elements(collection, d).stream().anyMatch(element -> {
            Map<String, Object> bound = new HashMap<>(v);
            bound.put(variable, element);
            return body.test(d, bound);
        });
    }

    private Object literal() {
        Token t = next();
        return switch (t.kind()) {
            case "string" -> t.text();
            case "number" -> Double.parseDouble(t.text());
            case "word" ->
                switch (t.text()) {
                    case "true" -> true;
                    case "false" -> false;
                    case "null" -> null;
                    default -> throw new SyntaxError("expected a literal, found " + t.text());
                };
            default -> throw new SyntaxError("expected a literal, found " + t.text());
        };
    }

    private static Object value(String name, Map<String, Object> doc, Map<String, Object> vars) {
        return vars.containsKey(name) ? vars.get(name) : doc.get(name);
    }

    private static Collection<?> elements(String collection, Map<String, Object> doc) {
        return doc.get(collection) instanceof Collection<?> c ? c : List.of();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static boolean compare(Object actual, String op, Object expected) {
        if (op.equals("eq")) {
            return equal(actual, expected);
        }
        if (op.equals("ne")) {
            return !equal(actual, expected);
        }
        if (actual == null || expected == null) {
            return false;
        }
        Comparable a = actual instanceof Number n ? n.doubleValue() : (Comparable) actual.toString();
        Comparable e = expected instanceof Number n ? n.doubleValue() : (Comparable) expected;
        int c = a.compareTo(e);
        return switch (op) {
            case "gt" -> c > 0;
            case "ge" -> c >= 0;
            case "lt" -> c < 0;
            case "le" -> c <= 0;
            default -> throw new SyntaxError("unknown operator " + op);
        };
    }

    private static boolean equal(Object actual, Object expected) {
        if (actual instanceof Number a && expected instanceof Number e) {
            return a.doubleValue() == e.doubleValue();
        }
        return Objects.equals(actual == null ? null : actual.toString(), expected == null ? null : expected.toString());
    }

    private static List<String> split(String list, String delimiters) {
        List<String> values = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (char c : list.toCharArray()) {
            if (delimiters.indexOf(c) >= 0) {
                if (!current.isEmpty()) {
                    values.add(current.toString());
                }
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (!current.isEmpty()) {
            values.add(current.toString());
        }
        return values;
    }

    private boolean accept(String kind, String text) {
        if (pos < tokens.size()
                && tokens.get(pos).kind().equals(kind)
                && tokens.get(pos).text().equals(text)) {
            pos++;
            return true;
        }
        return false;
    }

    private Token expect(String kind) {
        Token t = next();
        if (!t.kind().equals(kind)) {
            throw new SyntaxError("expected " + kind + " but found '" + t.text() + "'");
        }
        return t;
    }

    private Token next() {
        if (pos >= tokens.size()) {
            throw new SyntaxError("the filter ends too early");
        }
        return tokens.get(pos++);
    }

    private static List<Token> tokenize(String s) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if ("(),:/".indexOf(c) >= 0) {
                tokens.add(new Token(String.valueOf(c), String.valueOf(c)));
                i++;
            } else if (c == '\'') {
                StringBuilder value = new StringBuilder();
                i++;
                while (true) {
                    if (i >= s.length()) {
                        throw new SyntaxError("unterminated string literal in: " + s);
                    }
                    if (s.charAt(i) == '\'') {
                        if (i + 1 < s.length() && s.charAt(i + 1) == '\'') {
                            value.append('\'');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    value.append(s.charAt(i++));
                }
                tokens.add(new Token("string", value.toString()));
            } else if (Character.isDigit(c) || c == '-') {
                int start = i++;
                while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                    i++;
                }
                tokens.add(new Token("number", s.substring(start, i)));
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < s.length()
                        && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '.')) {
                    i++;
                }
                tokens.add(new Token("word", s.substring(start, i)));
            } else {
                throw new SyntaxError("unexpected character '" + c + "' in filter: " + s);
            }
        }
        return tokens;
    }
}
