package nl.casustafel.privacy;

import nl.casustafel.covenant.ConsentGiver;
import nl.casustafel.covenant.DuoReportKind;
import nl.casustafel.covenant.MeetingType;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** What the disclosure rules need to know about a pupil; nothing more. */
public record PupilFacts(long pupilId,
                         long schoolId,
                         long residenceMunicipalityId,
                         String residenceMunicipalityName,
                         List<DuoReportFact> openDuoReports,
                         List<ConsentFact> consents,
                         List<NotificationFact> notifications,
                         LocalDate birthDate,
                         List<ClosedDuoReportFact> closedDuoReports,
                         boolean restricted,
                         boolean objected) {

    /** Without a restriction or objection in force. */
    public PupilFacts(long pupilId, long schoolId, long residenceMunicipalityId, String residenceMunicipalityName,
                      List<DuoReportFact> openDuoReports, List<ConsentFact> consents, List<NotificationFact> notifications,
                      LocalDate birthDate, List<ClosedDuoReportFact> closedDuoReports) {
        this(pupilId, schoolId, residenceMunicipalityId, residenceMunicipalityName, openDuoReports, consents, notifications,
                birthDate, closedDuoReports, false, false);
    }

    /**
     * The same facts without the restriction (art. 18 AVG) and objection (art. 21 AVG) in force: for the chair
     * who handles the data subject's own request about them (lifting a restriction is processing the subject
     * asked for, art. 18.2 AVG), never for a read at a table.
     */
    PupilFacts withoutLimits() {
        return new PupilFacts(pupilId, schoolId, residenceMunicipalityId, residenceMunicipalityName, openDuoReports, consents,
                notifications, birthDate, closedDuoReports, false, false);
    }

    public PupilFacts {
        openDuoReports = List.copyOf(openDuoReports);
        closedDuoReports = List.copyOf(closedDuoReports);
        consents = List.copyOf(consents);
        notifications = List.copyOf(notifications);
    }

    /** An open verzuimmelding. */
    public record DuoReportFact(long id, DuoReportKind kind, LocalDate reportedOn, String reference) {
    }

    /** A verzuimmelding that was closed by the attendance officer: it no longer identifies, but is said to have existed. */
    public record ClosedDuoReportFact(long id, LocalDate reportedOn, String reference, LocalDate closedOn) {
    }

    /**
     * A consent record, withdrawn or not; {@link #validOn} says whether it counts. {@code sharedWith}: the
     * other parties its scope names, to which content given under it may go (N33).
     */
    public record ConsentFact(long id, long partyId, String partyName, MeetingType purpose, String hulpvraag,
                              Set<String> categories, Set<ConsentGiver> givers, LocalDate givenOn,
                              LocalDate validUntil, LocalDate withdrawnOn, Set<Long> sharedWith) {

        public ConsentFact {
            sharedWith = sharedWith == null ? Set.of() : Set.copyOf(sharedWith);
        }

        public ConsentFact(long id, long partyId, String partyName, MeetingType purpose, String hulpvraag,
                           Set<String> categories, Set<ConsentGiver> givers, LocalDate givenOn,
                           LocalDate validUntil, LocalDate withdrawnOn) {
            this(id, partyId, partyName, purpose, hulpvraag, categories, givers, givenOn, validUntil, withdrawnOn, Set.of());
        }

        /** Whether the consent is held by the party or names it in its scope. */
        public boolean names(long party) {
            return partyId == party || sharedWith.contains(party);
        }

        public boolean validOn(LocalDate day) {
            return !givenOn.isAfter(day) && (validUntil == null || !validUntil.isBefore(day))
                    && (withdrawnOn == null || withdrawnOn.isAfter(day));
        }

        public boolean covers(String category) {
            return categories.contains(category);
        }
    }

    /** Parents told that these parties will discuss their child. */
    public record NotificationFact(long id, MeetingType purpose, LocalDate notifiedOn, Set<Long> partyIds) {
    }
}
