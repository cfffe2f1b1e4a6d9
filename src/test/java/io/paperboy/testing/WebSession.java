package io.paperboy.testing;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One browser's worth of HTTP against a {@link TestServer}: its own cookie jar, and the CSRF token
 * of the last page it read, which {@link #post} sends like a form would.
 */
public final class WebSession {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    public static final String PASSWORD = "correct horse battery";

    private final TestServer server;
    private final CookieManager cookies;
    private final HttpClient http;
    private String csrf;

    public WebSession(TestServer server) {
        this(server, new CookieManager(), null);
    }

    private WebSession(TestServer server, CookieManager cookies, String csrf) {
        this.server = server;
        this.cookies = cookies;
        this.csrf = csrf;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * The same browser talking to {@code node} (another node of the store, as a balancer would send
     * it): the same cookies and the CSRF token of the last page it read, from whichever node.
     */
    public WebSession on(TestServer node) {
        return new WebSession(node, cookies, csrf);
    }

    public HttpResponse<String> get(String path) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(server.url(path))).build(), HttpResponse.BodyHandlers.ofString());
        remember(response.body());
        return response;
    }

    /** Posts {@code fields} as a form with this session's CSRF token (read a page with a form first). */
    public HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        if (csrf != null) {
            withToken.putIfAbsent("_csrf", csrf);
        }
        return postRaw(path, withToken, Map.of());
    }

    /** Posts exactly {@code fields}, with extra {@code headers}: for the tests that forge requests. */
    public HttpResponse<String> postRaw(String path, Map<String, String> fields, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(fields)));
        headers.forEach(request::header);
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        remember(response.body());
        return response;
    }

    /** Sends any request with this session's cookies (an API call, a DELETE). */
    public HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public String csrf() {
        return csrf;
    }

    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name))
                .map(java.net.HttpCookie::getValue)
                .findFirst()
                .orElse(null);
    }

    /** Signs up {@code name} (email name@example.org) and follows the confirmation link from the mail. */
    public WebSession signUpConfirmed(String name) throws Exception {
        signUp(name);
        get(path(MailServer.link(server.mail().await(email(name), "Confirm"))));
        get("/settings");
        return this;
    }

    /** Signs up {@code name} (unconfirmed) and logs in, as sign-up itself signs nobody in. */
    public HttpResponse<String> signUp(String name) throws Exception {
        get("/signup");
        HttpResponse<String> response = post(
                "/signup",
                Map.of("email", email(name), "name", name, "display_name", "Member " + name, "password", PASSWORD));
        if (response.statusCode() != 303) {
            throw new AssertionError(
                    "sign-up of " + name + " answered " + response.statusCode() + ": " + response.body());
        }
        HttpResponse<String> login = logIn(name, PASSWORD);
        if (login.statusCode() != 303) {
            throw new AssertionError("log-in after sign-up of " + name + " answered " + login.statusCode());
        }
        return response;
    }

    public HttpResponse<String> logIn(String name, String password) throws Exception {
        get("/login");
        HttpResponse<String> response = post("/login", Map.of("email", email(name), "password", password));
        get("/settings");
        return response;
    }

    /** Creates a personal API token in settings and returns it, as the page shows it once. */
    public String createApiToken(String label) throws Exception {
        Matcher m = Pattern.compile("<code class=\"token\">(pb_[A-Za-z0-9_-]+)</code>")
                .matcher(post("/settings/tokens", Map.of("label", label)).body());
        if (!m.find()) {
            throw new AssertionError("settings showed no new API token");
        }
        return m.group(1);
    }

    public static String email(String name) {
        return name + "@example.org";
    }

    /** The path and query of an absolute link on the test server. */
    public static String path(String link) {
        URI uri = URI.create(link);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private void remember(String body) {
        if (body == null) {
            return;
        }
        Matcher m = CSRF.matcher(body);
        if (m.find()) {
            csrf = m.group(1);
        }
    }

    private static String encode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
