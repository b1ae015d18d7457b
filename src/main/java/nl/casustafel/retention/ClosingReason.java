package nl.casustafel.retention;

/**
 * Why a case is closed (covenant art. 5.5; the codes of {@code retention.closeCaseWhen} in the covenant
 * file). The Dutch labels are {@code closingReason.<CODE>} in the translations.
 */
public enum ClosingReason {
    /** Na terugkeer een jaar onafgebroken aan het onderwijs deelgenomen, zonder de m@zl-criteria te halen. */
    ATTENDED_ONE_YEAR,
    /** Niet langer woonachtig in een gemeente die partij is, noch ingeschreven bij een schoolbestuur dat partij is. */
    LEFT_REGION,
    /** De leerling is overleden. */
    DECEASED
}
