package nl.casustafel.account;

import jakarta.inject.Singleton;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** Hashes and checks passwords with bcrypt. */
@Singleton
public class PasswordHasher {

    private static final int STRENGTH = 10;
    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(STRENGTH);
    /** Checked against when the user does not exist, so that timing does not reveal valid usernames. */
    private final String dummyHash = encoder.encode("no-such-user");

    public String hash(String password) {
        return encoder.encode(password);
    }

    public boolean matches(String password, String hash) {
        return encoder.matches(password, hash);
    }

    boolean matchesNothing(String password) {
        encoder.matches(password, dummyHash);
        return false;
    }
}
