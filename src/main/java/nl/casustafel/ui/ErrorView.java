package nl.casustafel.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An unexpected error while opening a page, in Dutch, with what to do next. The exception is logged
 * (its type and stack, for the developers); the user sees no technical detail.
 */
@AnonymousAllowed
public class ErrorView extends VerticalLayout implements HasErrorParameter<Exception> {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorView.class);

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        LOG.error("Error while opening a page", parameter.getCaughtException());
        removeAll();
        H2 title = new H2(getTranslation("error.internal.title"));
        title.setId("error");
        String message = DatabaseOutageBanner.isDatabaseError(parameter.getCaughtException())
                ? getTranslation("database.down") : getTranslation("error.internal.message");
        add(title, new Paragraph(message), new Anchor("", getTranslation("error.toHome")));
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
