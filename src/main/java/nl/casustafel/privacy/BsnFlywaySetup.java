package nl.casustafel.privacy;

import io.micronaut.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Gives Flyway (datasource {@code default}) the two steps that need the BSN key, as beans: the Java
 * migration 17.1 that encrypts the plain BSNs of a database made before V17, and the check after every
 * migrate that the key opens the stored values (re-encrypting those of an old key). Flyway's own
 * scanning of {@code db/migration} would create Java migrations without injection, hence this.
 */
@Singleton
@Named("default")
class BsnFlywaySetup implements FlywayConfigurationCustomizer {

    private final BsnEncryptionMigration migration;
    private final BsnKeyCheck check;

    BsnFlywaySetup(BsnEncryptionMigration migration, BsnKeyCheck check) {
        this.migration = migration;
        this.check = check;
    }

    @Override
    public String getName() {
        return "default";
    }

    @Override
    public void customizeFluentConfiguration(FluentConfiguration configuration) {
        configuration.javaMigrations(migration).callbacks(check);
    }
}
