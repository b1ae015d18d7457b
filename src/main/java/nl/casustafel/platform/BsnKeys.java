package nl.casustafel.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the keys that encrypt the BSN at rest, before the application context starts, and hands them
 * to it as properties. The key never lives in the database: it comes from {@code CASUSTAFEL_BSN_KEY}
 * (base64 of exactly 32 bytes) with its version {@code CASUSTAFEL_BSN_KEY_ID} (1–255, default 1), or,
 * without them, from {@code bsn.key} in the data folder ({@code ~/.casustafel}), made once with
 * owner-only permissions. {@code CASUSTAFEL_BSN_KEY_OLD} and {@code CASUSTAFEL_BSN_KEY_OLD_ID} name the
 * previous key while stored values are re-encrypted under a new one. Each variable may also be given
 * as a system property ({@code -Dcasustafel.bsn-keys.key=...}).
 */
public final class BsnKeys {

    /** The properties the privacy kernel reads (names that no environment variable maps to by itself). */
    public static final String KEY = "casustafel.bsn-keys.key";
    public static final String KEY_ID = "casustafel.bsn-keys.key-id";
    public static final String OLD_KEY = "casustafel.bsn-keys.old-key";
    public static final String OLD_KEY_ID = "casustafel.bsn-keys.old-key-id";

    public static final int KEY_BYTES = 32;
    static final String FILE_NAME = "bsn.key";

    private static Map<String, Object> testKeys;

    private BsnKeys() {
    }

    /** The keys for the application: the environment (or system properties), else the key file in {@code dataDir}. */
    public static Map<String, Object> forApplication(Path dataDir) {
        Map<String, Object> properties = new HashMap<>();
        Optional<String> key = setting(KEY, "CASUSTAFEL_BSN_KEY");
        if (key.isPresent()) {
            properties.put(KEY, key.get());
            properties.put(KEY_ID, setting(KEY_ID, "CASUSTAFEL_BSN_KEY_ID").orElse("1"));
        } else {
            KeyFile file = keyFile(dataDir.resolve(FILE_NAME));
            properties.put(KEY, file.key());
            properties.put(KEY_ID, file.id());
        }
        setting(OLD_KEY, "CASUSTAFEL_BSN_KEY_OLD").ifPresent(old -> {
            properties.put(OLD_KEY, old);
            properties.put(OLD_KEY_ID, setting(OLD_KEY_ID, "CASUSTAFEL_BSN_KEY_OLD_ID")
                    .orElseThrow(() -> new ConfigException("CASUSTAFEL_BSN_KEY_OLD is set without CASUSTAFEL_BSN_KEY_OLD_ID: "
                            + "give the version of the old key, so that values stored under it can be recognised")));
        });
        parse(String.valueOf(properties.get(KEY_ID)), String.valueOf(properties.get(KEY)), "CASUSTAFEL_BSN_KEY");
        if (properties.containsKey(OLD_KEY)) {
            parse(String.valueOf(properties.get(OLD_KEY_ID)), String.valueOf(properties.get(OLD_KEY)), "CASUSTAFEL_BSN_KEY_OLD");
        }
        return properties;
    }

    /** A random key for a test JVM: the same for every context of that JVM, which share one database. */
    public static synchronized Map<String, Object> forTests() {
        if (testKeys == null) {
            testKeys = Map.of(KEY, randomKey(), KEY_ID, "1");
        }
        return testKeys;
    }

    /** A key version and its 32 bytes. */
    public record Key(int id, byte[] bytes) {
    }

    /**
     * Checks a key as given; a garbled or short key stops the start here, with the variable's name,
     * rather than later at the first BSN.
     */
    public static Key parse(String id, String base64, String variable) {
        int version;
        try {
            version = Integer.parseInt(id.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(variable + "_ID must be a number from 1 to 255, not '" + id + "'");
        }
        if (version < 1 || version > 255) {
            throw new ConfigException(variable + "_ID must be a number from 1 to 255, not " + version);
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(variable + " is not valid base64 (" + e.getMessage() + "); "
                    + "make a key with: head -c 32 /dev/urandom | base64");
        }
        if (bytes.length != KEY_BYTES) {
            throw new ConfigException(variable + " must be " + KEY_BYTES + " bytes (base64 of 32 random bytes), but it is "
                    + bytes.length + " bytes; make a key with: head -c 32 /dev/urandom | base64");
        }
        return new Key(version, bytes);
    }

    private record KeyFile(String id, String key) {
    }

    /** The key file holds one line {@code <id>:<base64 key>}; made once, readable by the owner only. */
    private static KeyFile keyFile(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(file, "1:" + randomKey() + "\n", StandardCharsets.US_ASCII);
                } catch (FileAlreadyExistsException raced) {
                    // another start made it meanwhile: use that one
                }
            }
            String line = Files.readString(file, StandardCharsets.US_ASCII).trim();
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw new ConfigException(file + " must hold one line '<key id>:<base64 key>'");
            }
            return new KeyFile(line.substring(0, colon), line.substring(colon + 1));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the BSN key file " + file, e);
        }
    }

    private static Optional<String> setting(String property, String variable) {
        return Optional.ofNullable(System.getProperty(property, System.getenv(variable))).filter(v -> !v.isBlank());
    }

    private static String randomKey() {
        byte[] bytes = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
