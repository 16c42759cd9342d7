package jp.jichitai.cloud.support;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A signed-in screen user without a browser: form sign-in, the session cookie, CSRF tokens from the pages. */
public final class SignedInBrowser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Pattern SESSION_COOKIE = Pattern.compile("^SESSION=([^;]+)");

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String baseUrl;
    private String session;

    private SignedInBrowser(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public static SignedInBrowser signIn(String baseUrl, String username) {
        SignedInBrowser browser = new SignedInBrowser(baseUrl);
        HttpResponse<String> login = browser.send(browser.request("/login").GET().build());
        browser.session = cookie(login);
        HttpResponse<String> signedIn = browser.postForm("/login", csrf(login.body()),
                List.of(Map.entry("username", username), Map.entry("password", TestUsers.PASSWORD)));
        browser.session = cookie(signedIn);
        if (signedIn.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("sign-in failed for " + username);
        }
        return browser;
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    public HttpResponse<byte[]> getBytes(String path) {
        try {
            return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Posts a form with the CSRF token of the page at {@code pagePath}. */
    public HttpResponse<String> submit(String pagePath, String action, List<Map.Entry<String, String>> fields) {
        return postForm(action, csrf(get(pagePath).body()), fields);
    }

    private HttpResponse<String> postForm(String path, String csrf, List<Map.Entry<String, String>> fields) {
        String body = fields.stream().map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&", "_csrf=" + encode(csrf) + "&", ""));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "text/html");
        if (session != null) {
            builder.header("Cookie", "SESSION=" + session);
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String cookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().map(SESSION_COOKIE::matcher)
                .filter(Matcher::find).map(matcher -> matcher.group(1)).reduce((first, last) -> last)
                .orElseThrow(() -> new IllegalStateException("no SESSION cookie"));
    }

    private static String csrf(String html) {
        Matcher matcher = CSRF.matcher(html);
        if (!matcher.find()) {
            throw new IllegalStateException("no CSRF token on the page");
        }
        return matcher.group(1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
