package nl.casustafel.platform;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import jakarta.servlet.DispatcherType;
import org.eclipse.jetty.ee11.servlet.FilterHolder;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.ee11.webapp.MetaInfConfiguration;
import org.eclipse.jetty.ee11.webapp.WebAppContext;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.ee11.servlet.SessionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.stream.Collectors;

/**
 * The public HTTP port: an embedded Jetty 12 (Servlet 6.1) serving the Vaadin UI, started once
 * Micronaut's own server is up, and passing API requests through to it. Vaadin has no Micronaut
 * integration, so this is the seam: Vaadin runs its own servlet initialisers here, and creates
 * views through the one Micronaut context (see {@link MicronautInstantiator}).
 */
@Singleton
@Requires(property = "casustafel.ui.enabled", notEquals = "false")
public class UiServer {

    private static final Logger LOG = LoggerFactory.getLogger(UiServer.class);
    /** Vaadin drops a page after about 3.1 missed heartbeats: 18 s detects a crashed browser within a minute. */
    private static final int MAX_HEARTBEAT_SECONDS = 18;

    private final ApplicationContext context;
    private final Provider<EmbeddedServer> apiServer;
    private final int port;
    private final HttpSettings settings;
    private Server jetty;

    public UiServer(ApplicationContext context, Provider<EmbeddedServer> apiServer,
                    @Value("${casustafel.http.port:8080}") int port, HttpSettings settings) {
        this.context = context;
        this.apiServer = apiServer;
        this.port = port;
        this.settings = settings;
    }

    @EventListener
    void onApiServerStarted(ServerStartupEvent event) throws Exception {
        start();
    }

    synchronized void start() throws Exception {
        if (jetty != null) {
            return;
        }
        long started = System.nanoTime();
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(httpConfiguration()));
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(webApp());
        server.start();
        jetty = server;
        LOG.info("Casustafel UI on http://localhost:{}/ (started in {} ms)", port(), (System.nanoTime() - started) / 1_000_000);
    }

    /** The port people use; the actual one when configured as 0. */
    public int port() {
        return ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
    }

    @PreDestroy
    synchronized void stop() throws Exception {
        if (jetty != null) {
            jetty.stop();
            jetty = null;
        }
    }

    /** No {@code Server} header, no version; the security headers on every answer; a proxy's word on TLS only if trusted. */
    private HttpConfiguration httpConfiguration() {
        HttpConfiguration configuration = new HttpConfiguration();
        configuration.setSendServerVersion(false);
        configuration.setSendXPoweredBy(false);
        if (settings.trustForwardedHeaders()) {
            configuration.addCustomizer(new ForwardedRequestCustomizer());
        }
        configuration.addCustomizer(new HardenedHeaders());
        return configuration;
    }

    /**
     * The session cookie is not readable by scripts and not sent along with requests from other sites'
     * forms; {@code Secure} for a request over TLS, or always when configured. A signed-in user is
     * signed out after the idle timeout by {@code ui.IdleSignOut}, which counts every request but the
     * heartbeat as activity; the heartbeat (a third of the timeout, at most every 30 s) keeps the HTTP
     * session of an open page alive until then, and a closed page's session ends by itself after the
     * timeout. Vaadin closes a page that missed three heartbeats, so a closed tab stops following a live
     * meeting ({@code meeting.LiveMeetings}) within about a minute and a half, not fifteen.
     */
    private void harden(WebAppContext webApp, ServletHolder vaadin) {
        SessionHandler sessions = webApp.getSessionHandler();
        sessions.setHttpOnly(true);
        sessions.setSameSite(HttpCookie.SameSite.LAX);
        sessions.setSecureRequestOnly(true);
        sessions.setSecureCookies(settings.secureCookies());
        sessions.setMaxInactiveInterval(seconds(settings.idleTimeout()));
        vaadin.setInitParameter("heartbeatInterval", String.valueOf(heartbeatSeconds(settings.idleTimeout())));
    }

    static int heartbeatSeconds(Duration idleTimeout) {
        return (int) Math.clamp(idleTimeout.toSeconds() / 3, 1, MAX_HEARTBEAT_SECONDS);
    }

    private static int seconds(Duration duration) {
        return (int) Math.max(1, duration.toSeconds());
    }

    private WebAppContext webApp() {
        dropMissingClasspathEntries();
        WebAppContext webApp = new WebAppContext();
        webApp.setContextPath("/");
        URL marker = UiServer.class.getResource("/webapp/ROOT");
        webApp.setBaseResource(webApp.getResourceFactory().newResource(URI.create(marker.toString().replaceAll("ROOT$", ""))));
        webApp.setThrowUnavailableOnStartupException(true);
        // Jetty scans the classpath so that Vaadin's ServletContainerInitializers (its Lookup, the routes) run.
        webApp.setAttribute(MetaInfConfiguration.CONTAINER_JAR_PATTERN, ".*\\.jar|.*/classes/.*");
        webApp.setConfigurationDiscovered(true);
        webApp.setParentLoaderPriority(true);
        webApp.addFilter(new FilterHolder(new ApiProxyFilter(() -> apiServer.get().getPort())), "/*",
                EnumSet.of(DispatcherType.REQUEST));
        ServletHolder vaadin = new ServletHolder("vaadin", new CasustafelServlet(context));
        vaadin.setAsyncSupported(true);
        vaadin.setInitOrder(1);
        harden(webApp, vaadin);
        webApp.addServlet(vaadin, "/*");
        return webApp;
    }

    /** Jetty refuses classpath entries that do not exist (Maven and IDEs add some). */
    private static void dropMissingClasspathEntries() {
        String classpath = System.getProperty("java.class.path");
        if (classpath != null) {
            System.setProperty("java.class.path", Arrays.stream(classpath.split(File.pathSeparator))
                    .filter(entry -> !entry.isBlank() && new File(entry).exists())
                    .collect(Collectors.joining(File.pathSeparator)));
        }
    }
}
