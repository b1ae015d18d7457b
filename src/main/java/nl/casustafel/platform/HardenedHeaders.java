package nl.casustafel.platform;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;

/**
 * The security headers of every answer on the public port: pages, static resources, the API answers
 * passed through and Jetty's own error pages. Set as a Jetty customizer, before any handler runs, so
 * nothing that answers can forget them.
 *
 * <p>The Content-Security-Policy is the narrowest one Vaadin 25 runs under, found in headless Chromium
 * with a strict report-only policy beside it and kept by {@code ui.ContentSecurityPolicyBrowserTest}:
 * the bootstrap page carries inline scripts (its initial state, different on every answer, so no
 * hash fits), hence {@code script-src 'unsafe-inline'}; Flow's client runs the JavaScript the server
 * sends ({@code executeJs}) through {@code new Function}, hence {@code 'unsafe-eval'}; the page,
 * Lumo and the components add inline styles, hence {@code style-src 'unsafe-inline'}; Lumo's icon
 * font is a {@code data:} URL. Everything else, the push WebSocket included, is this origin only.
 *
 * <p>HSTS only for a request that arrived over TLS: {@code request.isSecure()}, which is true behind a
 * TLS-terminating proxy only when {@code casustafel.http.trust-forwarded-headers} lets Jetty believe
 * the proxy's {@code X-Forwarded-Proto}/{@code Forwarded} header.
 */
final class HardenedHeaders implements HttpConfiguration.Customizer {

    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "font-src 'self' data:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");
    static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";

    @Override
    public Request customize(Request request, HttpFields.Mutable responseHeaders) {
        responseHeaders.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        responseHeaders.put("X-Content-Type-Options", "nosniff");
        responseHeaders.put("Referrer-Policy", "no-referrer");
        if (request.isSecure()) {
            responseHeaders.put("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
        }
        return request;
    }
}
