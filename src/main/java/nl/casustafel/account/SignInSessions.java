package nl.casustafel.account;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * The server-side sign-in sessions behind API tokens and UI sessions. A session lasts a fixed time
 * from sign-in ({@code casustafel.sign-in.lifetime}, 8 hours: a working day, never extended) and
 * ends earlier when revoked: at logout, or for all of an account's sessions when it is deactivated
 * or its password changes.
 */
@Singleton
public class SignInSessions {

    private final SignInSessionRepository sessions;
    private final ApplicationEventPublisher<SignInsRevoked> events;
    private final Clock clock;
    private final Duration lifetime;

    public SignInSessions(SignInSessionRepository sessions, ApplicationEventPublisher<SignInsRevoked> events, Clock clock,
                          @Value("${casustafel.sign-in.lifetime:8h}") Duration lifetime) {
        this.sessions = sessions;
        this.events = events;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** Opens a session for this account on this channel, valid for the configured lifetime. */
    public SignInSession open(long userId, SignInChannel channel) {
        // whole seconds: a token's exp claim has no finer resolution
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return sessions.save(new SignInSession(UUID.randomUUID(), userId, channel, now, now.plus(lifetime), null));
    }

    /** The session, if it exists, is not revoked and has not expired. */
    public Optional<SignInSession> active(UUID sessionId) {
        Instant now = clock.instant();
        return sessions.findById(sessionId).filter(session -> session.activeAt(now));
    }

    public boolean isActive(UUID sessionId) {
        return active(sessionId).isPresent();
    }

    /** Ends one session (logout); a second call changes nothing. */
    public void revoke(UUID sessionId) {
        sessions.revoke(sessionId, clock.instant());
    }

    /** Ends every open session of the account, API and UI alike, and tells the UI to close its sessions. */
    public void revokeAll(long userId) {
        sessions.revokeAllOf(userId, clock.instant());
        events.publishEvent(new SignInsRevoked(userId));
    }

    /** How long a session lasts from sign-in. */
    public Duration lifetime() {
        return lifetime;
    }
}
