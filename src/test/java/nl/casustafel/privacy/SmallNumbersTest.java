package nl.casustafel.privacy;

import nl.casustafel.covenant.MonitoringRules;
import nl.casustafel.privacy.FigureTable.Heading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The small-number rule (covenant art. 9.3, N27): under 5 reads "< 5", and no total gives a withheld cell back. */
public class SmallNumbersTest {

    private final SmallNumbers smallNumbers = new SmallNumbers(new MonitoringRules(5));

    @ParameterizedTest(name = "{0} pupils read \"{1}\"")
    @CsvSource({"0, 0", "1, < 5", "4, < 5", "5, 5", "120, 120"})
    void aCountUnderTheThresholdReadsLessThanFive(long count, String text) {
        FigureTable table = smallNumbers.table("t", "T", headings("r"), headings("c"), new long[][]{{count}}, SmallNumbers.Totals.NONE);
        FigureTable.Cell cell = table.cell("r", "c");
        assertEquals(text, cell.text());
        assertEquals(count > 0 && count < 5, cell.suppressed());
        if (cell.suppressed()) {
            assertNull(cell.value(), "a withheld figure has no value in the API either");
        }
    }

    @Test
    void aRowTotalDoesNotGiveBackTheSmallCell() {
        // 3 and 10 with total 13: showing 10 and 13 would give 3 back
        FigureTable table = smallNumbers.table("t", "T", headings("a"), headings("x", "y"), new long[][]{{3, 10}}, SmallNumbers.Totals.ROWS);
        assertEquals("< 5", table.cell("a", "x").text());
        assertEquals("x", table.cell("a", "y").text());
        assertEquals("13", table.cell("a", SmallNumbers.TOTAL).text());
        assertNoLineWithOneWithheld(table);
    }

    @Test
    void complementaryCellsSpreadOverRowsAndColumnsUntilEveryLineHasTwo() {
        long[][] counts = {{3, 10, 7}, {8, 9, 12}, {0, 6, 20}};
        FigureTable table = smallNumbers.table("t", "T", headings("a", "b", "c"), headings("x", "y", "z"), counts, SmallNumbers.Totals.BOTH);
        assertEquals("< 5", table.cell("a", "x").text());
        assertNoLineWithOneWithheld(table);
        // the grand total stays: it hides nothing
        assertEquals("75", table.cell(SmallNumbers.TOTAL, SmallNumbers.TOTAL).text());
    }

    @Test
    void aSmallCellAloneInItsLineWithZerosTakesTheTotalWithIt() {
        FigureTable table = smallNumbers.table("t", "T", headings("a", "b"), headings("n"), new long[][]{{0}, {2}}, SmallNumbers.Totals.COLUMNS);
        assertEquals("0", table.cell("a", "n").text());
        assertEquals("< 5", table.cell("b", "n").text());
        assertTrue(table.cell(SmallNumbers.TOTAL, "n").suppressed());
    }

    @Test
    void schoolsAndTheirMunicipalityAreProtectedTogether() {
        // municipality M has schools of 2 and 10 pupils: M's total 12 minus 10 would give the 2 back
        List<FigureTable> tables = smallNumbers.grouped("s", "S", "m", "M", "n", headings("s1", "s2", "s3"), List.of("M", "M", "N"),
                headings("M", "N"), new long[]{2, 10, 6});
        FigureTable schools = tables.get(0);
        FigureTable municipalities = tables.get(1);
        assertEquals("< 5", schools.cell("s1", "COUNT").text());
        assertEquals("x", schools.cell("s2", "COUNT").text());
        assertEquals("6", schools.cell("s3", "COUNT").text());
        assertEquals("12", municipalities.cell("M", "COUNT").text());
        assertEquals("18", municipalities.cell(SmallNumbers.TOTAL, "COUNT").text());
        // any two views (all schools, one municipality's schools) show the same cells: nothing to subtract
        FigureTable onlyM = schools.onlyRows(r -> !r.key().equals("s3"));
        assertEquals(schools.cell("s1", "COUNT"), onlyM.cell("s1", "COUNT"));
        assertEquals(schools.cell(SmallNumbers.TOTAL, "COUNT"), onlyM.cell(SmallNumbers.TOTAL, "COUNT"));
    }

    @Test
    void aMedianOfFewerThanFivePupilsIsWithheld() {
        assertEquals("x", smallNumbers.statistic(40, 4).text());
        assertEquals("40", smallNumbers.statistic(40, 5).text());
    }

    /** Every row with its total, and every column with its total: none may have exactly one withheld cell. */
    public static void assertNoLineWithOneWithheld(FigureTable table) {
        List<List<FigureTable.Cell>> lines = new ArrayList<>();
        boolean rowTotals = table.columns().getLast().key().equals(SmallNumbers.TOTAL);
        boolean columnTotals = table.rows().getLast().total();
        if (rowTotals) {
            table.rows().forEach(r -> lines.add(r.cells()));
        }
        if (columnTotals) {
            for (int c = 0; c < table.columns().size(); c++) {
                List<FigureTable.Cell> column = new ArrayList<>();
                for (FigureTable.Row r : table.rows()) {
                    column.add(r.cells().get(c));
                }
                lines.add(column);
            }
        }
        assertFalse(lines.isEmpty());
        for (List<FigureTable.Cell> line : lines) {
            long withheld = line.stream().filter(FigureTable.Cell::suppressed).count();
            assertTrue(withheld != 1, "a line with one withheld cell gives it back by subtraction: " + line);
        }
    }

    private static List<Heading> headings(String... keys) {
        return java.util.Arrays.stream(keys).map(k -> new Heading(k, k)).toList();
    }
}
