package nl.casustafel.pupil;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.casustafel.account.Viewer;
import nl.casustafel.privacy.DisclosureDecision;
import nl.casustafel.privacy.DisclosurePolicy;
import nl.casustafel.privacy.PupilFacts;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Lists and looks up pupils as the viewer may see them; every row passes the disclosure policy. */
@Singleton
public class PupilService {

    private static final String SELECT = """
            SELECT p.id, p.school_id, s.name AS school_name, p.school_year,
                   i.given_name, i.family_name, i.birth_date, i.residence_municipality_id
              FROM pupil p
              JOIN school s ON s.id = p.school_id
              JOIN pupil_identity i ON i.pupil_id = p.id
            """;
    private static final int LIST_LIMIT = 500;

    private final JdbcOperations jdbc;
    private final DisclosurePolicy policy;

    public PupilService(JdbcOperations jdbc, DisclosurePolicy policy) {
        this.jdbc = jdbc;
        this.policy = policy;
    }

    /** The pupils of the viewer's own schools, filtered by name and school year. */
    @Transactional(readOnly = true)
    public List<PupilListItem> listOwnSchools(Viewer viewer, PupilSearch search) {
        if (viewer.schoolIds().isEmpty()) {
            return List.of();
        }
        String sql = SELECT + """
                 WHERE p.school_id = ANY (?)
                   AND (?::text IS NULL OR lower(i.given_name || ' ' || i.family_name) LIKE ?)
                   AND (?::int IS NULL OR p.school_year = ?)
                 ORDER BY i.family_name, i.given_name, p.id
                 LIMIT %d
                """.formatted(LIST_LIMIT);
        return jdbc.prepareStatement(sql, statement -> {
            statement.setArray(1, statement.getConnection().createArrayOf("bigint", viewer.schoolIds().toArray()));
            String pattern = search.namePattern();
            statement.setString(2, pattern);
            statement.setString(3, pattern);
            setNullableInt(statement, 4, search.schoolYear());
            setNullableInt(statement, 5, search.schoolYear());
            return visibleRows(viewer, statement);
        });
    }

    /** One pupil as the viewer may see it; empty when the viewer may not see it at all. */
    @Transactional(readOnly = true)
    public Optional<PupilListItem> find(Viewer viewer, long pupilId) {
        return jdbc.prepareStatement(SELECT + " WHERE p.id = ?", statement -> {
            statement.setLong(1, pupilId);
            return visibleRows(viewer, statement).stream().findFirst();
        });
    }

    private List<PupilListItem> visibleRows(Viewer viewer, PreparedStatement statement) throws SQLException {
        List<PupilListItem> items = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                PupilFacts facts = new PupilFacts(rs.getLong("id"), rs.getLong("school_id"), rs.getLong("residence_municipality_id"));
                DisclosureDecision decision = policy.decide(viewer, facts);
                if (decision.visible()) {
                    items.add(toItem(rs, decision));
                }
            }
        }
        return items;
    }

    private static PupilListItem toItem(ResultSet rs, DisclosureDecision decision) throws SQLException {
        boolean identified = decision.identified();
        Date birth = rs.getDate("birth_date");
        return new PupilListItem(rs.getLong("id"), rs.getLong("school_id"), rs.getString("school_name"),
                rs.getInt("school_year"), decision.disclosure(),
                identified ? rs.getString("given_name") + " " + rs.getString("family_name") : null,
                identified ? birth.toLocalDate() : null);
    }

    private static void setNullableInt(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, java.sql.Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }
}
