package nl.casustafel.rights;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import nl.casustafel.platform.DutchDates;
import nl.casustafel.privacy.ContentDecision;
import nl.casustafel.privacy.ContentPolicy;
import nl.casustafel.privacy.ContentProvenance;
import nl.casustafel.privacy.ContentViewer;
import nl.casustafel.privacy.WriterBasis;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * The case content of an access overview (notes, outcomes and the texts of actions), each shown only as
 * the privacy kernel's content decision ({@link ContentPolicy}) lets the chair who answers the request
 * read it. Content the chair may not read is named as held, with the party that provided it and where
 * the data subject can ask for it, but not shown: each party answers access requests for its own data.
 */
@Singleton
class OverviewContent {

    private final JdbcOperations jdbc;
    private final ContentPolicy content;

    OverviewContent(JdbcOperations jdbc, ContentPolicy content) {
        this.jdbc = jdbc;
        this.content = content;
    }

    /** The registration and outcome of every agenda item about the pupil, then the notes on them. */
    List<AccessOverview.Item> agenda(ContentViewer chair, String chairParty, long pupilId) {
        List<AccessOverview.Item> items = new ArrayList<>(query("""
                SELECT m.starts_at, ms.name, i.reason, i.hulpvraag, i.outcome, pa.name AS party,
                       i.outcome_party_id, i.outcome_by, i.outcome_basis, i.outcome_basis_id, i.outcome_category, op.name AS outcome_party
                  FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id JOIN meeting_series ms ON ms.id = m.series_id
                  JOIN party pa ON pa.id = i.registered_party_id
                  LEFT JOIN party op ON op.id = i.outcome_party_id
                 WHERE i.pupil_id = ? ORDER BY m.starts_at, i.id
                """, pupilId, rs -> {
            String outcome = rs.getString("outcome");
            if (outcome != null && rs.getString("outcome_basis") != null) {
                ContentProvenance provenance = ContentProvenance.of(rs.getLong("outcome_party_id"), (Long) rs.getObject("outcome_by"),
                        WriterBasis.valueOf(rs.getString("outcome_basis")), (Long) rs.getObject("outcome_basis_id"),
                        rs.getString("outcome_category"));
                outcome = readable(chair, provenance, outcome, rs.getString("outcome_party"), chairParty);
            }
            return new AccessOverview.Item("Agendapunt " + rs.getString("name") + ", " + stamp(rs.getTimestamp("starts_at")),
                    "aangemeld" + optional("; reden: ", rs.getString("reason")) + optional("; hulpvraag: ", rs.getString("hulpvraag"))
                            + optional("; uitkomst: ", outcome),
                    rs.getString("party"));
        }));
        items.addAll(query("""
                SELECT n.text, n.created_at, ms.name, pa.name AS party,
                       n.author_party_id, n.author_id, n.writer_basis, n.writer_basis_id, n.category
                  FROM agenda_note n JOIN agenda_item i ON i.id = n.item_id JOIN meeting m ON m.id = i.meeting_id
                  JOIN meeting_series ms ON ms.id = m.series_id JOIN party pa ON pa.id = n.author_party_id
                 WHERE i.pupil_id = ? ORDER BY n.created_at, n.id
                """, pupilId, rs -> {
            ContentProvenance provenance = ContentProvenance.of(rs.getLong("author_party_id"), (Long) rs.getObject("author_id"),
                    WriterBasis.valueOf(rs.getString("writer_basis")), (Long) rs.getObject("writer_basis_id"), rs.getString("category"));
            return new AccessOverview.Item("Aantekening " + rs.getString("name") + ", " + stamp(rs.getTimestamp("created_at")),
                    readable(chair, provenance, rs.getString("text"), rs.getString("party"), chairParty), rs.getString("party"));
        }));
        return items;
    }

    /** The actions agreed about the pupil; the text only where the chair may read it. */
    List<AccessOverview.Item> actions(ContentViewer chair, String chairParty, long pupilId) {
        return jdbc.prepareStatement("""
                SELECT a.what, a.due_on, a.done_on, ms.name, ou.display_name AS owner, pa.name AS party,
                       a.writer_party_id, a.created_by, a.writer_basis, a.writer_basis_id, a.category, a.owner_id
                  FROM meeting_action a JOIN meeting_series ms ON ms.id = a.series_id
                  JOIN user_account ou ON ou.id = a.owner_id
                  JOIN party pa ON pa.id = a.writer_party_id
                 WHERE a.pupil_id = ? OR a.item_id IN (SELECT i.id FROM agenda_item i WHERE i.pupil_id = ?)
                 ORDER BY a.due_on, a.id
                """, st -> {
            st.setLong(1, pupilId);
            st.setLong(2, pupilId);
            List<AccessOverview.Item> items = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    ContentProvenance provenance = ContentProvenance.of(rs.getLong("writer_party_id"), rs.getLong("created_by"),
                            WriterBasis.valueOf(rs.getString("writer_basis")), (Long) rs.getObject("writer_basis_id"),
                            rs.getString("category")).assignedTo(rs.getLong("owner_id"));
                    String what = readable(chair, provenance, rs.getString("what"), rs.getString("party"), chairParty);
                    items.add(new AccessOverview.Item("Actie " + rs.getString("name"),
                            what + "; door " + rs.getString("owner") + ", uiterlijk " + DutchDates.DATE.format(rs.getDate("due_on").toLocalDate())
                                    + (rs.getDate("done_on") == null ? "" : "; gedaan op " + DutchDates.DATE.format(rs.getDate("done_on").toLocalDate())),
                            rs.getString("party")));
                }
            }
            return items;
        });
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

    private interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, long pupilId, Row<T> row) {
        return jdbc.prepareStatement(sql, st -> {
            st.setLong(1, pupilId);
            List<T> items = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    items.add(row.map(rs));
                }
            }
            return items;
        });
    }

    private static String stamp(Timestamp at) {
        return DutchDates.DATE_TIME.format(at.toInstant());
    }

    private static String optional(String prefix, String value) {
        return value == null || value.isBlank() ? "" : prefix + value;
    }
}
