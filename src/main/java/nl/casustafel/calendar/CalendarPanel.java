package nl.casustafel.calendar;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import nl.casustafel.account.Viewer;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/**
 * The user's meetings in their own calendar, on the start page: download the {@code .ics}, or make,
 * renew or revoke the personal subscription link (shown once, when made).
 */
public class CalendarPanel extends VerticalLayout {

    private final CalendarService calendar;
    private final Viewer viewer;
    private final VerticalLayout feed = new VerticalLayout();

    public CalendarPanel(CalendarService calendar, Viewer viewer) {
        this.calendar = calendar;
        this.viewer = viewer;
        setId("calendar");
        setPadding(false);
        feed.setPadding(false);
        Anchor download = new Anchor();
        download.setHref(DownloadHandler.fromInputStream(event -> {
            byte[] ics = calendar.ics(viewer).getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(ics), "casustafel-overleggen.ics", "text/calendar", ics.length);
        }), AttachmentType.DOWNLOAD);
        download.add(VaadinIcon.CALENDAR.create(), new Span(getTranslation("calendar.download")));
        download.getElement().setAttribute("title", getTranslation("calendar.download.title"));
        download.getStyle().set("display", "inline-flex").set("align-items", "center").set("gap", "var(--lumo-space-xs)");
        download.setId("calendar-download");
        add(new H3(getTranslation("calendar.title")), new Paragraph(getTranslation("calendar.intro")), download, feed);
        showFeed(null);
    }

    private void showFeed(String newUrl) {
        feed.removeAll();
        boolean active = newUrl != null || calendar.hasFeed(viewer);
        Paragraph explanation = new Paragraph(getTranslation(active ? "calendar.feed.active" : "calendar.feed.none"));
        explanation.setId("calendar-feed-state");
        feed.add(explanation);
        if (newUrl != null) {
            TextField url = new TextField(getTranslation("calendar.feed.url"));
            url.setValue(newUrl);
            url.setReadOnly(true);
            url.setWidthFull();
            url.setId("calendar-feed-url");
            feed.add(url);
        }
        Button make = new Button(getTranslation(active ? "calendar.feed.renew" : "calendar.feed.make"),
                e -> showFeed(calendar.renewFeed(viewer)));
        make.setId("calendar-feed-make");
        HorizontalLayout buttons = new HorizontalLayout(make);
        if (active) {
            Button revoke = new Button(getTranslation("calendar.feed.revoke"), e -> {
                calendar.revokeFeed(viewer);
                Notification.show(getTranslation("calendar.feed.revoked"), 3000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                showFeed(null);
            });
            revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            revoke.setId("calendar-feed-revoke");
            buttons.add(revoke);
        }
        feed.add(buttons);
    }
}
