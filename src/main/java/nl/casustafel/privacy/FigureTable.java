package nl.casustafel.privacy;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.ArrayList;
import java.util.List;

/**
 * A table of figures as it may leave the server: every cell already passed {@link SmallNumbers}. Made only by
 * {@link SmallNumbers}; screens, exports and the API render it and never recount.
 *
 * @param id      a stable name for the table ({@code absenceByMonth}), used by the API, the screen and the exports
 * @param columns the column headings, the total column (if any) last
 * @param rows    the rows, the total row (if any) last with {@code total = true}
 */
@Serdeable
public record FigureTable(String id, String title, List<Heading> columns, List<Row> rows) {

    /** A row or column heading: {@code key} for links and filters ({@code 2025-09}, {@code UNAUTHORISED}), {@code label} in Dutch. */
    @Serdeable
    public record Heading(String key, String label) {
    }

    /** A row of cells, in the order of the columns. */
    @Serdeable
    public record Row(String key, String label, boolean total, List<Cell> cells) {
    }

    /**
     * One figure: {@code value} is null when it is withheld; {@code text} is what every output shows ("12",
     * "< 5", or "x" for a cell withheld so that a small one cannot be worked out from the totals).
     */
    @Serdeable
    public record Cell(@JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Long value, String text, boolean suppressed) {
    }

    /** The cell in the row with key {@code row} and the column with key {@code column}. */
    public Cell cell(String row, String column) {
        int c = columnIndex(column);
        return rows.stream().filter(r -> r.key().equals(row)).findFirst()
                .map(r -> r.cells().get(c)).orElseThrow(() -> new IllegalArgumentException("no row " + row));
    }

    public int columnIndex(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).key().equals(column)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no column " + column);
    }

    /** The same table with only the rows {@code keep} says yes to (and the total row): a filter never recounts. */
    public FigureTable onlyRows(java.util.function.Predicate<Row> keep) {
        List<Row> kept = new ArrayList<>();
        for (Row row : rows) {
            if (row.total() || keep.test(row)) {
                kept.add(row);
            }
        }
        return new FigureTable(id, title, columns, kept);
    }
}
