package nl.casustafel.meeting;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * Everything one rendering of the meeting screen shows: the meeting and its table, the agenda, the item
 * the screen is at with the content the kernel lets the user read (and what it withholds), its actions and the facts about
 * its pupil at the user's level, and the table's open actions. Read in one transaction, so
 * that each pupil the user sees by name is logged once per rendering, however many parts show it.
 */
public record MeetingScreen(Meeting meeting,
                            MeetingSeries table,
                            List<MeetingService.AgendaEntry> agenda,
                            @Nullable MeetingService.AgendaEntry current,
                            AgendaContent.ItemContent content,
                            List<MeetingAction> itemActions,
                            java.util.Set<Long> readableActionIds,
                            List<MeetingViews.Action> openActions,
                            @Nullable ItemFacts.Facts facts) {
}
