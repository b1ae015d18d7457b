package nl.casustafel.pupil;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.casustafel.account.Viewer;
import nl.casustafel.meeting.MeetingSeries;
import nl.casustafel.meeting.MeetingSeriesRepository;
import nl.casustafel.meeting.MeetingTables;
import nl.casustafel.privacy.PupilReader;
import nl.casustafel.privacy.PupilView;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds pupils for a viewer; what the viewer sees of each is decided by the privacy kernel. */
@Singleton
public class PupilService {

    private static final int LIST_LIMIT = 500;

    private final JdbcOperations jdbc;
    private final PupilReader reader;
    private final MeetingTables tables;
    private final MeetingSeriesRepository series;

    public PupilService(JdbcOperations jdbc, PupilReader reader, MeetingTables tables, MeetingSeriesRepository series) {
        this.jdbc = jdbc;
        this.reader = reader;
        this.tables = tables;
        this.series = series;
    }

    /** The pupils of the viewer's own schools, filtered by name and school year. */
    @Transactional
    public List<PupilView> listOwnSchools(Viewer viewer, PupilSearch search) {
        if (viewer.schoolIds().isEmpty()) {
            return List.of();
        }
        List<Long> ids = jdbc.prepareStatement("""
                SELECT p.id FROM pupil p JOIN pupil_identity i ON i.pupil_id = p.id
                 WHERE p.school_id = ANY (?)
                   AND (?::text IS NULL OR lower(i.given_name || ' ' || i.family_name) LIKE ?)
                   AND (?::int IS NULL OR p.school_year = ?)
                 ORDER BY i.family_name, i.given_name, p.id
                 LIMIT %d
                """.formatted(LIST_LIMIT), statement -> {
            statement.setArray(1, statement.getConnection().createArrayOf("bigint", viewer.schoolIds().toArray()));
            String pattern = search.namePattern();
            statement.setString(2, pattern);
            statement.setString(3, pattern);
            setNullableInt(statement, 4, search.schoolYear());
            setNullableInt(statement, 5, search.schoolYear());
            return ids(statement);
        });
        return reader.read(viewer, ids, null, "leerlingenlijst");
    }

    /** Per table the viewer sits at, its case list, each pupil as the viewer may see it there. */
    @Transactional
    public List<PupilView> atMyTables(Viewer viewer) {
        List<PupilView> views = new ArrayList<>();
        for (MeetingSeries table : series.findByParticipant(viewer.userId())) {
            views.addAll(reader.read(viewer, tables.pupilsAt(table.id()), table.id(), "aan tafel"));
        }
        return views;
    }

    /**
     * One pupil as the viewer may see it, by a reference from outside: its handle at a table, or its
     * number for a viewer who sees it by name (see {@link PupilReader#read(Viewer, String, Long, String)});
     * empty otherwise.
     */
    @Transactional
    public Optional<PupilView> find(Viewer viewer, String ref, @Nullable Long seriesId, String where) {
        return reader.read(viewer, ref, seriesId, where);
    }

    private static List<Long> ids(PreparedStatement statement) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    private static void setNullableInt(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, java.sql.Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }
}
