package nl.casustafel.meeting;

import com.vaadin.flow.component.Component;
import io.micronaut.core.annotation.Nullable;
import nl.casustafel.account.Viewer;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A part another feature adds to the agenda item of a pupil on the meeting screen (the plan van aanpak).
 * Such features depend on {@code meeting}, not the reverse: they implement this as a bean and the screen
 * shows what they give. {@link #read} runs off the UI thread, on every refresh of the screen, and must read
 * through the privacy kernel as the viewer; the supplier it returns builds the component under the UI lock.
 * A feature whose content changes publishes {@link MeetingEvents.CaseContentChanged} so the screens refresh.
 */
public interface ItemExtension {

    /** The agenda item of a pupil on a meeting of a table; {@code previousMeeting}: when the table last met before it. */
    record ItemAt(long meetingId, long seriesId, long pupilId, @Nullable Instant previousMeeting) {
    }

    Optional<Supplier<Component>> read(Viewer viewer, ItemAt at);
}
