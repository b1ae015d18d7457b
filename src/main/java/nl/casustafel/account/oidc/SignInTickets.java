package nl.casustafel.account.oidc;

import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One-time tickets that carry a sign-in with the organisation's own account from the OAuth callback (on
 * Micronaut's server) to the web app (Vaadin), instead of a token in the browser: random, valid 60
 * seconds, redeemed at most once. Held in memory: a ticket lives shorter than any restart matters.
 */
@Singleton
class SignInTickets {

    static final Duration LIFETIME = Duration.ofSeconds(60);

    /** What the provider proved: this linked account, and whether its second factor counts. */
    record Ticket(long userId, String provider, boolean secondFactorDone, Instant expiresAt) {
    }

    private final Map<String, Ticket> tickets = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    SignInTickets(Clock clock) {
        this.clock = clock;
    }

    String issue(long userId, String provider, boolean secondFactorDone) {
        Instant now = clock.instant();
        tickets.values().removeIf(ticket -> !now.isBefore(ticket.expiresAt()));
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        tickets.put(id, new Ticket(userId, provider, secondFactorDone, now.plus(LIFETIME)));
        return id;
    }

    /** The ticket, once: a second redemption, an unknown or an expired ticket gives nothing. */
    Optional<Ticket> redeem(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Ticket ticket = tickets.remove(id);
        return Optional.ofNullable(ticket).filter(t -> clock.instant().isBefore(t.expiresAt()));
    }
}
