package nl.casustafel.retention;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import nl.casustafel.platform.ConfigFiles;
import nl.casustafel.platform.YamlNode;

/** Reads the retention period from the covenant file at start-up; a missing or bad value stops the start. */
@Factory
public class RetentionPeriodFactory {

    static final String MONTHS = "destroyPersonalDataWithinMonthsAfterClosingDecision";

    @Context
    RetentionPeriod retentionPeriod(ConfigFiles config, @Value("${casustafel.covenant:covenants/dijkstreek.yaml}") String file) {
        return of(config.yaml(file));
    }

    static RetentionPeriod of(YamlNode root) {
        YamlNode retention = root.node("retention");
        int months = retention.integer(MONTHS);
        if (months < 1 || months > 12) {
            // Art. 9.2: at the latest one year after the closing decision.
            throw retention.node(MONTHS).error("must be between 1 and 12 months (covenant art. 9.2)");
        }
        return new RetentionPeriod(months);
    }
}
