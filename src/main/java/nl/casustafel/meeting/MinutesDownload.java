package nl.casustafel.meeting;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import nl.casustafel.account.Viewer;
import nl.casustafel.platform.NotFoundException;

import java.io.ByteArrayInputStream;

/**
 * A link that downloads the minutes of one meeting as a PDF ({@code notulen-<date>.pdf}), made when
 * clicked for the signed-in participant at their own disclosure level. Nothing is e-mailed or kept
 * on the server. Place it in a meeting view: {@code new MinutesDownload(minutesService, viewer, meetingId)}.
 */
public class MinutesDownload extends Anchor {

    private static final String PDF = "application/pdf";

    public MinutesDownload(MinutesService minutes, Viewer viewer, long meetingId) {
        setHref(DownloadHandler.fromInputStream(event -> download(minutes, viewer, meetingId))
                .whenComplete((context, ok) -> {
                    if (!ok) {
                        String reason = context.exception() == null ? null : context.exception().getMessage();
                        Notification failed = Notification.show(getTranslation("minutes.download.failed")
                                + (reason == null ? "" : " " + reason), 6000, Notification.Position.MIDDLE);
                        failed.addThemeVariants(NotificationVariant.LUMO_ERROR);
                    }
                }), AttachmentType.DOWNLOAD);
        add(VaadinIcon.FILE_TEXT_O.create(), new Span(getTranslation("minutes.download")));
        getElement().setAttribute("title", getTranslation("minutes.download.title"));
        getStyle().set("display", "inline-flex").set("align-items", "center").set("gap", "var(--lumo-space-xs)");
        setId("minutes-download-" + meetingId);
    }

    /** What the link answers: the PDF, or 404 with the one Dutch text for a meeting that does not exist or that the viewer does not take part in. */
    static DownloadResponse download(MinutesService minutes, Viewer viewer, long meetingId) {
        try {
            MinutesService.MinutesFile file = minutes.pdf(viewer, meetingId);
            return new DownloadResponse(new ByteArrayInputStream(file.content()), file.fileName(), PDF, file.content().length);
        } catch (NotFoundException e) {
            return DownloadResponse.error(404, e.getMessage());
        }
    }
}
