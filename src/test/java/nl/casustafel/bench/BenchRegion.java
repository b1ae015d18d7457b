package nl.casustafel.bench;

import io.micronaut.transaction.TransactionOperations;
import nl.casustafel.account.Viewer;
import nl.casustafel.privacy.BsnCipher;
import org.postgresql.PGConnection;

import java.io.Reader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/**
 * The generated benchmark region the region-scale benches share (not a test): schools with BRIN codes starting
 * with 6 in municipalities GM80xx, their pupils with identities, a thuiszitterstafel and DUO reports, all by SQL,
 * optionally 500-odd user accounts, and the absence records sent with COPY. Used by {@link MonitoringBench} and
 * {@link RegionBench} on a throw-away database.
 */
final class BenchRegion {

    private BenchRegion() {
    }

    /** Family names of the generated pupils, so that a search by part of a name finds a realistic share. */
    private static final String FAMILY_NAMES = "ARRAY['Jansen','de Vries','van den Berg','van Dijk','Bakker','Janssen','Visser','Smit',"
            + "'Meijer','de Boer','Mulder','de Groot','Bos','Vos','Peters','Hendriks','van Leeuwen','Dekker','Brouwer','de Wit','Dijkstra',"
            + "'Smits','de Graaf','van der Meer','van der Linden','Kok','Jacobs','de Haan','Vermeulen','van den Heuvel','van der Veen',"
            + "'van den Broek','de Bruijn','de Jong','van der Heijden','Schouten','Willems','van Vliet','Hoekstra','Maas']";
    private static final String GIVEN_NAMES = "ARRAY['Noor','Daan','Sanne','Milan','Fleur','Thijs','Lotte','Bram','Emma','Sem','Julia','Lucas',"
            + "'Mila','Finn','Tess','Levi','Sara','Luuk','Zoë','Jesse']";

