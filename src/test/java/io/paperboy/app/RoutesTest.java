package io.paperboy.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.testing.ServerExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The one route table: what the server serves, in its order, and what {@code paperboy routes} prints. */
final class RoutesTest {
    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension();

    private static List<Routes.Route> httpRoutes() {
        return Routes.TABLE.stream().filter(r -> r.kind() != Routes.Kind.FILTER).toList();
    }

    /** Javalin lists its routes method by method; within a method they match in the order registered. */
    @Test
    void theServer_answersExactlyTheTablesRoutes_inTheTablesOrder() {
        // Besides the routes, Javalin lists the filters (BEFORE, AFTER): the site's own and the table's guards.
        List<String> served = SERVER.server().routes().stream()
                .filter(r -> r.matches("(GET|POST|DELETE|PUT|PATCH) .*"))
                .toList();
        assertThat(served)
                .containsExactlyInAnyOrderElementsOf(
                        httpRoutes().stream().map(Routes.Route::toString).toList());
        for (String method : List.of("GET", "POST", "DELETE")) {
            assertThat(served.stream().filter(r -> r.startsWith(method + " ")).toList())
                    .as(method)
                    .containsExactlyElementsOf(httpRoutes().stream()
                            .filter(r -> r.method().name().equals(method))
                            .map(Routes.Route::toString)
                            .toList());
        }
    }

    /** A route that an earlier one of the same method would take (an <id> spanning its path) could never answer. */
    @Test
    void noRoute_isShadowedByAnEarlierOne() {
        List<Routes.Route> routes = httpRoutes();
        List<String> shadowed = new ArrayList<>();
        for (int later = 0; later < routes.size(); later++) {
            String path = routes.get(later).path().replaceAll("\\{\\w+}|<\\w+>", "x");
            for (int earlier = 0; earlier < later; earlier++) {
                Routes.Route first = routes.get(earlier);
                if (first.method() == routes.get(later).method()
                        && pattern(first.path()).matcher(path).matches()) {
                    shadowed.add(routes.get(later) + " is taken by " + first);
                }
            }
        }
        assertThat(shadowed).isEmpty();
        // The check sees a shadowing: the paper page before the trending page would take it.
        assertThat(pattern("/papers/<id>").matcher("/papers/trending").matches())
                .isTrue();
    }

    /** The table's "who": a page for members sends a visitor to the login page; a page for anyone answers them. */
    @Test
    void pagesWithoutParameters_letInWhoTheTableSays() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Routes.Route route : Routes.TABLE) {
            if (!route.isPage() || route.path().matches(".*[{<].*")) {
                continue;
            }
            HttpResponse<String> answer = SERVER.server().get(route.path());
            boolean toLogin = answer.statusCode() == 303
                    && answer.headers().firstValue("Location").orElse("").startsWith("/login?next=");
            if (toLogin != (route.who() != Routes.Who.ANYONE)) {
                wrong.add(route + " (" + route.who() + ") answered a visitor " + answer.statusCode() + " "
                        + answer.headers().firstValue("Location").orElse(""));
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void routesCommand_printsEveryRoute_withItsKindAndWhoMayUseIt() {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertThat(Main.run("routes")).isZero();
        } finally {
            System.setOut(original);
        }
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.getFirst()).matches("METHOD +PATH +KIND +WHO");
        assertThat(lines).hasSize(Routes.TABLE.size() + 1);
        assertThat(lines)
                .anyMatch(l -> l.matches("GET +/papers/<id> +page +anyone"))
                .anyMatch(l -> l.matches("GET +/api/papers/search +api +anyone"))
                .anyMatch(l -> l.matches("POST +/papers/<id>/upvote +form +verified"))
                .anyMatch(l -> l.matches("GET +/moderation/members +page +admin"))
                .anyMatch(l -> l.matches("BEFORE +/moderation/\\* +filter +curator"));
        // In the order the server matches them: the search API before the paper API that would take "search".
        assertThat(indexOf(lines, "/api/papers/search")).isLessThan(indexOf(lines, "/api/papers/<id> "));
    }

    private static int indexOf(List<String> lines, String path) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(" " + path)) {
                return i;
            }
        }
        return -1;
    }

    private static Pattern pattern(String path) {
        StringBuilder regex = new StringBuilder();
        java.util.regex.Matcher m = Pattern.compile("\\{\\w+}|<\\w+>").matcher(path);
        int at = 0;
        while (m.find()) {
            regex.append(Pattern.quote(path.substring(at, m.start())))
                    .append(m.group().startsWith("{") ? "[^/]+" : ".+");
            at = m.end();
        }
        return Pattern.compile(regex.append(Pattern.quote(path.substring(at))).toString());
    }
}
