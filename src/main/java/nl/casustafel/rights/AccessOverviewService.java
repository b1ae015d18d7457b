package nl.casustafel.rights;

import nl.casustafel.platform.DutchDates;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.casustafel.absence.AbsenceKind;
import nl.casustafel.account.Viewer;
import nl.casustafel.platform.InvalidInputException;
import nl.casustafel.privacy.ContentViewer;
import nl.casustafel.privacy.PupilReader;
import nl.casustafel.privacy.PupilView;

import java.sql.Array;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
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
 * is case content the kernel's content decision withholds from the chair ({@link OverviewContent}).
 */
@Singleton
public class AccessOverviewService {

    static final String PURPOSE = "inzageverzoek";

    private final DataSubjectRequestService requests;
    private final PupilReader reader;
    private final JdbcOperations jdbc;
    private final Clock clock;
    private final OverviewContent content;
    private final ResourceBundle labels = ResourceBundle.getBundle("vaadin-i18n/translations", Locale.of("nl", "NL"));

    AccessOverviewService(DataSubjectRequestService requests, PupilReader reader, JdbcOperations jdbc, Clock clock,
                          OverviewContent content) {
        this.content = content;
        this.requests = requests;
        this.reader = reader;
        this.jdbc = jdbc;
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
        String[] school = one("""
                SELECT s.name, s.brin, b.name, p.school_year, p.enrolled_on, p.enrolled_until
                  FROM pupil p JOIN school s ON s.id = p.school_id JOIN party b ON b.id = s.board_party_id WHERE p.id = ?
                """, id, rs -> new String[]{rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                date(rs.getDate(5)), date(rs.getDate(6))});
        String source = school[2];
        String withheld = "vastgelegd, maar niet zichtbaar voor " + viewer.partyName() + " onder het convenant; op te vragen bij " + source;
        items.add(new AccessOverview.Item("Naam", pupil.name(), source));
        items.add(new AccessOverview.Item("Geboortedatum", pupil.birthDate() != null ? DutchDates.DATE.format(pupil.birthDate()) : withheld, source));
        items.add(new AccessOverview.Item("BSN", pupil.bsn() != null ? pupil.bsn() : withheld, source));
        items.add(new AccessOverview.Item("Adres", pupil.address() != null ? pupil.address() : withheld, source));
        items.add(new AccessOverview.Item("Woonplaats (gemeente)", pupil.residence() != null ? pupil.residence() : withheld, source));
        items.add(new AccessOverview.Item("School", school[0] + " (" + school[1] + ")", source));
        items.add(new AccessOverview.Item("Leerjaar", school[3], source));
        items.add(new AccessOverview.Item("Ingeschreven", "vanaf " + school[4] + (school[5] != null ? " tot " + school[5] : ""), source));
        return section("identity", "Identiteit, school en inschrijving", items);
    }

    private List<AccessOverview.Item> duoReports(long id) {
        return items("""
                SELECT d.*, s.name AS school, pa.name AS party FROM duo_report d JOIN school s ON s.id = d.school_id
                  JOIN user_account u ON u.id = d.recorded_by JOIN party pa ON pa.id = u.party_id
                 WHERE d.pupil_id = ? ORDER BY d.reported_on, d.id
                """, id, rs -> new AccessOverview.Item("Verzuimmelding van " + date(rs.getDate("reported_on")),
                label("duoKind." + rs.getString("kind")) + ", kenmerk " + rs.getString("duo_reference") + ", gemeld door "
                        + rs.getString("school") + (rs.getDate("closed_on") == null ? ""
                        : "; afgesloten op " + date(rs.getDate("closed_on")) + optional(": ", rs.getString("close_reason"))),
                rs.getString("party")));
    }

    private List<AccessOverview.Item> consents(long id) {
        return items("""
                SELECT c.*, tp.name AS to_party, rp.name AS party FROM consent c JOIN party tp ON tp.id = c.party_id
                  JOIN user_account u ON u.id = c.recorded_by JOIN party rp ON rp.id = u.party_id
                 WHERE c.pupil_id = ? ORDER BY c.given_on, c.id
                """, id, rs -> {
            List<String> givers = new ArrayList<>();
            if (rs.getBoolean("given_by_pupil")) {
                givers.add("de leerling");
            }
            if (rs.getBoolean("given_by_parent")) {
                givers.add("de ouder" + optional(" ", rs.getString("parent_name")));
            }
            Array categories = rs.getArray("categories");
            String value = "aan " + rs.getString("to_party") + " voor " + label("meetingType." + rs.getString("purpose"))
                    + optional(" (hulpvraag: ", rs.getString("hulpvraag"), ")")
                    + "; gegevens: " + String.join(", ", Arrays.stream((String[]) categories.getArray()).map(c -> label("category." + c)).toList())
                    + "; gegeven door " + String.join(" en ", givers)
                    + ("WRITTEN".equals(rs.getString("method")) ? ", schriftelijk" : ", mondeling in het overleg")
                    + optional("; geldig tot ", date(rs.getDate("valid_until")))
                    + optional("; ingetrokken op ", date(rs.getDate("withdrawn_on")));
            return new AccessOverview.Item("Toestemming van " + date(rs.getDate("given_on")), value, rs.getString("party"));
        });
    }

    private List<AccessOverview.Item> notifications(long id) {
        return items("""
                SELECT n.notified_on, n.purpose, n.note, np.name AS party, string_agg(pp.name, ', ' ORDER BY pp.name) AS parties
                  FROM parent_notification n JOIN party np ON np.id = n.notifying_party_id
                  LEFT JOIN parent_notification_party x ON x.notification_id = n.id LEFT JOIN party pp ON pp.id = x.party_id
                 WHERE n.pupil_id = ? GROUP BY n.id, np.name ORDER BY n.notified_on, n.id
                """, id, rs -> new AccessOverview.Item("Ouders ingelicht op " + date(rs.getDate("notified_on")),
                "over bespreking in het " + label("meetingType." + rs.getString("purpose"))
                        + optional(" met ", rs.getString("parties")) + optional("; ", rs.getString("note")),
                rs.getString("party")));
    }

