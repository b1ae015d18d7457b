package nl.casustafel.rights;

import jakarta.inject.Singleton;
import nl.casustafel.platform.DutchDates;
import nl.casustafel.privacy.ContentDecision;
import nl.casustafel.privacy.ContentPolicy;
import nl.casustafel.privacy.ContentProvenance;
import nl.casustafel.privacy.ContentViewer;
import nl.casustafel.privacy.WriterBasis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The case content of an access overview (notes, outcomes and the texts of actions), each shown only as
 * the privacy kernel's content decision ({@link ContentPolicy}) lets the chair who answers the request
 * read it. Content the chair may not read is named as held, with the party that provided it and where
 * the data subject can ask for it, but not shown: each party answers access requests for its own data.
 * The rows are {@code @Query} projections of {@link OverviewQueries}.
 */
@Singleton
class OverviewContent {

    private final OverviewQueries queries;
    private final ContentPolicy content;

    OverviewContent(OverviewQueries queries, ContentPolicy content) {
        this.queries = queries;
        this.content = content;
    }

    /** The registration and outcome of every agenda item about the pupil, then the notes on them. */
    List<AccessOverview.Item> agenda(ContentViewer chair, String chairParty, long pupilId) {
        List<AccessOverview.Item> items = new ArrayList<>(queries.agendaItems(pupilId).stream().map(i -> {
            String outcome = i.outcome();
            if (outcome != null && i.outcomeBasis() != null) {
                ContentProvenance provenance = ContentProvenance.of(orZero(i.outcomePartyId()), i.outcomeBy(),
                        WriterBasis.valueOf(i.outcomeBasis()), i.outcomeBasisId(), i.outcomeCategory());
                outcome = readable(chair, provenance, outcome, i.outcomeParty(), chairParty);
            }
            return new AccessOverview.Item("Agendapunt " + i.name() + ", " + stamp(i.startsAt()),
                    "aangemeld" + optional("; reden: ", i.reason()) + optional("; hulpvraag: ", i.hulpvraag())
                            + optional("; uitkomst: ", outcome),
                    i.party());
        }).toList());
        items.addAll(queries.notes(pupilId).stream().map(n -> {
            ContentProvenance provenance = ContentProvenance.of(n.authorPartyId(), n.authorId(),
                    WriterBasis.valueOf(n.writerBasis()), n.writerBasisId(), n.category());
            return new AccessOverview.Item("Aantekening " + n.name() + ", " + stamp(n.createdAt()),
                    readable(chair, provenance, n.text(), n.party(), chairParty), n.party());
        }).toList());
        return items;
    }

    /** The actions agreed about the pupil; the text only where the chair may read it. */
    List<AccessOverview.Item> actions(ContentViewer chair, String chairParty, long pupilId) {
        return queries.actions(pupilId).stream().map(a -> {
            ContentProvenance provenance = ContentProvenance.of(a.writerPartyId(), a.createdBy(),
                    WriterBasis.valueOf(a.writerBasis()), a.writerBasisId(), a.category()).assignedTo(a.ownerId());
            String what = readable(chair, provenance, a.what(), a.party(), chairParty);
            return new AccessOverview.Item("Actie " + a.name(),
                    what + "; door " + a.owner() + ", uiterlijk " + DutchDates.DATE.format(a.dueOn())
                            + (a.doneOn() == null ? "" : "; gedaan op " + DutchDates.DATE.format(a.doneOn())),
                    a.party());
        }).toList();
    }

    /** The text itself, or what is held and where to ask for it: never the text the kernel withholds. */
    private String readable(ContentViewer chair, ContentProvenance provenance, String text, String provider, String chairParty) {
        ContentDecision decision = content.decide(chair, provenance);
        if (decision.readable()) {
            return text;
        }
        return "vastgelegd door " + provider + ", niet zichtbaar voor " + chairParty + " onder het convenant (" + decision.reason()
                + "); op te vragen bij " + provider;
    }

    /** As JDBC's {@code getLong} read it: an outcome always has its party (a check constraint), so never 0 in practice. */
    private static long orZero(Long id) {
        return id == null ? 0 : id;
    }

    private static String stamp(Instant at) {
        return DutchDates.DATE_TIME.format(at);
    }

    private static String optional(String prefix, String value) {
        return value == null || value.isBlank() ? "" : prefix + value;
    }
}
