package nl.casustafel.platform;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * How the public port meets TLS and idle users.
 *
 * @param secureCookies         mark the session cookie {@code Secure} on every answer
 *                              ({@code casustafel.http.secure-cookies}, env {@code CASUSTAFEL_SECURE_COOKIES});
 *                              without it only on requests that came over TLS
 * @param trustForwardedHeaders believe {@code X-Forwarded-Proto}/{@code Forwarded} (and the client address)
 *                              from the proxy in front ({@code casustafel.http.trust-forwarded-headers},
 *                              env {@code CASUSTAFEL_TRUST_FORWARDED_HEADERS}); only when the port is
 *                              reachable through that proxy alone, as any client could send them
 * @param idleTimeout           the UI session ends after this long without user activity
 *                              ({@code casustafel.ui.idle-timeout}, env {@code CASUSTAFEL_IDLE_TIMEOUT})
 */
@Singleton
public record HttpSettings(
        @Value("${casustafel.http.secure-cookies:false}") boolean secureCookies,
        @Value("${casustafel.http.trust-forwarded-headers:false}") boolean trustForwardedHeaders,
        @Value("${casustafel.ui.idle-timeout:30m}") Duration idleTimeout) {
}
