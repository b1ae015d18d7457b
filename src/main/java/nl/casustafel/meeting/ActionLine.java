package nl.casustafel.meeting;

import nl.casustafel.platform.DutchDates;

import com.vaadin.flow.component.html.Span;


/** One agreed action on screen: the pupil as the user sees it, the text if the user may read it, owner and due date. */
public final class ActionLine extends Span {


    private ActionLine(MeetingViews.Action action) {
        String pupil = action.pupil() == null ? "" : action.pupil().label() + ": ";
        String what = action.what() != null ? action.what()
                : getTranslation(action.kind() == MeetingAction.Kind.DUO_REPORT ? "meeting.action.duoReport.agreed" : "meeting.action.hidden");
        setText(pupil + what + " · " + action.owner() + " · " + getTranslation("meeting.action.due", DutchDates.DATE.format(action.dueOn()))
                + (action.overdue() ? " · " + getTranslation("home.actions.overdue") : ""));
        addClassName(action.overdue() ? "overdue" : "open-action");
    }

    public static ActionLine of(MeetingViews.Action action) {
        return new ActionLine(action);
    }
}
