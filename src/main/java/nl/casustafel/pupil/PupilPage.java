package nl.casustafel.pupil;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import io.micronaut.core.annotation.Nullable;

/**
 * The address of a pupil's page (the case file, {@code casefile.PupilDetailView}, which gathers every
 * feature's part of it). Lists open it by this route, so that the pupil feature needs none of the features
 * the page shows.
 */
public final class PupilPage {

    /** {@code leerling/<ref>}, where ref is the pupil's handle at a table, or its number for a viewer who sees it by name. */
    public static final String ROUTE = "leerling";
    /** The table the page is opened from, so the handle and the seat are those of that table. */
    public static final String TABLE_PARAMETER = "tafel";

    private PupilPage() {
    }

    public static void open(UI ui, String ref, @Nullable Long seriesId) {
        ui.navigate(ROUTE + "/" + ref,
                seriesId == null ? QueryParameters.empty() : QueryParameters.of(TABLE_PARAMETER, String.valueOf(seriesId)));
    }
}