    private List<AccessOverview.Item> tables(long id) {
        return items("""
                SELECT ms.name, sc.alias_number, sc.reason, sc.hulpvraag, sc.added_at, pa.name AS party
                  FROM series_case sc JOIN meeting_series ms ON ms.id = sc.series_id
                  JOIN user_account u ON u.id = sc.added_by JOIN party pa ON pa.id = u.party_id
                 WHERE sc.pupil_id = ? ORDER BY sc.added_at, ms.id
                """, id, rs -> new AccessOverview.Item(rs.getString("name"),
                "op de casuslijst sinds " + stamp(rs.getTimestamp("added_at")) + " als Leerling " + rs.getInt("alias_number")
                        + optional("; reden: ", rs.getString("reason")) + optional("; hulpvraag: ", rs.getString("hulpvraag")),
                rs.getString("party")));
    }

    private List<AccessOverview.Item> absence(long id) {
        List<AccessOverview.Item> items = new ArrayList<>(items("""
                SELECT to_char(r.absence_date, 'YYYY-MM') AS month, r.kind, sum(r.hours) AS hours, count(*) AS records,
                       min(r.hour_unit) AS unit, b.name AS party
                  FROM absence_record r JOIN school s ON s.id = r.school_id JOIN party b ON b.id = s.board_party_id
                 WHERE r.pupil_id = ? GROUP BY 1, 2, 6 ORDER BY 1, 2
                """, id, rs -> new AccessOverview.Item(rs.getString("month") + " " + AbsenceKind.valueOf(rs.getString("kind")).label(),
                rs.getBigDecimal("hours").stripTrailingZeros().toPlainString()
                        + ("CLOCK_HOUR".equals(rs.getString("unit")) ? " klokuur" : " lesuur") + " in " + rs.getLong("records") + " registratie(s)",
                rs.getString("party"))));
        items.addAll(items("""
                SELECT f.*, pa.name AS party FROM absence_figure f
                  JOIN user_account u ON u.id = f.updated_by JOIN party pa ON pa.id = u.party_id WHERE f.pupil_id = ?
                """, id, rs -> new AccessOverview.Item("Verzuimcijfers (handmatig, " + stamp(rs.getTimestamp("updated_at")) + ")",
                rs.getBigDecimal("unauthorised_hours_4_weeks").stripTrailingZeros().toPlainString() + " uur ongeoorloofd in 4 weken, "
                        + rs.getInt("sick_reports_12_weeks") + " ziekmeldingen in 12 weken, " + rs.getInt("late_arrivals") + " keer te laat",
                rs.getString("party"))));
        return items;
    }

    private List<AccessOverview.Item> closing(long id) {
        return items("""
                SELECT d.*, pa.name AS party FROM closing_decision d JOIN party pa ON pa.id = d.decided_by_party
                 WHERE d.pupil_id = ? ORDER BY d.recorded_at
                """, id, rs -> new AccessOverview.Item("Afsluitbesluit van " + date(rs.getDate("decided_on")),
                label("closingReason." + rs.getString("reason")) + "; vernietiging uiterlijk " + date(rs.getDate("destroy_on"))
                        + (rs.getTimestamp("withdrawn_at") == null ? "" : "; heropend op " + stamp(rs.getTimestamp("withdrawn_at"))),
                rs.getString("party")));
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
        return jdbc.prepareStatement("""
                SELECT l.at, l.username, u.display_name, p.name AS party, l.context, l.basis_kind, l.basis_id
                  FROM access_log l JOIN party p ON p.id = l.party_id LEFT JOIN user_account u ON u.id = l.user_id
                 WHERE l.pupil_id = ? ORDER BY l.id
                """, st -> {
            st.setLong(1, id);
            return collect(st, rs -> new AccessOverview.LogEntry(rs.getTimestamp("at").toInstant(), rs.getString("username"),
                    rs.getString("display_name"), rs.getString("party"), rs.getString("context"),
                    label("basis." + rs.getString("basis_kind")) + optional(" #", rs.getString("basis_id"))));
        });
    }

    private interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private List<AccessOverview.Item> items(String sql, long pupilId, Row<AccessOverview.Item> row) {
        return jdbc.prepareStatement(sql, st -> {
            st.setLong(1, pupilId);
            return collect(st, row);
        });
    }

    private <T> T one(String sql, long pupilId, Row<T> row) {
        return jdbc.prepareStatement(sql, st -> {
            st.setLong(1, pupilId);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return row.map(rs);
            }
        });
    }

    private static <T> List<T> collect(PreparedStatement st, Row<T> row) throws SQLException {
        List<T> list = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                list.add(row.map(rs));
            }
        }
        return list;
    }

    private String label(String key) {
        try {
            return labels.getString(key);
        } catch (MissingResourceException e) {
            return key.substring(key.indexOf('.') + 1);
        }
    }

    private static String date(Date date) {
        return date == null ? null : DutchDates.DATE.format(date.toLocalDate());
    }

    private static String stamp(Timestamp at) {
        return at == null ? "" : DutchDates.DATE_TIME.format(at.toInstant());
    }

    private static String optional(String prefix, String value) {
        return value == null || value.isBlank() ? "" : prefix + value;
    }

    private static String optional(String prefix, String value, String suffix) {
        return value == null || value.isBlank() ? "" : prefix + value + suffix;
    }
}
