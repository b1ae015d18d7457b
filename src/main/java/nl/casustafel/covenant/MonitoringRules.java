package nl.casustafel.covenant;

/**
 * What the covenant file says about the monitoring figures ({@code monitoring}): a cell counting fewer pupils
 * than {@code smallNumberThreshold} is never shown (art. 9.3: no longer traceable to a person; N27).
 */
public record MonitoringRules(int smallNumberThreshold) {

    public MonitoringRules {
        if (smallNumberThreshold < 2) {
            throw new IllegalArgumentException("smallNumberThreshold must be at least 2");
        }
    }
}
