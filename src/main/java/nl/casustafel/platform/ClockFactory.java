package nl.casustafel.platform;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.ZoneId;

/** The clock of the platform: Dutch time, replaceable in tests. */
@Factory
public class ClockFactory {

    public static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    @Singleton
    Clock clock() {
        return Clock.system(AMSTERDAM);
    }
}
