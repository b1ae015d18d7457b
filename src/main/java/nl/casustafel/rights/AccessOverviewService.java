package nl.casustafel.rights;

import nl.casustafel.platform.DutchDates;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.casustafel.absence.AbsenceKind;
import nl.casustafel.account.Viewer;
import nl.casustafel.audit.AccessLog;
import nl.casustafel.platform.InvalidInputException;
import nl.casustafel.privacy.ContentViewer;
import nl.casustafel.privacy.PupilReader;
import nl.casustafel.privacy.PupilView;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Puts together the {@link AccessOverview} for an access (or portability) request. Only the chair who
 * handles the request gets it, and producing it is itself an identified read: the pupil is read through
 * the {@link PupilReader}, which writes the access log entry ("inzageverzoek ...") in the same
 * transaction, before anything is returned. Identity fields come only from that read, so a field the
 * chair's party may not see (e.g. the BSN for the samenwerkingsverband) is named as held but not shown; so
 * is case content the kernel's content decision withholds from the chair ({@link OverviewContent}). All
 * reads are {@code @Query} projections of {@link OverviewQueries}.
 */
@Singleton
public class AccessOverviewService {

    static final String PURPOSE = "inzageverzoek";

    private final DataSubjectRequestService requests;
    private final PupilReader reader;
    private final OverviewQueries queries;
    private final Clock clock;
    private final OverviewContent content;
    private final AccessLog accessLog;
    private final ResourceBundle labels = ResourceBundle.getBundle("vaadin-i18n/translations", Locale.of("nl", "NL"));

    AccessOverviewService(DataSubjectRequestService requests, PupilReader reader, OverviewQueries queries, Clock clock,
                          OverviewContent content, AccessLog accessLog) {
        this.content = content;
        this.accessLog = accessLog;
        this.requests = requests;
        this.reader = reader;
        this.queries = queries;
        this.clock = clock;
    }

