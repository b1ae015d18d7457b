package nl.casustafel;

import io.micronaut.runtime.Micronaut;
import nl.casustafel.platform.RuntimeProperties;

/** Starts Casustafel: Micronaut (REST API, services, database) and the Vaadin UI in one process. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.build(args)
                .mainClass(Application.class)
                .properties(RuntimeProperties.forApplication())
                .start();
    }
}
