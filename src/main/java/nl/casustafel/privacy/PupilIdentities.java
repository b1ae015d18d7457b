package nl.casustafel.privacy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The one way into the identity table from outside the kernel: recording who a new pupil is, and finding
 * a pupil by BSN (for a source that names pupils by BSN, such as the demo region or a school's absence
 * export), finding the own school's pupils by name, and destroying an identity when a file is destroyed. It
 * answers pupil ids and blind indexes, never an identity; reading identity goes through {@link PupilReader}. {@code ArchitectureTest} keeps the
 * identity classes reachable only from this package.
 */
@Singleton
public class PupilIdentities {

    private final PupilIdentityRepository identities;
    private final JdbcOperations jdbc;

    PupilIdentities(PupilIdentityRepository identities, JdbcOperations jdbc) {
        this.identities = identities;
        this.jdbc = jdbc;
    }

    /** Records who the pupil {@code pupilId} (already saved) is. */
    public void record(long pupilId, String givenName, String familyName, LocalDate birthDate, String bsn,
                       String streetAddress, String postalCode, long residenceMunicipalityId) {
        identities.saveWithBsn(new PupilIdentity(pupilId, givenName, familyName, birthDate, null, null, streetAddress,
                postalCode, residenceMunicipalityId), bsn);
    }

    /** The pupil with this BSN, if there is one. */
    public Optional<Long> pupilWithBsn(String bsn) {
        return identities.findByBsn(bsn).map(PupilIdentity::pupilId);
    }

    /**
     * The pupils of these schools whose name contains {@code namePattern} (a lower-case SQL {@code LIKE}
     * pattern; null for all), in a school year if given, ordered by family name: ids only, for a school's
     * own staff to read through {@link PupilReader}, which decides and logs what each sees.
     */
    public List<Long> ofSchoolsByName(Collection<Long> schoolIds, @Nullable String namePattern, @Nullable Integer schoolYear,
                                      int limit) {
        return ofSchoolsByName(schoolIds, namePattern, schoolYear, limit, 0);
    }

    /** As {@link #ofSchoolsByName(Collection, String, Integer, int)}, one page of them: {@code limit} from {@code offset}. */
    public List<Long> ofSchoolsByName(Collection<Long> schoolIds, @Nullable String namePattern, @Nullable Integer schoolYear,
                                      int limit, long offset) {
        // the names are looked up per pupil of the schools (scalar sub-selects: one primary-key probe each), never by
        // joining or scanning all identities of the region, which the planner preferred for a page of a large school
        // (bench/region: 0.5 s for page 31 of a school of 1,939 among 100,000 pupils)
        return jdbc.prepareStatement(OF_SCHOOLS_BY_NAME.formatted("p.id") + """
                 ORDER BY (SELECT i.family_name FROM pupil_identity i WHERE i.pupil_id = p.id),
                          (SELECT i.given_name FROM pupil_identity i WHERE i.pupil_id = p.id), p.id
                 LIMIT ? OFFSET ?
                """, statement -> {
            bindOfSchoolsByName(statement, schoolIds, namePattern, schoolYear);
            statement.setInt(6, limit);
            statement.setLong(7, offset);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        });
    }