    /**
     * Schools (the first of them holding {@code bigSchool} pupils when that is more than 0, the others sharing the
     * rest evenly), pupils with identities (one in five living next door), one thuiszitterstafel with every fiftieth
     * pupil, DUO reports for every twentieth and closing decisions for some table cases.
     */
    static void setUp(Connection c, Viewer swv, int pupils, int schools, int municipalities, int bigSchool) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO municipality (code, name) SELECT 'GM80' || lpad(g::text, 2, '0'), 'Benchgemeente ' || g FROM generate_series(0, "
                    + (municipalities - 1) + ") g");
            s.execute("""
                    INSERT INTO school (brin, name, sector, board_party_id, partnership_party_id, municipality_id)
                    SELECT '6' || mod(g, 10) || chr(65 + g / 10 / 26) || chr(65 + mod(g / 10, 26)), 'Benchschool ' || g, 'VO',
                           (SELECT board_party_id FROM school WHERE brin = '02CD'), %d,
                           (SELECT id FROM municipality WHERE code = 'GM80' || lpad(mod(g, %d)::text, 2, '0'))
                      FROM generate_series(0, %d) g""".formatted(swv.partyId(), municipalities, schools - 1));
            // pupil g goes to school n: the first bigSchool pupils to school 0, the others round the remaining schools
            String schoolOf = bigSchool > 0 ? "CASE WHEN g < %d THEN 0 ELSE 1 + mod(g - %d, %d) END".formatted(bigSchool, bigSchool, schools - 1)
                    : "mod(g, %d)".formatted(schools);
            s.execute("""
                    INSERT INTO pupil (school_id, school_year, enrolled_on)
                    SELECT s.id, 1 + mod(g, 6), DATE '2024-08-26'
                      FROM generate_series(0, %d) g
                      JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM school WHERE brin LIKE '6%%') s ON s.n = %s"""
                    .formatted(pupils - 1, schoolOf));
            // residence: mostly the school's municipality, one in five next door; BSN fields are opaque bytes here
            s.execute("""
                    INSERT INTO pupil_identity (pupil_id, given_name, family_name, birth_date, street_address, postal_code,
                                                residence_municipality_id, bsn_cipher, bsn_index)
                    SELECT p.id, (GIVEN)[1 + mod(p.id / 40, 20)], (FAMILY)[1 + mod(p.id, 40)], DATE '2012-01-01' + mod(p.id, 1500)::int,
                           'Straat 1', '9999 AA',
                           CASE WHEN mod(p.id, 5) = 0 THEN (SELECT min(id) FROM municipality WHERE code LIKE 'GM80%') ELSE sc.municipality_id END,
                           decode(md5('c' || p.id), 'hex'), decode(md5('i' || p.id), 'hex')
                      FROM pupil p JOIN school sc ON sc.id = p.school_id WHERE sc.brin LIKE '6%'"""
                    .replace("(GIVEN)", "(" + GIVEN_NAMES + ")").replace("(FAMILY)", "(" + FAMILY_NAMES + ")"));
            s.execute("INSERT INTO meeting_series (type, name, partnership_id) VALUES ('THUISZITTERSTAFEL', 'Benchtafel', " + swv.partyId() + ")");
            s.execute("""
                    INSERT INTO series_case (series_id, pupil_id, alias_number, added_by, added_at)
                    SELECT (SELECT max(id) FROM meeting_series), p.id, row_number() OVER (ORDER BY p.id) + 1000, %d,
                           TIMESTAMPTZ '2025-08-15 10:00+02' + (mod(p.id, 400) || ' days')::interval
                      FROM pupil p JOIN school sc ON sc.id = p.school_id WHERE sc.brin LIKE '6%%' AND mod(p.id, 50) = 0""".formatted(swv.userId()));
            s.execute("""
                    INSERT INTO duo_report (pupil_id, school_id, kind, reported_on, duo_reference, recorded_by)
                    SELECT p.id, p.school_id, (ARRAY['RELATIVE_16H','OTHER_RELATIVE','LUXURY','SUSPECTED_UNAUTHORISED_SICKNESS','ABSOLUTE'])[1 + mod(p.id, 5)],
                           DATE '2025-09-01' + mod(p.id, 300)::int, 'B-' || p.id, %d
                      FROM pupil p JOIN school sc ON sc.id = p.school_id WHERE sc.brin LIKE '6%%' AND mod(p.id, 20) = 0""".formatted(swv.userId()));
            s.execute("""
                    INSERT INTO closing_decision (pupil_id, reason, decided_on, destroy_on, decided_by, decided_by_party)
                    SELECT sc.pupil_id, 'ATTENDED_ONE_YEAR', DATE '2026-03-01', DATE '2099-01-01', %d, %d
                      FROM series_case sc WHERE sc.series_id = (SELECT max(id) FROM meeting_series) AND mod(sc.pupil_id, 4) = 0"""
                    .formatted(swv.userId(), swv.partyId()));
        }
    }

    /**
     * User accounts of the bench region, by SQL as an administrator's import would leave them (no password works):
     * {@code perSchool} care coordinators per school ({@code zorg.<brin>.<k>}), {@code perMunicipality} attendance
     * officers per municipality, each of its own municipality's party and sworn for it ({@code leerplicht.<code>.<k>}),
     * {@code nurses} youth nurses of the demo's JGZ ({@code jgz.bench.<k>}) and {@code partnership} staff of the
     * partnership, half coordinators ({@code swv.bench.<k>}), half support experts ({@code ortho.bench.<k>}).
     * Returns how many accounts were added.
     */
    static long users(Connection c, Viewer swv, int perSchool, int perMunicipality, int nurses, int partnership) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("""
                    INSERT INTO party (covenant_id, type, name, joined_on, municipality_id)
                    SELECT (SELECT covenant_id FROM party WHERE id = %d), 'MUNICIPALITY', 'Gemeente ' || m.name, DATE '2024-09-01', m.id
                      FROM municipality m WHERE m.code LIKE 'GM80%%'""".formatted(swv.partyId()));
            s.execute("""
                    INSERT INTO user_account (username, display_name, role, party_id, password_hash)
                    SELECT 'zorg.' || sc.brin || '.' || k, 'Zorgcoördinator ' || k || ' ' || sc.name, 'CARE_COORDINATOR', sc.board_party_id, '!bench'
                      FROM school sc, generate_series(1, %d) k WHERE sc.brin LIKE '6%%' ORDER BY sc.id, k""".formatted(perSchool));
            s.execute("""
                    INSERT INTO user_school (user_id, school_id)
                    SELECT u.id, sc.id FROM school sc JOIN user_account u ON u.username LIKE 'zorg.' || sc.brin || '.%' WHERE sc.brin LIKE '6%'""");
            s.execute("""
                    INSERT INTO user_account (username, display_name, role, party_id, password_hash)
                    SELECT 'leerplicht.' || m.code || '.' || k, 'Leerplichtambtenaar ' || k || ' ' || m.name, 'ATTENDANCE_OFFICER', pa.id, '!bench'
                      FROM municipality m JOIN party pa ON pa.municipality_id = m.id AND pa.type = 'MUNICIPALITY', generate_series(1, %d) k
                     WHERE m.code LIKE 'GM80%%' ORDER BY m.id, k""".formatted(perMunicipality));
            s.execute("""
                    INSERT INTO user_sworn_municipality (user_id, municipality_id)
                    SELECT u.id, m.id FROM municipality m JOIN user_account u ON u.username LIKE 'leerplicht.' || m.code || '.%' WHERE m.code LIKE 'GM80%'""");
            s.execute("""
                    INSERT INTO user_account (username, display_name, role, party_id, password_hash)
                    SELECT 'jgz.bench.' || k, 'Jeugdverpleegkundige ' || k, 'YOUTH_NURSE', (SELECT party_id FROM user_account WHERE username = 'jgz.verpleegkundige'), '!bench'
                      FROM generate_series(1, %d) k""".formatted(nurses));
            s.execute("""
                    INSERT INTO user_account (username, display_name, role, party_id, password_hash)
                    SELECT CASE WHEN mod(k, 2) = 0 THEN 'swv.bench.' ELSE 'ortho.bench.' END || k,
                           'Samenwerkingsverband ' || k, CASE WHEN mod(k, 2) = 0 THEN 'PARTNERSHIP_COORDINATOR' ELSE 'SUPPORT_EXPERT' END, %d, '!bench'
                      FROM generate_series(1, %d) k""".formatted(swv.partyId(), partnership));
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM user_account WHERE password_hash = '!bench'")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Real encrypted BSNs for the generated pupils ({@code 80} and the pupil id in seven digits), for benches that read
     * pupils through the privacy kernel, which opens the BSN: sealed here, sent with COPY, set in one update.
     */
    static void sealBsns(Connection c, BsnCipher cipher) throws Exception {
        List<Long> pupils = ids(c, "SELECT p.id FROM pupil p JOIN school sc ON sc.id = p.school_id WHERE sc.brin LIKE '6%' ORDER BY p.id");
        StringBuilder text = new StringBuilder(pupils.size() * 120);
        HexFormat hex = HexFormat.of();
        for (long id : pupils) {
            BsnCipher.Sealed sealed = cipher.seal(id, "80%07d".formatted(id));
            text.append(id).append("\t\\\\x").append(hex.formatHex(sealed.cipher())).append("\t\\\\x").append(hex.formatHex(sealed.index())).append('\n');
        }
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TEMPORARY TABLE bench_bsn (pupil_id BIGINT PRIMARY KEY, bsn_cipher BYTEA, bsn_index BYTEA) ON COMMIT DROP");
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY bench_bsn FROM STDIN", new java.io.StringReader(text.toString()));
            s.execute("UPDATE pupil_identity i SET bsn_cipher = b.bsn_cipher, bsn_index = b.bsn_index FROM bench_bsn b WHERE b.pupil_id = i.pupil_id");
        }
    }

    /** The records, generated as COPY text while they are sent: per pupil {@code perPupil} records over the school year. */
    static long copy(Connection c, int pupils, int perPupil) throws Exception {
        List<long[]> pupilRows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT p.id, p.school_id FROM pupil p JOIN school sc ON sc.id = p.school_id WHERE sc.brin LIKE '6%' ORDER BY p.id")) {
            while (rs.next()) {
                pupilRows.add(new long[]{rs.getLong(1), rs.getLong(2)});
            }
        }
        String[] kinds = {"SICK", "SICK", "SICK", "SICK", "SICK", "LATE", "LATE", "UNAUTHORISED", "UNAUTHORISED", "LEAVE"};
        LocalDate first = LocalDate.of(2025, 8, 25);
        Reader reader = new Reader() {
            private int pupil;
            private int k;
            private final StringBuilder line = new StringBuilder(128);
            private int pos;

            @Override
            public int read(char[] buffer, int offset, int length) {
                int written = 0;
                while (written < length) {
                    if (pos == line.length()) {
                        if (pupil == pupilRows.size()) {
                            return written == 0 ? -1 : written;
                        }
                        long[] p = pupilRows.get(pupil);
                        line.setLength(0);
                        pos = 0;
                        line.append(p[1]).append("\tb").append(p[0]).append('-').append(k).append('\t').append(p[0]).append('\t')
                                .append(first.plusDays((k * 3L + p[0]) % 330)).append('\t').append(k % 2 == 0 ? "MORNING" : "AFTERNOON")
                                .append('\t').append(kinds[(int) ((k + p[0]) % kinds.length)]).append("\t2\tLESSON_HOUR\n");
                        if (++k == perPupil) {
                            k = 0;
                            pupil++;
                        }
                    }
                    int n = Math.min(length - written, line.length() - pos);
                    line.getChars(pos, pos + n, buffer, offset + written);
                    pos += n;
                    written += n;
                }
                return written;
            }

            @Override
            public void close() {
            }
        };
        long start = System.nanoTime();
        long copied = c.unwrap(PGConnection.class).getCopyAPI().copyIn(
                "COPY absence_record (school_id, source_id, pupil_id, absence_date, part_of_day, kind, hours, hour_unit) FROM STDIN", reader);
        long took = System.nanoTime() - start;
        if (copied != (long) pupils * perPupil) {
            throw new IllegalStateException("copied " + copied);
        }
        return took;
    }

    /** The first column of every row, as longs. */
    static List<Long> ids(Connection c, String sql) {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<Long> ids = new ArrayList<>();
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
            return ids;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** ANALYZE (VACUUM cannot run in a transaction; the rows are fresh, so there is nothing to vacuum). */
    static void analyze(TransactionOperations<Connection> tx) {
        tx.executeWrite(status -> {
            try (Statement s = status.getConnection().createStatement()) {
                s.execute("ANALYZE");
            }
            return null;
        });
    }

    static long best(int runs, Supplier<?> work) {
        long best = Long.MAX_VALUE;
        for (int run = 0; run < runs; run++) {
            long start = System.nanoTime();
            work.get();
            best = Math.min(best, System.nanoTime() - start);
        }
        return best;
    }
}