    @Transactional
    public AccessOverview overview(Viewer viewer, long requestId) {
        DataSubjectRequestService.Stored request = requests.forChair(viewer, requestId);
        if (request.kind() != RequestKind.ACCESS && request.kind() != RequestKind.PORTABILITY) {
            throw new InvalidInputException("kind", "Een inzageoverzicht hoort bij een verzoek om inzage of overdracht; dit verzoek gaat over "
                    + request.kind().label().toLowerCase(Locale.ROOT) + ".");
        }
        PupilView pupil = reader.read(viewer, request.pupilId(), request.seriesId(), PURPOSE + " " + requestId)
                .filter(p -> p.name() != null)
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "Leerling niet gevonden."));
        long id = request.pupilId();
        ContentViewer chair = reader.contentViewer(viewer, id, request.seriesId());
        List<AccessOverview.Section> sections = List.of(
                identity(pupil, id, viewer),
                section("duoReports", "DUO-verzuimmeldingen", duoReports(id)),
                section("consents", "Toestemmingen", consents(id)),
                section("notifications", "Meldingen aan ouders", notifications(id)),
                section("tables", "Tafels (casuslijsten)", tables(id)),
                section("agenda", "Besprekingen: agendapunten, aantekeningen en uitkomsten", content.agenda(chair, viewer.partyName(), id)),
                section("actions", "Afspraken en acties", content.actions(chair, viewer.partyName(), id)),
                section("absence", "Verzuim per maand", absence(id)),
                section("closing", "Afsluitbesluit", closing(id)),
                section("requests", "Verzoeken van betrokkene", requests(id)));
        return new AccessOverview(requestId, request.table(), pupil.name(), LocalDate.now(clock), viewer.displayName(),
                viewer.partyName(), sections, accessLog(id));
    }

    private static AccessOverview.Section section(String key, String title, List<AccessOverview.Item> items) {
        return new AccessOverview.Section(key, title, items);
    }

    private AccessOverview.Section identity(PupilView pupil, long id, Viewer viewer) {
        List<AccessOverview.Item> items = new ArrayList<>();
        OverviewQueries.Enrolment school = queries.enrolment(id).orElseThrow();
        String source = school.board();
        String withheld = "vastgelegd, maar niet zichtbaar voor " + viewer.partyName() + " onder het convenant; op te vragen bij " + source;
        items.add(new AccessOverview.Item("Naam", pupil.name(), source));
        items.add(new AccessOverview.Item("Geboortedatum", pupil.birthDate() != null ? DutchDates.DATE.format(pupil.birthDate()) : withheld, source));
        items.add(new AccessOverview.Item("BSN", pupil.bsn() != null ? pupil.bsn() : withheld, source));
        items.add(new AccessOverview.Item("Adres", pupil.address() != null ? pupil.address() : withheld, source));
        items.add(new AccessOverview.Item("Woonplaats (gemeente)", pupil.residence() != null ? pupil.residence() : withheld, source));
        items.add(new AccessOverview.Item("School", school.school() + " (" + school.brin() + ")", source));
        items.add(new AccessOverview.Item("Leerjaar", String.valueOf(school.schoolYear()), source));
        items.add(new AccessOverview.Item("Ingeschreven", "vanaf " + date(school.enrolledOn())
                + (school.enrolledUntil() != null ? " tot " + date(school.enrolledUntil()) : ""), source));
        return section("identity", "Identiteit, school en inschrijving", items);
    }

    private List<AccessOverview.Item> duoReports(long id) {
        return queries.duoReports(id).stream().map(d -> new AccessOverview.Item("Verzuimmelding van " + date(d.reportedOn()),
                label("duoKind." + d.kind()) + ", kenmerk " + d.duoReference() + ", gemeld door "
                        + d.school() + (d.closedOn() == null ? ""
                        : "; afgesloten op " + date(d.closedOn()) + optional(": ", d.closeReason())),
                d.party())).toList();
    }

    private List<AccessOverview.Item> consents(long id) {
        return queries.consents(id).stream().map(c -> {
            List<String> givers = new ArrayList<>();
            if (c.givenByPupil()) {
                givers.add("de leerling");
            }
            if (c.givenByParent()) {
                givers.add("de ouder" + optional(" ", c.parentName()));
            }
            String value = "aan " + c.toParty() + " voor " + label("meetingType." + c.purpose())
                    + optional(" (hulpvraag: ", c.hulpvraag(), ")")
                    + "; gegevens: " + String.join(", ", c.categories().stream().map(category -> label("category." + category)).toList())
                    + "; gegeven door " + String.join(" en ", givers)
                    + ("WRITTEN".equals(c.method()) ? ", schriftelijk" : ", mondeling in het overleg")
                    + optional("; geldig tot ", date(c.validUntil()))
                    + optional("; ingetrokken op ", date(c.withdrawnOn()));
            return new AccessOverview.Item("Toestemming van " + date(c.givenOn()), value, c.party());
        }).toList();
    }

    private List<AccessOverview.Item> notifications(long id) {
        return queries.notifications(id).stream().map(n -> new AccessOverview.Item("Ouders ingelicht op " + date(n.notifiedOn()),
                "over bespreking in het " + label("meetingType." + n.purpose())
                        + optional(" met ", n.parties()) + optional("; ", n.note()),
                n.party())).toList();
    }

    private List<AccessOverview.Item> tables(long id) {
        return queries.tables(id).stream().map(t -> new AccessOverview.Item(t.name(),
                "op de casuslijst sinds " + stamp(t.addedAt()) + " als Leerling " + t.aliasNumber()
                        + optional("; reden: ", t.reason()) + optional("; hulpvraag: ", t.hulpvraag()),
                t.party())).toList();
    }

    private List<AccessOverview.Item> absence(long id) {
        List<AccessOverview.Item> items = new ArrayList<>(queries.absenceMonths(id).stream().map(m -> new AccessOverview.Item(
                m.month() + " " + AbsenceKind.valueOf(m.kind()).label(),
                m.hours().stripTrailingZeros().toPlainString()
                        + ("CLOCK_HOUR".equals(m.unit()) ? " klokuur" : " lesuur") + " in " + m.records() + " registratie(s)",
                m.party())).toList());
        items.addAll(queries.absenceFigures(id).stream().map(f -> new AccessOverview.Item(
                "Verzuimcijfers (handmatig, " + stamp(f.updatedAt()) + ")",
                f.unauthorisedHours().stripTrailingZeros().toPlainString() + " uur ongeoorloofd in 4 weken, "
                        + f.sickReports() + " ziekmeldingen in 12 weken, " + f.lateArrivals() + " keer te laat",
                f.party())).toList());
        return items;
    }

    private List<AccessOverview.Item> closing(long id) {
        return queries.closings(id).stream().map(d -> new AccessOverview.Item("Afsluitbesluit van " + date(d.decidedOn()),
                label("closingReason." + d.reason()) + "; vernietiging uiterlijk " + date(d.destroyOn())
                        + (d.withdrawnAt() == null ? "" : "; heropend op " + stamp(d.withdrawnAt())),
                d.party())).toList();
    }

    private List<AccessOverview.Item> requests(long id) {
        return requests.allOf(id).stream().map(r -> new AccessOverview.Item(
                r.kind().label() + " (ontvangen " + DutchDates.DATE.format(r.receivedOn()) + ")",
                "door " + r.requestedBy().label() + " aan " + r.table() + "; " + r.status().label().toLowerCase(Locale.ROOT)
                        + (r.decidedOn() == null ? ", uiterlijk te beantwoorden op " + DutchDates.DATE.format(r.dueOn()) : " op " + DutchDates.DATE.format(r.decidedOn()))
                        + optional("; motivering: ", r.motivation()),
                r.registeredByParty())).toList();
    }

    /** The whole access log of the pupil, oldest first, including the read that made this overview. */
    private List<AccessOverview.LogEntry> accessLog(long id) {
        accessLog.writeGathered(); // the overview's own read is part of the log it shows
        return queries.accessLog(id).stream().map(l -> new AccessOverview.LogEntry(l.at(), l.username(), l.displayName(), l.party(),
                l.context(), label("basis." + l.basisKind()) + optional(" #", l.basisId() == null ? null : String.valueOf(l.basisId()))))
                .toList();
    }

    private String label(String key) {
        try {
            return labels.getString(key);
        } catch (MissingResourceException e) {
            return key.substring(key.indexOf('.') + 1);
        }
    }

    private static String date(LocalDate date) {
        return date == null ? null : DutchDates.DATE.format(date);
    }

    private static String stamp(Instant at) {
        return at == null ? "" : DutchDates.DATE_TIME.format(at);
    }

    private static String optional(String prefix, String value) {
        return value == null || value.isBlank() ? "" : prefix + value;
    }

    private static String optional(String prefix, String value, String suffix) {
        return value == null || value.isBlank() ? "" : prefix + value + suffix;
    }
}
