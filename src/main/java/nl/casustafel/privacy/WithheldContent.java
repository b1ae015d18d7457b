package nl.casustafel.privacy;

import io.micronaut.serde.annotation.Serdeable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a viewer is told about case content they may not read: how many pieces of which kind, from
 * which party, and why, e.g. "1 notitie van CJG Dijkstreek — alleen zichtbaar met toestemming voor
 * gezondheidsgegevens". Never the text, never the writer's name.
 */
@Serdeable
public record WithheldContent(String kind, String party, int count, String rule, String reason, String text) {

    /** One withheld piece before counting: its kind ("notitie"), the providing party as the viewer may know it, the decision. */
    public record Piece(Kind kind, String party, ContentDecision decision) {
    }

    /** The kinds of content, with their Dutch singular and plural. */
    public enum Kind {
        NOTE("notitie", "notities"), OUTCOME("uitkomst", "uitkomsten"), ACTION("afspraak", "afspraken"),
        REGISTRATION("aanmeldgegevens", "aanmeldgegevens"),
        PLAN_LINE("onderdeel van het plan van aanpak", "onderdelen van het plan van aanpak"),
        PROGRESS("voortgangsbericht", "voortgangsberichten");

        private final String one;
        private final String many;

        Kind(String one, String many) {
            this.one = one;
            this.many = many;
        }

        public String label(int count) {
            return count == 1 ? one : many;
        }
    }

    /** The pieces counted per kind, party and reason, in the order first met. */
    public static List<WithheldContent> count(List<Piece> pieces) {
        Map<List<String>, int[]> counts = new LinkedHashMap<>();
        Map<List<String>, Piece> first = new LinkedHashMap<>();
        for (Piece p : pieces) {
            List<String> key = List.of(p.kind().name(), p.party(), p.decision().rule());
            counts.computeIfAbsent(key, k -> new int[1])[0]++;
            first.putIfAbsent(key, p);
        }
        List<WithheldContent> notices = new ArrayList<>();
        first.forEach((key, p) -> {
            int n = counts.get(key)[0];
            notices.add(new WithheldContent(p.kind().name(), p.party(), n, p.decision().rule(), p.decision().reason(),
                    n + " " + p.kind().label(n) + " van " + p.party() + " — " + p.decision().reason()));
        });
        return notices;
    }
}
