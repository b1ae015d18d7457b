package nl.casustafel.monitoring;

import nl.casustafel.privacy.FigureTable.Heading;

import java.util.List;

/** Counts laid into a rows × columns array by the headings' keys; counts whose key is not a heading are left out. */
final class Grid {

    private Grid() {
    }

    static long[][] of(List<Heading> rows, List<Heading> columns, List<MonitoringQueries.Count> counts,
                       java.util.function.Function<MonitoringQueries.Count, String> row,
                       java.util.function.Function<MonitoringQueries.Count, String> column) {
        long[][] grid = new long[rows.size()][columns.size()];
        for (MonitoringQueries.Count count : counts) {
            int r = index(rows, row.apply(count));
            int c = index(columns, column.apply(count));
            if (r >= 0 && c >= 0) {
                grid[r][c] += count.n();
            }
        }
        return grid;
    }

    static int index(List<Heading> headings, String key) {
        for (int i = 0; i < headings.size(); i++) {
            if (headings.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }
}
