package nl.casustafel.plan;

import jakarta.inject.Singleton;
import nl.casustafel.account.Viewer;
import nl.casustafel.covenant.MeetingType;
import nl.casustafel.meeting.MeetingSeries;
import nl.casustafel.meeting.MeetingTables;
import nl.casustafel.platform.NotFoundException;
import nl.casustafel.privacy.ContentViewer;
import nl.casustafel.privacy.Disclosure;
import nl.casustafel.privacy.PupilReader;
import nl.casustafel.privacy.PupilView;

import java.util.Optional;

/**
 * Which case a request is about, and whether the viewer may see it at all: a participant of the table who
 * sees the pupil there (by name or under its alias) and whose table has the pupil on its case list. Every
 * other caller gets the same {@link NotFoundException} as for a plan that does not exist, before anything
 * about the pupil is read.
 */
@Singleton
class PlanAccess {

    private final PupilReader reader;
    private final MeetingTables tables;
    private final PlanRepositories.Plans plans;

    PlanAccess(PupilReader reader, MeetingTables tables, PlanRepositories.Plans plans) {
        this.reader = reader;
        this.tables = tables;
        this.plans = plans;
    }

    /** The case as the viewer sees it: the pupil, the viewer as a reader of content, the table and its plan if any. */
    record Case(PupilView pupil, ContentViewer seen, MeetingSeries table, Optional<CasePlan> plan) {

        long pupilId() {
            return pupil.pupilId();
        }

        boolean identified() {
            return seen.disclosure() == Disclosure.IDENTIFIED;
        }
    }

    /** By the pupil's reference from outside (handle at the table, or number for a viewer who sees it by name). */
    Case open(Viewer viewer, String ref, long seriesId) {
        MeetingSeries table = table(viewer, seriesId);
        PupilView pupil = reader.read(viewer, ref, seriesId, "plan van aanpak").orElseThrow(NotFoundException::new);
        return of(viewer, table, pupil);
    }

    /** By pupil number, for the screens (which got it from the kernel). */
    Case open(Viewer viewer, long pupilId, long seriesId) {
        MeetingSeries table = table(viewer, seriesId);
        PupilView pupil = reader.read(viewer, pupilId, seriesId, "plan van aanpak").orElseThrow(NotFoundException::new);
        return of(viewer, table, pupil);
    }

    /** Whether the viewer sees the pupil at the table and takes part there, without reading or logging anything. */
    boolean sees(Viewer viewer, long pupilId, long seriesId) {
        return tables.sitsAt(seriesId, viewer.userId())
                && reader.contentViewer(viewer, pupilId, seriesId).disclosure() != Disclosure.NONE;
    }

    private MeetingSeries table(Viewer viewer, long seriesId) {
        if (!tables.sitsAt(seriesId, viewer.userId())) {
            throw new NotFoundException();
        }
        return tables.table(seriesId).orElseThrow(NotFoundException::new);
    }

    private Case of(Viewer viewer, MeetingSeries table, PupilView pupil) {
        if (pupil.disclosure() == Disclosure.NONE || !tables.pupilsAt(table.id()).contains(pupil.pupilId())) {
            throw new NotFoundException();
        }
        ContentViewer seen = reader.contentViewer(viewer, pupil.pupilId(), table.id());
        if (seen.disclosure() == Disclosure.NONE) {
            throw new NotFoundException();
        }
        return new Case(pupil, seen, table, plans.findBySeriesIdAndPupilId(table.id(), pupil.pupilId()));
    }

    /** The tables that keep a plan van aanpak per case: SOT and thuiszitterstafel, and the verzuimoverleg when it wants one. */
    static boolean keepsPlans(MeetingType type) {
        return type == MeetingType.SOT || type == MeetingType.THUISZITTERSTAFEL || type == MeetingType.VERZUIMOVERLEG;
    }
}
