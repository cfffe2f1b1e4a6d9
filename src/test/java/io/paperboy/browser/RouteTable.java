package io.paperboy.browser;

import io.paperboy.app.Routes;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The site's route table ({@link Routes#TABLE}, which the server registers) as patterns: which
 * route a URL reaches (the first in the table that matches, as Javalin picks), and which routes
 * are pages a browser visits (the table's {@code PAGE}s: not the API, feeds, files such as avatars
 * and thumbnails, which pages show as {@code <img>}, or the operations endpoints).
 */
final class RouteTable {
    private static final Pattern PARAMETER = Pattern.compile("\\{(\\w+)}|<(\\w+)>");

    /** One route: {@code {name}} is one path segment, {@code <name>} may span several (an old-style arXiv id). */
    record Route(String method, String path, boolean isPage, Pattern regex, List<String> parameters) {

        /** This route's path with every parameter taken from {@code values}; empty if one is unknown. */
        Optional<String> fill(Map<String, String> values) {
            StringBuilder filled = new StringBuilder();
            Matcher m = PARAMETER.matcher(path);
            while (m.find()) {
                String value = values.get(m.group(1) != null ? m.group(1) : m.group(2));
                if (value == null) {
                    return Optional.empty();
                }
                m.appendReplacement(filled, Matcher.quoteReplacement(value));
            }
            m.appendTail(filled);
            return Optional.of(filled.toString());
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private final List<Route> routes;

    RouteTable(List<Routes.Route> table) {
        routes = table.stream()
                .filter(r -> r.kind() != Routes.Kind.FILTER)
                .map(RouteTable::parse)
                .toList();
    }

    List<Route> pages() {
        return routes.stream().filter(Route::isPage).toList();
    }

    /** The route a request for {@code url} (a path, or an absolute URL) reaches. */
    Optional<Route> match(String method, String url) {
        String path = URI.create(url).getRawPath();
        return routes.stream()
                .filter(r ->
                        r.method().equals(method) && r.regex().matcher(path).matches())
                .findFirst();
    }

    /** The parameters {@code route} takes from {@code url}, by name. */
    static Map<String, String> parameters(Route route, String url) {
        Matcher m = route.regex().matcher(URI.create(url).getRawPath());
        if (!m.matches()) {
            return Map.of();
        }
        java.util.LinkedHashMap<String, String> values = new java.util.LinkedHashMap<>();
        for (int i = 0; i < route.parameters().size(); i++) {
            values.put(route.parameters().get(i), m.group(i + 1));
        }
        return values;
    }

    private static Route parse(Routes.Route route) {
        String method = route.method().name();
        String path = route.path();
        StringBuilder regex = new StringBuilder();
        List<String> parameters = new ArrayList<>();
        Matcher m = PARAMETER.matcher(path);
        int at = 0;
        while (m.find()) {
            regex.append(Pattern.quote(path.substring(at, m.start())));
            regex.append(m.group(1) != null ? "([^/]+)" : "(.+)");
            parameters.add(m.group(1) != null ? m.group(1) : m.group(2));
            at = m.end();
        }
        regex.append(Pattern.quote(path.substring(at)));
        return new Route(method, path, route.isPage(), Pattern.compile(regex.toString()), List.copyOf(parameters));
    }
}
