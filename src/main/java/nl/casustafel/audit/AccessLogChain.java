package nl.casustafel.audit;

import nl.casustafel.platform.DutchDates;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Checks that the access log is whole. Three things together:
 * <ul>
 *   <li>the chain: every row's hash matches its content and links to the previous row's hash, so a row
 *   changed or removed behind the database's back (e.g. by a superuser who dropped the trigger) shows as a
 *   break at that row;</li>
 *   <li>the signed checkpoints ({@link AccessLogCheckpoints}): each must carry a valid signature, and the row it
 *   names must still be there with the signed hash and as many rows up to it. Recomputing the chain with
 *   {@code access_log_row_hash()} after a change, or removing rows, cannot produce the signed hash without the
 *   key, which the database does not hold;</li>
 *   <li>the external head ({@link AccessLogHead}): the newest checkpoint kept outside the database, checked in
 *   the same way and required to be in the database too, so that removing the newest rows together with
 *   their checkpoints shows.</li>
 * </ul>
 * The result names the first broken or missing row and explains it in Dutch.
 */
@Singleton
public class AccessLogChain {


    private final JdbcOperations jdbc;
    private final AuditKey key;
    private final AccessLogCheckpoints checkpoints;
    private final AccessLogHead head;

    public AccessLogChain(JdbcOperations jdbc, AuditKey key, AccessLogCheckpoints checkpoints, AccessLogHead head) {
        this.jdbc = jdbc;
        this.key = key;
        this.checkpoints = checkpoints;
        this.head = head;
    }

    /**
     * The outcome. {@code firstBrokenRow} is the first row found changed or missing (null when intact, or when
     * only a checkpoint itself is wrong); {@code explanation} says what was found, in Dutch.
     */
    @Serdeable
    public record Verification(boolean intact, long rowsChecked, @Nullable Long firstBrokenRow, int checkpointsChecked,
                               @Nullable Instant lastCheckpointAt, String explanation) {
    }

    /** Signs the log's head first (only when the log still extends the last checkpoint), then checks it all. */
    public Verification checkpointAndVerify() {
        checkpoints.write();
        return verify();
    }

    /** Checks the log as it is, writing nothing. */
    @Transactional(readOnly = true)
    public Verification verify() {
        // The head first: it is written after its checkpoint commits, so the table read next holds it.
        Optional<Checkpoint> external = head.read();
        List<Checkpoint> stored = checkpoints.all();
        List<Anchor> anchors = new ArrayList<>();
        stored.stream().filter(c -> c.signedBy(key)).forEach(c -> anchors.add(new Anchor(c, false)));
        external.filter(c -> c.signedBy(key)).ifPresent(c -> anchors.add(new Anchor(c, true)));
        anchors.sort(Comparator.comparingLong((Anchor a) -> a.checkpoint().lastRowId()));
        Instant last = anchors.stream().map(a -> a.checkpoint().at()).max(Comparator.naturalOrder()).orElse(null);

        Walk walk = new Walk(anchors);
        LogRows.walk(jdbc, 0, walk::visit);
        walk.finish();
        int checked = stored.size() + (external.isPresent() ? 1 : 0);
        if (walk.problem != null) {
            return new Verification(false, walk.rows, walk.problemRow, checked, last, walk.problem);
        }
        for (Checkpoint c : stored) {
            if (!c.signedBy(key)) {
                return new Verification(false, walk.rows, null, checked, last, key.knows(c.keyId())
                        ? "Controlepunt %d heeft geen geldige handtekening: het is buiten Casustafel om geschreven of gewijzigd. Meld dit direct."
                        .formatted(c.id())
                        : ("Controlepunt %d is ondertekend met een sleutel die Casustafel niet kent (sleutel %s). Na het vervangen van de "
                        + "sleutel hoort de vorige in CASUSTAFEL_AUDIT_PREVIOUS_KEYS; anders is het buiten Casustafel om geschreven. "
                        + "Meld dit direct.").formatted(c.id(), c.keyId()));
            }
        }
        if (external.isPresent()) {
            Checkpoint outside = external.get();
            if (!outside.signedBy(key)) {
                return new Verification(false, walk.rows, null, checked, last,
                        "Het laatste controlepunt buiten de database (%s) heeft geen geldige handtekening. Meld dit direct."
                                .formatted(head.file()));
            }
            if (stored.stream().noneMatch(outside::sameAs)) {
                return new Verification(false, walk.rows, null, checked, last,
                        ("Controlepunt %d (van %s, tot en met rij %d) ontbreekt in de database, maar staat wel in de kopie buiten "
                        + "de database: controlepunten zijn verwijderd. Meld dit direct.")
                                .formatted(outside.id(), DutchDates.TIMESTAMP.format(outside.at()), outside.lastRowId()));
            }
        }
        String explanation = anchors.isEmpty()
                ? "Het logboek is intact: %d regels gecontroleerd; er is nog geen ondertekend controlepunt.".formatted(walk.rows)
                : "Het logboek is intact: %d regels en %d ondertekende controlepunten gecontroleerd, het laatste van %s%s."
                .formatted(walk.rows, checked, DutchDates.TIMESTAMP.format(last),
                        external.isPresent() ? " (ook buiten de database bewaard)" : "");
        return new Verification(true, walk.rows, null, checked, last, explanation);
    }

