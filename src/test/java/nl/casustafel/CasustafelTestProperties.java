package nl.casustafel;

import io.micronaut.test.support.TestPropertyProvider;
import nl.casustafel.platform.RuntimeProperties;

import java.util.HashMap;
import java.util.Map;

/**
 * Test contexts run against real PostgreSQL: a throw-away database on the server named by
 * {@code DATASOURCES_DEFAULT_URL}, or an embedded one. The demo region is loaded once per database.
 * Test classes implementing this need {@code @TestInstance(PER_CLASS)}.
 */
public interface CasustafelTestProperties extends TestPropertyProvider {

    @Override
    default Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>();
        RuntimeProperties.forTests().forEach((key, value) -> properties.put(key, String.valueOf(value)));
        properties.put("casustafel.demo.load", "true");
        properties.put("micronaut.server.port", "-1");
        properties.put("casustafel.ui.enabled", String.valueOf(uiEnabled()));
        properties.put("casustafel.http.port", "0");
        // signals are computed ahead only where a test asks for it (KeptSignalsTest counts computations)
        properties.put("casustafel.signals.warm-up", String.valueOf(signalWarmUp()));
        return properties;
    }

    /** Whether signals are computed ahead after imports and at night ({@code absence.SignalWarmUp}). */
    default boolean signalWarmUp() {
        return false;
    }

    /** Whether the Vaadin UI is started too (only browser tests need it). */
    default boolean uiEnabled() {
        return false;
    }
}
