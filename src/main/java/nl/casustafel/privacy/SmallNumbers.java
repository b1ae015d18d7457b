package nl.casustafel.privacy;

import jakarta.inject.Singleton;
import nl.casustafel.covenant.MonitoringRules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The small-number decision for every figure that leaves the server (covenant art. 9.3, N27): a count of pupils
 * under the covenant's threshold is shown as "&lt; 5" (primary suppression), and so many further cells are withheld
 * as "x" (complementary suppression) that no withheld cell can be worked out by subtraction.
 * <p>
 * The figures form lines: parts and the sum shown for them (a row and its total, a column and its total, the
 * schools of a municipality and the municipality). Primary suppression leaves some line with exactly one withheld
 * member, whose value is then the sum minus the others; so, until no line has exactly one withheld member, the
 * smallest shown non-zero part of such a line is withheld as well (a zero part if there is none, else the sum).
 * <p>
 * Filters never recount: a table is protected whole, for everything the viewer may select in it, and a filter only
 * leaves rows out ({@link FigureTable#onlyRows}). Two filtered views therefore show the same cells as the whole table,
 * and their difference tells nothing the whole table does not. Different school years are different pupils' events
 * with no sum shown across them, so they are protected one year at a time.
 * <p>
 * Limits (documented, not hidden): the line rule stops the one-step subtraction; it is not a full audit against
 * every linear combination of several lines, and counts in two different tables that share no shown sum are
 * protected separately.
 */
@Singleton
public class SmallNumbers {

    /** How a complementary (not small, but withheld) cell reads. */
    public static final String WITHHELD = "x";

    private final int threshold;

    public SmallNumbers(MonitoringRules rules) {
        this.threshold = rules.smallNumberThreshold();
    }

    public int threshold() {
        return threshold;
    }

    /** The text of a small cell: "&lt; 5". */
    public String smallText() {
        return "< " + threshold;
    }

    /** A sum shown for some figures: {@code parts} are indexes of figures, {@code sum} the index of their shown sum. */
    public record Line(int[] parts, int sum) {
    }

    /** Which of the figures are withheld: small ones, and the complements the lines need. */
    public boolean[] withheld(long[] values, List<Line> lines) {
        boolean[] out = new boolean[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = small(values[i]);
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Line line : lines) {
                if (withheldIn(line, out) != 1) {
                    continue;
                }
                int pick = complement(line, values, out);
                out[pick] = true;
                changed = true;
            }
        }
        return out;
    }

    private boolean small(long value) {
        return value > 0 && value < threshold;
    }

    private static int withheldIn(Line line, boolean[] out) {
        int n = out[line.sum()] ? 1 : 0;
        for (int p : line.parts()) {
            if (out[p]) {
                n++;
            }
        }
        return n;
    }

    /** The smallest shown non-zero part, else a shown zero part, else the sum. */
    private static int complement(Line line, long[] values, boolean[] out) {
        int best = -1;
        for (int p : line.parts()) {
            if (!out[p] && values[p] > 0 && (best < 0 || values[p] < values[best])) {
                best = p;
            }
        }
        if (best >= 0) {
            return best;
        }
        for (int p : line.parts()) {
            if (!out[p]) {
                return p;
            }
        }
        return line.sum();
    }

    /** The cell for a figure, withheld or not. */
    public FigureTable.Cell cell(long value, boolean withheld) {
        if (!withheld) {
            return new FigureTable.Cell(value, Long.toString(value), false);
        }
        return new FigureTable.Cell(null, small(value) ? smallText() : WITHHELD, true);
    }

    /**
     * A figure that is not a count but describes {@code basis} pupils (a median duration): shown only when the
     * basis is at least the threshold, else withheld as "x".
     */
    public FigureTable.Cell statistic(long value, long basis) {
        return basis >= threshold ? new FigureTable.Cell(value, Long.toString(value), false)
                : new FigureTable.Cell(null, WITHHELD, true);
    }

    /** Which sums a table shows. */
    public enum Totals { NONE, ROWS, COLUMNS, BOTH }

    /**
     * A table of pupil counts ({@code counts[row][column]}) with the sums asked for: a "Totaal" column (the sum of
     * each row) and/or a "Totaal" row (the sum of each column, and the grand total when both).
     */
    public FigureTable table(String id, String title, List<FigureTable.Heading> rows, List<FigureTable.Heading> columns,
                             long[][] counts, Totals totals) {
        int r = rows.size();
        int c = columns.size();
        boolean rowSums = totals == Totals.ROWS || totals == Totals.BOTH;
        boolean columnSums = totals == Totals.COLUMNS || totals == Totals.BOTH;
        // layout: cells, then row sums, then column sums, then the grand total
        long[] values = new long[r * c + r + c + 1];
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                long v = counts[i][j];
                values[i * c + j] = v;
                values[r * c + i] += v;
                values[r * c + r + j] += v;
                values[r * c + r + c] += v;
            }
        }
        if (rowSums) {
            for (int i = 0; i < r; i++) {
                int[] parts = new int[c];
                for (int j = 0; j < c; j++) {
                    parts[j] = i * c + j;
                }
                lines.add(new Line(parts, r * c + i));
            }
        }
        if (columnSums) {
            for (int j = 0; j < c; j++) {
                int[] parts = new int[r];
                for (int i = 0; i < r; i++) {
                    parts[i] = i * c + j;
                }
                lines.add(new Line(parts, r * c + r + j));
            }
        }
        if (rowSums && columnSums) {
            int[] rowTotals = new int[r];
            Arrays.setAll(rowTotals, i -> r * c + i);
            int[] columnTotals = new int[c];
            Arrays.setAll(columnTotals, j -> r * c + r + j);
            lines.add(new Line(rowTotals, r * c + r + c));
            lines.add(new Line(columnTotals, r * c + r + c));
        }
        boolean[] out = withheld(values, lines);
        List<FigureTable.Heading> headings = new ArrayList<>(columns);
        if (rowSums) {
            headings.add(new FigureTable.Heading(TOTAL, "Totaal"));
        }
        List<FigureTable.Row> body = new ArrayList<>();
        for (int i = 0; i < r; i++) {
            List<FigureTable.Cell> cells = new ArrayList<>();
            for (int j = 0; j < c; j++) {
                cells.add(cell(values[i * c + j], out[i * c + j]));
            }
            if (rowSums) {
                cells.add(cell(values[r * c + i], out[r * c + i]));
            }
            body.add(new FigureTable.Row(rows.get(i).key(), rows.get(i).label(), false, cells));
        }
        if (columnSums) {
            List<FigureTable.Cell> cells = new ArrayList<>();
            for (int j = 0; j < c; j++) {
                cells.add(cell(values[r * c + r + j], out[r * c + r + j]));
            }
            if (rowSums) {
                cells.add(cell(values[r * c + r + c], out[r * c + r + c]));
            }
            body.add(new FigureTable.Row(TOTAL, "Totaal", true, cells));
        }
        return new FigureTable(id, title, headings, body);
    }

    /** The key of a total row or column. */
    public static final String TOTAL = "TOTAL";

    /**
     * One count per member (a school) and members in groups (its municipality), protected together so that
     * neither table gives back a withheld cell of the other: lines are each group's members to the group's
     * total, the groups to the grand total and the members to the grand total. Returns the member table and
     * the group table, each with a total row.
     */
    public List<FigureTable> grouped(String memberId, String memberTitle, String groupId, String groupTitle, String column,
                                     List<FigureTable.Heading> members, List<String> groupOfMember,
                                     List<FigureTable.Heading> groups, long[] counts) {
        int m = members.size();
        int g = groups.size();
        long[] values = new long[m + g + 1];
        List<List<Integer>> memberIndexes = new ArrayList<>();
        for (int k = 0; k < g; k++) {
            memberIndexes.add(new ArrayList<>());
        }
        for (int i = 0; i < m; i++) {
            values[i] = counts[i];
            int k = indexOf(groups, groupOfMember.get(i));
            values[m + k] += counts[i];
            values[m + g] += counts[i];
            memberIndexes.get(k).add(i);
        }
        List<Line> lines = new ArrayList<>();
        for (int k = 0; k < g; k++) {
            lines.add(new Line(memberIndexes.get(k).stream().mapToInt(Integer::intValue).toArray(), m + k));
        }
        int[] allMembers = new int[m];
        Arrays.setAll(allMembers, i -> i);
        int[] allGroups = new int[g];
        Arrays.setAll(allGroups, k -> m + k);
        lines.add(new Line(allMembers, m + g));
        lines.add(new Line(allGroups, m + g));
        boolean[] out = withheld(values, lines);
        List<FigureTable.Heading> columns = List.of(new FigureTable.Heading("COUNT", column));
        List<FigureTable.Row> memberRows = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            memberRows.add(new FigureTable.Row(members.get(i).key(), members.get(i).label(), false, List.of(cell(values[i], out[i]))));
        }
        List<FigureTable.Row> groupRows = new ArrayList<>();
        for (int k = 0; k < g; k++) {
            groupRows.add(new FigureTable.Row(groups.get(k).key(), groups.get(k).label(), false, List.of(cell(values[m + k], out[m + k]))));
        }
        FigureTable.Row total = new FigureTable.Row(TOTAL, "Totaal", true, List.of(cell(values[m + g], out[m + g])));
        memberRows.add(total);
        groupRows.add(total);
        return List.of(new FigureTable(memberId, memberTitle, columns, memberRows),
                new FigureTable(groupId, groupTitle, columns, groupRows));
    }

    private static int indexOf(List<FigureTable.Heading> headings, String key) {
        for (int i = 0; i < headings.size(); i++) {
            if (headings.get(i).key().equals(key)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no group " + key);
    }
}
