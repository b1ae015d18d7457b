package nl.casustafel.meeting;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.model.PersistentProperty;
import io.micronaut.data.model.runtime.RuntimePersistentEntity;
import jakarta.inject.Singleton;
import nl.casustafel.covenant.PartyType;
import nl.casustafel.platform.NotFoundException;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A meeting with everything the agenda and the meeting screen show of it, in one statement (issue 14):
 * the meeting and its table, who sits at the table, the agenda items, their notes (with author and party),
 * the actions agreed in the meeting and the table's open actions (with owner and the start of the meeting
 * they were agreed in). Nothing here depends on who asks, so live screens share one read; what each viewer
 * may see of it is decided afterwards, per viewer, through the privacy kernel. No pupil data is read here.
 */
@Singleton
class MeetingReads {

    /** A note with its author's name and party, as read with it. */
    record NoteRow(AgendaNote note, String author, String partyName, @Nullable PartyType partyType) {
    }

    /** A party as a withheld notice names it. */
    record PartyRef(String name, @Nullable PartyType type) {
    }

    /** An action with its owner's name and the start of the meeting it was agreed in. */
    record ActionRow(MeetingAction action, String owner, Instant agreedAt) {
    }

    /** One read of a meeting: items by position, notes by id per item, actions agreed here by id, the table's open actions by due date. */
    record Bundle(Meeting meeting, MeetingSeries table, Set<Long> participants, List<AgendaItem> items,
                  Map<Long, PartyRef> outcomeParties, Map<Long, List<NoteRow>> notesByItem, List<ActionRow> agreedHere, List<ActionRow> openAtTable) {

        boolean sitsAt(long userId) {
            return participants.contains(userId);
        }

        /** The pupils the agenda and the actions concern, agenda first. */
        List<Long> pupilIds() {
            Set<Long> ids = new LinkedHashSet<>();
            items.forEach(i -> ids.add(i.pupilId()));
            Stream.concat(agreedHere.stream(), openAtTable.stream()).map(r -> r.action().pupilId())
                    .filter(java.util.Objects::nonNull).forEach(ids::add);
            return List.copyOf(ids);
        }

        @Nullable PartyRef outcomePartyOf(long itemId) {
            return outcomeParties.get(itemId);
        }

        List<NoteRow> notesOf(long itemId) {
            return notesByItem.getOrDefault(itemId, List.of());
        }
    }

    private final JdbcOperations jdbc;
    private final String sql;

    MeetingReads(JdbcOperations jdbc) {
        this.jdbc = jdbc;
        this.sql = sql();
    }