    /** How many pupils {@link #ofSchoolsByName} would give without a limit. Only the kernel tells this to a viewer. */
    long countOfSchoolsByName(Collection<Long> schoolIds, @Nullable String namePattern, @Nullable Integer schoolYear) {
        return jdbc.prepareStatement(OF_SCHOOLS_BY_NAME.formatted("count(*)"), statement -> {
            bindOfSchoolsByName(statement, schoolIds, namePattern, schoolYear);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** A pupil's label as its own school sees it (given and family name) and its school year (leerjaar). */
    record Labelled(long pupilId, String label, int schoolYear) {
    }

    /** Of these pupils, those enrolled at one of these schools, with label and school year. Only the kernel uses this. */
    List<Labelled> labelledOfSchools(Collection<Long> schoolIds, Collection<Long> pupilIds) {
        if (schoolIds.isEmpty() || pupilIds.isEmpty()) {
            return List.of();
        }
        return jdbc.prepareStatement("""
                SELECT p.id, i.given_name || ' ' || i.family_name, p.school_year
                  FROM pupil p JOIN pupil_identity i ON i.pupil_id = p.id
                 WHERE p.id = ANY (?) AND p.school_id = ANY (?)
                """, statement -> {
            statement.setArray(1, statement.getConnection().createArrayOf("bigint", pupilIds.toArray()));
            statement.setArray(2, statement.getConnection().createArrayOf("bigint", schoolIds.toArray()));
            List<Labelled> labelled = new ArrayList<>(pupilIds.size());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    labelled.add(new Labelled(rs.getLong(1), rs.getString(2), rs.getInt(3)));
                }
            }
            return labelled;
        });
    }

    private static final String OF_SCHOOLS_BY_NAME = """
            SELECT %s FROM pupil p
             WHERE p.school_id = ANY (?)
               AND (?::text IS NULL OR (SELECT lower(i.given_name || ' ' || i.family_name) FROM pupil_identity i WHERE i.pupil_id = p.id) LIKE ?)
               AND (?::int IS NULL OR p.school_year = ?)
               AND (SELECT true FROM pupil_identity i WHERE i.pupil_id = p.id)
            """;

    private static void bindOfSchoolsByName(java.sql.PreparedStatement statement, Collection<Long> schoolIds, @Nullable String namePattern,
                                            @Nullable Integer schoolYear) throws java.sql.SQLException {
        statement.setArray(1, statement.getConnection().createArrayOf("bigint", schoolIds.toArray()));
        statement.setString(2, namePattern);
        statement.setString(3, namePattern);
        statement.setObject(4, schoolYear, Types.INTEGER);
        statement.setObject(5, schoolYear, Types.INTEGER);
    }

    /** A pupil of a school with the blind index of its BSN, for matching a source that names pupils by BSN. */
    public record IndexedPupil(long pupilId, long schoolId, LocalDate enrolledOn, @Nullable LocalDate enrolledUntil, byte[] bsnIndex) {
    }

    /**
     * Every pupil of these schools with its BSN's blind index (see {@link BsnCipher#index(String)}), streamed
     * to {@code sink}: a school's absence export names its pupils by BSN. Never the BSN itself.
     */
    public void forEachIndexed(Collection<Long> schoolIds, Consumer<IndexedPupil> sink) {
        jdbc.prepareStatement("""
                SELECT p.id, p.school_id, p.enrolled_on, p.enrolled_until, i.bsn_index
                  FROM pupil p JOIN pupil_identity i ON i.pupil_id = p.id
                 WHERE p.school_id = ANY (?)
                """, statement -> {
            statement.setArray(1, statement.getConnection().createArrayOf("bigint", schoolIds.toArray()));
            statement.setFetchSize(5000);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Date until = rs.getDate("enrolled_until");
                    sink.accept(new IndexedPupil(rs.getLong("id"), rs.getLong("school_id"), rs.getDate("enrolled_on").toLocalDate(),
                            until == null ? null : until.toLocalDate(), rs.getBytes("bsn_index")));
                }
            }
            return null;
        });
    }

    /** Destroys who the pupil was, as part of destroying its file (retention): the identity row goes. */
    public void destroy(long pupilId) {
        identities.deleteById(pupilId);
    }

    /** An identity field the school provided, as a data subject may have it rectified (art. 16 AVG). */
    public enum RectifiableField {
        GIVEN_NAME("Voornaam", "given_name", 100, nl.casustafel.covenant.PupilField.NAME),
        FAMILY_NAME("Achternaam", "family_name", 100, nl.casustafel.covenant.PupilField.NAME),
        BIRTH_DATE("Geboortedatum", "birth_date", 10, nl.casustafel.covenant.PupilField.BIRTH_DATE),
        ADDRESS("Adres (straat en huisnummer)", "street_address", 200, nl.casustafel.covenant.PupilField.ADDRESS),
        POSTAL_CODE("Postcode", "postal_code", 7, nl.casustafel.covenant.PupilField.ADDRESS);

        private final String label;
        private final String column;
        private final int maxLength;
        private final nl.casustafel.covenant.PupilField shownAs;

        RectifiableField(String label, String column, int maxLength, nl.casustafel.covenant.PupilField shownAs) {
            this.label = label;
            this.column = column;
            this.maxLength = maxLength;
            this.shownAs = shownAs;
        }

        public String label() {
            return label;
        }

        /** The field of the disclosure decision under which a viewer sees this datum. */
        public nl.casustafel.covenant.PupilField shownAs() {
            return shownAs;
        }
    }

    /**
     * Checks a corrected value for a field: the Dutch message names the rule broken (400 on {@code value}).
     * Answers the value as it will be stored.
     */
    public static Object validated(RectifiableField field, @Nullable String value) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            throw new nl.casustafel.platform.InvalidInputException("value", "Vul de juiste waarde in voor " + field.label().toLowerCase(java.util.Locale.ROOT) + ".");
        }
        if (v.length() > field.maxLength || v.chars().anyMatch(Character::isISOControl)) {
            throw new nl.casustafel.platform.InvalidInputException("value", "De waarde voor " + field.label().toLowerCase(java.util.Locale.ROOT)
                    + " is te lang of bevat ongeldige tekens; ten hoogste " + field.maxLength + " tekens.");
        }
        return switch (field) {
            case BIRTH_DATE -> {
                try {
                    LocalDate date = LocalDate.parse(v);
                    if (date.isAfter(LocalDate.now()) || date.isBefore(LocalDate.of(1990, 1, 1))) {
                        throw new nl.casustafel.platform.InvalidInputException("value", "De geboortedatum ligt niet in een mogelijke periode.");
                    }
                    yield date;
                } catch (java.time.format.DateTimeParseException e) {
                    throw new nl.casustafel.platform.InvalidInputException("value", "Vul de geboortedatum in als jjjj-mm-dd, bijvoorbeeld 2012-03-31.");
                }
            }
            case POSTAL_CODE -> {
                String code = v.toUpperCase(java.util.Locale.ROOT).replace(" ", "");
                if (!code.matches("[1-9][0-9]{3}[A-Z]{2}")) {
                    throw new nl.casustafel.platform.InvalidInputException("value", "Vul een Nederlandse postcode in, bijvoorbeeld 1234 AB.");
                }
                yield code.substring(0, 4) + " " + code.substring(4);
            }
            default -> v;
        };
    }

    /**
     * Rectifies one identity field of a pupil (art. 16 AVG) in place: the old value is overwritten and kept
     * nowhere. The caller records who did it for which request and informs the school that provided it.
     */
    public void rectify(long pupilId, RectifiableField field, @Nullable String value) {
        Object stored = validated(field, value);
        int updated = jdbc.prepareStatement("UPDATE pupil_identity SET " + field.column + " = ? WHERE pupil_id = ?", statement -> {
            statement.setObject(1, stored);
            statement.setLong(2, pupilId);
            return statement.executeUpdate();
        });
        if (updated != 1) {
            throw new IllegalStateException("no identity for pupil " + pupilId);
        }
    }
}
