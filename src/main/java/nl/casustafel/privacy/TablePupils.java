package nl.casustafel.privacy;

import java.util.Collection;
import java.util.List;

/**
 * The pupils of an agenda (and its actions) as read once at one table, for any number of viewers: identity,
 * the facts that decide disclosure, each pupil's place on the table's case list, and who sits at the table.
 * It leaves the privacy kernel only as this opaque value: what a viewer sees of it is decided by
 * {@link PupilReader#readAt}, which logs every read by name.
 */
public final class TablePupils {

    final PupilRecords.AtTable read;
    private final List<Long> asked;

    TablePupils(PupilRecords.AtTable read, Collection<Long> asked) {
        this.read = read;
        this.asked = List.copyOf(asked);
    }

    /** The table these pupils were read at. */
    public long seriesId() {
        return read.seriesId();
    }

    /** The pupils asked for, in the order asked (whether or not they exist). */
    public List<Long> pupilIds() {
        return asked;
    }
}