    /** The meeting and all it shows; 404 when there is no such meeting. Who may see it is the caller's check. */
    Bundle read(long meetingId) {
        return jdbc.prepareStatement(sql, statement -> {
            for (int i = 1; i <= 5; i++) {
                statement.setLong(i, meetingId);
            }
            Meeting meeting = null;
            MeetingSeries table = null;
            Set<Long> participants = Set.of();
            List<AgendaItem> items = new ArrayList<>();
            Map<Long, PartyRef> outcomeParties = new HashMap<>();
            List<NoteRow> notes = new ArrayList<>();
            List<ActionRow> actions = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    switch (rs.getString("x_kind")) {
                        case "M" -> {
                            meeting = jdbc.readEntity("m_", rs, Meeting.class);
                            table = jdbc.readEntity("s_", rs, MeetingSeries.class);
                            participants = Set.copyOf(Arrays.asList((Long[]) ((Array) rs.getArray("x_participants")).getArray()));
                        }
                        case "I" -> {
                            AgendaItem item = jdbc.readEntity("i_", rs, AgendaItem.class);
                            items.add(item);
                            if (rs.getString("x_party_type") != null) {
                                outcomeParties.put(item.id(), new PartyRef(rs.getString("x_party_name"),
                                        PartyType.valueOf(rs.getString("x_party_type"))));
                            }
                        }
                        case "N" -> notes.add(new NoteRow(jdbc.readEntity("n_", rs, AgendaNote.class), orUnknown(rs.getString("x_person")),
                                orUnknown(rs.getString("x_party_name")),
                                rs.getString("x_party_type") == null ? null : PartyType.valueOf(rs.getString("x_party_type"))));
                        case "A" -> {
                            Timestamp agreedAt = rs.getTimestamp("x_starts_at");
                            actions.add(new ActionRow(jdbc.readEntity("a_", rs, MeetingAction.class), orUnknown(rs.getString("x_person")),
                                    agreedAt.toInstant()));
                        }
                        default -> throw new IllegalStateException("Unknown row kind");
                    }
                }
            }
            if (meeting == null) {
                throw new NotFoundException();
            }
            items.sort(Comparator.comparingInt(AgendaItem::position).thenComparing(AgendaItem::id));
            notes.sort(Comparator.comparing(n -> n.note().id()));
            Map<Long, List<NoteRow>> byItem = new HashMap<>();
            notes.forEach(n -> byItem.computeIfAbsent(n.note().itemId(), k -> new ArrayList<>()).add(n));
            List<ActionRow> agreedHere = actions.stream().filter(a -> a.action().meetingId() == meetingId)
                    .sorted(Comparator.comparing(a -> a.action().id())).toList();
            List<ActionRow> open = actions.stream().filter(a -> a.action().open())
                    .sorted(Comparator.comparing((ActionRow a) -> a.action().dueOn()).thenComparing(a -> a.action().id())).toList();
            return new Bundle(meeting, table, participants, List.copyOf(items), outcomeParties, byItem, agreedHere, open);
        });
    }

    private static String orUnknown(@Nullable String name) {
        return name == null ? "?" : name;
    }

    /**
     * Five kinds of rows in one UNION ALL, told apart by {@code x_kind}; every branch has the columns of all five
     * tables (prefixed), those of the other kinds from a join on false, so every column keeps its type.
     */
    private static String sql() {
        String columns = String.join(", ", columns("m", Meeting.class), columns("s", MeetingSeries.class),
                columns("i", AgendaItem.class), columns("n", AgendaNote.class), columns("a", MeetingAction.class));
        return """
                SELECT 'M' AS x_kind, %1$s,
                       ARRAY(SELECT sp.user_id FROM series_participant sp WHERE sp.series_id = s.id)::bigint[] AS x_participants,
                       NULL::text AS x_person, NULL::text AS x_party_name, NULL::text AS x_party_type, NULL::timestamptz AS x_starts_at
                  FROM meeting m JOIN meeting_series s ON s.id = m.series_id
                  LEFT JOIN agenda_item i ON false LEFT JOIN agenda_note n ON false LEFT JOIN meeting_action a ON false
                 WHERE m.id = ?
                UNION ALL
                SELECT 'I', %1$s, NULL, NULL, op.name, op.type, NULL
                  FROM agenda_item i LEFT JOIN party op ON op.id = i.outcome_party_id LEFT JOIN meeting m ON false LEFT JOIN meeting_series s ON false
                  LEFT JOIN agenda_note n ON false LEFT JOIN meeting_action a ON false
                 WHERE i.meeting_id = ?
                UNION ALL
                SELECT 'N', %1$s, NULL, u.display_name, p.name, p.type, NULL
                  FROM agenda_note n JOIN agenda_item i ON i.id = n.item_id
                  LEFT JOIN user_account u ON u.id = n.author_id LEFT JOIN party p ON p.id = n.author_party_id
                  LEFT JOIN meeting m ON false LEFT JOIN meeting_series s ON false LEFT JOIN meeting_action a ON false
                 WHERE i.meeting_id = ?
                UNION ALL
                SELECT 'A', %1$s, NULL, u.display_name, NULL, NULL, am.starts_at
                  FROM meeting_action a JOIN meeting am ON am.id = a.meeting_id
                  LEFT JOIN user_account u ON u.id = a.owner_id
                  LEFT JOIN meeting m ON false LEFT JOIN meeting_series s ON false
                  LEFT JOIN agenda_item i ON false LEFT JOIN agenda_note n ON false
                 WHERE a.meeting_id = ?
                    OR (a.done_on IS NULL AND a.series_id = (SELECT series_id FROM meeting WHERE id = ?))
                """.formatted(columns);
    }

    /** {@code alias.column AS alias_column} for every stored property of the entity. */
    private static String columns(String alias, Class<?> entity) {
        RuntimePersistentEntity<?> persistent = new RuntimePersistentEntity<>(entity);
        List<PersistentProperty> properties = new ArrayList<>();
        if (persistent.getIdentity() != null) {
            properties.add(persistent.getIdentity());
        }
        properties.addAll(persistent.getPersistentProperties());
        if (persistent.getVersion() != null && !properties.contains(persistent.getVersion())) {
            properties.add(persistent.getVersion());
        }
        return properties.stream().map(PersistentProperty::getPersistedName).distinct()
                .map(column -> alias + "." + column + " AS " + alias + "_" + column)
                .collect(Collectors.joining(", "));
    }
}
