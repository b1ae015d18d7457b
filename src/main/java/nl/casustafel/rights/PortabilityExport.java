package nl.casustafel.rights;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.casustafel.account.Viewer;
import nl.casustafel.platform.DutchDates;
import nl.casustafel.platform.InvalidInputException;
import nl.casustafel.privacy.ContentDecision;
import nl.casustafel.privacy.ContentPolicy;
import nl.casustafel.privacy.ContentProvenance;
import nl.casustafel.privacy.ContentViewer;
import nl.casustafel.privacy.PupilReader;
import nl.casustafel.privacy.PupilView;
import nl.casustafel.privacy.WriterBasis;

import java.time.LocalDate;
import java.util.List;

/**
 * The export for a granted portability request (art. 20 AVG): only the data processed on consent
 * (covenant footnote 30: the right does not apply where the basis is the public interest, i.e. the school's
 * enrolment, a DUO report or a notification), that is the notes, outcomes and action texts brought in under
 * a consent. Content the chair may not read (the kernel's {@link ContentPolicy}) is named as held with the
 * party to ask, never shown. Producing it reads the pupil by name and is logged.
 */
@Singleton
public class PortabilityExport {

    static final String PURPOSE = "dataportabiliteit";

    private final DataSubjectRequestService requests;
    private final RequestExecutions store;
    private final PupilReader reader;
    private final ContentPolicy content;
    private final java.time.Clock clock;

    PortabilityExport(DataSubjectRequestService requests, RequestExecutions store, PupilReader reader, ContentPolicy content,
                      java.time.Clock clock) {
        this.requests = requests;
        this.store = store;
        this.reader = reader;
        this.content = content;
        this.clock = clock;
    }

    @Serdeable
    public record Export(long requestId, String pupil, LocalDate madeOn, String scope, List<Row> data) {
    }

    /** One datum: its kind, date, table, the party that brought it in, its category and the text (or where to ask for it). */
    @Serdeable
    public record Row(String kind, String date, String table, String provider, String category, String text) {
    }

    @Transactional
    public Export export(Viewer viewer, long requestId) {
        DataSubjectRequestService.Stored r = requests.handledByChair(viewer, requestId).request();
        if (r.kind() != RequestKind.PORTABILITY) {
            throw new InvalidInputException("kind", "Een export hoort bij een verzoek om overdracht van gegevens (dataportabiliteit).");
        }
        if (r.status() != RequestStatus.GRANTED) {
            throw new InvalidInputException("status", "De export wordt gemaakt voor een toegewezen verzoek; beslis eerst op het verzoek.");
        }
        PupilView pupil = reader.read(viewer, r.pupilId(), r.seriesId(), PURPOSE + " " + requestId).filter(p -> p.name() != null)
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "Leerling niet gevonden."));
        ContentViewer chair = reader.contentViewer(viewer, r.pupilId(), r.seriesId());
        List<Row> rows = store.content(r.pupilId()).stream()
                .filter(c -> WriterBasis.valueOf(c.writerBasis()) == WriterBasis.CONSENT)
                .map(c -> new Row(TargetKind.valueOf(c.kind()).label(), DutchDates.DATE.format(c.at()), c.table(), c.provider(), c.category(),
                        text(chair, c, viewer.partyName())))
                .toList();
        return new Export(requestId, pupil.name(), LocalDate.now(clock),
                "Alleen gegevens die op grond van toestemming zijn verwerkt (art. 20 AVG; voetnoot 30 convenant).", rows);
    }

    /** The export as CSV (semicolon-separated, UTF-8), the same rows. */
    public static String csv(Export export) {
        StringBuilder out = new StringBuilder("soort;datum;tafel;ingebracht door;categorie;inhoud\n");
        for (Row row : export.data()) {
            out.append(String.join(";", List.of(cell(row.kind()), cell(row.date()), cell(row.table()), cell(row.provider()),
                    cell(row.category()), cell(row.text())))).append('\n');
        }
        return out.toString();
    }

    private static String cell(String value) {
        String v = value == null ? "" : value;
        // A leading formula character is neutralised so that a spreadsheet does not run it.
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }

    private String text(ContentViewer chair, RequestExecutions.Content c, String chairParty) {
        ContentProvenance provenance = ContentProvenance.of(c.providerPartyId(), c.writerId(), WriterBasis.valueOf(c.writerBasis()),
                c.writerBasisId(), c.category());
        if (c.assigneeId() != null) {
            provenance = provenance.assignedTo(c.assigneeId());
        }
        ContentDecision decision = content.decide(chair, provenance);
        return decision.readable() ? c.text()
                : "vastgelegd door " + c.provider() + ", niet zichtbaar voor " + chairParty + " onder het convenant; op te vragen bij " + c.provider();
    }
}
