package nl.casustafel.demo;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import nl.casustafel.platform.DatabaseBootstrap;

/**
 * Loads the demo region at start-up: by default only on the embedded database (a first start on a
 * fresh machine); on a real server only when {@code casustafel.demo.load=true}.
 */
@Singleton
public class DemoRegionStartup {

    private final DemoRegionLoader loader;
    private final String mode;

    public DemoRegionStartup(DemoRegionLoader loader, @Value("${casustafel.demo.load:auto}") String mode) {
        this.loader = loader;
        this.mode = mode;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        boolean load = switch (mode) {
            case "true" -> true;
            case "false" -> false;
            default -> DatabaseBootstrap.isEmbedded();
        };
        if (load) {
            loader.loadIfAbsent();
        }
    }
}
