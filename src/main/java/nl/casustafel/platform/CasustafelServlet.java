package nl.casustafel.platform;

import com.vaadin.flow.di.Instantiator;
import com.vaadin.flow.function.DeploymentConfiguration;
import com.vaadin.flow.server.ServiceException;
import com.vaadin.flow.server.VaadinServlet;
import com.vaadin.flow.server.VaadinServletService;
import io.micronaut.context.ApplicationContext;

/** The Vaadin servlet, wired to the one Micronaut {@link ApplicationContext} of the process. */
final class CasustafelServlet extends VaadinServlet {

    private final transient ApplicationContext context;

    CasustafelServlet(ApplicationContext context) {
        this.context = context;
    }

    @Override
    protected VaadinServletService createServletService(DeploymentConfiguration configuration) throws ServiceException {
        VaadinServletService service = new VaadinServletService(this, configuration) {
            @Override
            protected Instantiator createInstantiator() {
                return new MicronautInstantiator(this, context);
            }
        };
        // init() runs the service init listeners, Casustafel's beans among them (MicronautInstantiator).
        service.init();
        return service;
    }
}
