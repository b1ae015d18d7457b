package nl.casustafel.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * Keeps one public port: requests for the REST API ({@code /api/**}, its description {@code /openapi/**},
 * and {@code POST /login} for a token) and the OpenID Connect sign-in with the organisation's own account
 * ({@code /oauth/login/<provider>}, {@code /oauth/callback/<provider>}) are passed to Micronaut's own
 * HTTP server on its loopback port; all else goes to Vaadin.
 */
final class ApiProxyFilter extends HttpFilter {

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "transfer-encoding", "te",
            "trailer", "upgrade", "host", "content-length", "expect", "proxy-authorization", "proxy-authenticate");
    /** Said once by Jetty (date) or not at all (server), and the security headers are Jetty's to set. */
    private static final Set<String> NOT_PASSED_BACK = Set.of("server", "date", "content-security-policy",
            "x-content-type-options", "referrer-policy", "strict-transport-security");

    private final IntSupplier apiPort;
    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    ApiProxyFilter(IntSupplier apiPort) {
        this.apiPort = apiPort;
    }

    static boolean isApiRequest(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.startsWith("/api/") || path.equals("/api") || path.startsWith("/openapi/")
                || ("POST".equals(request.getMethod()) && path.equals("/login"))
                || path.startsWith("/oauth/login/") || path.startsWith("/oauth/callback/");
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!isApiRequest(request)) {
            chain.doFilter(request, response);
            return;
        }
        String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
        HttpRequest.Builder forward = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + apiPort.getAsInt() + request.getRequestURI() + query))
                .timeout(Duration.ofMinutes(5))
                .method(request.getMethod(), bodyOf(request));
        for (String name : Collections.list(request.getHeaderNames())) {
            if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                Collections.list(request.getHeaders(name)).forEach(value -> forward.header(name, value));
            }
        }
        forward.header("X-Forwarded-For", request.getRemoteAddr());
        try {
            HttpResponse<InputStream> answer = client.send(forward.build(), HttpResponse.BodyHandlers.ofInputStream());
            response.setStatus(answer.statusCode());
            answer.headers().map().forEach((name, values) -> {
                String lower = name.toLowerCase(Locale.ROOT);
                if (!HOP_BY_HOP.contains(lower) && !NOT_PASSED_BACK.contains(lower) && !name.startsWith(":")) {
                    values.forEach(value -> response.addHeader(name, value));
                }
            });
            try (InputStream in = answer.body(); OutputStream out = response.getOutputStream()) {
                in.transferTo(out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        }
    }

    private static HttpRequest.BodyPublisher bodyOf(HttpServletRequest request) throws IOException {
        byte[] body = request.getInputStream().readAllBytes();
        return body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body);
    }
}
