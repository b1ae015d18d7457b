package nl.casustafel.privacy;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.casustafel.covenant.Role;
import nl.casustafel.account.Viewer;
import nl.casustafel.audit.AccessLog;
import nl.casustafel.platform.InvalidInputException;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Toezicht: the privacy officer (functionaris gegevensbescherming) looks pupils up by name or BSN to
 * search the access log for them. This is the only purpose it serves and the only role it answers: any
 * other viewer gets nothing. The officer sees the name of each pupil found, and only that (no birth
 * date, address, school or case data, and never the BSN back): checking who read that pupil's data is
 * the officer's supervisory task (AVG art. 39), and the officer typed the name or BSN already. Each pupil
 * found is logged as an identified read by the officer, with basis {@link Basis.Kind#SUPERVISION} and the
 * purpose as context, so the look-up is itself supervised (and shows in the pupil's inzageoverzicht).
 * A BSN is found through its blind index ({@link BsnCipher}), never compared in the database.
 */
@Singleton
public class SupervisoryLookup {

    /** More pupils than this for one name: the officer is asked for a more specific name instead. */
    public static final int MAX_PUPILS = 20;
    static final int MIN_NAME_LENGTH = 2;
    private static final Pattern DIGITS = Pattern.compile("[0-9 .]+");
    private static final Pattern BSN = Pattern.compile("[0-9]{9}");

    private final PupilIdentityRepository identities;
    private final AccessLog accessLog;

    SupervisoryLookup(PupilIdentityRepository identities, AccessLog accessLog) {
        this.identities = identities;
        this.accessLog = accessLog;
    }

    /** A pupil found, with the name the officer may see for this purpose. */
    public record Found(long pupilId, String name) {
    }

    /** What was looked up: by BSN or by (part of a) name, and the pupils found. */
    public record Lookup(boolean byBsn, List<Found> pupils) {
    }

    /**
     * The pupils whose BSN is {@code nameOrBsn} (9 digits; spaces and dots ignored) or whose name contains
     * it (at least 2 characters; case ignored), logged as read by the officer at {@code where}. Empty for
     * a viewer who is not the privacy officer. A term of other digits, or a name too short or matching more
     * than {@link #MAX_PUPILS} pupils, is refused (field {@code field}) and nothing is logged.
     */
    @Transactional
    public Lookup find(Viewer viewer, String nameOrBsn, String where, String field) {
        String term = nameOrBsn == null ? "" : nameOrBsn.strip().replaceAll("\\s+", " ");
        boolean byBsn = DIGITS.matcher(term).matches();
        if (viewer.role() != Role.PRIVACY_OFFICER) {
            return new Lookup(byBsn, List.of());
        }
        List<Found> found = byBsn ? byBsn(term.replaceAll("[ .]", ""), field) : byName(term, field);
        accessLog.record(viewer, found.stream().map(f -> new AccessLog.Read(f.pupilId(),
                where + (byBsn ? ", gezocht op BSN" : ", gezocht op naam"), Basis.Kind.SUPERVISION.name(), null)).toList());
        return new Lookup(byBsn, found);
    }

    private List<Found> byBsn(String bsn, String field) {
        if (!BSN.matcher(bsn).matches()) {
            throw new InvalidInputException(field, "Een BSN heeft 9 cijfers; vul het hele BSN in, of zoek op naam.");
        }
        return identities.findByBsn(bsn).map(SupervisoryLookup::found).stream().toList();
    }

    private List<Found> byName(String name, String field) {
        if (name.codePointCount(0, name.length()) < MIN_NAME_LENGTH) {
            throw new InvalidInputException(field, "Vul minstens " + MIN_NAME_LENGTH + " letters van de naam in.");
        }
        String pattern = "%" + name.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        List<PupilIdentity> matches = identities.findByNameLike(pattern, MAX_PUPILS + 1);
        if (matches.size() > MAX_PUPILS) {
            throw new InvalidInputException(field, "Meer dan " + MAX_PUPILS + " leerlingen hebben „" + name
                    + "” in hun naam. Vul de naam vollediger in, bijvoorbeeld voor- en achternaam.");
        }
        return matches.stream().map(SupervisoryLookup::found).toList();
    }

    private static Found found(PupilIdentity identity) {
        return new Found(identity.pupilId(), identity.fullName());
    }
}