    /** A correctly signed checkpoint to hold the rows against; {@code outside} when it is the external head. */
    private record Anchor(Checkpoint checkpoint, boolean outside) {

        String source() {
            return outside ? "het controlepunt van %s (buiten de database bewaard)".formatted(DutchDates.TIMESTAMP.format(checkpoint.at()))
                    : "controlepunt %d van %s".formatted(checkpoint.id(), DutchDates.TIMESTAMP.format(checkpoint.at()));
        }
    }

    /** One pass over the rows, holding them against the chain and the anchors in row order; stops at the first problem. */
    private static final class Walk {
        private final List<Anchor> anchors;
        private int next;
        private long rows;
        private long lastId;
        private long lastGoodAnchorRow;
        private String previousHash = Checkpoint.GENESIS;
        private String problem;
        private Long problemRow;

        Walk(List<Anchor> anchors) {
            this.anchors = anchors;
        }

        boolean visit(LogRows.Row row) {
            while (next < anchors.size() && anchors.get(next).checkpoint().lastRowId() < row.id()) {
                if (!passEmpty(anchors.get(next))) {
                    missing(anchors.get(next), true);
                    return false;
                }
                next++;
            }
            if (!row.sealed()) {
                fail(row.id(), "Regel %d is gewijzigd: de inhoud past niet meer bij de hash van de regel.".formatted(row.id()));
                return false;
            }
            if (!row.prevHash().equals(previousHash)) {
                fail(row.id(), ("Regel %d sluit niet aan op de regel ervoor (regel %d): daartussen is een regel verwijderd, "
                        + "of de regel ervoor is gewijzigd.").formatted(row.id(), lastId));
                return false;
            }
            rows++;
            lastId = row.id();
            previousHash = row.hash();
            while (next < anchors.size() && anchors.get(next).checkpoint().lastRowId() == row.id()) {
                if (!matches(anchors.get(next), row)) {
                    return false;
                }
                lastGoodAnchorRow = row.id();
                next++;
            }
            return true;
        }

        void finish() {
            if (problem != null) {
                return;
            }
            while (next < anchors.size()) {
                if (!passEmpty(anchors.get(next))) {
                    missing(anchors.get(next), false);
                    return;
                }
                next++;
            }
        }

        /** A checkpoint of the empty log (row 0) holds as long as it says so. */
        private boolean passEmpty(Anchor anchor) {
            return anchor.checkpoint().lastRowId() == 0 && anchor.checkpoint().rowCount() == 0;
        }

        private boolean matches(Anchor anchor, LogRows.Row row) {
            Checkpoint c = anchor.checkpoint();
            if (rows != c.rowCount()) {
                fail(row.id(), rows < c.rowCount()
                        ? "Er ontbreken %d regels tot en met regel %d: %s telde er %d, nu zijn het er %d."
                        .formatted(c.rowCount() - rows, row.id(), anchor.source(), c.rowCount(), rows)
                        : "Er zijn %d regels buiten Casustafel om toegevoegd tot en met regel %d: %s telde er %d, nu zijn het er %d."
                        .formatted(rows - c.rowCount(), row.id(), anchor.source(), c.rowCount(), rows));
                return false;
            }
            if (!row.hash().equals(c.headHash())) {
                fail(row.id(), ("De keten is opnieuw berekend: regel %d heeft niet meer de hash die %s vastlegde. Een regel "
                        + "na regel %d en tot en met regel %d is gewijzigd.").formatted(row.id(), anchor.source(), lastGoodAnchorRow, row.id()));
                return false;
            }
            return true;
        }

        private void missing(Anchor anchor, boolean laterRowsExist) {
            Checkpoint c = anchor.checkpoint();
            fail(c.lastRowId(), "Regel %d ontbreekt: %s legde %d regels vast tot en met regel %d. %s".formatted(c.lastRowId(),
                    anchor.source(), c.rowCount(), c.lastRowId(), laterRowsExist
                            ? "Er zijn regels verwijderd."
                            : lastId == 0 ? "Het logboek is nu leeg: alle regels zijn verwijderd."
                            : "Het logboek eindigt nu bij regel %d: de nieuwste regels zijn verwijderd.".formatted(lastId)));
        }

        private void fail(long row, String explanation) {
            problemRow = row;
            problem = explanation + " Meld dit direct.";
        }
    }
}
