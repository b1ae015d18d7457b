package nl.casustafel.platform;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.di.DefaultInstantiator;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServiceInitListener;
import io.micronaut.context.ApplicationContext;

import java.util.stream.Stream;

/**
 * Lets Micronaut create Casustafel's views and components, so that they get services by
 * constructor injection; everything of Vaadin's own is left to Vaadin.
 */
final class MicronautInstantiator extends DefaultInstantiator {

    private final ApplicationContext context;

    MicronautInstantiator(VaadinService service, ApplicationContext context) {
        super(service);
        this.context = context;
    }

    @Override
    public <T> T getOrCreate(Class<T> type) {
        return isMicronautBean(type) ? context.getBean(type) : super.getOrCreate(type);
    }

    @Override
    public <T extends Component> T createComponent(Class<T> componentClass) {
        return isMicronautBean(componentClass) ? context.getBean(componentClass) : super.createComponent(componentClass);
    }

    /**
     * Vaadin's own service init listeners and Casustafel's (Micronaut beans), all run by the service's
     * own initialisation, so that whatever they add (UI listeners, index-page listeners, request handlers)
     * is in place before the first request.
     */
    @Override
    public Stream<VaadinServiceInitListener> getServiceInitListeners() {
        return Stream.concat(super.getServiceInitListeners(), context.getBeansOfType(VaadinServiceInitListener.class).stream());
    }

    private boolean isMicronautBean(Class<?> type) {
        return type.getName().startsWith("nl.casustafel.") && context.findBeanDefinition(type).isPresent();
    }
}
