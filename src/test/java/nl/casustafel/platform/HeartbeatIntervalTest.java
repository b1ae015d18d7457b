package nl.casustafel.platform;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Vaadin drops a page after about three missed heartbeats; at most 18 s between heartbeats lets a crashed
 * browser stop following a live meeting within a minute (3.1 × 18 s ≈ 56 s), while a short idle timeout still gets
 * a heartbeat at a third of it (so the open page's session lives until the idle sign-out).
 */
class HeartbeatIntervalTest {

    @Test
    void theHeartbeatIsAThirdOfTheIdleTimeoutButAtMostEighteenSeconds() {
        assertEquals(18, UiServer.heartbeatSeconds(Duration.ofMinutes(30)));
        assertEquals(18, UiServer.heartbeatSeconds(Duration.ofSeconds(90)));
        assertEquals(6, UiServer.heartbeatSeconds(Duration.ofSeconds(20)));
        assertEquals(1, UiServer.heartbeatSeconds(Duration.ofSeconds(1)));
    }
}
