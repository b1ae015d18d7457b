package nl.casustafel.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Optional;

/** TOTP secrets and recovery codes; every check-and-use is one conditional UPDATE, so a code is used once. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface SecondFactorRepository extends GenericRepository<SecondFactor, Long> {

    @Query("SELECT * FROM second_factor WHERE user_id = :userId")
    Optional<SecondFactor> find(long userId);

    @Query("SELECT EXISTS (SELECT 1 FROM second_factor WHERE user_id = :userId)")
    boolean exists(long userId);

    /** Enrols; 0 when the account already has a second factor (then nothing changes). */
    @Query("INSERT INTO second_factor (user_id, secret, last_used_step) VALUES (:userId, :secret, :lastUsedStep) "
            + "ON CONFLICT (user_id) DO NOTHING")
    int insert(long userId, String secret, @Nullable Long lastUsedStep);

    /** Accepts a code of this time step: 1 if no code of this or a later step was accepted before, else 0. */
    @Query("UPDATE second_factor SET last_used_step = :step "
            + "WHERE user_id = :userId AND (last_used_step IS NULL OR last_used_step < :step)")
    int acceptStep(long userId, long step);

    @Query("DELETE FROM second_factor WHERE user_id = :userId")
    void delete(long userId);

    @Query("INSERT INTO recovery_code (user_id, code_hash) VALUES (:userId, :codeHash)")
    void addRecoveryCode(long userId, String codeHash);

    /** Uses a recovery code: 1 if it was there and unused, else 0. */
    @Query("UPDATE recovery_code SET used_at = now() WHERE user_id = :userId AND code_hash = :codeHash AND used_at IS NULL")
    int useRecoveryCode(long userId, String codeHash);

    @Query("SELECT count(*) FROM recovery_code WHERE user_id = :userId AND used_at IS NULL")
    long countUnusedRecoveryCodes(long userId);

    @Query("DELETE FROM recovery_code WHERE user_id = :userId")
    void deleteRecoveryCodes(long userId);
}
