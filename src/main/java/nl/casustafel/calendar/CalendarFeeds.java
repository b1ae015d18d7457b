package nl.casustafel.calendar;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secrets of the personal calendar feeds: 256 random bits per account, handed out once and kept
 * only as their SHA-256 hash (a secret this long needs no slow hash). One per account: a new one
 * replaces the old, revoking deletes it.
 */
@Singleton
class CalendarFeeds {

    private final JdbcOperations jdbc;
    private final SecureRandom random = new SecureRandom();

    CalendarFeeds(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Makes a new secret for the account, replacing any earlier one, and returns it (the only time it is seen). */
    String renew(long userId) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.prepareStatement("""
                INSERT INTO calendar_feed (user_id, token_hash) VALUES (?, ?)
                ON CONFLICT (user_id) DO UPDATE SET token_hash = excluded.token_hash, created_at = now()
                """, statement -> {
            statement.setLong(1, userId);
            statement.setString(2, hash(secret));
            return statement.executeUpdate();
        });
        return secret;
    }

    /** Revokes the account's feed; returns whether there was one. */
    boolean revoke(long userId) {
        return jdbc.prepareStatement("DELETE FROM calendar_feed WHERE user_id = ?", statement -> {
            statement.setLong(1, userId);
            return statement.executeUpdate() > 0;
        });
    }

    boolean exists(long userId) {
        return jdbc.prepareStatement("SELECT 1 FROM calendar_feed WHERE user_id = ?", statement -> {
            statement.setLong(1, userId);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next();
            }
        });
    }

    /** Whether the secret is the current one of this active account. */
    boolean matches(long userId, String secret) {
        return jdbc.prepareStatement("""
                SELECT 1 FROM calendar_feed f JOIN user_account u ON u.id = f.user_id
                 WHERE f.user_id = ? AND f.token_hash = ? AND u.active
                """, statement -> {
            statement.setLong(1, userId);
            statement.setString(2, hash(secret));
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next();
            }
        });
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
